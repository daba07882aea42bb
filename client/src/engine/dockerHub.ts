// Docker Hub through hub.docker.com's own API: its registry has no V2 catalog, so the repositories of a namespace
// (the logged-in user's, or one the user names) and their tags come from Hub's listing endpoints, with a token
// from its login endpoint. Hub is not reachable from the test machines: this file is covered by unit tests on
// response shapes written from Hub's API reference (test/unit/dockerHub.test.ts). Pure Node, no vscode.
import type { RegistryApi, RegistryLogin } from './registryClient';
import { httpRequest, RegistryError, type Fetch, type HttpAnswer } from './registryHttp';
import { isDigest, isRepositoryName, isTagName, MANIFEST_TYPES, newest, platformOf, quotedName, type Page, type TagDetails } from './registryManifest';

export const HUB_HOST = 'docker.io';
export const HUB_API = 'https://hub.docker.com';
const PAGE_SIZE = 100;
const MAX_BYTES = 4 * 1024 * 1024;
/** A Hub namespace: a user or organisation name. */
const NAMESPACE = /^[a-z0-9][a-z0-9_-]{1,254}$/;

export const isHubNamespace = (value: unknown): value is string => typeof value === 'string' && NAMESPACE.test(value);

interface HubImage {
  architecture?: unknown;
  os?: unknown;
  variant?: unknown;
  digest?: unknown;
  size?: unknown;
  last_pushed?: unknown;
}

interface HubTag {
  name?: unknown;
  digest?: unknown;
  media_type?: unknown;
  full_size?: unknown;
  last_updated?: unknown;
  tag_last_pushed?: unknown;
  images?: unknown;
}

const isoOf = (value: unknown): string | undefined => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined);

/** A tag as Hub describes it, read into the view's details. */
export function hubTagDetails(repository: string, tag: HubTag): TagDetails {
  if (!isTagName(tag.name)) throw new Error('Docker Hub sent a tag without a valid name');
  const images = (Array.isArray(tag.images) ? (tag.images as HubImage[]) : []).filter((i) => i && typeof i === 'object');
  const platforms = images.map((i) => platformOf(i)).filter((p) => p !== 'unknown');
  const mediaType = typeof tag.media_type === 'string' ? tag.media_type : '';
  const kind = mediaType === MANIFEST_TYPES.ociIndex || mediaType === MANIFEST_TYPES.dockerList || images.length > 1 ? 'index' : 'image';
  const pushed = isoOf(tag.tag_last_pushed) ?? isoOf(tag.last_updated);
  const created = newest(images.map((i) => isoOf(i.last_pushed)));
  return {
    repository,
    tag: tag.name,
    digest: isDigest(tag.digest) ? tag.digest : isDigest(images[0]?.digest) && images.length === 1 ? (images[0].digest as string) : '',
    mediaType,
    kind,
    ...(typeof tag.full_size === 'number' && tag.full_size >= 0 ? { size: tag.full_size } : {}),
    platforms,
    ...(created ? { created } : {}),
    ...(pushed ? { pushed } : {}),
    ...(kind === 'index'
      ? {
          images: images
            .filter((i) => isDigest(i.digest))
            .map((i) => ({ platform: platformOf(i), digest: i.digest as string, ...(typeof i.size === 'number' ? { size: i.size } : {}) })),
        }
      : {}),
  };
}

/** The `page` of a Hub `next` URL, only when it points back at hub.docker.com. */
export function hubNextPage(next: unknown): string | undefined {
  if (typeof next !== 'string' || !next) return undefined;
  try {
    const url = new URL(next);
    const page = url.searchParams.get('page');
    return url.origin === HUB_API && page && /^\d{1,6}$/.test(page) ? page : undefined;
  } catch {
    return undefined;
  }
}

export class DockerHub implements RegistryApi {
  readonly host = HUB_HOST;
  private readonly fetch: Fetch;
  private token: string | undefined;

  constructor(
    private readonly namespace: string,
    private readonly login?: RegistryLogin,
    fetchImpl?: Fetch,
  ) {
    this.fetch = fetchImpl ?? ((url, init) => fetch(url, init));
  }

  async check(signal?: AbortSignal): Promise<void> {
    if (this.login) await this.authorization(signal);
    await this.repositories(undefined, signal);
  }

  async repositories(cursor?: string, signal?: AbortSignal): Promise<Page> {
    if (!isHubNamespace(this.namespace)) throw new RegistryError(HUB_HOST, `not a Docker Hub namespace: ${quotedName(this.namespace)}`, 'bad-answer');
    const body = await this.get<{ results?: unknown; next?: unknown }>(`/v2/namespaces/${this.namespace}/repositories?page_size=${PAGE_SIZE}&page=${cursor ?? '1'}`, `Docker Hub has no namespace ${this.namespace}`, signal);
    const results = Array.isArray(body.results) ? (body.results as { name?: unknown }[]) : [];
    const names = results.map((r) => `${this.namespace}/${typeof r?.name === 'string' ? r.name : ''}`);
    const valid = names.filter(isRepositoryName);
    return { names: valid, rejected: names.length - valid.length, next: hubNextPage(body.next) };
  }

  async tags(repository: string, cursor?: string, signal?: AbortSignal): Promise<Page> {
    const path = this.repositoryPath(repository);
    const body = await this.get<{ results?: unknown; next?: unknown }>(`${path}/tags?page_size=${PAGE_SIZE}&page=${cursor ?? '1'}`, `Docker Hub has no repository ${repository}`, signal);
    const results = Array.isArray(body.results) ? (body.results as HubTag[]) : [];
    const names = results.map((t) => t?.name);
    const valid = names.filter(isTagName);
    return { names: valid, rejected: names.length - valid.length, next: hubNextPage(body.next) };
  }

  async tagDetails(repository: string, tag: string, signal?: AbortSignal): Promise<TagDetails> {
    if (!isTagName(tag)) throw new RegistryError(HUB_HOST, `not a tag name: ${quotedName(tag)}`, 'bad-answer');
    const body = await this.get<HubTag>(`${this.repositoryPath(repository)}/tags/${tag}`, `Docker Hub has no tag ${repository}:${tag}`, signal);
    try {
      return hubTagDetails(repository, body);
    } catch (error) {
      throw new RegistryError(HUB_HOST, (error as Error).message, 'bad-answer');
    }
  }

  async deleteTag(repository: string, tag: string, signal?: AbortSignal): Promise<string> {
    if (!isTagName(tag)) throw new RegistryError(HUB_HOST, `not a tag name: ${quotedName(tag)}`, 'bad-answer');
    const details = await this.tagDetails(repository, tag, signal);
    const answer = await this.request('DELETE', `${this.repositoryPath(repository)}/tags/${tag}`, signal);
    if (answer.status === 204 || answer.status === 200 || answer.status === 202) return details.digest;
    throw this.failure(answer, `Docker Hub has no tag ${repository}:${tag}`);
  }

  private repositoryPath(repository: string): string {
    const slash = repository.indexOf('/');
    if (!isRepositoryName(repository) || slash < 0 || repository.indexOf('/', slash + 1) >= 0) {
      throw new RegistryError(HUB_HOST, `not a Docker Hub repository: ${quotedName(repository)}`, 'bad-answer');
    }
    return `/v2/namespaces/${repository.slice(0, slash)}/repositories/${repository.slice(slash + 1)}`;
  }

  /** A token from Hub's login endpoint, made once; none without a login (public repositories only). */
  private async authorization(signal?: AbortSignal): Promise<Record<string, string>> {
    if (!this.login) return {};
    if (!this.token) {
      const body = JSON.stringify({ identifier: this.login.username, secret: this.login.password });
      const answer = await httpRequest(this.fetch, HUB_HOST, `${HUB_API}/v2/auth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, maxBytes: 64 * 1024, signal });
      if (answer.status === 401 || answer.status === 403) {
        throw new RegistryError(HUB_HOST, `Docker Hub refused the login of ${JSON.stringify(this.login.username)}: wrong user name, password or access token`, 'login-refused');
      }
      if (answer.status !== 200) throw this.failure(answer, 'Docker Hub has no login endpoint at this address');
      const token = (this.parse<{ access_token?: unknown }>(answer)).access_token;
      if (typeof token !== 'string' || !token || /[\r\n]/.test(token)) throw new RegistryError(HUB_HOST, 'Docker Hub sent no token', 'bad-answer');
      this.token = token;
    }
    return { Authorization: `Bearer ${this.token}` };
  }

  private async request(method: 'GET' | 'DELETE', path: string, signal?: AbortSignal): Promise<HttpAnswer> {
    const headers = { Accept: 'application/json', ...(await this.authorization(signal)) };
    return httpRequest(this.fetch, HUB_HOST, `${HUB_API}${path}`, { method, headers, maxBytes: MAX_BYTES, signal });
  }

  private async get<T>(path: string, notFound: string, signal?: AbortSignal): Promise<T> {
    const answer = await this.request('GET', path, signal);
    if (answer.status !== 200) throw this.failure(answer, notFound);
    return this.parse<T>(answer);
  }

  private parse<T>(answer: HttpAnswer): T {
    try {
      const value = JSON.parse(answer.body.toString('utf8')) as T;
      if (value && typeof value === 'object') return value;
    } catch {
      // Below.
    }
    throw new RegistryError(HUB_HOST, 'Docker Hub answered with something that is not JSON', 'bad-answer');
  }

  private failure(answer: HttpAnswer, notFound: string): RegistryError {
    if (answer.status === 401) {
      return this.login
        ? new RegistryError(HUB_HOST, 'Docker Hub no longer accepts the login: log in again', 'login-refused')
        : new RegistryError(HUB_HOST, 'Docker Hub needs a login for this: use Log In on it', 'needs-login');
    }
    if (answer.status === 403) return new RegistryError(HUB_HOST, 'Docker Hub does not allow this with your login', 'denied');
    if (answer.status === 404) return new RegistryError(HUB_HOST, notFound, 'not-found');
    if (answer.status === 429) return new RegistryError(HUB_HOST, 'Docker Hub says too many requests: try again later', 'denied');
    return new RegistryError(HUB_HOST, `Docker Hub answered ${answer.status}`, 'bad-answer');
  }
}
