// Image references as the engine reads them (docker/distribution's reference.ParseNormalizedNamed):
// `[host[:port]/]path[:tag][@digest]`, repository path in lower case, at most 255 characters. Pure, no vscode.
// Shared by the language server (FROM and image: checks) and the extension (Pull, Tag and Build prompts).

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

function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

/** reference.splitDockerDomain: the first component is a registry when it has `.` or `:`, is localhost, or has upper case. */
export function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: 'docker.io', remainder: name };
  const first = name.slice(0, slash);
  if (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first) return { domain: 'docker.io', remainder: name };
  return { domain: first, remainder: name.slice(slash + 1) };
}

/** What is wrong with an image reference, in words; undefined when `docker pull` accepts it. */
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

/** What is wrong with a name to tag an image with (`name[:tag]`, no digest); undefined when it is fine. */
export function tagProblem(ref: string): string | undefined {
  if (ref.includes('@')) return 'a tag cannot hold a digest (@sha256:...): use name:tag';
  return referenceProblem(ref);
}

/** A reference's parts: the repository (with its registry, as written), its tag and its digest. */
export function splitReference(ref: string): { repository: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const name = at < 0 ? ref : ref.slice(0, at);
  const digest = at < 0 ? undefined : ref.slice(at + 1);
  // A colon after the last slash starts the tag; one before it is a registry's port.
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  return {
    repository: colon < 0 ? name : name.slice(0, colon),
    ...(colon < 0 ? {} : { tag: name.slice(colon + 1) }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/**
 * The short form the docker CLI shows (reference.FamiliarString): without "docker.io/", and without "library/" for
 * an official image. Podman's Docker-compatible API reports fully qualified names ("docker.io/library/nginx:1"); the
 * engine reads the short form back as the same image.
 */
export function familiarReference(ref: string): string {
  if (!ref.startsWith('docker.io/')) return ref;
  const rest = ref.slice('docker.io/'.length);
  const official = rest.startsWith('library/') ? rest.slice('library/'.length) : undefined;
  return official !== undefined && !splitReference(official).repository.includes('/') ? official : rest;
}

/** The reference with ":latest" when it names neither a tag nor a digest, as `docker pull` and `docker tag` read it. */
export function withDefaultTag(ref: string): string {
  const { tag, digest } = splitReference(ref);
  return tag === undefined && digest === undefined ? `${ref}:latest` : ref;
}

/**
 * A repository name made from a folder's name, e.g. "My Shop's App" -> "my-shop-s-app": lower case, every run of
 * characters a name cannot hold replaced by "-", separators kept where the grammar allows them; "image" when
 * nothing usable is left.
 */
export function repositoryFromFolderName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, (run) => (/^(?:[._]|__|-+)$/.test(run) ? run : '-'))
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return name && referenceProblem(name) === undefined ? name : 'image';
}
