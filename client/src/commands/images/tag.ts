import type { Ctx } from '../../ctx';
import { splitReference, tagProblem } from '../../../../common/src/imageReference';
import { engineOf, reasonOf } from '../shared';
import { labelOf, selectedImageRow, targetOf } from './rows';

/** The validation of a name to tag or build an image as, in the words the input box shows. */
export function validateTag(value: string): string | undefined {
  const problem = tagProblem(value.trim());
  return problem && `Not a valid image name: ${problem}.`;
}

/**
 * Adds a tag to the image of a row (`docker tag`): the user edits the row's reference; a name without a tag
 * gets ":latest". Resolves with the new reference.
 */
export async function tagImage(ctx: Ctx, node?: unknown): Promise<string | undefined> {
  const row = await selectedImageRow(ctx, node);
  if (!row) return undefined;
  const answer = (await ctx.notifier.input(`New tag for ${labelOf(row)} (name:tag, with a registry host to push there)`, row.reference ?? '', validateTag))?.trim();
  const engine = answer && engineOf(ctx);
  if (!answer || !engine) return undefined;
  const { repository, tag = 'latest' } = splitReference(answer);
  try {
    await engine.tagImage(targetOf(row), repository, tag);
  } catch (error) {
    ctx.notifier.error(`Could not tag ${labelOf(row)} as ${repository}:${tag}: ${reasonOf(error)}`);
    return undefined;
  }
  return `${repository}:${tag}`;
}
