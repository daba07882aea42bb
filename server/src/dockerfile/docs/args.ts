// Build arguments the builder defines by itself, and variables a base image normally gives to RUN commands.
// In our own words from the facts of the Dockerfile reference ("Predefined ARGs", "Automatic platform ARGs
// in the global scope", "BuildKit built-in build args").
import { reference } from './common';

export type PredefinedArgGroup = 'platform' | 'proxy' | 'buildkit';

/**
 * Where an ARG is usable without an `ARG` line:
 * - `global`: set automatically in the global scope (usable in FROM); a stage must declare `ARG NAME` (no value) to see it.
 * - `run`: passed to RUN commands as environment when given with `--build-arg`, without any declaration.
 * - `builder`: read by BuildKit itself to change how it builds; declare it only to also read its value.
 */
export type PredefinedArgScope = 'global' | 'run' | 'builder';

export interface PredefinedArgDoc {
  name: string;
  group: PredefinedArgGroup;
  scope: PredefinedArgScope;
  kind: 'string' | 'boolean' | 'integer' | 'platform';
  description: string;
  /** A typical value. */
  example: string;
  link: string;
}

const PLATFORM_LINK = reference('automatic-platform-args-in-the-global-scope');
const PROXY_LINK = reference('predefined-args');
const BUILDKIT_LINK = reference('buildkit-built-in-build-args');

function platformArg(name: string, description: string, example: string, kind: 'string' | 'platform' = 'string'): PredefinedArgDoc {
  return { name, group: 'platform', scope: 'global', kind, description, example, link: PLATFORM_LINK };
}

function proxyArg(name: string, description: string, example: string): PredefinedArgDoc {
  return { name, group: 'proxy', scope: 'run', kind: 'string', description, example, link: PROXY_LINK };
}

const PROXY_NOTE = 'Set with `--build-arg`; RUN commands see it without an ARG line. Its value is kept out of `docker history` and out of the cache key unless the Dockerfile declares it with ARG.';

function buildkitArg(name: string, kind: PredefinedArgDoc['kind'], description: string, example: string): PredefinedArgDoc {
  return { name, group: 'buildkit', scope: 'builder', kind, description, example, link: BUILDKIT_LINK };
}

export const PREDEFINED_ARGS: readonly PredefinedArgDoc[] = [
  platformArg('TARGETPLATFORM', 'The platform the image is built for, as `os/arch[/variant]` (the `--platform` of the build, or the builder’s own platform).', 'linux/arm64', 'platform'),
  platformArg('TARGETOS', 'The operating system part of TARGETPLATFORM.', 'linux'),
  platformArg('TARGETARCH', 'The architecture part of TARGETPLATFORM.', 'arm64'),
  platformArg('TARGETVARIANT', 'The variant part of TARGETPLATFORM, empty when it has none.', 'v7'),
  platformArg('BUILDPLATFORM', 'The platform of the machine that runs the build, as `os/arch[/variant]`. `FROM --platform=$BUILDPLATFORM` runs a stage natively, e.g. to cross-compile.', 'linux/amd64', 'platform'),
  platformArg('BUILDOS', 'The operating system part of BUILDPLATFORM.', 'linux'),
  platformArg('BUILDARCH', 'The architecture part of BUILDPLATFORM.', 'amd64'),
  platformArg('BUILDVARIANT', 'The variant part of BUILDPLATFORM, empty when it has none (as on amd64).', 'v8'),
  proxyArg('HTTP_PROXY', `Proxy for HTTP requests made by RUN commands. ${PROXY_NOTE}`, 'http://proxy.internal:3128'),
  proxyArg('http_proxy', `Lower-case spelling of HTTP_PROXY, which many tools read instead. ${PROXY_NOTE}`, 'http://proxy.internal:3128'),
  proxyArg('HTTPS_PROXY', `Proxy for HTTPS requests made by RUN commands. ${PROXY_NOTE}`, 'http://proxy.internal:3128'),
  proxyArg('https_proxy', `Lower-case spelling of HTTPS_PROXY. ${PROXY_NOTE}`, 'http://proxy.internal:3128'),
  proxyArg('FTP_PROXY', `Proxy for FTP requests made by RUN commands. ${PROXY_NOTE}`, 'http://proxy.internal:3128'),
  proxyArg('ftp_proxy', `Lower-case spelling of FTP_PROXY. ${PROXY_NOTE}`, 'http://proxy.internal:3128'),
  proxyArg('NO_PROXY', `Hosts and domains reached without the proxy, comma-separated. ${PROXY_NOTE}`, 'localhost,127.0.0.1,.internal'),
  proxyArg('no_proxy', `Lower-case spelling of NO_PROXY. ${PROXY_NOTE}`, 'localhost,127.0.0.1,.internal'),
  proxyArg('ALL_PROXY', `Proxy for any protocol that has no specific one (often SOCKS). ${PROXY_NOTE}`, 'socks5://proxy.internal:1080'),
  proxyArg('all_proxy', `Lower-case spelling of ALL_PROXY. ${PROXY_NOTE}`, 'socks5://proxy.internal:1080'),
  buildkitArg('BUILDKIT_BUILD_NAME', 'string', 'Replaces the name the build is shown under in `docker buildx history` and in the Builds view of Docker Desktop.', 'api-release'),
  buildkitArg('BUILDKIT_CACHE_MOUNT_NS', 'string', 'A namespace added to the ids of cache mounts, so that separate projects on one builder do not share caches.', 'team-a'),
  buildkitArg('BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'boolean', 'When the build context is a Git repository, keeps its `.git` directory so that steps can read Git metadata.', '1'),
  buildkitArg('BUILDKIT_GIT_ADVICE', 'boolean', 'Shows the advice messages of the Git operations BuildKit runs. Off by default.', 'true'),
  buildkitArg('BUILDKIT_INLINE_CACHE', 'boolean', 'Writes cache metadata into the image config, so the pushed image can serve as `--cache-from` for later builds (Docker-integrated BuildKit and `docker buildx build`).', '1'),
  buildkitArg('BUILDKIT_MULTI_PLATFORM', 'boolean', 'Produces the same output shape whether one or several platforms are built (always a multi-platform result).', '1'),
  buildkitArg('BUILDKIT_SANDBOX_HOSTNAME', 'string', 'The hostname RUN commands see; `buildkitsandbox` when not set.', 'builder'),
  buildkitArg('BUILDKIT_SYNTAX', 'string', 'The frontend image used to build, overriding the `# syntax=` directive. `dockerfile.v0` ignores the directive and uses the built-in frontend.', 'docker/dockerfile:1'),
  {
    ...buildkitArg('BUILDKIT_DOCKERFILE_CHECK', 'string', 'Configures build checks from the command line, with the same value as the `# check=` directive: `skip=...`, `error=true|false`, `experimental=...`, joined with `;`.', 'skip=JSONArgsRecommended;error=true'),
    link: 'https://docs.docker.com/build/checks/',
  },
  buildkitArg('SOURCE_DATE_EPOCH', 'integer', 'A Unix timestamp used as the creation time of the image and its layers, for reproducible builds (Dockerfile 1.5+, BuildKit 0.11+).', '1704067200'),
];

/** A predefined build argument by exact name (the proxy arguments exist in both cases). */
export function predefinedArg(name: string): PredefinedArgDoc | undefined {
  return PREDEFINED_ARGS.find((a) => a.name === name);
}

export function isPredefinedArg(name: string): boolean {
  return predefinedArg(name) !== undefined;
}

/** Where a variable of a RUN command's environment usually comes from. */
export type BaseVariableSource = 'image' | 'builder' | 'shell';

export interface BaseVariableDoc {
  name: string;
  source: BaseVariableSource;
  description: string;
}

/**
 * Variables a RUN command normally has although the Dockerfile never sets them: from the base image's
 * config, from the build container, or set by the shell itself. UndefinedVar-style checks should not
 * report them in RUN (the builder does not expand RUN; the shell does).
 */
export const BASE_ENVIRONMENT_VARIABLES: readonly BaseVariableDoc[] = [
  { name: 'PATH', source: 'image', description: 'Directories searched for commands. Set by most base images; the builder supplies a standard Linux PATH when the image has none.' },
  { name: 'HOME', source: 'builder', description: 'The home directory of the current USER, set for the command from the user database (`/root` for root).' },
  { name: 'HOSTNAME', source: 'builder', description: 'The host name of the build container, `buildkitsandbox` unless BUILDKIT_SANDBOX_HOSTNAME says otherwise. Shells such as bash set the variable themselves.' },
  { name: 'PWD', source: 'shell', description: 'The current directory, which is the WORKDIR when the command starts.' },
  { name: 'OLDPWD', source: 'shell', description: 'The previous directory after a `cd` in the command.' },
  { name: 'SHLVL', source: 'shell', description: 'How deeply shells are nested.' },
  { name: 'IFS', source: 'shell', description: 'The characters the shell splits words on.' },
  { name: 'PPID', source: 'shell', description: 'The process id of the shell’s parent.' },
  { name: 'OPTIND', source: 'shell', description: 'The index used by `getopts`.' },
  { name: 'OPTARG', source: 'shell', description: 'The option argument found by `getopts`.' },
  { name: 'PS1', source: 'shell', description: 'The primary prompt of an interactive shell.' },
  { name: 'PS2', source: 'shell', description: 'The continuation prompt.' },
  { name: 'PS4', source: 'shell', description: 'The prefix of `set -x` trace lines.' },
  { name: 'LINENO', source: 'shell', description: 'The current line of the script.' },
  { name: 'RANDOM', source: 'shell', description: 'A random number on each read (bash and most other shells).' },
  { name: 'SECONDS', source: 'shell', description: 'Seconds since the shell started (bash and others).' },
  { name: 'BASH', source: 'shell', description: 'Path of bash, when the SHELL is bash.' },
  { name: 'BASH_VERSION', source: 'shell', description: 'Version of bash, when the SHELL is bash.' },
  { name: 'BASH_SOURCE', source: 'shell', description: 'Source files of the bash call stack.' },
  { name: 'PIPESTATUS', source: 'shell', description: 'Exit codes of the last pipeline (bash).' },
  { name: 'UID', source: 'shell', description: 'The user id (bash).' },
  { name: 'EUID', source: 'shell', description: 'The effective user id (bash).' },
  { name: 'HOSTTYPE', source: 'shell', description: 'The machine type (bash).' },
  { name: 'OSTYPE', source: 'shell', description: 'The operating system type (bash).' },
  { name: 'MACHTYPE', source: 'shell', description: 'The system type triple (bash).' },
];

export function baseEnvironmentVariable(name: string): BaseVariableDoc | undefined {
  return BASE_ENVIRONMENT_VARIABLES.find((v) => v.name === name);
}

export function isBaseEnvironmentVariable(name: string): boolean {
  return baseEnvironmentVariable(name) !== undefined;
}
