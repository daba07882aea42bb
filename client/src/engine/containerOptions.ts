// Our own types of Run with Options and of connecting a container to a network, every check of their values, and
// the Engine API bodies they map to. Pure (no dockerode, no vscode): the UI builds these from what the user typed
// (commands/images/runAnswers.ts, commands/networks/connectChoices.ts) and the engine layer checks every value
// again here before a request is made, so nothing odd reaches the engine whoever calls it.
import * as net from 'net';
import { isImageId, shown, validatedReference } from './validate';

export type PortProtocol = 'tcp' | 'udp' | 'sctp';
export const PORT_PROTOCOLS: readonly PortProtocol[] = ['tcp', 'udp', 'sctp'];

/** A container port published on the host (`--publish hostIp:hostPort:containerPort/protocol`). */
export interface PublishedPort {
  /** An IPv4 or IPv6 address of the host (127.0.0.1 unless the user wrote another). */
  hostIp: string;
  /** Undefined: the engine picks a free port. */
  hostPort?: number;
  containerPort: number;
  protocol: PortProtocol;
}

/** A named volume or a host path mounted into the container (`--mount type=...,source=...,target=...`). */
export interface RunMount {
  type: 'volume' | 'bind';
  /** The volume's name, or an absolute host path. */
  source: string;
  /** An absolute path inside the container. */
  target: string;
  readOnly: boolean;
}

export type RestartName = 'no' | 'always' | 'unless-stopped' | 'on-failure';
export const RESTART_NAMES: readonly RestartName[] = ['no', 'always', 'unless-stopped', 'on-failure'];

export interface RestartPolicy {
  name: RestartName;
  /** Only with on-failure: how often the engine restarts it at most (undefined or 0: no limit). */
  maxRetries?: number;
}

/** What `docker run --detach` is given: the image and every option Run with Options asks for. */
export interface RunOptions {
  /** A reference the engine reports, or an image id (sha256:...). */
  image: string;
  /** Undefined: the engine makes one up. */
  name?: string;
  ports: PublishedPort[];
  env: { name: string; value: string }[];
  mounts: RunMount[];
  /** Undefined: the engine's default network. */
  network?: string;
  restart: RestartPolicy;
  /** Replaces the image's CMD; undefined or empty: the image's own. */
  command?: string[];
  /** `--rm`: the engine removes the container when it stops. */
  autoRemove: boolean;
}

/** How a container joins a network: extra names on it and a fixed IPv4 address, both optional. */
export interface NetworkConnectOptions {
  aliases: string[];
  ipv4Address?: string;
}

/** The engine's rule for container, volume and network names: a letter or digit, then at least one more of these. */
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
/** Names an engine may report for networks (one character is allowed there). */
const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const MAX_RETRIES = 2 ** 31 - 1;

export function containerNameProblem(name: string): string | undefined {
  return NAME.test(name) ? undefined : 'A container name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".';
}

export function isNetworkName(value: unknown): value is string {
  return typeof value === 'string' && NETWORK_NAME.test(value);
}

export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

export function publishedPortProblem(port: PublishedPort): string | undefined {
  if (typeof port.hostIp !== 'string' || net.isIP(port.hostIp) === 0) return `${shown(port.hostIp)} is not an IPv4 or IPv6 address.`;
  if (port.hostPort !== undefined && !isPortNumber(port.hostPort)) return `The host port ${shown(String(port.hostPort))} is not a number from 1 to 65535.`;
  if (!isPortNumber(port.containerPort)) return `The container port ${shown(String(port.containerPort))} is not a number from 1 to 65535.`;
  if (!PORT_PROTOCOLS.includes(port.protocol)) return `The protocol ${shown(port.protocol)} is not tcp, udp or sctp.`;
  return undefined;
}

export function envProblem(variable: { name: string; value: string }): string | undefined {
  const { name, value } = variable;
  if (typeof name !== 'string' || !/^[^=\s\u0000-\u001f\u007f]+$/.test(name)) {
    return `${shown(name)} is not a variable name (no spaces, "=" or control characters, and not empty).`;
  }
  if (typeof value !== 'string' || value.includes('\u0000')) return `The value of ${name} holds a NUL character.`;
  return undefined;
}

/** Why the mount's type and source cannot be used: a volume's name, or a host path that must be absolute. */
export function mountSourceProblem(mount: Pick<RunMount, 'type' | 'source'>): string | undefined {
  const { type, source } = mount;
  if (type === 'volume' && !(typeof source === 'string' && NAME.test(source))) {
    return `${shown(source)} is not a volume name (a letter or digit, then letters, digits, "_", "." or "-").`;
  }
  if (type === 'bind' && !isAbsolutePath(source)) return `The host path ${shown(source)} is not an absolute path.`;
  if (type !== 'volume' && type !== 'bind') return `${shown(type)} is not a mount type (volume or bind).`;
  return undefined;
}

export function mountProblem(mount: RunMount): string | undefined {
  const { target } = mount;
  const source = mountSourceProblem(mount);
  if (source) return source;
  if (!isAbsolutePath(target) || target.replace(/\/+$/, '') === '') return `The container path ${shown(target)} is not an absolute path below /.`;
  if (typeof mount.readOnly !== 'boolean') return 'A mount is read-only or not.';
  return undefined;
}

export function restartProblem(restart: RestartPolicy): string | undefined {
  if (!RESTART_NAMES.includes(restart.name)) return `${shown(restart.name)} is not a restart policy (no, always, unless-stopped or on-failure).`;
  if (restart.maxRetries === undefined) return undefined;
  if (restart.name !== 'on-failure') return `Only on-failure takes a number of retries, not ${restart.name}.`;
  if (!Number.isInteger(restart.maxRetries) || restart.maxRetries < 0 || restart.maxRetries > MAX_RETRIES) {
    return `The number of retries ${shown(String(restart.maxRetries))} is not a whole number from 0 up.`;
  }
  return undefined;
}

/** Why these options cannot be run, in plain words, or undefined when every value is one the engine takes. */
export function runOptionsProblem(options: RunOptions): string | undefined {
  const { image, name, network } = options;
  if (!(isImageId(image) || validatedReference(image) !== undefined)) return `${shown(image)} is not an image reference or id.`;
  if (name !== undefined) {
    const problem = containerNameProblem(name);
    if (problem) return problem;
  }
  const problem =
    firstProblem(options.ports, publishedPortProblem) ??
    firstProblem(options.env, envProblem) ??
    firstProblem(options.mounts, mountProblem) ??
    restartProblem(options.restart) ??
    firstProblem(options.command ?? [], (word) => (typeof word === 'string' && !word.includes('\u0000') ? undefined : 'The command holds a NUL character.'));
  if (problem) return problem;
  if (network !== undefined && !isNetworkName(network)) return `${shown(network)} is not a network name.`;
  if (options.ports.length > 0 && (network === 'host' || network === 'none')) return publishOnNetworkProblem(network);
  const twice = duplicatePortProblem(options.ports) ?? duplicateTargetProblem(options.mounts);
  if (twice) return twice;
  if (typeof options.autoRemove !== 'boolean') return 'Remove when stopped is yes or no.';
  if (options.autoRemove && options.restart.name !== 'no') return autoRemoveProblem(options.restart.name);
  return undefined;
}

/** Why these ports cannot all be published (one host port and address twice), or undefined. */
export function duplicatePortProblem(ports: readonly PublishedPort[]): string | undefined {
  const bindings = ports.filter((p) => p.hostPort !== undefined).map((p) => `${p.hostIp} ${p.hostPort}/${p.protocol}`);
  const twice = bindings.find((binding, i) => bindings.indexOf(binding) !== i);
  return twice && `The host port ${twice.split(' ')[1]} on ${twice.split(' ')[0]} is published twice.`;
}

/** Why these mounts cannot all be made (two at one path in the container), or undefined. */
export function duplicateTargetProblem(mounts: readonly RunMount[]): string | undefined {
  const targets = mounts.map((m) => m.target.replace(/\/+$/, ''));
  const twice = targets.find((target, i) => targets.indexOf(target) !== i);
  return twice && `Two mounts go to ${twice}.`;
}

export function publishOnNetworkProblem(network: 'host' | 'none'): string {
  return network === 'host'
    ? 'A container on the host network uses the host\'s ports directly: publish no ports, or pick another network.'
    : 'A container on the none network has no network to publish ports from: publish no ports, or pick another network.';
}

export function autoRemoveProblem(restart: string): string {
  return `A container removed when it stops cannot have the restart policy ${restart}: keep the container, or pick the restart policy no.`;
}

export function connectOptionsProblem(options: NetworkConnectOptions): string | undefined {
  const alias = options.aliases.find((a) => !isNetworkName(a));
  if (alias !== undefined) return `${shown(alias)} is not an alias (a letter or digit, then letters, digits, "_", "." or "-").`;
  if (options.ipv4Address !== undefined && !net.isIPv4(options.ipv4Address)) return `${shown(options.ipv4Address)} is not an IPv4 address.`;
  return undefined;
}

/** The body of POST /containers/create for these options (the name goes in the query). Throws when a value is bad. */
export function toCreateBody(options: RunOptions): Record<string, unknown> {
  const problem = runOptionsProblem(options);
  if (problem) throw new Error(problem);
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of options.ports) {
    const key = `${port.containerPort}/${port.protocol}`;
    (bindings[key] ??= []).push({ HostIp: port.hostIp, HostPort: port.hostPort === undefined ? '' : String(port.hostPort) });
  }
  const restart = options.restart;
  return {
    Image: options.image,
    ...(options.command && options.command.length > 0 ? { Cmd: options.command } : {}),
    Env: options.env.map((variable) => `${variable.name}=${variable.value}`),
    ExposedPorts: Object.fromEntries(Object.keys(bindings).map((key) => [key, {}])),
    HostConfig: {
      PortBindings: bindings,
      Mounts: options.mounts.map((m) => ({ Type: m.type, Source: m.source, Target: m.target, ReadOnly: m.readOnly })),
      ...(options.network !== undefined ? { NetworkMode: options.network } : {}),
      RestartPolicy: { Name: restart.name, MaximumRetryCount: restart.maxRetries ?? 0 },
      AutoRemove: options.autoRemove,
    },
  };
}

/** The body of POST /networks/{id}/connect. Throws when a value is bad. */
export function toConnectBody(container: string, options: NetworkConnectOptions): Record<string, unknown> {
  const problem = connectOptionsProblem(options);
  if (problem) throw new Error(problem);
  return {
    Container: container,
    EndpointConfig: {
      ...(options.aliases.length > 0 ? { Aliases: options.aliases } : {}),
      ...(options.ipv4Address !== undefined ? { IPAMConfig: { IPv4Address: options.ipv4Address } } : {}),
    },
  };
}

function isAbsolutePath(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('/') && !value.includes('\u0000');
}

function firstProblem<T>(items: readonly T[], problemOf: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const problem = problemOf(item);
    if (problem) return problem;
  }
  return undefined;
}
