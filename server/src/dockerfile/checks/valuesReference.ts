// The image of FROM: a valid reference (common/src/imageReference.ts), or a template placeholder.
import { referenceProblem, splitReference } from '../../../../common/src/imageReference';
import type { Range } from '../model';
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

/** `Ubuntu:22.04` -> `ubuntu:22.04`: the repository (registry and path) in lower case, the tag and digest as written. */
function lowerCaseFix(value: string, range: Range): Finding['fix'] | undefined {
  const { repository } = splitReference(value);
  const fixed = repository.toLowerCase() + value.slice(repository.length);
  if (fixed === value || referenceProblem(fixed)) return undefined;
  return { title: `Change to ${fixed}`, range, newText: fixed };
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
          out.push(finding('invalid-reference', 'error', image.range, `${quoted(value)} is not a valid image: ${problem}.`,
            value === image.value && image.range.start.line === image.range.end.line ? lowerCaseFix(value, image.range) : undefined));
        }
      }
    }
    if (stage.name) earlier.add(stage.name.value.toLowerCase());
  }
  return out;
};

export { referenceProblem };
