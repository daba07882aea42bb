import type { Ctx } from '../../ctx';
import { isPredefinedNetwork } from '../../engine/types';
import { byName, cancellableProgress, engineOf, reasonOf, sayPruneFailed } from '../shared';
import { nameList } from '../system/pruneMessage';
import { plural } from '../../format/text';

/** States in which a container holds its networks (the engine prunes networks only stopped containers name). */
const CONNECTED_STATES = new Set(['running', 'paused', 'restarting']);

/**
 * Removes the networks no running container uses (`docker network prune`), after asking with their names.
 * Resolves with the names the engine removed, sorted; undefined when nothing was asked or the user said no.
 */
export async function pruneNetworks(ctx: Ctx): Promise<string[] | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  let unused: string[];
  const stoppedUsers = new Map<string, string[]>();
  try {
    const [networks, containers] = await Promise.all([engine.listNetworks(), engine.listContainers()]);
    const connected = new Set(containers.filter((c) => CONNECTED_STATES.has(c.state)).flatMap((c) => Object.keys(c.networks)));
    unused = networks
      .map((n) => n.name)
      .filter((name) => !isPredefinedNetwork(name) && !connected.has(name))
      .sort(byName);
    for (const c of containers.filter((c) => !CONNECTED_STATES.has(c.state))) {
      for (const name of Object.keys(c.networks).filter((n) => unused.includes(n))) stoppedUsers.set(name, [...(stoppedUsers.get(name) ?? []), c.name]);
    }
  } catch (error) {
    ctx.notifier.error(`Could not list the networks: ${reasonOf(error)}`);
    return undefined;
  }
  if (unused.length === 0) {
    ctx.notifier.info('There are no unused networks.');
    return undefined;
  }
  const warnings = [...stoppedUsers].map(
    ([name, users]) => `${name} is still set on the stopped ${users.length === 1 ? 'container' : 'containers'} ${nameList(users.sort(byName))}, which will not start again until connected to another network.`,
  );
  const answer = await ctx.notifier.confirm(
    `Remove ${plural(unused.length, 'unused network')} (${nameList(unused)})?`,
    ['No running container is attached to them.', ...warnings].join('\n'),
    'Remove',
  );
  if (answer !== 'Remove') return undefined;
  return cancellableProgress('Removing unused networks', async (signal) => {
    try {
      const removed = [...(await engine.pruneNetworks(signal)).removed].sort(byName);
      // Podman sends no network events: read the list again rather than wait for one.
      ctx.session.lists.invalidate('networks');
      ctx.notifier.info(removed.length === 0 ? 'Removed no network.' : `Removed ${plural(removed.length, 'network')}: ${nameList(removed)}.`);
      return removed;
    } catch (error) {
      sayPruneFailed(ctx, 'networks', error, signal);
      return undefined;
    }
  });
}
