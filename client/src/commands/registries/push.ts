import { splitReference } from '../../../../common/src/imageReference';
import { HUB_HOST } from '../../engine/dockerHub';
import { validatedReference } from '../../engine/validate';
import { credentialsMayGoTo } from '../cli/dockerTask';
import { ANONYMOUS_PUSH_NOTE } from '../images/push';
import { selectedImageRow } from '../images/rows';
import { cancellableProgress, engineOf, reasonOf } from '../shared';
import { asRepository, chosenRegistry, engineAuthFor, registryLabel, type RegistriesCtx } from './context';
import { PushTracker } from './pushProgress';
import { suggestTarget, targetProblem } from './pushTarget';

/** What a push came to: the reference pushed and the digest the registry gave it, or why it did not happen. */
export type PushOutcome = { reference: string; digest?: string } | { reference: string; error: string } | { reference: string; cancelled: true };

/**
 * Pushes a local image to a registry and repository the user chooses: from an image's menu (the user picks the
 * registry) or from a registry or repository row (the user picks the local image). The image is tagged
 * <registry>/<repository>:<tag>, then pushed through the engine with progress (cancellable), with that registry's
 * login only (none to an engine the workspace chose).
 */
export async function pushToRegistry(ctx: RegistriesCtx, node?: unknown): Promise<PushOutcome | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  let source: string | undefined;
  const fromImage = (node as { kind?: unknown } | undefined)?.kind === 'image' || (node as { kind?: unknown } | undefined)?.kind === 'imageRepository';
  if (fromImage) {
    const row = await selectedImageRow(ctx, node);
    if (!row) return undefined;
    source = row.reference ?? row.image.id;
  }
  const entry = await chosenRegistry(ctx, fromImage ? undefined : node, `Registry to push ${source ?? 'the image'} to`);
  if (!entry) return undefined;
  const label = registryLabel(entry);
  if (!source) {
    const references = (await engine.listImages()).flatMap((image) => image.repoTags).filter((tag) => validatedReference(tag) !== undefined && tag !== '<none>:<none>');
    source = await ctx.notifier.pick(`Local image to push to ${label}`, [...new Set(references)].sort());
    if (!source) return undefined;
  }
  const suggested = suggestTarget(source, asRepository(node)?.repository, entry.kind === 'hub' ? await ctx.registries.store.hubNamespace() : undefined);
  const answer = (await ctx.notifier.input(`Repository and tag in ${label}, e.g. team/app:1.0`, suggested, (value) => targetProblem(entry.host, value.trim())))?.trim();
  if (!answer) return undefined;
  const { repository, tag = 'latest' } = splitReference(`${entry.host}/${answer}`);
  const reference = `${repository}:${tag}`;
  try {
    await engine.tagImage(source, repository, tag);
  } catch (error) {
    ctx.notifier.error(`Could not tag ${source} as ${reference}: ${reasonOf(error)}`);
    return { reference, error: reasonOf(error) };
  }
  const withCredentials = credentialsMayGoTo(engine.endpoint);
  const auth = withCredentials ? await engineAuthFor(ctx, entry.host) : undefined;
  const note = withCredentials ? '' : ` ${ANONYMOUS_PUSH_NOTE}`;
  const tracker = new PushTracker();
  const failure = await cancellableProgress(`Pushing ${reference}`, async (signal, step) => {
    let shown = '';
    try {
      await engine.pushImage(repository, tag, (progress) => {
        tracker.add(progress);
        const summary = tracker.summary();
        if (summary !== shown) step((shown = summary));
      }, signal, auth);
      return undefined;
    } catch (error) {
      return signal.aborted ? { cancelled: true as const } : { error: reasonOf(error) };
    }
  });
  if (failure && 'cancelled' in failure) {
    ctx.notifier.info(`Push of ${reference} cancelled`);
    return { reference, cancelled: true };
  }
  if (failure) {
    ctx.notifier.error(`Could not push ${reference}: ${failure.error}${note}`);
    return { reference, error: failure.error };
  }
  const inRegistry = entry.host === HUB_HOST ? repository.replace(/^docker\.io\//, '') : repository.slice(entry.host.length + 1);
  ctx.registries.refreshRepository(entry.host, inRegistry);
  ctx.notifier.info(`Pushed ${reference} to ${label}${tracker.digest ? ` (${tracker.digest})` : ''}.${note}`);
  return { reference, ...(tracker.digest ? { digest: tracker.digest } : {}) };
}
