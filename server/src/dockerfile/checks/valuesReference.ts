// The image of FROM: a valid reference (common/src/imageReference.ts), or a template placeholder.
import { referenceProblem } from '../../../../common/src/imageReference';
import { unquote } from '../variables';
import { finding, hasVariable, quoted } from './syntaxCommon';
import type { Check, Finding } from './types';

/**
 * A template placeholder that a script replaces before building: an all-capitals word (`REPLACE-ME`,
 * `BASE_IMAGE`) or template markers such as `{{ }}`, `%%X%%`, `@X@`, `<image>`.
 */
function isPlaceholder(value: string): boolean {
  return /^[A-Z][A-Z0-9_-]*$/.test(value) || /\{\{|\{[A-Za-z_]+\}|%%|@[A-Za-z_]+@|<[^>]*>/.test(value);
}

/** `invalid-reference`: the base image of FROM (not `scratch`, an earlier stage, or a value with variables). */
export const checkFromReference: Check = (model) => {
  const out: Finding[] = [];
  const earlier = new Set<string>();
  for (const stage of model.stages) {
    const image = stage.image;
    if (image && !hasVariable(image.value)) {
      const value = unquote(image.value, model.escape);
      if (value !== 'scratch' && !earlier.has(value.toLowerCase())) {
        const problem = referenceProblem(value);
        if (problem && isPlaceholder(value)) {
          out.push(finding('invalid-reference', 'warning', image.range,
            `${quoted(value)} looks like a placeholder, not an image (${problem}): replace it before building.`));
        } else if (problem) {
          out.push(finding('invalid-reference', 'error', image.range, `${quoted(value)} is not a valid image: ${problem}.`));
        }
      }
    }
    if (stage.name) earlier.add(stage.name.value.toLowerCase());
  }
  return out;
};

export { referenceProblem };
