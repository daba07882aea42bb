// The credentials `docker login` saved for an image's registry, found as the docker CLI finds them: in the CLI's
// config.json (DOCKER_CONFIG, else ~/.docker), from a credential helper (credHelpers for that registry, else
// credsStore) or from the base64 `auth` of its `auths` entry. A pull through the Engine API carries them in its
// X-Registry-Auth header, so private images pull as they do with `docker pull`. No vscode import.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** What the engine takes as X-Registry-Auth (its AuthConfig). */
export interface RegistryAuth {
  username?: string;
  password?: string;
  /** A token a helper returned in place of a password (its Username is "<token>"). */
  identitytoken?: string;
  serveraddress: string;
}

export interface AuthSources {
  env: NodeJS.ProcessEnv;
  /** The file's text, or undefined when there is none. */
  readFile(file: string): string | undefined;
  /** Runs `program get` with `input` on stdin; resolves with its stdout. */
  runHelper(program: string, input: string): Promise<string>;
}

interface CliConfig {
  auths?: Record<string, { auth?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** Docker Hub's key in config.json and the server address its credentials are stored under. */
const DOCKER_HUB = 'https://index.docker.io/v1/';
/** The host names Docker Hub's credentials may be saved under. */
const DOCKER_HUB_HOSTS = ['index.docker.io', 'docker.io', 'registry-1.docker.io'];

/** The registry of an image reference, as distribution's splitDockerDomain decides it ("docker.io" for Hub). */
export function registryOf(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = reference.slice(0, slash);
  const isHost = /[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first;
  return isHost && first !== 'index.docker.io' ? first : 'docker.io';
}

/**
 * The registry host (with its port) a config.json key or a helper's ServerURL names, as the CLI's ConvertToHostname
 * reads it: without http:// or https:// and without any path; lower case. "https://ghcr.io/v2/" -> "ghcr.io".
 */
export function hostOfKey(key: string): string {
  const stripped = key.trim().replace(/^https?:\/\//i, '');
  const slash = stripped.indexOf('/');
  return (slash < 0 ? stripped : stripped.slice(0, slash)).toLowerCase();
}

/**
 * Whether credentials saved under `key` belong to `registry`: the same host and port exactly (never a key that
 * merely starts with the registry's name, nor another port of the same host); for Docker Hub, any of its host names.
 */
export function keyBelongsTo(key: string, registry: string): boolean {
  const host = hostOfKey(key);
  if (!host) return false;
  return registry === 'docker.io' ? DOCKER_HUB_HOSTS.includes(host) : host === registry.toLowerCase();
}

/** The keys of `record` that belong to the registry: its canonical key first (the CLI's own), then the others in order. */
function keysFor(record: Record<string, unknown> | undefined, registry: string, canonical: string): string[] {
  if (!record || typeof record !== 'object') return [];
  const keys = Object.keys(record).filter((key) => keyBelongsTo(key, registry));
  return keys.includes(canonical) ? [canonical, ...keys.filter((key) => key !== canonical)] : keys;
}

/** A credential helper's name must name a program docker-credential-<name> on PATH, never a path. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The saved credentials for the registry of `reference`; undefined when there are none (an anonymous pull). Only ever
 * the credentials saved for that very registry: a helper's answer for another ServerURL and config keys of other
 * hosts or ports are ignored.
 */
export async function registryAuthFor(reference: string, sources: AuthSources): Promise<RegistryAuth | undefined> {
  const registry = registryOf(reference);
  const serveraddress = registry === 'docker.io' ? DOCKER_HUB : registry;
  const dir = sources.env.DOCKER_CONFIG || path.join(sources.env.HOME || os.homedir(), '.docker');
  let config: CliConfig;
  try {
    config = JSON.parse(sources.readFile(path.join(dir, 'config.json')) ?? '{}') as CliConfig;
  } catch {
    return undefined; // A broken config.json: the CLI would fail too; pull anonymously.
  }
  if (!config || typeof config !== 'object') return undefined;
  const helperKey = keysFor(config.credHelpers, registry, registry === 'docker.io' ? 'index.docker.io' : registry)[0];
  const helper = (helperKey !== undefined ? config.credHelpers?.[helperKey] : undefined) || config.credsStore;
  if (typeof helper === 'string' && HELPER_NAME.test(helper)) {
    try {
      const answer = JSON.parse(await sources.runHelper(`docker-credential-${helper}`, serveraddress)) as { ServerURL?: unknown; Username?: unknown; Secret?: unknown };
      // A helper answers for the address it was asked about; an answer for another registry is not this one's.
      const forThis = typeof answer.ServerURL !== 'string' || answer.ServerURL === '' || keyBelongsTo(answer.ServerURL, registry);
      if (forThis && typeof answer.Secret === 'string' && answer.Secret) {
        const username = typeof answer.Username === 'string' ? answer.Username : undefined;
        return username === '<token>' ? { identitytoken: answer.Secret, serveraddress } : { username, password: answer.Secret, serveraddress };
      }
    } catch {
      // No credentials in the helper for this registry (it exits non-zero): fall back to config.json's auths.
    }
  }
  for (const key of keysFor(config.auths, registry, serveraddress)) {
    const entry = config.auths?.[key];
    if (!entry || typeof entry !== 'object') continue;
    if (typeof entry.identitytoken === 'string' && entry.identitytoken) return { identitytoken: entry.identitytoken, serveraddress };
    if (typeof entry.auth !== 'string' || !entry.auth) continue;
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) continue;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress };
  }
  return undefined;
}

/** Runs a credential helper (`docker-credential-<name> get`, found on PATH; no shell) with a 15 s limit. */
export function runCredentialHelper(env: NodeJS.ProcessEnv): (program: string, input: string) => Promise<string> {
  return (program, input) =>
    new Promise((resolve, reject) => {
      const child = execFile(program, ['get'], { env, timeout: 15_000, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
      child.stdin?.end(input);
    });
}

/** The docker CLI's own sources: its config.json on disk and its credential helpers on PATH. */
export function cliAuthSources(env: NodeJS.ProcessEnv): AuthSources {
  const readFile = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  return { env, readFile, runHelper: runCredentialHelper(env) };
}
