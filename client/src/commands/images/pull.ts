import type { Ctx } from '../../ctx';
import { referenceProblem, withDefaultTag } from '../../../../common/src/imageReference';
import { cliAuthSources, registryAuthFor } from '../../engine/registryAuth';
import { dockerEnv } from '../cli/dockerTask';
import { PullTracker } from './pullProgress';
import { cancellableProgress, engineOf, reasonOf } from '../shared';
import { selectedImageRow } from './rows';

/** What a pull came to: its reference and the engine's final status, or that it was cancelled or failed. */
export type PullOutcome = { reference: string; status: string } | { reference: string; cancelled: true } | { reference: string; error: string };

/**
 * Pulls an image: on an image row its reference again, from the view title or the palette one the user types.
 * Progress shows in a notification that can cancel the pull; the end says what the engine said.
 */
export async function pullImage(ctx: Ctx, node?: unknown): Promise<PullOutcome | undefined> {
  let reference: string | undefined;
  if (node !== undefined) {
    const row = await selectedImageRow(ctx, node);
    if (!row) return undefined;
    if (!row.reference) {
      ctx.notifier.error('A dangling image has no name to pull it by: tag it first.');
      return undefined;
    }
    reference = row.reference;
  } else {
    reference = await ctx.notifier.input('Image to pull, e.g. busybox:latest or registry.example.com:5000/team/app:1.2', '', (value) => {
      const problem = referenceProblem(value.trim());
      return problem && `Not an image reference: ${problem}.`;
    });
    reference = reference?.trim();
  }
  const engine = reference && engineOf(ctx);
  if (!reference || !engine) return undefined;
  // `docker pull name` means name:latest; the engine's API would pull every tag of the repository instead.
  const ref = withDefaultTag(reference);
  // The credentials `docker login` saved for the registry, as `docker pull` would send them.
  const env = { ...process.env, ...dockerEnv(ctx) };
  const auth = await registryAuthFor(ref, cliAuthSources(env));
  const tracker = new PullTracker();
  const failure = await cancellableProgress(`Pulling ${ref}`, async (signal, step) => {
    let shown = '';
    try {
      await engine.pullImage(
        ref,
        (message) => {
          tracker.add(message);
          const summary = tracker.summary();
          if (summary !== shown) step((shown = summary));
        },
        signal,
        auth,
      );
      return undefined;
    } catch (error) {
      return signal.aborted ? { cancelled: true as const } : { error: reasonOf(error) };
    }
  });
  if (failure && 'cancelled' in failure) {
    ctx.notifier.info(`Pull of ${ref} cancelled`);
    return { reference: ref, cancelled: true };
  }
  if (failure) {
    ctx.notifier.error(`Could not pull ${ref}: ${failure.error}`);
    return { reference: ref, error: failure.error };
  }
  const status = tracker.finalStatus ?? `Pulled ${ref}`;
  ctx.notifier.info(status);
  return { reference: ref, status };
}
