import type { Ctx } from '../../ctx';
import type { VolumeNode } from '../../tree/resourceNodes';
import { byName, engineOf, reasonOf, selectedRows } from '../shared';
import { nameList } from '../system/pruneMessage';

/**
 * Removes the selected volumes after asking. A volume a container uses (running or not) is not removed: the
 * user is told which containers use it. Resolves with the names of the removed volumes, sorted.
 */
export async function removeVolumes(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[]> {
  const rows = selectedRows<VolumeNode>('volume', node, nodes);
  if (rows.length === 0) return [];
  const engine = engineOf(ctx);
  if (!engine) return [];
  for (const row of rows.filter((r) => r.usedBy.length > 0)) {
    ctx.notifier.error(
      `The volume ${row.volume.name} is used by ${row.usedBy.length === 1 ? 'the container' : 'the containers'} ${row.usedBy.join(', ')}; remove ${row.usedBy.length === 1 ? 'it' : 'them'} first.`,
    );
  }
  const names = rows.filter((r) => r.usedBy.length === 0).map((r) => r.volume.name).sort(byName);
  if (names.length === 0) return [];
  const answer = await ctx.notifier.confirm(
    names.length === 1 ? `Remove the volume ${names[0]}?` : `Remove ${names.length} volumes (${nameList(names)})?`,
    `${names.length === 1 ? 'Its' : 'Their'} data is deleted and cannot be recovered.`,
    'Remove',
  );
  if (answer !== 'Remove') return [];
  const removed: string[] = [];
  for (const name of names) {
    try {
      await engine.removeVolume(name);
      removed.push(name);
    } catch (error) {
      ctx.notifier.error(`Could not remove the volume ${name}: ${reasonOf(error)}`);
    }
  }
  return removed;
}
