import type { Ctx } from '../../ctx';
import type { PruneResult } from '../../engine/types';
import { isAnonymousVolume } from '../../engine/types';
import { byName, cancellableProgress, engineOf, reasonOf, sayPruneFailed } from '../shared';
import { nameList } from '../system/pruneMessage';
import { plural, formatBytes } from '../../format/text';

/**
 * The label engines of API 1.42 and later put on the volumes they create without a name; their `docker volume
 * prune` removes only these. For older engines the engine layer takes the volumes with made-up names (64 hex digits).
 */
export const ANONYMOUS_VOLUME_LABEL = 'com.docker.volume.anonymous';
export const REMOVE_ANONYMOUS = 'Remove Anonymous';
export const REMOVE_ALL_UNUSED = 'Remove All Unused';

/**
 * Removes the volumes no container uses, after asking which: the anonymous ones (the engine's default) or all
 * unused ones, named too. Resolves with what was removed (volume names); undefined when nothing was removed.
 */
export async function pruneVolumes(ctx: Ctx): Promise<PruneResult | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  let unused: { name: string; anonymous: boolean }[];
  try {
    const [volumes, containers] = await Promise.all([engine.listVolumes(), engine.listContainers()]);
    const used = new Set(containers.flatMap((c) => c.mounts.filter((m) => m.type === 'volume').map((m) => m.source)));
    unused = volumes
      .filter((v) => !used.has(v.name))
      .map((v) => ({ name: v.name, anonymous: ANONYMOUS_VOLUME_LABEL in v.labels || isAnonymousVolume(v.name) }))
      .sort((a, b) => byName(a.name, b.name));
  } catch (error) {
    ctx.notifier.error(`Could not list the volumes: ${reasonOf(error)}`);
    return undefined;
  }
  if (unused.length === 0) {
    ctx.notifier.info('There are no unused volumes.');
    return undefined;
  }
  const anonymous = unused.filter((v) => v.anonymous).length;
  const named = unused.filter((v) => !v.anonymous).map((v) => v.name);
  const answer = await ctx.notifier.confirm(
    `Remove unused volumes? ${anonymous} anonymous and ${named.length} named ${unused.length === 1 ? 'volume is' : 'volumes are'} unused.`,
    [
      `${REMOVE_ANONYMOUS} removes the ${plural(anonymous, 'anonymous volume')} no container uses (like docker volume prune).`,
      `${REMOVE_ALL_UNUSED} also removes the ${plural(named.length, 'named volume')}${named.length > 0 ? ` ${nameList(named)}` : ''} (like docker volume prune --all).`,
      'Their data is deleted and cannot be recovered.',
    ].join('\n'),
    REMOVE_ANONYMOUS,
    REMOVE_ALL_UNUSED,
  );
  if (answer !== REMOVE_ANONYMOUS && answer !== REMOVE_ALL_UNUSED) return undefined;
  const all = answer === REMOVE_ALL_UNUSED;
  return cancellableProgress(all ? 'Removing unused volumes' : 'Removing unused anonymous volumes', async (signal) => {
    try {
      const result = await engine.pruneVolumes(all, signal);
      const removed = [...result.removed].sort(byName);
      ctx.notifier.info(`Removed ${plural(removed.length, 'volume')}, reclaimed ${formatBytes(result.spaceReclaimed)}.`);
      return { removed, spaceReclaimed: result.spaceReclaimed };
    } catch (error) {
      sayPruneFailed(ctx, 'volumes', error, signal);
      return undefined;
    }
  });
}
