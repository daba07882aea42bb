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

/** The registry of an image reference, as distribution's splitDockerDomain decides it ("docker.io" for Hub). */
export function registryOf(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = reference.slice(0, slash);
  const isHost = /[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first;
  return isHost && first !== 'index.docker.io' ? first : 'docker.io';
}

/** The keys config.json may hold the registry's credentials under, the CLI's own first. */
function configKeys(registry: string): string[] {
  if (registry === 'docker.io') return [DOCKER_HUB, 'index.docker.io', 'docker.io', 'https://index.docker.io/v1', 'registry-1.docker.io'];
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
}

/** The saved credentials for the registry of `reference`; undefined when there are none (an anonymous pull). */
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
  const keys = configKeys(registry);
  const helper = keys.map((key) => config.credHelpers?.[key]).find(Boolean) ?? config.credsStore;
  if (helper) {
    try {
      const answer = JSON.parse(await sources.runHelper(`docker-credential-${helper}`, serveraddress)) as { Username?: string; Secret?: string };
      if (answer.Secret) {
        return answer.Username === '<token>'
          ? { identitytoken: answer.Secret, serveraddress }
          : { username: answer.Username, password: answer.Secret, serveraddress };
      }
    } catch {
      // No credentials in the helper for this registry (it exits non-zero): fall back to config.json's auths.
    }
  }
  const entry = keys.map((key) => config.auths?.[key]).find((e) => e?.auth || e?.identitytoken);
  if (!entry) return undefined;
  if (entry.identitytoken) return { identitytoken: entry.identitytoken, serveraddress };
  const decoded = Buffer.from(entry.auth ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress };
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
