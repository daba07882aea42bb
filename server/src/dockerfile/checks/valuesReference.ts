// Image references as BuildKit reads them (docker/distribution's reference.ParseNormalizedNamed):
// `[domain[:port]/]path[:tag][@digest]`, repository path in lower case, at most 255 characters.
import { unquote } from '../variables';
import { finding, hasVariable, quoted } from './syntaxCommon';
import type { Check, Finding } from './types';

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** reference.splitDockerDomain: the first component is a registry when it has `.` or `:`, is localhost, or has upper case. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: 'docker.io', remainder: name };
  const first = name.slice(0, slash);
  if (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first) return { domain: 'docker.io', remainder: name };
  return { domain: first, remainder: name.slice(slash + 1) };
}

/** What is wrong with an image reference, in words; undefined when `docker build` accepts it. */
export function referenceProblem(ref: string): string | undefined {
  if (ref === '') return 'the image name is empty';
  if (/^[a-f0-9]{64}$/.test(ref)) return 'a 64-character hexadecimal string cannot be a repository name';
  const { domain, remainder } = splitDockerDomain(ref);
  const tagAt = remainder.indexOf(':');
  const repository = tagAt < 0 ? remainder : remainder.slice(0, tagAt);
  if (repository.toLowerCase() !== repository) return 'repository names must be lower case';
  const match = REFERENCE.exec(`${domain}/${remainder}`);
  if (!match) return invalidPart(ref);
  if (match[1].length > 255) return 'the repository name is longer than 255 characters';
  if (match[3]) {
    const [algorithm, hex] = match[3].split(':');
    const length = DIGEST_LENGTHS[algorithm];
    if (length === undefined) return `unsupported digest algorithm ${quoted(algorithm)}`;
    if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) return `a ${algorithm} digest is ${length} lower-case hex digits`;
  }
  return undefined;
}

function invalidPart(ref: string): string {
  const at = ref.indexOf('@');
  const name = at < 0 ? ref : ref.slice(0, at);
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon >= 0 && !new RegExp(`^${TAG}$`).test(name.slice(colon + 1))) return `the tag ${quoted(name.slice(colon + 1))} is not valid (letters, digits, _, . and -, at most 128)`;
  if (at >= 0 && !new RegExp(`^${DIGEST}$`).test(ref.slice(at + 1))) return 'the digest after @ is not valid';
  return 'not a valid image reference (lower-case name, optional registry, :tag and @digest)';
}

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
