import type { Ctx } from '../../ctx';
import { referenceProblem, withDefaultTag } from '../../../../common/src/imageReference';
import { cliAuthSources, registryAuthFor, type RegistryAuth } from '../../engine/registryAuth';
import { credentialsMayGoTo, dockerEnv } from '../cli/dockerTask';
import { PullTracker } from './pullProgress';
import { cancellableProgress, engineOf, reasonOf } from '../shared';
import { onlyImageRow, selectedImageRow } from './rows';

/**
 * What a pull came to: its reference and the engine's final status, or that it was cancelled or failed. `note` (only
 * present then) says why the pull was anonymous: the engine was chosen by the workspace's settings.
 */
export type PullOutcome =
  | { reference: string; status: string; note?: string }
  | { reference: string; cancelled: true }
  | { reference: string; error: string; note?: string };

/** Why a pull sent no credentials, in the outcome and in the message. */
export const ANONYMOUS_PULL_NOTE =
  "Pulled anonymously: the engine was chosen by this workspace's settings, so your saved registry credentials were not sent to it.";

/**
 * Pulls an image: on an image row (its context menu) its reference again; without a row, one the user types.
 * Progress shows in a notification that can cancel the pull; the end says what the engine said.
 */
export async function pullImage(ctx: Ctx, node?: unknown): Promise<PullOutcome | undefined> {
  if (node === undefined) return pullImageByName(ctx);
  const row = await selectedImageRow(ctx, node);
  if (!row) return undefined;
  if (!row.reference) {
    ctx.notifier.error('A dangling image has no name to pull it by: tag it first.');
    return undefined;
  }
  return pullReference(ctx, row.reference);
}

/**
 * The Images view's title button (and the palette): asks for the image to pull. VS Code hands a title button the
 * row that has the keyboard focus; its reference is only offered as the input's value, never pulled without asking.
 */
export async function pullImageByName(ctx: Ctx, focused?: unknown): Promise<PullOutcome | undefined> {
  const offered = onlyImageRow(focused)?.reference ?? '';
  const reference = (await ctx.notifier.input('Image to pull, e.g. busybox:latest or registry.example.com:5000/team/app:1.2', offered, (value) => {
    const problem = referenceProblem(value.trim());
    return problem && `Not an image reference: ${problem}.`;
  }))?.trim();
  return reference ? pullReference(ctx, reference) : undefined;
}

/**
 * Pulls `reference` to the engine of the views with progress (cancellable). `loginFor` gives the credentials for the
 * reference's registry (the Registries view's login); without it, those `docker login` saved for that registry.
 */
export async function pullReference(ctx: Ctx, reference: string, loginFor?: () => Promise<RegistryAuth | undefined>): Promise<PullOutcome | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  // `docker pull name` means name:latest; the engine's API would pull every tag of the repository instead.
  const ref = withDefaultTag(reference);
  // The credentials `docker login` saved for the registry, as `docker pull` would send them; none to an engine the
  // workspace chose (the engine receives them in the request and could keep them).
  const endpoint = engine.endpoint;
  const withCredentials = credentialsMayGoTo(endpoint);
  const note = withCredentials ? undefined : ANONYMOUS_PULL_NOTE;
  const env = { ...process.env, ...dockerEnv(ctx) };
  const auth = withCredentials ? await (loginFor ? loginFor() : registryAuthFor(ref, cliAuthSources(env))) : undefined;
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
    ctx.notifier.error(`Could not pull ${ref}: ${failure.error}${note ? `. ${note}` : ''}`);
    return { reference: ref, error: failure.error, ...(note ? { note } : {}) };
  }
  const status = tracker.finalStatus ?? `Pulled ${ref}`;
  ctx.notifier.info(note ? `${status}. ${note}` : status);
  return { reference: ref, status, ...(note ? { note } : {}) };
}
