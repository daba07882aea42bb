// The registries the user added (in the extension's global state, never in settings) and their logins (in VS Code's
// SecretStorage; else the login `docker login` saved for that very registry, read as the CLI does). Docker Hub is
// always listed first. Makes the client of each registry with its own login only. Takes the storage as interfaces,
// so it imports nothing of vscode at run time.
import { DockerHub, HUB_API, HUB_HOST, isHubNamespace } from '../engine/dockerHub';
import { cliAuthSources, registryAuthFor } from '../engine/registryAuth';
import { V2Registry, type RegistryApi, type RegistryLogin } from '../engine/registryClient';
import { parseRegistryUrl } from '../engine/registryHttp';

export interface RegistryEntry {
  kind: 'hub' | 'v2';
  /** The origin the client talks to ("http://127.0.0.1:5000", "https://hub.docker.com"). */
  url: string;
  /** Host and port as image references name the registry ("127.0.0.1:5000"; "docker.io" for Docker Hub). */
  host: string;
}

/** Where a registry's login comes from: this extension's SecretStorage, the docker CLI's, or none. */
export type LoginSource = 'saved' | 'docker' | 'none';

export interface ResolvedLogin {
  source: LoginSource;
  login?: RegistryLogin;
}

interface Memento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

interface Secrets {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

const LIST_KEY = 'dockerWorkflows.registries';
const HUB_NAMESPACE_KEY = 'dockerWorkflows.registries.hubNamespace';
const MAX_REGISTRIES = 100;
export const HUB_ENTRY: RegistryEntry = { kind: 'hub', url: HUB_API, host: HUB_HOST };

const secretKey = (host: string) => `dockerWorkflows.registryLogin:${host}`;

export class RegistryStore {
  constructor(
    private readonly memento: Memento,
    private readonly secrets: Secrets,
    private readonly env: () => NodeJS.ProcessEnv = () => process.env,
  ) {}

  /** Docker Hub, then the added registries in the order they were added (entries that no longer parse are dropped). */
  list(): RegistryEntry[] {
    const saved = this.memento.get<unknown>(LIST_KEY);
    const entries = (Array.isArray(saved) ? saved : [])
      .map((url) => (typeof url === 'string' ? parseRegistryUrl(url) : undefined))
      .filter((parsed): parsed is { url: string; host: string } => !!parsed && 'url' in parsed)
      .map((parsed) => ({ kind: 'v2' as const, ...parsed }));
    return [HUB_ENTRY, ...entries.slice(0, MAX_REGISTRIES)];
  }

  find(host: string): RegistryEntry | undefined {
    return this.list().find((entry) => entry.host === host);
  }

  /** Adds a registry by its address (see parseRegistryUrl); the entry, or a problem in plain words. */
  async add(address: string): Promise<RegistryEntry | { problem: string }> {
    const parsed = parseRegistryUrl(address);
    if ('problem' in parsed) return parsed;
    if (parsed.host === HUB_HOST || parsed.host === 'hub.docker.com' || parsed.host.endsWith('.docker.io')) return { problem: 'Docker Hub is always listed: log in to it there.' };
    if (this.find(parsed.host)) return { problem: `The registry ${parsed.host} is already listed.` };
    const urls = this.list().filter((e) => e.kind === 'v2').map((e) => e.url);
    if (urls.length >= MAX_REGISTRIES) return { problem: `At most ${MAX_REGISTRIES} registries can be listed.` };
    await this.memento.update(LIST_KEY, [...urls, parsed.url]);
    return { kind: 'v2', ...parsed };
  }

  /** Forgets a registry and the login saved for it here (the docker CLI's own logins stay). */
  async remove(host: string): Promise<void> {
    await this.memento.update(LIST_KEY, this.list().filter((e) => e.kind === 'v2' && e.host !== host).map((e) => e.url));
    await this.secrets.delete(secretKey(host));
  }

  /** The login for a registry: the one saved here, else the docker CLI's for that registry only, else none. */
  async login(host: string): Promise<ResolvedLogin> {
    const saved = await this.savedLogin(host);
    if (saved) return { source: 'saved', login: saved };
    const cli = await registryAuthFor(`${host}/x`, cliAuthSources(this.env()));
    if (cli?.username && cli.password) return { source: 'docker', login: { username: cli.username, password: cli.password } };
    return { source: 'none' };
  }

  async saveLogin(host: string, login: RegistryLogin): Promise<void> {
    await this.secrets.store(secretKey(host), JSON.stringify(login));
    if (host === HUB_HOST) await this.memento.update(HUB_NAMESPACE_KEY, login.username.toLowerCase());
  }

  async forgetLogin(host: string): Promise<void> {
    await this.secrets.delete(secretKey(host));
  }

  /** The Docker Hub namespace listed: the user's at the last Hub login here, else the docker CLI's Hub user. */
  async hubNamespace(): Promise<string | undefined> {
    const saved = this.memento.get<string>(HUB_NAMESPACE_KEY);
    if (isHubNamespace(saved) && (await this.savedLogin(HUB_HOST))) return saved;
    const login = await this.login(HUB_HOST);
    const name = login.login?.username.toLowerCase();
    return isHubNamespace(name) ? name : undefined;
  }

  /** The client of a registry with its own login (undefined for Docker Hub while no namespace is known). */
  async client(entry: RegistryEntry, login?: RegistryLogin): Promise<RegistryApi | undefined> {
    const use = login ?? (await this.login(entry.host)).login;
    if (entry.kind === 'v2') return new V2Registry({ url: entry.url, host: entry.host, ...(use ? { login: use } : {}) });
    const namespace = login ? login.username.toLowerCase() : await this.hubNamespace();
    return namespace ? new DockerHub(namespace, use) : undefined;
  }

  private async savedLogin(host: string): Promise<RegistryLogin | undefined> {
    const text = await this.secrets.get(secretKey(host));
    if (!text) return undefined;
    try {
      const value = JSON.parse(text) as Partial<RegistryLogin>;
      return typeof value.username === 'string' && typeof value.password === 'string' ? { username: value.username, password: value.password } : undefined;
    } catch {
      return undefined;
    }
  }
}
