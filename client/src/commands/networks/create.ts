import type { Ctx } from '../../ctx';
import { engineOf, reasonOf } from '../shared';
import { newNameProblem } from '../volumes/names';

/**
 * The drivers offered, bridge (the engine's default) first. The engine says in plain words when one cannot be
 * used here: overlay needs Swarm mode, macvlan and ipvlan need the kernel's support.
 */
export const NETWORK_DRIVERS = ['bridge', 'macvlan', 'ipvlan', 'overlay'] as const;

/**
 * Asks for a name (an empty one cancels) and a driver, and creates the network. Resolves with its name and
 * driver; undefined when cancelled or when the engine refused.
 */
export async function createNetwork(ctx: Ctx): Promise<{ name: string; driver: string } | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  let existing: string[];
  try {
    existing = (await engine.listNetworks()).map((n) => n.name);
  } catch (error) {
    ctx.notifier.error(`Could not list the networks: ${reasonOf(error)}`);
    return undefined;
  }
  const name = (await ctx.notifier.input('Name of the new network', '', (value) => newNameProblem('network', value.trim(), existing)))?.trim();
  if (!name) return undefined;
  const driver = await ctx.notifier.pick(
    `Driver of the network ${name} (bridge connects containers on this machine; overlay needs Swarm mode)`,
    NETWORK_DRIVERS,
  );
  if (!driver) return undefined;
  try {
    await engine.createNetwork(name, driver);
    // Podman sends no network events: read the list again rather than wait for one.
    ctx.session.lists.invalidate('networks');
    return { name, driver };
  } catch (error) {
    ctx.notifier.error(`Could not create the ${driver} network ${name}: ${reasonOf(error)}`);
    return undefined;
  }
}
