// The `docker run` command line that does what Run with Options does through the Engine API, to show and copy.
// Pure, no vscode: unit-tested with odd and hostile values.
//
// Every option is one word with its value (`--name=web`, `--env=A=1`), so a value starting with "-" can never be
// read as another option, and the image comes after `--`. The words are quoted for a POSIX shell (sh, bash, zsh);
// a --mount value is also quoted as the CLI reads it (comma-separated fields, a field with a comma or a double
// quote in double quotes).
import { runOptionsProblem, type PublishedPort, type RunMount, type RunOptions } from '../../engine/containerOptions';
import { commandLine } from '../../util/shellWords';

/** `docker run`'s arguments (without "docker") for the options. Throws when a value is not one the engine takes. */
export function runArgs(options: RunOptions): string[] {
  const problem = runOptionsProblem(options);
  if (problem) throw new Error(problem);
  const { restart } = options;
  return [
    'run',
    '--detach',
    ...(options.name !== undefined ? [`--name=${options.name}`] : []),
    ...options.ports.map((port) => `--publish=${publishSpec(port)}`),
    ...options.env.map((variable) => `--env=${variable.name}=${variable.value}`),
    ...options.mounts.map((mount) => `--mount=${mountSpec(mount)}`),
    ...(options.network !== undefined ? [`--network=${options.network}`] : []),
    ...(restart.name !== 'no' ? [`--restart=${restart.name}${restart.maxRetries !== undefined ? `:${restart.maxRetries}` : ''}`] : []),
    ...(options.autoRemove ? ['--rm'] : []),
    '--',
    // The CLI reads an image id without "sha256:" as an id for sure.
    options.image.replace(/^sha256:(?=[0-9a-f]{64}$)/, ''),
    ...(options.command ?? []),
  ];
}

/** The whole command line, quoted for a POSIX shell. */
export function runCommandLine(options: RunOptions): string {
  return commandLine(['docker', ...runArgs(options)]);
}

/** `127.0.0.1:8080:80/tcp`, `[::1]::53/udp` (an IPv6 address in brackets; no host port: the engine picks one). */
export function publishSpec(port: PublishedPort): string {
  const host = port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
  return `${host}:${port.hostPort ?? ''}:${port.containerPort}/${port.protocol}`;
}

/** `type=bind,source=/srv/site,target=/www,readonly`, each field quoted as CSV when it holds a comma or a quote. */
export function mountSpec(mount: RunMount): string {
  const fields = [`type=${mount.type}`, `source=${mount.source}`, `target=${mount.target}`, ...(mount.readOnly ? ['readonly'] : [])];
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}
