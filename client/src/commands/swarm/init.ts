import type { Ctx } from '../../ctx';
import { reasonOf } from '../shared';
import { advertiseAddressProblem } from './inputs';
import { refreshSwarm, swarmOf } from './shared';

const LOOPBACK = '127.0.0.1 (this machine only)';
const ENGINE_CHOOSES = 'Let the engine choose (its address on the default route)';
const OTHER = 'Another address…';

/**
 * Makes the engine the first manager of a new swarm (`docker swarm init`) after asking which address the other
 * nodes will reach it on, and confirming. Resolves with the address used ("" when the engine chose); undefined
 * when cancelled or failed.
 */
export async function initSwarm(ctx: Ctx): Promise<string | undefined> {
  const swarm = swarmOf(ctx);
  if (!swarm) return undefined;
  const choice = await ctx.notifier.pick('Address the other nodes of the swarm reach this engine on', [LOOPBACK, ENGINE_CHOOSES, OTHER]);
  if (!choice) return undefined;
  let address = choice === LOOPBACK ? '127.0.0.1' : '';
  if (choice === OTHER) {
    address = (await ctx.notifier.input('Address to advertise (an IP address or an interface name)', '', (v) => advertiseAddressProblem(v.trim())))?.trim() ?? '';
    if (!address) return undefined;
  }
  const answer = await ctx.notifier.confirm(
    `Initialize a swarm on this engine${address ? `, advertised at ${address}` : ''}?`,
    'The engine becomes the manager of a new swarm: it can then run services and stacks, and other engines can join it. "Leave the Swarm" undoes it.',
    'Initialize',
  );
  if (answer !== 'Initialize') return undefined;
  try {
    await swarm.init(address);
    refreshSwarm(ctx);
    return address;
  } catch (error) {
    ctx.notifier.error(`Could not initialize a swarm: ${reasonOf(error)}`);
    return undefined;
  }
}
