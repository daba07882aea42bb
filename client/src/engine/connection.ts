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
  | { kind: 'ssh'; host: string; port: number; username?: string };

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
}

export function resolveConnection(inputs: ConnectionInputs): ResolvedConnection {
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
