// `RUN --mount=...` types and their options, in our own words from the facts of the Dockerfile reference.
import { reference } from './common';

export type MountTypeName = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

export type MountValueKind =
  | 'enum' // `type`, `sharing`
  | 'path' // an absolute path in the build container, or a path inside `from`
  | 'stage-or-image' // a stage name, a named build context or an image reference
  | 'boolean' // true/false; with `valueOptional`, the bare key means true
  | 'string' // an id
  | 'octal' // file mode bits, 0755
  | 'integer' // uid, gid
  | 'size' // 64m, 1g, or plain bytes
  | 'env-name'; // an environment variable name

/** One option key of `--mount`, described in general; per-type defaults live in `MountKeyRef`. */
export interface MountKeyDoc {
  /** The canonical name. */
  name: string;
  /** Other spellings BuildKit accepts for the same option. */
  aliases: readonly string[];
  kind: MountValueKind;
  values?: readonly string[];
  /** The key may be written alone (`ro`, `required`) to mean true. */
  valueOptional?: boolean;
  /** The first `docker/dockerfile` syntax version that accepts the key, when later than `--mount` itself. */
  minVersion?: string;
  summary: string;
  description: string;
}

/** A key as one mount type uses it. */
export interface MountKeyRef {
  key: string;
  /** The value used when the key is absent, for this type. */
  default?: string;
  /** What the key means for this type, when it says more than the general description. */
  note?: string;
}

export interface MountTypeDoc {
  name: MountTypeName;
  /** bind is used when `type` is not given. */
  isDefault: boolean;
  summary: string;
  description: string;
  example: string;
  /** The keys this type documents, `type` included. */
  keys: readonly MountKeyRef[];
  /** Keys BuildKit also parses for this type without error, though the reference does not list them. */
  alsoAccepted: readonly string[];
  link: string;
}

/** The keys `--mount` understands, by canonical name. */
export const MOUNT_KEYS: Readonly<Record<string, MountKeyDoc>> = {
  type: {
    name: 'type', aliases: [], kind: 'enum', values: ['bind', 'cache', 'tmpfs', 'secret', 'ssh'],
    summary: 'The kind of mount; bind when left out.',
    description: 'Chooses what is mounted: files from a context, stage or image (`bind`), a persistent cache directory (`cache`), an in-memory filesystem (`tmpfs`), a build secret (`secret`) or the SSH agent socket (`ssh`).',
  },
  target: {
    name: 'target', aliases: ['dst', 'destination'], kind: 'path',
    summary: 'Where the mount appears inside the build container.',
    description: 'The path the command sees. Required for bind, cache and tmpfs mounts; secret and ssh mounts pick a default location when it is left out.',
  },
  source: {
    name: 'source', aliases: ['src'], kind: 'path',
    summary: 'The path inside `from` to mount.',
    description: 'A sub-path of the mount source (the build context, or the stage or image named by `from`). Defaults to its root.',
  },
  from: {
    name: 'from', aliases: [], kind: 'stage-or-image',
    summary: 'The stage, named context or image the mount takes its files from.',
    description: 'For a bind mount this replaces the build context as the source; for a cache mount its content seeds a new cache. Variables are not expanded here, so name a stage instead of computing the value.',
  },
  readonly: {
    name: 'readonly', aliases: ['ro'], kind: 'boolean', valueOptional: true,
    summary: 'Makes the mount read-only.',
    description: 'The command cannot write to the mount. Bind, secret and ssh mounts are read-only unless told otherwise; cache and tmpfs mounts are writable.',
  },
  readwrite: {
    name: 'readwrite', aliases: ['rw'], kind: 'boolean', valueOptional: true,
    summary: 'Allows writes to the mount.',
    description: 'On a bind mount, writes are allowed but thrown away when the RUN step ends; they never reach the image layer.',
  },
  id: {
    name: 'id', aliases: [], kind: 'string',
    summary: 'Identifies the cache, secret or SSH key to mount.',
    description: 'For a cache mount it separates caches that would otherwise share one (it defaults to the target path). For secret and ssh mounts it names the secret or agent passed to the build with `--secret id=...` or `--ssh id=...`.',
  },
  sharing: {
    name: 'sharing', aliases: [], kind: 'enum', values: ['shared', 'private', 'locked'],
    summary: 'How concurrent builds use the same cache.',
    description: '`shared` lets several writers use the cache at once, `private` gives an extra writer its own fresh copy, and `locked` makes the second writer wait until the first is done (what package managers like apt need).',
  },
  mode: {
    name: 'mode', aliases: [], kind: 'octal',
    summary: 'Permission bits, in octal.',
    description: 'The mode of a new cache directory, of the secret file or of the agent socket.',
  },
  uid: {
    name: 'uid', aliases: [], kind: 'integer',
    summary: 'Numeric owner.',
    description: 'The user id that owns a new cache directory, the secret file or the agent socket.',
  },
  gid: {
    name: 'gid', aliases: [], kind: 'integer',
    summary: 'Numeric group.',
    description: 'The group id of a new cache directory, the secret file or the agent socket.',
  },
  required: {
    name: 'required', aliases: [], kind: 'boolean', valueOptional: true,
    summary: 'Fails the step when the secret or SSH key was not provided.',
    description: 'Without it a missing secret or agent is silently skipped and the command runs without it.',
  },
  size: {
    name: 'size', aliases: [], kind: 'size',
    summary: 'Upper limit of the tmpfs size.',
    description: 'Caps how much the in-memory filesystem may hold, e.g. `512m` or `2g`.',
  },
  env: {
    name: 'env', aliases: [], kind: 'env-name', minVersion: '1.10',
    summary: 'Exposes the secret as an environment variable.',
    description: 'The secret value is put in this variable for the command, instead of (or, when `target` is also set, besides) a file.',
  },
};

export const MOUNT_TYPES: readonly MountTypeDoc[] = [
  {
    name: 'bind', isDefault: true,
    summary: 'Makes files of the context, a stage or an image visible to the command without copying them.',
    description: 'Mounts the build context, or the stage, named context or image given by `from`, at the target path, read-only unless `rw` is set. Useful to compile from sources or run a tool of another stage without adding a layer.',
    example: 'RUN --mount=type=bind,source=go.sum,target=go.sum --mount=type=bind,source=go.mod,target=go.mod go mod download',
    keys: [
      { key: 'type' },
      { key: 'target' },
      { key: 'source', default: 'the root of `from`' },
      { key: 'from', default: 'the build context' },
      { key: 'readwrite', default: 'false', note: 'Writes are discarded after the step.' },
    ],
    alsoAccepted: ['readonly'],
    link: reference('run---mounttypebind'),
  },
  {
    name: 'cache', isDefault: false,
    summary: 'Keeps a directory between builds, for compiler and package manager caches.',
    description: 'The content survives from one build to the next without affecting the instruction cache. It is only an accelerator: another build may change it and the builder may prune it, so the command must work with any content, including none.',
    example: 'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends git',
    keys: [
      { key: 'type' },
      { key: 'id', default: 'the target path' },
      { key: 'target' },
      { key: 'readonly', default: 'false' },
      { key: 'sharing', default: 'shared' },
      { key: 'from', default: 'an empty directory', note: 'Seeds the cache from this stage, context or image.' },
      { key: 'source', default: 'the root of `from`' },
      { key: 'mode', default: '0755' },
      { key: 'uid', default: '0' },
      { key: 'gid', default: '0' },
    ],
    alsoAccepted: ['readwrite'],
    link: reference('run---mounttypecache'),
  },
  {
    name: 'tmpfs', isDefault: false,
    summary: 'Mounts an empty in-memory filesystem.',
    description: 'Gives the command scratch space that lives in memory and disappears when the step ends.',
    example: 'RUN --mount=type=tmpfs,target=/tmp,size=256m ./run-integration-tests.sh',
    keys: [{ key: 'type' }, { key: 'target' }, { key: 'size', default: 'no limit' }],
    alsoAccepted: ['readonly', 'readwrite'],
    link: reference('run---mounttypetmpfs'),
  },
  {
    name: 'secret', isDefault: false,
    summary: 'Gives the command a build secret without storing it in the image or the cache.',
    description: 'The secret is passed to the build (`docker build --secret id=...`) and appears as a file, as an environment variable (`env`), or both, only while the command runs. On Windows the target must be given explicitly.',
    example: 'RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm publish',
    keys: [
      { key: 'type' },
      { key: 'id', default: 'the file name of the target' },
      { key: 'target', default: '/run/secrets/<id> (when env is not set either)' },
      { key: 'env' },
      { key: 'required', default: 'false' },
      { key: 'mode', default: '0400' },
      { key: 'uid', default: '0' },
      { key: 'gid', default: '0' },
    ],
    alsoAccepted: ['source', 'readonly', 'readwrite'],
    link: reference('run---mounttypesecret'),
  },
  {
    name: 'ssh', isDefault: false,
    summary: 'Forwards an SSH agent (or key) to the command.',
    description: 'Lets the command authenticate over SSH, for example to clone a private repository, with the agent or key given to `docker build --ssh`. Keys never land in the image.',
    example: 'RUN --mount=type=ssh git clone git@git.example.com:team/private-lib.git /src/lib',
    keys: [
      { key: 'type' },
      { key: 'id', default: 'default' },
      { key: 'target', default: '/run/buildkit/ssh_agent.<N>' },
      { key: 'required', default: 'false' },
      { key: 'mode', default: '0600' },
      { key: 'uid', default: '0' },
      { key: 'gid', default: '0' },
    ],
    alsoAccepted: ['readonly', 'readwrite'],
    link: reference('run---mounttypessh'),
  },
];

/** The canonical name of a key or of one of its aliases (case-insensitive), or undefined. */
export function canonicalMountKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (MOUNT_KEYS[lower]) return lower;
  return Object.values(MOUNT_KEYS).find((k) => k.aliases.includes(lower))?.name;
}

/** A mount type by name (case-insensitive, as BuildKit reads it). */
export function mountType(name: string): MountTypeDoc | undefined {
  const lower = name.toLowerCase();
  return MOUNT_TYPES.find((t) => t.name === lower);
}

export type ResolvedMountKey = MountKeyDoc & { default?: string; note?: string; documented: boolean };

/**
 * A key as a mount type uses it (aliases accepted), with that type's default and note.
 * `documented` is false for keys BuildKit accepts but the reference does not list for the type;
 * undefined when the type does not take the key at all.
 */
export function mountKey(type: string, key: string): ResolvedMountKey | undefined {
  const doc = mountType(type);
  const name = canonicalMountKey(key);
  if (!doc || !name) return undefined;
  const ref = doc.keys.find((k) => k.key === name);
  if (ref) return { ...MOUNT_KEYS[name], default: ref.default, note: ref.note, documented: true };
  return doc.alsoAccepted.includes(name) ? { ...MOUNT_KEYS[name], documented: false } : undefined;
}
