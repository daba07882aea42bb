import type { Ctx } from '../../ctx';
import { reasonOf } from '../shared';
import { refreshSwarm, swarmOf } from './shared';

/**
 * Takes the engine out of its swarm (`docker swarm leave`, forced on a manager) after asking. On the last manager
 * this ends the swarm: its services, secrets and configs are gone. Resolves true when the engine left.
 */
export async function leaveSwarm(ctx: Ctx): Promise<boolean> {
  const swarm = swarmOf(ctx);
  if (!swarm) return false;
  let manager: boolean;
  try {
    const state = await swarm.state();
    if (state.localNodeState === 'inactive') {
      ctx.notifier.info('This engine is not part of a swarm.');
      refreshSwarm(ctx);
      return false;
    }
    manager = state.manager;
  } catch (error) {
    ctx.notifier.error(`Could not read the engine's swarm state: ${reasonOf(error)}`);
    return false;
  }
  const answer = await ctx.notifier.confirm(
    'Leave the swarm?',
    manager
      ? 'This engine is a manager. If it is the last one, the swarm ends: its services, their tasks, secrets and configs are removed.'
      : 'The tasks this engine runs for the swarm stop; the managers schedule them elsewhere.',
    'Leave',
  );
  if (answer !== 'Leave') return false;
  try {
    await swarm.leave(manager);
    return true;
  } catch (error) {
    ctx.notifier.error(`Could not leave the swarm: ${reasonOf(error)}`);
    return false;
  } finally {
    refreshSwarm(ctx);
  }
}
