import type { Ctx } from '../../ctx';
import type { DockerEngine } from '../../engine/DockerEngine';
import type { ImageSummary } from '../../engine/types';
import { formatBytes, plural } from '../../format/text';
import { cancellableProgress, engineOf, reasonOf } from '../shared';

/** Untagged images that no container uses: what `docker image prune` removes. */
async function danglingImages(ctx: Ctx, engine: DockerEngine): Promise<ImageSummary[] | undefined> {
  try {
    const [images, containers] = await Promise.all([engine.listImages(), engine.listContainers()]);
    const used = new Set(containers.map((c) => c.imageId));
    return images.filter((i) => i.repoTags.every((t) => t === '<none>:<none>') && !used.has(i.id));
  } catch (error) {
    ctx.notifier.error(`Could not list the images: ${reasonOf(error)}`);
    return undefined;
  }
}

/**
 * Removes the dangling images after asking how many will go, with a progress notification that can cancel the
 * wait; then says how many went and the space reclaimed. Resolves with those two, or undefined when nothing ran.
 */
export async function pruneImages(ctx: Ctx): Promise<{ removed: number; spaceReclaimed: number } | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  const before = await danglingImages(ctx, engine);
  if (!before) return undefined;
  if (before.length === 0) {
    ctx.notifier.info('There are no dangling images to remove.');
    return undefined;
  }
  const answer = await ctx.notifier.confirm(
    `Remove ${plural(before.length, 'dangling image')}?`,
    'Dangling images have no tag and no container uses them; they cannot be brought back.',
    'Remove',
  );
  if (answer === undefined) return undefined;
  const spaceReclaimed = await cancellableProgress(`Removing ${plural(before.length, 'dangling image')}`, async (signal) => {
    try {
      return (await engine.pruneImages(signal)).spaceReclaimed;
    } catch (error) {
      if (signal.aborted) ctx.notifier.info('Prune of dangling images cancelled; the engine may have removed some already.');
      else ctx.notifier.error(`Could not remove the dangling images: ${reasonOf(error)}`);
      return undefined;
    }
  });
  if (spaceReclaimed === undefined) return undefined;
  // The engine's list of what it removed names layers as well as images: count the images that went instead.
  let removed = before.length;
  try {
    const left = new Set((await engine.listImages()).map((i) => i.id));
    removed = before.filter((i) => !left.has(i.id)).length;
  } catch {
    // Keep the count asked about; the space reclaimed is the engine's own figure either way.
  }
  ctx.notifier.info(`Removed ${plural(removed, 'dangling image')}, reclaimed ${formatBytes(spaceReclaimed)}`);
  return { removed, spaceReclaimed };
}
