// The `--flags` of Dockerfile instructions, written in our own words from the facts of the Dockerfile reference.
import { instructionName, reference, type InstructionName } from './common';

/** What a flag's value looks like, for completion and validation. */
export type FlagValueKind =
  | 'boolean' // true/false; with `valueOptional`, the bare flag means true
  | 'enum' // one of `values`
  | 'duration' // a Go duration: 30s, 1m30s, 500ms
  | 'integer'
  | 'platform' // os/arch[/variant], e.g. linux/arm64
  | 'stage-or-image' // a stage name, a named build context or an image reference
  | 'chown' // user[:group], names or numeric ids
  | 'chmod' // octal (0644) or symbolic (u=rwX,go=rX)
  | 'mount' // comma-separated key=value list, see mounts.ts
  | 'device' // a CDI device name with optional `required`
  | 'checksum' // sha256:<hex> for URLs, a commit prefix for Git
  | 'glob'; // a path pattern like the sources

export interface FlagDoc {
  instruction: InstructionName;
  /** Without the leading dashes. */
  name: string;
  kind: FlagValueKind;
  /** The accepted values of an enum flag. */
  values?: readonly string[];
  /** The value used when the flag is absent. */
  default?: string;
  /** `--link` alone is accepted and means `--link=true`. */
  valueOptional?: boolean;
  /** The flag may be given more than once on one instruction. */
  repeatable: boolean;
  /** The first stable `docker/dockerfile` syntax version that accepts the flag. */
  minVersion?: string;
  /** Before `minVersion`, the flag was only in the labs channel (`# syntax=docker/dockerfile:1-labs`). */
  labs?: boolean;
  /** The labs version that first had it, where known. */
  labsSince?: string;
  /** Something beyond the syntax version the flag needs (an entitlement, an engine version). */
  requires?: string;
  /** One line. */
  summary: string;
  /** A few sentences for hover. */
  description: string;
  example: string;
  link: string;
}

const COPY_FLAGS: readonly FlagDoc[] = [
  {
    instruction: 'COPY', name: 'from', kind: 'stage-or-image', repeatable: false,
    summary: 'Copies from a build stage, a named build context or an image instead of the build context.',
    description: 'Names the source that the paths are read from: an earlier stage (by its `AS` name or its index), a context passed with `--build-context`, or any image reference. Source paths are then taken from the root of that filesystem, whatever its working directory.',
    example: 'COPY --from=compile /out/server /usr/local/bin/server',
    link: reference('copy---from'),
  },
  {
    instruction: 'COPY', name: 'chown', kind: 'chown', repeatable: false,
    summary: 'Sets the owner (user and optional group) of the copied files.',
    description: 'Without it, copied files belong to UID 0 and GID 0. User and group may be names or numeric ids; a user alone also sets the group to the same number. Names are looked up in the `/etc/passwd` and `/etc/group` of the stage, so together with `--link` only numeric ids work. Not supported for Windows containers.',
    example: 'COPY --chown=1001:1001 config/ /etc/myapp/',
    link: reference('copy---chown'),
  },
  {
    instruction: 'COPY', name: 'chmod', kind: 'chmod', minVersion: '1.2', repeatable: false,
    summary: 'Sets the permission bits of the copied files.',
    description: 'Takes octal bits such as `0750`, or (since syntax 1.14) a symbolic mode such as `a+x` or `u=rwX,go=rX`, where `X` adds execute only to directories and files that are already executable. Variables may be used. Not supported for Windows containers.',
    example: 'COPY --chmod=0750 entrypoint.sh /usr/local/bin/',
    link: reference('copy---chmod'),
  },
  {
    instruction: 'COPY', name: 'link', kind: 'boolean', valueOptional: true, default: 'false', minVersion: '1.4', repeatable: false,
    summary: 'Copies into a layer of its own that does not depend on the layers below it.',
    description: 'The files are written to an empty directory that becomes an independent layer laid over the previous state. The layer stays cached when earlier instructions change, and an image can be rebased on a new base without redoing the copy. The copy cannot see the previous filesystem, so it does not follow symlinks in the destination path.',
    example: 'COPY --link --from=assets /dist /srv/www',
    link: reference('copy---link'),
  },
  {
    instruction: 'COPY', name: 'parents', kind: 'boolean', valueOptional: true, default: 'false', minVersion: '1.20', labs: true, labsSince: '1.7', repeatable: false,
    summary: 'Keeps the directories leading to each source under the destination.',
    description: 'Each source keeps its relative path below the destination instead of being flattened into it, like `cp --parents`. A `./` inside a source path marks where the kept part starts, and `**` matches any depth of directories.',
    example: 'COPY --parents ./services/*/package.json /workspace/',
    link: reference('copy---parents'),
  },
  {
    instruction: 'COPY', name: 'exclude', kind: 'glob', minVersion: '1.19', labs: true, labsSince: '1.7', repeatable: true,
    summary: 'Leaves out the files that match a pattern.',
    description: 'The pattern uses the same wildcard rules as the sources. Repeat the flag to leave out several patterns; a file matching any of them is not copied even when a source names it.',
    example: 'COPY --exclude=*.test.ts --exclude=fixtures/ src/ /app/src/',
    link: reference('copy---exclude'),
  },
];

/** ADD shares these COPY flags; its own reference section points back to COPY. */
function sharedWithCopy(name: string, anchor: string, example: string): FlagDoc {
  const copy = COPY_FLAGS.find((f) => f.name === name)!;
  return { ...copy, instruction: 'ADD', example, link: reference(anchor) };
}

export const FLAGS: readonly FlagDoc[] = [
  {
    instruction: 'FROM', name: 'platform', kind: 'platform', repeatable: false,
    summary: 'Chooses the platform variant of a multi-platform base image.',
    description: 'By default a stage uses the target platform of the build. Give `os/arch[/variant]` to pick another one; global ARGs are expanded, so `--platform=$BUILDPLATFORM` runs a stage natively on the build machine, for example to cross-compile. A constant value is reported by the FromPlatformFlagConstDisallowed check.',
    example: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS toolchain',
    link: reference('from'),
  },
  {
    instruction: 'RUN', name: 'mount', kind: 'mount', minVersion: '1.2', repeatable: true,
    summary: 'Mounts a directory, cache, tmpfs, secret or SSH agent for this command only.',
    description: 'The value is a comma-separated list of `key=value` options; `type` picks bind (the default), cache, tmpfs, secret or ssh. Nothing under the mount point is kept in the layer. Option values may use ARG and ENV variables (syntax 1.3+), except `from`. Repeat the flag for several mounts.',
    example: 'RUN --mount=type=cache,target=/root/.npm npm ci',
    link: reference('run---mount'),
  },
  {
    instruction: 'RUN', name: 'network', kind: 'enum', values: ['default', 'none', 'host'], default: 'default', minVersion: '1.3', repeatable: false,
    summary: 'Chooses the network the command runs in.',
    description: '`default` uses the normal build network, `none` leaves only an isolated loopback interface (useful to prove a step is offline), and `host` shares the network of the host. `host` needs the `network.host` entitlement, allowed both by the builder and by the build request.',
    example: 'RUN --network=none make test',
    link: reference('run---network'),
    requires: '`host` needs the network.host entitlement',
  },
  {
    instruction: 'RUN', name: 'security', kind: 'enum', values: ['sandbox', 'insecure'], default: 'sandbox', minVersion: '1.20', labs: true, repeatable: false,
    summary: 'Runs the command inside the sandbox (default) or with full privileges.',
    description: '`insecure` drops the sandbox, much like `docker run --privileged`, for steps that need elevated rights. It needs the `security.insecure` entitlement on the builder and in the build request. `sandbox` is the default and changes nothing.',
    example: 'RUN --security=insecure mount -t tmpfs none /mnt',
    link: reference('run---security'),
    requires: '`insecure` needs the security.insecure entitlement',
  },
  {
    instruction: 'RUN', name: 'device', kind: 'device', minVersion: '1.27', labs: true, labsSince: '1.14', repeatable: true,
    summary: 'Makes a CDI device (such as a GPU) available to the command.',
    description: 'The value names a device registered through the Container Device Interface: a vendor kind (`vendor.com/gpu`), one device of it (`vendor.com/gpu=0`), all of them (`vendor.com/gpu=*`) or a device class. Add `,required` to fail when the device is missing. Needs BuildKit 0.20 or later and the `device` entitlement.',
    example: 'RUN --device=nvidia.com/gpu=all nvidia-smi',
    link: reference('run---device'),
    requires: 'BuildKit 0.20+ and the device entitlement',
  },
  ...COPY_FLAGS,
  {
    instruction: 'ADD', name: 'checksum', kind: 'checksum', minVersion: '1.6', repeatable: false,
    summary: 'Verifies the content of a remote source.',
    description: 'For an HTTP(S) source the value is the SHA-256 digest of the download, written `sha256:<hex>` (no other algorithm is supported). For a Git source it is the commit hash, in full or as a prefix. The build fails when the content does not match.',
    example: 'ADD --checksum=sha256:3b1f...e9 https://example.com/tool-1.4.tar.gz /opt/',
    link: reference('add---checksum'),
  },
  {
    instruction: 'ADD', name: 'keep-git-dir', kind: 'boolean', valueOptional: true, default: 'false', minVersion: '1.1', repeatable: false,
    summary: 'Keeps the .git directory when adding a Git repository.',
    description: 'When the source is a Git URL, the checked-out files are added without `.git` unless this is true. Keep it when later steps read Git metadata such as the current commit.',
    example: 'ADD --keep-git-dir=true https://github.com/example/tool.git#v2.1.0 /src/tool',
    link: reference('add---keep-git-dir'),
  },
  {
    instruction: 'ADD', name: 'unpack', kind: 'boolean', valueOptional: true, minVersion: '1.17', repeatable: false,
    summary: 'Says whether a tar archive is extracted.',
    description: 'Local archives (plain, gzip, bzip2, xz or zstd) are extracted by default and downloaded ones are not. `--unpack=true` extracts a downloaded archive; `--unpack=false` copies a local archive as a file.',
    example: 'ADD --unpack=true https://example.com/release.tar.xz /opt/release',
    link: reference('add---unpack'),
  },
  sharedWithCopy('link', 'add---link', 'ADD --link https://example.com/data.json /var/lib/app/'),
  sharedWithCopy('chown', 'add---chown', 'ADD --chown=www-data:www-data site.tar.gz /var/www/'),
  sharedWithCopy('chmod', 'add---chmod', 'ADD --chmod=0755 https://example.com/bin/helper /usr/local/bin/helper'),
  sharedWithCopy('exclude', 'add---exclude', 'ADD --exclude=*.md docs/ /usr/share/doc/app/'),
  {
    instruction: 'HEALTHCHECK', name: 'interval', kind: 'duration', default: '30s', repeatable: false,
    summary: 'Time between two health checks.',
    description: 'The first check runs this long after the container starts, and each next one this long after the previous one ended. A Go duration such as `10s` or `1m30s`.',
    example: 'HEALTHCHECK --interval=15s CMD pg_isready -U app',
    link: reference('healthcheck'),
  },
  {
    instruction: 'HEALTHCHECK', name: 'timeout', kind: 'duration', default: '30s', repeatable: false,
    summary: 'How long one check may take before it counts as failed.',
    description: 'A check still running after this duration is killed and counted as a failure.',
    example: 'HEALTHCHECK --timeout=5s CMD ["/healthz"]',
    link: reference('healthcheck'),
  },
  {
    instruction: 'HEALTHCHECK', name: 'start-period', kind: 'duration', default: '0s', repeatable: false,
    summary: 'Grace period after start in which failures are not counted.',
    description: 'Gives a slow container time to boot: failed checks during this period do not count towards the retries. A successful check ends the period early.',
    example: 'HEALTHCHECK --start-period=1m CMD curl -fsS http://localhost:9000/ready',
    link: reference('healthcheck'),
  },
  {
    instruction: 'HEALTHCHECK', name: 'start-interval', kind: 'duration', default: '5s', repeatable: false,
    summary: 'Time between checks during the start period.',
    description: 'Lets checks run more often while the container is starting than afterwards. Docker Engine 25.0 or later honours it.',
    example: 'HEALTHCHECK --start-period=30s --start-interval=2s CMD ["/bin/probe"]',
    link: reference('healthcheck'),
    requires: 'Docker Engine 25.0+',
  },
  {
    instruction: 'HEALTHCHECK', name: 'retries', kind: 'integer', default: '3', repeatable: false,
    summary: 'Consecutive failures before the container is unhealthy.',
    description: 'The container turns `unhealthy` after this many failed checks in a row; a passing check resets the count.',
    example: 'HEALTHCHECK --retries=5 CMD redis-cli ping',
    link: reference('healthcheck'),
  },
];

/** The flags of one instruction (any case), in reference order. */
export function flagsOf(instruction: string): readonly FlagDoc[] {
  const name = instructionName(instruction);
  return name ? FLAGS.filter((f) => f.instruction === name) : [];
}

/** One flag of an instruction; `name` may be written with or without its leading dashes. */
export function flagDoc(instruction: string, name: string): FlagDoc | undefined {
  const bare = name.replace(/^--?/, '');
  return flagsOf(instruction).find((f) => f.name === bare);
}
