// Docker Hub is not reachable from the test machines: its code path runs here against answers shaped as Hub's API
// reference describes them (written for these tests, not recorded from Hub itself).
import * as assert from 'assert';
import { DockerHub, hubNextPage, hubTagDetails } from '../../client/src/engine/dockerHub';
import type { Fetch } from '../../client/src/engine/registryHttp';
import { MANIFEST_TYPES } from '../../client/src/engine/registryManifest';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

/** One tag of a multi-platform image, as GET /v2/namespaces/{ns}/repositories/{repo}/tags answers it. */
const MULTI_TAG = {
  creator: 7,
  id: 123,
  images: [
    { architecture: 'amd64', features: '', variant: null, digest: digest('a'), os: 'linux', os_features: '', os_version: null, size: 3_000_000, status: 'active', last_pulled: '2026-11-30T10:00:00Z', last_pushed: '2026-11-01T09:00:00Z' },
    { architecture: 'arm64', features: '', variant: 'v8', digest: digest('b'), os: 'linux', os_features: '', os_version: null, size: 2_900_000, status: 'active', last_pulled: null, last_pushed: '2026-11-02T09:00:00Z' },
  ],
  last_updated: '2026-11-02T09:01:00.123456Z',
  last_updater: 7,
  last_updater_username: 'dwuser',
  name: '1.2',
  repository: 99,
  full_size: 3_000_000,
  v2: true,
  tag_status: 'active',
  tag_last_pulled: '2026-11-30T10:00:00Z',
  tag_last_pushed: '2026-11-02T09:01:00Z',
  media_type: MANIFEST_TYPES.ociIndex,
  content_type: 'image',
  digest: digest('f'),
};

const SINGLE_TAG = {
  name: 'latest',
  images: [{ architecture: 'amd64', os: 'linux', digest: digest('c'), size: 1_000, last_pushed: '2026-10-01T00:00:00Z' }],
  full_size: 1_000,
  last_updated: '2026-10-01T00:00:00Z',
  tag_last_pushed: '2026-10-01T00:00:00Z',
  media_type: MANIFEST_TYPES.dockerManifest,
  digest: digest('c'),
};

function hub(routes: Record<string, (init: RequestInit) => Response>): { fetch: Fetch; seen: { method: string; url: string; auth?: string }[] } {
  const seen: { method: string; url: string; auth?: string }[] = [];
  return {
    seen,
    fetch: async (url, init) => {
      const method = init.method ?? 'GET';
      seen.push({ method, url, auth: (init.headers as Record<string, string>)?.Authorization });
      const route = routes[`${method} ${url}`];
      return route ? route(init) : new Response('{"message":"object not found"}', { status: 404 });
    },
  };
}

const ok = (body: unknown) => () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('Docker Hub', () => {
  it("reads a multi-platform tag: Hub's digest, platforms, full size, newest push", () => {
    assert.deepStrictEqual(hubTagDetails('dwuser/app', MULTI_TAG), {
      repository: 'dwuser/app',
      tag: '1.2',
      digest: digest('f'),
      mediaType: MANIFEST_TYPES.ociIndex,
      kind: 'index',
      size: 3_000_000,
      platforms: ['linux/amd64', 'linux/arm64/v8'],
      created: '2026-11-02T09:00:00.000Z',
      pushed: '2026-11-02T09:01:00.000Z',
      images: [
        { platform: 'linux/amd64', digest: digest('a'), size: 3_000_000 },
        { platform: 'linux/arm64/v8', digest: digest('b'), size: 2_900_000 },
      ],
    });
  });

  it("follows only `next` links that point back at Hub's API", () => {
    assert.strictEqual(hubNextPage('https://hub.docker.com/v2/namespaces/dwuser/repositories?page=2&page_size=100'), '2');
    assert.deepStrictEqual([hubNextPage('https://evil.example/v2/x?page=2'), hubNextPage(null), hubNextPage('https://hub.docker.com/v2/x?page=abc')], [undefined, undefined, undefined]);
  });

  it('logs in for a token, then lists repositories and tags page by page with it', async () => {
    const api = 'https://hub.docker.com/v2';
    const { fetch, seen } = hub({
      [`POST ${api}/auth/token`]: (init) => {
        assert.deepStrictEqual(JSON.parse(String(init.body)), { identifier: 'dwuser', secret: 'pat-1' });
        return ok({ access_token: 'jwt-1' })();
      },
      [`GET ${api}/namespaces/dwuser/repositories?page_size=100&page=1`]: ok({
        count: 3,
        next: `${api}/namespaces/dwuser/repositories?page=2&page_size=100`,
        previous: null,
        results: [
          { name: 'app', namespace: 'dwuser', repository_type: 'image', status: 1, is_private: true, star_count: 0, pull_count: 12, last_updated: '2026-11-02T09:01:00Z' },
          { name: '--bad', namespace: 'dwuser' },
        ],
      }),
      [`GET ${api}/namespaces/dwuser/repositories?page_size=100&page=2`]: ok({ count: 3, next: null, previous: `${api}/...`, results: [{ name: 'tools', namespace: 'dwuser' }] }),
      [`GET ${api}/namespaces/dwuser/repositories/app/tags?page_size=100&page=1`]: ok({ count: 2, next: null, previous: null, results: [MULTI_TAG, SINGLE_TAG] }),
      [`GET ${api}/namespaces/dwuser/repositories/app/tags/latest`]: ok(SINGLE_TAG),
    });
    const client = new DockerHub('dwuser', { username: 'dwuser', password: 'pat-1' }, fetch);
    const first = await client.repositories();
    assert.deepStrictEqual(first, { names: ['dwuser/app'], rejected: 1, next: '2' });
    assert.deepStrictEqual(await client.repositories(first.next), { names: ['dwuser/tools'], rejected: 0, next: undefined });
    assert.deepStrictEqual(await client.tags('dwuser/app'), { names: ['1.2', 'latest'], rejected: 0, next: undefined });
    const latest = await client.tagDetails('dwuser/app', 'latest');
    assert.deepStrictEqual([latest.kind, latest.digest, latest.platforms, latest.size], ['image', digest('c'), ['linux/amd64'], 1_000]);
    assert.deepStrictEqual(seen.map((s) => s.auth), [undefined, 'Bearer jwt-1', 'Bearer jwt-1', 'Bearer jwt-1', 'Bearer jwt-1']);
    assert.strictEqual(seen.filter((s) => s.url.endsWith('/auth/token')).length, 1);
  });

  it('says a wrong password, a missing repository and rate limiting in plain words', async () => {
    const api = 'https://hub.docker.com/v2';
    const { fetch } = hub({
      [`POST ${api}/auth/token`]: () => new Response('{"detail":"Incorrect authentication credentials"}', { status: 401 }),
      [`GET ${api}/namespaces/dwuser/repositories?page_size=100&page=1`]: () => new Response('{}', { status: 429 }),
    });
    await assert.rejects(new DockerHub('dwuser', { username: 'dwuser', password: 'x' }, fetch).check(), {
      message: 'docker.io: Docker Hub refused the login of "dwuser": wrong user name, password or access token',
    });
    const anonymous = new DockerHub('dwuser', undefined, fetch);
    await assert.rejects(anonymous.repositories(), { message: 'docker.io: Docker Hub says too many requests: try again later' });
    await assert.rejects(anonymous.tags('dwuser/nothing'), { message: 'docker.io: Docker Hub has no repository dwuser/nothing' });
    await assert.rejects(anonymous.tags('a/b/c'), { message: 'docker.io: not a Docker Hub repository: "a/b/c"' });
  });

  it('deletes a tag with the token', async () => {
    const api = 'https://hub.docker.com/v2';
    const { fetch, seen } = hub({
      [`POST ${api}/auth/token`]: ok({ access_token: 'jwt-2' }),
      [`GET ${api}/namespaces/dwuser/repositories/app/tags/latest`]: ok(SINGLE_TAG),
      [`DELETE ${api}/namespaces/dwuser/repositories/app/tags/latest`]: () => new Response(null, { status: 204 }),
    });
    assert.strictEqual(await new DockerHub('dwuser', { username: 'dwuser', password: 'p' }, fetch).deleteTag('dwuser/app', 'latest'), digest('c'));
    assert.deepStrictEqual(seen.at(-1), { method: 'DELETE', url: `${api}/namespaces/dwuser/repositories/app/tags/latest`, auth: 'Bearer jwt-2' });
  });
});
