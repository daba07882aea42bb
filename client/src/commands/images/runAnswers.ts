// What the user answers in Run with Options, as typed, and how each answer reads as RunOptions. Pure, no vscode.
//
// Lists go in one box each, separated by blanks and quoted like a shell's words (util/shellWords.ts), so a value
// with a blank in it is written as on a command line: `GREETING="hello world"`. Ports are published on 127.0.0.1
// unless an address is written; every check of a value is the engine layer's own (engine/containerOptions.ts).
import {
  autoRemoveProblem,
  containerNameProblem,
  duplicatePortProblem,
  duplicateTargetProblem,
  envProblem,
  mountProblem,
  mountSourceProblem,
  publishOnNetworkProblem,
  publishedPortProblem,
  restartProblem,
  runOptionsProblem,
  type PublishedPort,
  type RestartName,
  type RestartPolicy,
  type RunMount,
  type RunOptions,
} from '../../engine/containerOptions';
import type { ImageRunDefaults } from '../../engine/types';
import type { Parsed } from '../../util/parsed';
import { splitWords } from '../../util/shellWords';

/** The answers of one Run with Options, as typed (what is remembered per image and offered again). */
export interface RunAnswers {
  name: string;
  ports: string;
  env: string;
  volumes: string;
  /** A network's name; "" for the engine's default. */
  network: string;
  /** no, always, unless-stopped, on-failure or on-failure:N. */
  restart: string;
  command: string;
  remove: boolean;
}

/** The address ports are published on when the user writes none. */
export const DEFAULT_HOST_IP = '127.0.0.1';

/** The first answers for an image: its exposed ports (published on 127.0.0.1 at ports the engine picks), no restart. */
export function defaultAnswers(defaults: Pick<ImageRunDefaults, 'exposedPorts'>): RunAnswers {
  const ports = defaults.exposedPorts.map((p) => (p.protocol === 'tcp' ? String(p.port) : `${p.port}/${p.protocol}`)).join(' ');
  return { name: '', ports, env: '', volumes: '', network: '', restart: 'no', command: '', remove: false };
}

export function parseName(text: string): Parsed<string | undefined> {
  const name = text.trim();
  if (name === '') return { value: undefined };
  const problem = containerNameProblem(name);
  return problem ? { problem } : { value: name };
}

/**
 * `[address:][hostPort:]containerPort[/protocol]` per entry, separated by blanks or commas: `80` (a port the engine
 * picks), `8080:80`, `127.0.0.1:8080:80/udp`, `0.0.0.0:80:80`, `[::1]:8080:80`, `127.0.0.1::80`.
 */
export function parsePorts(text: string): Parsed<PublishedPort[]> {
  const ports: PublishedPort[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const port = parsePort(entry);
    if ('problem' in port) return port;
    ports.push(port.value);
  }
  const twice = duplicatePortProblem(ports);
  return twice ? { problem: twice } : { value: ports };
}

function parsePort(entry: string): Parsed<PublishedPort> {
  const bad = { problem: `${entry} is not a port to publish: write 80, 8080:80, 127.0.0.1:8080:80 or 8080:80/udp.` };
  const slash = entry.lastIndexOf('/');
  const protocol = (slash >= 0 ? entry.slice(slash + 1) : 'tcp').toLowerCase();
  let rest = slash >= 0 ? entry.slice(0, slash) : entry;
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']:');
    if (end < 0) return bad;
    hostIp = rest.slice(1, end);
    rest = rest.slice(end + 2);
    if (rest.split(':').length !== 2) return bad;
  }
  const parts = rest.split(':');
  if (parts.length === 3 && hostIp === undefined) hostIp = parts.shift();
  if (parts.length > 2 || (parts.length === 2 && parts[0] === '' && hostIp === undefined)) return bad;
  const [hostText, containerText] = parts.length === 2 ? parts : ['', parts[0]];
  if (!/^\d+$/.test(containerText) || !/^\d*$/.test(hostText)) return bad;
  const port: PublishedPort = {
    hostIp: hostIp ?? DEFAULT_HOST_IP,
    ...(hostText !== '' ? { hostPort: Number(hostText) } : {}),
    containerPort: Number(containerText),
    protocol: protocol as PublishedPort['protocol'],
  };
  const problem = publishedPortProblem(port);
  return problem ? { problem: `${entry}: ${problem}` } : { value: port };
}

/** `KEY=value` per word (quoted like a shell's words when a value holds blanks). */
export function parseEnv(text: string): Parsed<{ name: string; value: string }[]> {
  const split = splitWords(text);
  if ('problem' in split) return split;
  const env: { name: string; value: string }[] = [];
  for (const word of split.words) {
    const equals = word.indexOf('=');
    if (equals < 0) return { problem: `${word} has no value: write ${word}=value.` };
    const variable = { name: word.slice(0, equals), value: word.slice(equals + 1) };
    const problem = envProblem(variable);
    if (problem) return { problem };
    env.push(variable);
  }
  return { value: env };
}

/** `source:target[:ro|:rw]` per word: a volume's name or an absolute host path, then a path in the container. */
export function parseVolumes(text: string): Parsed<RunMount[]> {
  const split = splitWords(text);
  if ('problem' in split) return split;
  const mounts: RunMount[] = [];
  for (const word of split.words) {
    const parts = word.split(':');
    const mode = parts.length === 3 ? parts[2] : 'rw';
    if (parts.length < 2 || parts.length > 3 || (mode !== 'ro' && mode !== 'rw')) {
      return { problem: `${word} is not a mount: write volume:/path, /host/path:/path or /host/path:/path:ro.` };
    }
    const [source, target] = parts;
    const mount: RunMount = { type: source.startsWith('/') ? 'bind' : 'volume', source, target, readOnly: mode === 'ro' };
    const sourceProblem = mountSourceProblem(mount);
    if (sourceProblem) return { problem: `${sourceProblem} A host path starts with /.` };
    const problem = mountProblem(mount);
    if (problem) return { problem };
    mounts.push(mount);
  }
  const twice = duplicateTargetProblem(mounts);
  return twice ? { problem: twice } : { value: mounts };
}

/** no, always, unless-stopped, on-failure or on-failure:N. */
export function parseRestart(text: string): Parsed<RestartPolicy> {
  const match = /^(no|always|unless-stopped|on-failure)(?::(\d{1,10}))?$/.exec(text.trim());
  if (!match || (match[2] !== undefined && match[1] !== 'on-failure')) {
    return { problem: `${text.trim()} is not a restart policy: no, always, unless-stopped, on-failure or on-failure:N.` };
  }
  const policy: RestartPolicy = { name: match[1] as RestartName, ...(match[2] !== undefined ? { maxRetries: Number(match[2]) } : {}) };
  const problem = restartProblem(policy);
  return problem ? { problem } : { value: policy };
}

/** The command's words as a shell would split them, or a JSON array of strings (`["sh", "-c", "echo hi"]`); "" for the image's own. */
export function parseCommand(text: string): Parsed<string[] | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  if (trimmed.startsWith('[')) {
    let words: unknown;
    try {
      words = JSON.parse(trimmed);
    } catch {
      return { problem: 'A command starting with [ is a JSON array of strings: ["sh", "-c", "echo hi"].' };
    }
    if (!Array.isArray(words) || words.length === 0 || !words.every((w) => typeof w === 'string')) {
      return { problem: 'A command starting with [ is a JSON array of strings: ["sh", "-c", "echo hi"].' };
    }
    return { value: words as string[] };
  }
  const split = splitWords(trimmed);
  return 'problem' in split ? split : { value: split.words };
}

/** Why publishing these ports cannot go with this network (host or none), or undefined. */
export function networkProblem(ports: string, network: string): string | undefined {
  const parsed = parsePorts(ports);
  const any = 'value' in parsed && parsed.value.length > 0;
  return any && (network === 'host' || network === 'none') ? publishOnNetworkProblem(network) : undefined;
}

/** Why removing the container when it stops cannot go with this restart policy, or undefined. */
export function removeProblem(restart: string, remove: boolean): string | undefined {
  const parsed = parseRestart(restart);
  return remove && 'value' in parsed && parsed.value.name !== 'no' ? autoRemoveProblem(restart.trim()) : undefined;
}

/** Every answer read as the options of running `image`, or the first problem. */
export function toRunOptions(image: string, answers: RunAnswers): Parsed<RunOptions> {
  const name = parseName(answers.name);
  const ports = parsePorts(answers.ports);
  const env = parseEnv(answers.env);
  const mounts = parseVolumes(answers.volumes);
  const restart = parseRestart(answers.restart);
  const command = parseCommand(answers.command);
  for (const parsed of [name, ports, env, mounts, restart, command]) if ('problem' in parsed) return parsed;
  const options: RunOptions = {
    image,
    ...('value' in name && name.value !== undefined ? { name: name.value } : {}),
    ports: 'value' in ports ? ports.value : [],
    env: 'value' in env ? env.value : [],
    mounts: 'value' in mounts ? mounts.value : [],
    ...(answers.network !== '' ? { network: answers.network } : {}),
    restart: 'value' in restart ? restart.value : { name: 'no' },
    ...('value' in command && command.value !== undefined ? { command: command.value } : {}),
    autoRemove: answers.remove,
  };
  const problem = runOptionsProblem(options);
  return problem ? { problem } : { value: options };
}
