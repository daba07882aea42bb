import type { Ctx } from '../../ctx';
import type { ContainerState } from '../../engine/types';
import { byName, cancellableProgress, engineOf, reasonOf, sayPruneFailed } from '../shared';
import { nameList } from '../system/pruneMessage';
import { plural, formatBytes } from '../../format/text';

/** The states `docker container prune` removes (everything not running, paused or restarting). */
export const STOPPED_STATES: ReadonlySet<ContainerState> = new Set(['created', 'exited', 'dead']);

export interface ContainerPruneReport {
  /** Names of the removed containers (a short id for one that appeared after the question), sorted. */
  removed: string[];
  spaceReclaimed: number;
}

/**
 * `docker container prune` after asking (with the names of the stopped containers), under a cancellable progress
 * notification. Resolves with what was removed; undefined when nothing was asked or the user said no.
 */
export async function pruneContainers(ctx: Ctx): Promise<ContainerPruneReport | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  let names: Map<string, string>;
  try {
    names = new Map((await engine.listContainers()).filter((c) => STOPPED_STATES.has(c.state)).map((c) => [c.id, c.name]));
  } catch (error) {
    ctx.notifier.error(`Could not list the containers: ${reasonOf(error)}`);
    return undefined;
  }
  if (names.size === 0) {
    ctx.notifier.info('There are no stopped containers to remove.');
    return undefined;
  }
  const answer = await ctx.notifier.confirm(
    `Remove ${plural(names.size, 'stopped container')}?`,
    `${nameList([...names.values()].sort(byName))}. Their volumes are kept.`,
    'Remove',
  );
  if (answer !== 'Remove') return undefined;
  return cancellableProgress('Removing stopped containers', async (signal) => {
    try {
      const result = await engine.pruneContainers(signal);
      const removed = result.removed.map((id) => names.get(id) ?? id.slice(0, 12)).sort(byName);
      ctx.notifier.info(`Removed ${plural(removed.length, 'stopped container')}, reclaimed ${formatBytes(result.spaceReclaimed)}.`);
      return { removed, spaceReclaimed: result.spaceReclaimed };
    } catch (error) {
      sayPruneFailed(ctx, 'stopped containers', error, signal);
      return undefined;
    }
  });
}
