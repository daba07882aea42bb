// A client of one registry's HTTP API V2 (the CNCF distribution API, which most registries speak): the login
// challenge (Basic, or a Bearer token from the realm the registry names), the catalog and tag lists page by page,
// what a tag holds (manifest, image configuration, the images of an index) and deleting a tag by its digest.
// Everything is bounded: page sizes, body sizes, timeouts, and the caller's cancellation. Pure Node, no vscode.
import { httpRequest, mayCarryLogin, RegistryError, type Fetch, type HttpAnswer } from './registryHttp';
import {
  checkedNames,
  isDigest,
  isRepositoryName,
  isTagName,
  MANIFEST_ACCEPT,
  newest,
  nextFromLink,
  parseConfig,
  parseManifest,
  quotedName,
  sha256Of,
  type Page,
  type PlatformImage,
  type TagDetails,
} from './registryManifest';
import { parseChallenge, type Challenge } from './registryChallenge';

export interface RegistryLogin {
  username: string;
  password: string;
}

/** What the Registries view needs of a registry: a V2 registry (this file) or Docker Hub (dockerHub.ts). */
export interface RegistryApi {
  /** Host and port as image references name the registry ("127.0.0.1:5000", "docker.io"). */
  readonly host: string;
  /** Resolves when the registry answers and accepts the login (or needs none); rejects with a RegistryError. */
  check(signal?: AbortSignal): Promise<void>;
  repositories(cursor?: string, signal?: AbortSignal): Promise<Page>;
  tags(repository: string, cursor?: string, signal?: AbortSignal): Promise<Page>;
  tagDetails(repository: string, tag: string, signal?: AbortSignal): Promise<TagDetails>;
  /** Deletes the manifest the tag points to (and so every tag of that digest); resolves with the digest. */
  deleteTag(repository: string, tag: string, signal?: AbortSignal): Promise<string>;
}

export const PAGE_SIZE = 100;
const LIST_MAX_BYTES = 1024 * 1024;
const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;
const CONFIG_MAX_BYTES = 8 * 1024 * 1024;
const TOKEN_MAX_BYTES = 64 * 1024;
/** The images of an index whose manifests and configurations are read for the details. */
const INDEX_IMAGES_READ = 8;

export interface V2Options {
  /** The registry's origin, e.g. "http://127.0.0.1:5000". */
  url: string;
  host: string;
  login?: RegistryLogin;
  fetch?: Fetch;
  pageSize?: number;
}

export class V2Registry implements RegistryApi {
  readonly host: string;
  private readonly base: URL;
  private readonly fetch: Fetch;
  private readonly pageSize: number;
  /** After a Basic challenge, the login goes with every request. */
  private basic = false;
  private readonly tokens = new Map<string, string>();

  constructor(private readonly options: V2Options) {
    this.host = options.host;
    this.base = new URL(options.url);
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.pageSize = Math.max(1, Math.min(options.pageSize ?? PAGE_SIZE, 1000));
  }

  async check(signal?: AbortSignal): Promise<void> {
    const answer = await this.send('/v2/', { scope: '', maxBytes: LIST_MAX_BYTES, signal });
    if (answer.status !== 200) throw this.failure(answer, 'the address does not answer as a registry (no /v2/)');
  }

  async repositories(cursor?: string, signal?: AbortSignal): Promise<Page> {
    const query = new URLSearchParams({ n: String(this.pageSize), ...(cursor ? { last: cursor } : {}) });
    const answer = await this.send(`/v2/_catalog?${query}`, { scope: 'registry:catalog:*', maxBytes: LIST_MAX_BYTES, signal });
    if (answer.status !== 200) throw this.failure(answer, 'the registry does not list its repositories (it has no catalog)');
    const { names, rejected } = checkedNames(this.json<{ repositories?: unknown }>(answer).repositories, isRepositoryName);
    return { names, rejected, next: nextFromLink(answer.headers.get('link')) };
  }

  async tags(repository: string, cursor?: string, signal?: AbortSignal): Promise<Page> {
    this.checkRepository(repository);
    const query = new URLSearchParams({ n: String(this.pageSize), ...(cursor ? { last: cursor } : {}) });
    const answer = await this.send(`/v2/${repository}/tags/list?${query}`, { scope: `repository:${repository}:pull`, maxBytes: LIST_MAX_BYTES, signal });
    if (answer.status !== 200) throw this.failure(answer, `the registry has no repository ${repository}`);
    const { names, rejected } = checkedNames(this.json<{ tags?: unknown }>(answer).tags, isTagName);
    return { names, rejected, next: nextFromLink(answer.headers.get('link')) };
  }

  async tagDetails(repository: string, tag: string, signal?: AbortSignal): Promise<TagDetails> {
    this.checkRepository(repository);
    if (!isTagName(tag)) throw new RegistryError(this.host, `not a tag name: ${quotedName(tag)}`, 'bad-answer');
    const { digest, manifest } = await this.manifest(repository, tag, signal);
    if (manifest.kind === 'image') {
      const config = await this.config(repository, manifest.configDigest!, signal);
      return { repository, tag, digest, mediaType: manifest.mediaType, kind: 'image', size: manifest.layersSize, platforms: [config.platform], ...(config.created ? { created: config.created } : {}) };
    }
    const entries = manifest.manifests ?? [];
    const images: PlatformImage[] = [];
    for (const entry of entries.filter((e) => e.platform !== 'unknown').slice(0, INDEX_IMAGES_READ)) {
      const child = await this.manifest(repository, entry.digest, signal);
      if (child.manifest.kind !== 'image') continue;
      const config = await this.config(repository, child.manifest.configDigest!, signal);
      images.push({ platform: entry.platform, digest: entry.digest, size: child.manifest.layersSize, ...(config.created ? { created: config.created } : {}) });
    }
    const platforms = entries.map((e) => e.platform).filter((p) => p !== 'unknown');
    const read = images.length === platforms.length;
    return {
      repository,
      tag,
      digest,
      mediaType: manifest.mediaType,
      kind: 'index',
      ...(read ? { size: images.reduce((sum, image) => sum + (image.size ?? 0), 0) } : {}),
      platforms,
      ...(newest(images.map((i) => i.created)) ? { created: newest(images.map((i) => i.created)) } : {}),
      images,
    };
  }

  async deleteTag(repository: string, tag: string, signal?: AbortSignal): Promise<string> {
    this.checkRepository(repository);
    if (!isTagName(tag)) throw new RegistryError(this.host, `not a tag name: ${quotedName(tag)}`, 'bad-answer');
    const scope = `repository:${repository}:pull,delete`;
    const { digest } = await this.manifest(repository, tag, signal, scope);
    const answer = await this.send(`/v2/${repository}/manifests/${digest}`, { method: 'DELETE', scope, maxBytes: LIST_MAX_BYTES, signal });
    if (answer.status === 202 || answer.status === 200) return digest;
    throw this.failure(answer, `the registry has no tag ${repository}:${tag}`);
  }

  /** A manifest by tag or digest, its digest checked against the body (and against Docker-Content-Digest). */
  private async manifest(repository: string, reference: string, signal?: AbortSignal, scope = `repository:${repository}:pull`) {
    const answer = await this.send(`/v2/${repository}/manifests/${reference}`, { scope, accept: MANIFEST_ACCEPT, maxBytes: MANIFEST_MAX_BYTES, signal });
    if (answer.status !== 200) throw this.failure(answer, `the registry has no tag ${repository}:${reference}`);
    const digest = sha256Of(answer.body);
    const said = answer.headers.get('docker-content-digest');
    if ((said?.startsWith('sha256:') && said !== digest) || (isDigest(reference) && reference.startsWith('sha256:') && reference !== digest)) {
      throw new RegistryError(this.host, `the manifest of ${repository}:${reference} does not match its digest`, 'bad-answer');
    }
    try {
      return { digest, manifest: parseManifest(answer.body, answer.headers.get('content-type')) };
    } catch (error) {
      throw new RegistryError(this.host, `${repository}:${reference}: ${(error as Error).message}`, 'bad-answer');
    }
  }

  private async config(repository: string, digest: string, signal?: AbortSignal) {
    const answer = await this.send(`/v2/${repository}/blobs/${digest}`, { scope: `repository:${repository}:pull`, maxBytes: CONFIG_MAX_BYTES, signal });
    if (answer.status !== 200) throw this.failure(answer, `the registry has no image configuration ${digest}`);
    if (digest.startsWith('sha256:') && sha256Of(answer.body) !== digest) throw new RegistryError(this.host, `the image configuration ${digest} does not match its digest`, 'bad-answer');
    try {
      return parseConfig(answer.body);
    } catch (error) {
      throw new RegistryError(this.host, (error as Error).message, 'bad-answer');
    }
  }

  /** One request with the login the registry asks for: Basic, or a Bearer token for the scope. */
  private async send(path: string, request: { method?: 'GET' | 'DELETE'; scope: string; accept?: string; maxBytes: number; signal?: AbortSignal }): Promise<HttpAnswer> {
    const url = new URL(path, this.base).href;
    const attempt = () =>
      httpRequest(this.fetch, this.host, url, {
        method: request.method,
        headers: { ...(request.accept ? { Accept: request.accept } : {}), ...this.authorization(request.scope) },
        maxBytes: request.maxBytes,
        signal: request.signal,
      });
    const first = await attempt();
    if (first.status !== 401) return first;
    const challenge = parseChallenge(first.headers.get('www-authenticate'));
    if (!challenge) throw new RegistryError(this.host, 'the registry asks for a login in a way this extension does not know', 'needs-login');
    if (challenge.scheme === 'basic') {
      if (!this.options.login || this.basic) throw this.loginProblem();
      if (!mayCarryLogin(this.base)) throw this.plainHttp();
      this.basic = true;
    } else {
      this.tokens.set(request.scope, await this.token(challenge, request.scope, request.signal));
    }
    const second = await attempt();
    if (second.status === 401) throw this.loginProblem();
    return second;
  }

  private authorization(scope: string): Record<string, string> {
    const token = this.tokens.get(scope);
    if (token) return { Authorization: `Bearer ${token}` };
    const login = this.options.login;
    if (this.basic && login) return { Authorization: `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}` };
    return {};
  }

  /** A token from the realm the registry named (https, or plain http on loopback), with the login when there is one. */
  private async token(challenge: Extract<Challenge, { scheme: 'bearer' }>, scope: string, signal?: AbortSignal): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(challenge.realm);
    } catch {
      throw new RegistryError(this.host, 'the registry names a token service that is not a URL', 'bad-answer');
    }
    if (!mayCarryLogin(realm)) throw new RegistryError(this.host, `the registry's token service ${realm.origin} is not https: no login is sent to it`, 'bad-answer');
    if (challenge.service) realm.searchParams.set('service', challenge.service);
    const wanted = scope || challenge.scope;
    if (wanted) realm.searchParams.set('scope', wanted);
    const login = this.options.login;
    const headers: Record<string, string> = login ? { Authorization: `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}` } : {};
    const answer = await httpRequest(this.fetch, this.host, realm.href, { headers, maxBytes: TOKEN_MAX_BYTES, signal });
    if (answer.status === 401 || answer.status === 403) throw this.loginProblem();
    if (answer.status !== 200) throw new RegistryError(this.host, `the registry's token service answered ${answer.status}`, 'bad-answer');
    const body = this.json<{ token?: unknown; access_token?: unknown }>(answer);
    const token = typeof body.token === 'string' && body.token ? body.token : body.access_token;
    if (typeof token !== 'string' || !token || /[\r\n]/.test(token)) throw new RegistryError(this.host, "the registry's token service sent no token", 'bad-answer');
    return token;
  }

  private loginProblem(): RegistryError {
    const login = this.options.login;
    return login
      ? new RegistryError(this.host, `the registry refused the login of ${JSON.stringify(login.username)}: wrong user name or password`, 'login-refused')
      : new RegistryError(this.host, `the registry needs a login: use Log In on it (or docker login ${this.host})`, 'needs-login');
  }

  private plainHttp(): RegistryError {
    return new RegistryError(this.host, 'the registry asks for a login over plain http: a login is sent only over https (or to a registry on this machine)', 'needs-login');
  }

  private failure(answer: HttpAnswer, notFound: string): RegistryError {
    switch (answer.status) {
      case 401:
        return this.loginProblem();
      case 403:
        return new RegistryError(this.host, 'the registry does not allow this with your login', 'denied');
      case 404:
        return new RegistryError(this.host, notFound, 'not-found');
      case 405:
        return new RegistryError(this.host, 'the registry does not allow deleting images (deletion is disabled in its configuration)', 'delete-disabled');
      default:
        return new RegistryError(this.host, `the registry answered ${answer.status}${errorText(answer.body)}`, 'bad-answer');
    }
  }

  private json<T>(answer: HttpAnswer): T {
    try {
      const value = JSON.parse(answer.body.toString('utf8')) as T;
      if (value && typeof value === 'object') return value;
    } catch {
      // Below.
    }
    throw new RegistryError(this.host, 'the registry answered with something that is not JSON', 'bad-answer');
  }

  private checkRepository(repository: string): void {
    if (!isRepositoryName(repository)) throw new RegistryError(this.host, `not a repository name: ${quotedName(repository)}`, 'bad-answer');
  }
}

/** The first error message of a registry's `{"errors":[{"code","message"}]}` body, as ": message" (one line, short). */
function errorText(body: Buffer): string {
  try {
    const message = (JSON.parse(body.toString('utf8')) as { errors?: { message?: unknown }[] }).errors?.[0]?.message;
    if (typeof message === 'string' && message.trim()) return `: ${message.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200)}`;
  } catch {
    // No JSON: no details.
  }
  return '';
}
