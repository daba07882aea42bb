import type { Ctx } from '../../ctx';
import { imageTree } from '../../tree/imageNodes';
import { runImage } from '../images/run';
import { engineOf } from '../shared';

/**
 * The walkthrough's "Run an Image": asks which of the engine's tagged images to run, then runs it as the Images
 * view's Run does (in the background, exposed ports on 127.0.0.1). Resolves with the new container, if any.
 */
export async function runFirstImage(ctx: Ctx): Promise<Awaited<ReturnType<typeof runImage>>> {
  if (!engineOf(ctx)) return undefined;
  const [images, containers] = await Promise.all([ctx.session.lists.images(), ctx.session.lists.containers()]);
  const rows = imageTree(images ?? [], containers ?? [], { showDangling: false, now: Date.now(), groupBy: 'none', label: 'reference' }).filter((row) => row.kind === 'image');
  if (rows.length === 0) {
    ctx.notifier.info('The engine has no image yet: pull one first (Pull on the Images view, e.g. busybox), then run it.');
    return undefined;
  }
  const picked = await ctx.notifier.pick('Which image to run?', rows.map((row) => row.label));
  const row = rows.find((candidate) => candidate.label === picked);
  return row ? runImage(ctx, row) : undefined;
}
