// The docker CLI's contexts, read the way the CLI stores them: <DOCKER_CONFIG or ~/.docker>/contexts/meta/<sha256(name)>/meta.json
// (Name, Metadata.Description, Endpoints.docker.Host and SkipTLSVerify), TLS material under contexts/tls/<hash>/docker,
// and the current context in config.json (`currentContext`) unless DOCKER_CONTEXT names one. Plus the checks of what
// the Create command asks for. Pure apart from the injected readers, so it is unit-tested without files or an engine.
import { createHash } from 'crypto';
import * as os from 'os';
import * as path from 'path';
import type { EngineEndpoint } from './types';

/** The docker CLI's rule for context names (docker 28: at least two characters). */
export const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;
export const DEFAULT_CONTEXT = 'default';

export interface DockerContext {
  name: string;
  description: string;
  /** Endpoints.docker.Host; undefined when the context has none (or its meta.json cannot be read). */
  host?: string;
  skipTlsVerify: boolean;
  /** The TLS files stored with the context (of ca.pem, cert.pem, key.pem), sorted. */
  tlsFiles: string[];
  /** The folder of its meta.json; undefined for `default`, which the CLI keeps in memory. */
  metaDir?: string;
  /** Why the context cannot be used as it is stored (a broken meta.json), in plain words. */
  problem?: string;
}

export interface ContextList {
  /** The CLI's configuration folder: DOCKER_CONFIG, else ~/.docker. */
  configDir: string;
  /** The CLI's current context, and who chose it. */
  current: string;
  currentFrom: 'DOCKER_CONTEXT' | 'config.json' | 'none';
  /** `default` first, then the stored contexts by name. */
  contexts: DockerContext[];
}

export interface ContextInputs {
  env: Record<string, string | undefined>;
  /** Reads a UTF-8 file; undefined when it does not exist or cannot be read. */
  readFile(file: string): string | undefined;
  /** The names in a folder; undefined when it does not exist. */
  listDir(dir: string): string[] | undefined;
  homeDir?: string;
  platform?: NodeJS.Platform;
}

export function dockerConfigDir(env: Record<string, string | undefined>, homeDir?: string): string {
  return env.DOCKER_CONFIG || path.join(homeDir ?? os.homedir(), '.docker');
}

export function contextHash(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** The folders the Contexts view watches: config.json's folder, contexts/ and contexts/meta/. */
export function contextFolders(configDir: string): { config: string; contexts: string; meta: string } {
  return { config: configDir, contexts: path.join(configDir, 'contexts'), meta: path.join(configDir, 'contexts', 'meta') };
}

const collator = new Intl.Collator('en', { numeric: true });

export function listContexts(inputs: ContextInputs): ContextList {
  const { env } = inputs;
  const configDir = dockerConfigDir(env, inputs.homeDir);
  const fromConfig = configCurrentContext(inputs.readFile(path.join(configDir, 'config.json')));
  const current = env.DOCKER_CONTEXT || fromConfig || DEFAULT_CONTEXT;
  const currentFrom = env.DOCKER_CONTEXT ? 'DOCKER_CONTEXT' : fromConfig ? 'config.json' : 'none';
  const platform = inputs.platform ?? process.platform;
  const defaultHost = env.DOCKER_HOST?.trim() || (platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock');
  const defaultContext: DockerContext = {
    name: DEFAULT_CONTEXT,
    description: env.DOCKER_HOST?.trim() ? 'Current DOCKER_HOST based configuration' : 'The default engine (no context)',
    host: defaultHost,
    skipTlsVerify: false,
    tlsFiles: [],
  };
  const metaRoot = contextFolders(configDir).meta;
  const stored = (inputs.listDir(metaRoot) ?? [])
    .filter((hash) => /^[0-9a-f]{64}$/.test(hash))
    .map((hash) => readContext(inputs, configDir, hash))
    .filter((c) => c.name !== DEFAULT_CONTEXT)
    .sort((a, b) => collator.compare(a.name, b.name));
  return { configDir, current, currentFrom, contexts: [defaultContext, ...stored] };
}

function readContext(inputs: ContextInputs, configDir: string, hash: string): DockerContext {
  const metaDir = path.join(configDir, 'contexts', 'meta', hash);
  const tlsDir = path.join(configDir, 'contexts', 'tls', hash, 'docker');
  const tlsFiles = (inputs.listDir(tlsDir) ?? []).filter((f) => ['ca.pem', 'cert.pem', 'key.pem'].includes(f)).sort();
  const broken = (problem: string): DockerContext => ({ name: hash.slice(0, 12), description: '', skipTlsVerify: false, tlsFiles, metaDir, problem });
  const text = inputs.readFile(path.join(metaDir, 'meta.json'));
  if (text === undefined) return broken('its meta.json is missing');
  let meta: any;
  try {
    meta = JSON.parse(text);
  } catch {
    return broken('its meta.json is not valid JSON');
  }
  if (typeof meta?.Name !== 'string' || meta.Name === '') return broken('its meta.json has no Name');
  const name: string = meta.Name;
  const docker = meta.Endpoints?.docker;
  const description = typeof meta.Metadata?.Description === 'string' ? meta.Metadata.Description : '';
  const host = typeof docker?.Host === 'string' && docker.Host ? docker.Host : undefined;
  const problem =
    contextHash(name) !== hash
      ? 'it is stored under a folder that does not match its name'
      : !CONTEXT_NAME.test(name)
        ? 'its name is not a valid context name'
        : host === undefined
          ? 'it has no docker endpoint'
          : undefined;
  return { name, description, host, skipTlsVerify: docker?.SkipTLSVerify === true, tlsFiles, metaDir, ...(problem ? { problem } : {}) };
}

function configCurrentContext(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const config = JSON.parse(text);
    return typeof config?.currentContext === 'string' && config.currentContext ? config.currentContext : undefined;
  } catch {
    return undefined;
  }
}

// ---- Which engine the views use, and why ----

export interface ContextUse {
  /** The context whose engine the views use; undefined when the setting or DOCKER_HOST chose the engine. */
  context?: string;
  /** One sentence for the view's message. */
  message: string;
  /** A few words for the view's description. */
  short: string;
}

/** What the Contexts view says about the engine the views use (from the session's endpoint). */
export function contextUse(endpoint: EngineEndpoint | undefined, env: Record<string, string | undefined>): ContextUse {
  if (!endpoint) return { message: 'The views have no usable engine address (see the Containers view).', short: 'no engine' };
  switch (endpoint.source) {
    case 'setting':
      return {
        message: `The views use ${endpoint.url} from the docker-workflows.host setting, which wins over DOCKER_HOST and the docker contexts.`,
        short: 'docker-workflows.host setting',
      };
    case 'DOCKER_HOST':
      return { message: `The views use ${endpoint.url}: DOCKER_HOST is set, so the context is not used.`, short: 'DOCKER_HOST' };
    case 'context': {
      const name = endpoint.context ?? '?';
      const why = env.DOCKER_CONTEXT ? 'named by DOCKER_CONTEXT' : "the docker CLI's current context";
      return { context: name, message: `The views use the context "${name}" (${endpoint.url}), ${why}.`, short: name };
    }
    case 'default': {
      const why = env.DOCKER_CONTEXT === DEFAULT_CONTEXT ? 'named by DOCKER_CONTEXT' : 'no other context is in use';
      return { context: DEFAULT_CONTEXT, message: `The views use the context "default" (${endpoint.url}): ${why}.`, short: DEFAULT_CONTEXT };
    }
  }
}

// ---- What Create asks for ----

/** Why `name` cannot name a new context, or undefined when it can. An empty name is acceptable: it cancels. */
export function contextNameProblem(name: string, existing: readonly string[]): string | undefined {
  if (name === '') return undefined;
  if (name === DEFAULT_CONTEXT) return 'The name "default" is reserved for the engine the docker CLI uses without a context.';
  if (!CONTEXT_NAME.test(name)) {
    return 'A context name starts with a letter or digit, followed by at least one letter, digit, "_", ".", "+" or "-".';
  }
  if (existing.includes(name)) return `A context named ${name} already exists.`;
  return undefined;
}

export type EndpointKind = 'ssh' | 'tcp' | 'tcp+tls' | 'unix';

export const ENDPOINT_KINDS: readonly { kind: EndpointKind; label: string; example: string }[] = [
  { kind: 'ssh', label: 'SSH: ssh://user@host[:port]', example: 'ssh://user@host' },
  { kind: 'tcp+tls', label: 'TCP with TLS: tcp://host:port and a certificate folder', example: 'tcp://host:2376' },
  { kind: 'tcp', label: 'TCP without TLS: tcp://host:port', example: 'tcp://host:2375' },
  { kind: 'unix', label: 'Unix socket: unix:///path/to/docker.sock', example: 'unix:///var/run/docker.sock' },
];

/** Why `value` is not an address of this kind, or undefined when it is. An empty value is acceptable: it cancels. */
export function endpointProblem(kind: EndpointKind, value: string): string | undefined {
  if (value === '') return undefined;
  if (/[\s,"]/.test(value)) return 'The address cannot contain spaces, commas or quotes.';
  const scheme = kind === 'tcp+tls' ? 'tcp' : kind;
  const example = ENDPOINT_KINDS.find((k) => k.kind === kind)!.example;
  if (!value.startsWith(`${scheme}://`)) return `Start the address with ${scheme}://, e.g. ${example}.`;
  const rest = value.slice(scheme.length + 3);
  if (kind === 'unix') {
    return rest.startsWith('/') && rest.length > 1 ? undefined : `Give the socket's absolute path, e.g. ${example}.`;
  }
  let url: URL;
  try {
    url = new URL(`${scheme === 'ssh' ? 'ssh' : 'http'}://${rest}`);
  } catch {
    return `Not an address: write it as ${example}.`;
  }
  if (!url.hostname) return `Give a host, e.g. ${example}.`;
  if ((url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) return `Give only the host and port, e.g. ${example}.`;
  if (rest.endsWith(':')) return 'Give a port number after ":".';
  if (kind !== 'ssh' && (url.username || url.password)) return `A tcp:// address has no user, e.g. ${example}.`;
  if (kind === 'ssh' && url.password) return 'Do not put a password in the address: SSH uses your keys or agent.';
  return undefined;
}

export const TLS_FILES = ['ca.pem', 'cert.pem', 'key.pem'] as const;

/** Why `folder` is not a certificate folder (absolute, holding ca.pem, cert.pem and key.pem), or undefined. Empty cancels. */
export function certFolderProblem(folder: string, exists: (file: string) => boolean): string | undefined {
  if (folder === '') return undefined;
  if (/[,"\n]/.test(folder)) return 'The folder path cannot contain commas, quotes or line breaks.';
  if (!path.isAbsolute(folder)) return 'Give the absolute path of the folder holding ca.pem, cert.pem and key.pem.';
  const missing = TLS_FILES.filter((f) => !exists(path.join(folder, f)));
  return missing.length > 0 ? `The folder ${folder} has no ${missing.join(', ')}.` : undefined;
}

export interface NewContext {
  name: string;
  description: string;
  host: string;
  /** The folder of ca.pem, cert.pem and key.pem (a tcp endpoint with TLS). */
  certFolder?: string;
}

/** `docker context create --description <d> --docker host=<h>[,ca=..,cert=..,key=..] -- <name>`; throws on a bad request. */
export function createContextArgs(request: NewContext): string[] {
  const { name, description, host, certFolder } = request;
  const nameProblem = contextNameProblem(name, []);
  if (name === '' || nameProblem) throw new Error(nameProblem ?? 'A context needs a name.');
  const kind: EndpointKind = host.startsWith('ssh://') ? 'ssh' : host.startsWith('unix://') ? 'unix' : certFolder ? 'tcp+tls' : 'tcp';
  const hostProblem = host === '' ? 'A context needs an address.' : endpointProblem(kind, host);
  if (hostProblem) throw new Error(hostProblem);
  if (certFolder !== undefined && kind !== 'tcp+tls') throw new Error('Only a tcp:// address takes a certificate folder.');
  if (/[\n\r]/.test(description)) throw new Error('The description is one line.');
  let docker = `host=${host}`;
  if (certFolder !== undefined) {
    const problem = certFolder === '' ? 'A TLS address needs a certificate folder.' : certFolderProblem(certFolder, () => true);
    if (problem) throw new Error(problem);
    docker += TLS_FILES.map((f) => `,${f.replace('.pem', '')}=${path.join(certFolder, f)}`).join('');
  }
  return ['context', 'create', '--description', description, '--docker', docker, '--', name];
}

/** `docker context <verb> -- <name>` for use, inspect and rm; throws on a name the CLI would not take. */
export function contextArgs(verb: 'use' | 'inspect' | 'rm', name: string): string[] {
  if (name !== DEFAULT_CONTEXT && !CONTEXT_NAME.test(name)) throw new Error(`Not a docker context name: ${JSON.stringify(name.slice(0, 80))}`);
  return ['context', verb, '--', name];
}
