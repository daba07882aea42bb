// The V2 client against answers a registry should not give: logins where they must not go, digests that do not
// match, odd names. A fake fetch stands in for the registry (the engine suite covers the real one).
import * as assert from 'assert';
import { V2Registry } from '../../client/src/engine/registryClient';
import type { Fetch } from '../../client/src/engine/registryHttp';
import { MANIFEST_TYPES, sha256Of } from '../../client/src/engine/registryManifest';

type Route = (headers: Record<string, string>) => Response;

function registry(routes: Record<string, Route>): { fetch: Fetch; seen: { url: string; auth?: string }[] } {
  const seen: { url: string; auth?: string }[] = [];
  return {
    seen,
    fetch: async (url, init) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      seen.push({ url, auth: headers.Authorization });
      const route = routes[`${init.method ?? 'GET'} ${url}`];
      return route ? route(headers) : new Response('{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}', { status: 404 });
    },
  };
}

const LOGIN = { username: 'u', password: 'p' };
const basicChallenge = () => new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="r"' } });

describe('V2 registry client, hostile answers', () => {
  it('sends no Basic login over plain http to a registry that is not on this machine', async () => {
    const { fetch, seen } = registry({ 'GET http://10.1.2.3:5000/v2/': basicChallenge });
    await assert.rejects(new V2Registry({ url: 'http://10.1.2.3:5000', host: '10.1.2.3:5000', login: LOGIN, fetch }).check(), {
      message: '10.1.2.3:5000: the registry asks for a login over plain http: a login is sent only over https (or to a registry on this machine)',
    });
    assert.deepStrictEqual(seen.map((s) => s.auth), [undefined]);
  });

  it('sends no login to a token service over plain http, and the token only to the registry', async () => {
    const bearer = (realm: string) => () => new Response('', { status: 401, headers: { 'WWW-Authenticate': `Bearer realm="${realm}",service="r.example"` } });
    const plain = registry({ 'GET https://r.example/v2/': bearer('http://auth.example/token') });
    await assert.rejects(new V2Registry({ url: 'https://r.example', host: 'r.example', login: LOGIN, fetch: plain.fetch }).check(), {
      message: "r.example: the registry's token service http://auth.example is not https: no login is sent to it",
    });
    assert.strictEqual(plain.seen.length, 1);

    let calls = 0;
    const good = registry({
      'GET https://r.example/v2/': (headers) => (headers.Authorization === 'Bearer t-1' ? new Response('{}', { status: 200 }) : bearer('https://auth.example/token')()),
      'GET https://auth.example/token?service=r.example': (headers) => {
        calls++;
        assert.strictEqual(headers.Authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
        return new Response('{"token":"t-1"}', { status: 200 });
      },
    });
    await new V2Registry({ url: 'https://r.example', host: 'r.example', login: LOGIN, fetch: good.fetch }).check();
    assert.strictEqual(calls, 1);
    assert.deepStrictEqual(good.seen.map((s) => [s.url, s.auth]), [
      ['https://r.example/v2/', undefined],
      ['https://auth.example/token?service=r.example', `Basic ${Buffer.from('u:p').toString('base64')}`],
      ['https://r.example/v2/', 'Bearer t-1'],
    ]);
  });

  it('refuses a manifest whose digest is not the one the registry claims', async () => {
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST_TYPES.ociManifest, config: { digest: `sha256:${'c'.repeat(64)}` }, layers: [] }));
    const { fetch } = registry({
      'GET https://r.example/v2/app/manifests/1': () => new Response(new Uint8Array(manifest), { status: 200, headers: { 'Docker-Content-Digest': `sha256:${'0'.repeat(64)}` } }),
    });
    await assert.rejects(new V2Registry({ url: 'https://r.example', host: 'r.example', fetch }).tagDetails('app', '1'), { message: 'r.example: the manifest of app:1 does not match its digest' });
    assert.notStrictEqual(sha256Of(manifest), `sha256:${'0'.repeat(64)}`);
  });

  it('hides names that are not valid and says how many; refuses to ask for an invalid one', async () => {
    const { fetch, seen } = registry({
      'GET https://r.example/v2/_catalog?n=100': () => new Response(JSON.stringify({ repositories: ['ok', '../../etc', '-x', 'a\u202eb'] }), { status: 200 }),
    });
    const client = new V2Registry({ url: 'https://r.example', host: 'r.example', fetch });
    assert.deepStrictEqual(await client.repositories(), { names: ['ok'], rejected: 3, next: undefined });
    await assert.rejects(client.tags('../../etc'), { message: 'r.example: not a repository name: "../../etc"' });
    await assert.rejects(client.tagDetails('ok', '-rm'), { message: 'r.example: not a tag name: "-rm"' });
    assert.strictEqual(seen.length, 1);
  });

  it("quotes the registry's own error message for an unexpected status, on one line", async () => {
    const { fetch } = registry({ 'GET https://r.example/v2/_catalog?n=100': () => new Response('{"errors":[{"message":"disk\\nfull"}]}', { status: 500 }) });
    await assert.rejects(new V2Registry({ url: 'https://r.example', host: 'r.example', fetch }).repositories(), { message: 'r.example: the registry answered 500: disk full' });
  });
});
