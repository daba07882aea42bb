// Decides which engine to talk to, the way the docker CLI does:
// the extension setting, then DOCKER_HOST, then DOCKER_CONTEXT / the current docker context, then the default socket.
// Pure apart from the injected file reader, so it is unit-tested without an engine.
import { createHash } from 'crypto';
import * as os from 'os';
import * as path from 'path';
import type { EngineEndpoint } from './types';

export type ConnectionOptions =
  | { kind: 'socket'; socketPath: string }
  | {
      kind: 'tcp';
      host: string;
      port: number;
      tls: boolean;
      /** Folder holding ca.pem, cert.pem and key.pem. */
      certPath?: string;
      verify: boolean;
    }
  | {
      kind: 'ssh';
      host: string;
      port: number;
      username?: string;
      /** `ssh -F`: the docker-workflows.ssh.configFile setting (else ssh reads ~/.ssh/config as usual). */
      configFile?: string;
    };

export interface ResolvedConnection {
  endpoint: EngineEndpoint;
  options: ConnectionOptions;
}

export interface ConnectionInputs {
  /** Value of the docker-workflows.host setting ("" when unset). */
  setting: string;
  env: Record<string, string | undefined>;
  /** Reads a UTF-8 file; returns undefined when it does not exist. */
  readFile(file: string): string | undefined;
  homeDir?: string;
  platform?: NodeJS.Platform;
  /** The docker-workflows.ssh.configFile setting, for ssh:// engines ("" or undefined: ssh's own default). */
  sshConfigFile?: string;
}

export function resolveConnection(inputs: ConnectionInputs): ResolvedConnection {
  const resolved = resolveAddress(inputs);
  const configFile = inputs.sshConfigFile?.trim();
  if (resolved.options.kind === 'ssh' && configFile) resolved.options.configFile = configFile;
  return resolved;
}

function resolveAddress(inputs: ConnectionInputs): ResolvedConnection {
  const { env } = inputs;
  const setting = inputs.setting.trim();
  if (setting) return fromUrl(setting, { url: setting, source: 'setting' }, env);
  const dockerHost = env.DOCKER_HOST?.trim();
  if (dockerHost) return fromUrl(dockerHost, { url: dockerHost, source: 'DOCKER_HOST' }, env);

  const configDir = env.DOCKER_CONFIG || path.join(inputs.homeDir ?? os.homedir(), '.docker');
  const contextName = env.DOCKER_CONTEXT || currentContext(configDir, inputs.readFile);
  if (contextName && contextName !== 'default') {
    const hash = createHash('sha256').update(contextName).digest('hex');
    const meta = parseJson(inputs.readFile(path.join(configDir, 'contexts', 'meta', hash, 'meta.json')));
    const docker = meta?.Endpoints?.docker;
    if (typeof docker?.Host === 'string' && docker.Host) {
      const tlsDir = path.join(configDir, 'contexts', 'tls', hash, 'docker');
      const hasTls = inputs.readFile(path.join(tlsDir, 'ca.pem')) !== undefined;
      const endpoint: EngineEndpoint = { url: docker.Host, source: 'context', context: contextName };
      return fromUrl(docker.Host, endpoint, {
        DOCKER_TLS_VERIFY: hasTls && !docker.SkipTLSVerify ? '1' : undefined,
        DOCKER_CERT_PATH: hasTls ? tlsDir : undefined,
      });
    }
  }
  const platform = inputs.platform ?? process.platform;
  const url = platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
  return fromUrl(url, { url, source: 'default' }, env);
}

function currentContext(configDir: string, readFile: ConnectionInputs['readFile']): string | undefined {
  const config = parseJson(readFile(path.join(configDir, 'config.json')));
  return typeof config?.currentContext === 'string' ? config.currentContext : undefined;
}

function parseJson(text: string | undefined): any {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Turns an engine URL into connection options; throws an Error in plain words for a URL it cannot use. */
export function fromUrl(
  url: string,
  endpoint: EngineEndpoint,
  env: Record<string, string | undefined>,
): ResolvedConnection {
  const match = /^([a-z]+):\/\/(.*)$/i.exec(url);
  if (!match) {
    // The docker CLI takes a bare path as a socket too.
    if (url.startsWith('/')) return { endpoint, options: { kind: 'socket', socketPath: url } };
    throw new Error(`"${url}" is not an engine address; use unix:///path, tcp://host:port or ssh://user@host`);
  }
  const scheme = match[1].toLowerCase();
  const rest = match[2];
  if (scheme === 'unix') return { endpoint, options: { kind: 'socket', socketPath: rest } };
  if (scheme === 'npipe') return { endpoint, options: { kind: 'socket', socketPath: rest.replace(/\//g, '\\') } };
  if (scheme === 'tcp' || scheme === 'http' || scheme === 'https') {
    const u = new URL(`http://${rest}`);
    const verify = !!env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0';
    const tls = scheme === 'https' || verify || !!env.DOCKER_CERT_PATH;
    const port = u.port ? Number(u.port) : tls ? 2376 : 2375;
    const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
    return { endpoint, options: { kind: 'tcp', host, port, tls, certPath: env.DOCKER_CERT_PATH, verify } };
  }
  if (scheme === 'ssh') {
    const u = new URL(`ssh://${rest}`);
    return {
      endpoint,
      options: {
        kind: 'ssh',
        host: u.hostname,
        port: u.port ? Number(u.port) : 22,
        username: u.username ? decodeURIComponent(u.username) : undefined,
      },
    };
  }
  throw new Error(`the scheme "${scheme}://" of "${url}" is not supported; use unix://, tcp:// or ssh://`);
}

// ---- Who chose the engine: the user, or the workspace (workspace trust) ----

/** The docker-workflows.host setting at each level VS Code keeps it (undefined where it is not set). */
export interface HostSettingValues {
  /** The user's own settings (local or remote user settings). */
  user?: string;
  /** The workspace's settings (.vscode/settings.json of a single folder, or the .code-workspace file). */
  workspace?: string;
  /** A workspace folder's settings in a multi-root workspace. */
  workspaceFolder?: string;
}

/** The setting's levels from what `WorkspaceConfiguration.inspect('host')` answers (non-strings count as unset). */
export function hostSettingValues(
  inspected: { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown } | undefined,
): HostSettingValues {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { user: text(inspected?.globalValue), workspace: text(inspected?.workspaceValue), workspaceFolder: text(inspected?.workspaceFolderValue) };
}

export interface HostSettingChoice {
  /** The value to connect by ("" when none: DOCKER_HOST, the docker context or the default decide). */
  value: string;
  /** Which level it comes from: the user's own settings, the workspace's, or none is set. */
  origin: 'user' | 'workspace' | 'none';
  /** In Restricted Mode: the workspace's own value that was left out (when VS Code lets the extension see it). */
  ignored?: string;
}

/**
 * The value of docker-workflows.host to connect by. In a trusted workspace the most specific level wins, as
 * VS Code's `get` does (folder, then workspace, then user). In Restricted Mode only the user's own value counts:
 * a cloned repository's .vscode/settings.json must not choose the engine (VS Code itself already hides restricted
 * workspace values from extensions; this holds even where it would not).
 */
export function chooseHostSetting(values: HostSettingValues, trusted: boolean): HostSettingChoice {
  const workspaceValue = values.workspaceFolder ?? values.workspace;
  if (!trusted) {
    const ignored = workspaceValue?.trim() && workspaceValue.trim() !== values.user?.trim() ? workspaceValue.trim() : undefined;
    const value = values.user?.trim() ?? '';
    return { value, origin: value ? 'user' : 'none', ...(ignored ? { ignored } : {}) };
  }
  if (workspaceValue !== undefined) return { value: workspaceValue.trim(), origin: 'workspace' };
  const value = values.user?.trim() ?? '';
  return { value, origin: value ? 'user' : 'none' };
}

/** What identifies an engine's address: the socket path, host and port, or ssh user, host and port. */
export function engineAddress(options: ConnectionOptions): string {
  switch (options.kind) {
    case 'socket':
      return `socket:${options.socketPath}`;
    case 'tcp':
      return `tcp:${options.host.toLowerCase()}:${options.port}`;
    case 'ssh':
      return `ssh:${options.username ?? ''}@${options.host.toLowerCase()}:${options.port}`;
  }
}

export interface CredentialTargetInputs {
  /** The engine in use (the session's endpoint). */
  endpoint: EngineEndpoint;
  /** The docker-workflows.host setting at each level, now. */
  host: HostSettingValues;
  /** The extension host's own environment (not one with DOCKER_HOST pointed at the engine in use). */
  env: Record<string, string | undefined>;
  readFile(file: string): string | undefined;
  homeDir?: string;
  platform?: NodeJS.Platform;
}

/**
 * Whether the engine in use was chosen by the workspace (a workspace or folder value of docker-workflows.host)
 * rather than by the user: then the user's saved registry credentials must not be sent to it, even in a trusted
 * workspace. An engine counts as the user's own when it came from DOCKER_HOST, a docker context or the default, or
 * from the user's own value of the setting, or when the workspace names the very engine the user's own choice
 * (user setting, else DOCKER_HOST, else the docker context, else the default) leads to.
 */
export function engineChosenByWorkspace(inputs: CredentialTargetInputs): boolean {
  const { endpoint } = inputs;
  if (endpoint.source !== 'setting') return false;
  if (inputs.host.user !== undefined && inputs.host.user.trim() === endpoint.url) return false;
  try {
    const inUse = fromUrl(endpoint.url, endpoint, inputs.env);
    const own = resolveConnection({ ...inputs, setting: inputs.host.user ?? '' });
    return engineAddress(own.options) !== engineAddress(inUse.options);
  } catch {
    return true; // An address that cannot be compared is not known to be the user's own.
  }
}

/** How the status bar and the views name where the engine's address came from. */
export function addressSourceText(endpoint: EngineEndpoint, settingOrigin: HostSettingChoice['origin']): string {
  switch (endpoint.source) {
    case 'setting':
      return settingOrigin === 'workspace' ? "this workspace's docker-workflows.host setting" : 'the docker-workflows.host setting';
    case 'DOCKER_HOST':
      return 'DOCKER_HOST';
    case 'context':
      return `the docker context "${endpoint.context}"`;
    case 'default':
      return 'the default';
  }
}

/**
 * What to tell about workspace trust next to the engine's address: in Restricted Mode that the workspace's value
 * of docker-workflows.host is ignored and which engine is used instead; in a trusted workspace whose settings chose
 * the engine (see engineChosenByWorkspace), that Pull sends it none of the saved registry credentials. Undefined
 * when there is nothing to tell.
 */
export function trustNote(inputs: {
  choice: HostSettingChoice;
  trusted: boolean;
  endpoint: EngineEndpoint | undefined;
  chosenByWorkspace: boolean;
}): string | undefined {
  const { choice, endpoint } = inputs;
  if (!inputs.trusted) {
    const using = endpoint ? `${endpoint.url} (address from ${addressSourceText(endpoint, choice.origin)})` : 'no usable address';
    const which = choice.ignored ? `docker-workflows.host (${choice.ignored})` : 'docker-workflows.host';
    return `Restricted Mode: the workspace's ${which} is ignored; using ${using}.`;
  }
  if (inputs.chosenByWorkspace) return "This workspace's settings chose this engine: Pull sends it none of your saved registry credentials.";
  return undefined;
}
