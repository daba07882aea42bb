import type { Ctx } from '../../ctx';
import type { NetworkNode } from '../../tree/resourceNodes';
import { byName, engineOf, reasonOf, selectedRows } from '../shared';
import { nameList } from '../system/pruneMessage';

/**
 * Removes the selected networks after asking. The predefined ones (bridge, host, none) and those with containers
 * attached are not removed: the user is told why (and which containers). Resolves with the removed names, sorted.
 */
export async function removeNetworks(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[]> {
  const rows = selectedRows<NetworkNode>('network', node, nodes);
  if (rows.length === 0) return [];
  const engine = engineOf(ctx);
  if (!engine) return [];
  const removable: NetworkNode[] = [];
  for (const row of rows) {
    const attached = row.children.map((c) => c.containerName).sort(byName);
    if (row.predefined) {
      ctx.notifier.error(`The network ${row.network.name} is predefined by Docker and cannot be removed.`);
    } else if (attached.length > 0) {
      ctx.notifier.error(
        `The network ${row.network.name} has ${attached.length === 1 ? 'the container' : 'the containers'} ${attached.join(', ')} attached; disconnect or remove ${attached.length === 1 ? 'it' : 'them'} first.`,
      );
    } else {
      removable.push(row);
    }
  }
  if (removable.length === 0) return [];
  removable.sort((a, b) => byName(a.network.name, b.network.name));
  const names = removable.map((r) => r.network.name);
  const answer = await ctx.notifier.confirm(
    names.length === 1 ? `Remove the network ${names[0]}?` : `Remove ${names.length} networks (${nameList(names)})?`,
    `No container is attached to ${names.length === 1 ? 'it' : 'them'}.`,
    'Remove',
  );
  if (answer !== 'Remove') return [];
  const removed: string[] = [];
  for (const row of removable) {
    try {
      await engine.removeNetwork(row.network.id);
      removed.push(row.network.name);
    } catch (error) {
      ctx.notifier.error(`Could not remove the network ${row.network.name}: ${reasonOf(error)}`);
    }
  }
  // Podman sends no network events: read the list again rather than wait for one.
  if (removed.length > 0) ctx.session.lists.invalidate('networks');
  return removed;
}
