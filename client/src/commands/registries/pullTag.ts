import { pullReference, type PullOutcome } from '../images/pull';
import { asTag, engineAuthFor, type RegistriesCtx } from './context';

/**
 * Pulls a tag to the engine the views use, with the engine's progress (cancellable), sending that registry's login
 * (from the Registries view, else `docker login`) and nothing to an engine the workspace chose.
 */
export async function pullRegistryTag(ctx: RegistriesCtx, node?: unknown): Promise<PullOutcome | undefined> {
  const row = asTag(node);
  if (!row) return undefined;
  return pullReference(ctx, row.reference, () => engineAuthFor(ctx, row.entry.host));
}
