import * as assert from 'assert';
import { parseChallenge } from '../../client/src/engine/registryChallenge';
import { httpRequest, isLoopbackHost, parseRegistryUrl, RegistryError, type Fetch } from '../../client/src/engine/registryHttp';

/** A fetch that answers from a table of URL -> response, recording every request. */
function fakeFetch(answers: Record<string, () => Response>): { fetch: Fetch; requests: { url: string; headers: Record<string, string> }[] } {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  return {
    requests,
    fetch: async (url, init) => {
      requests.push({ url, headers: { ...(init.headers as Record<string, string>) } });
      const answer = answers[url];
      if (!answer) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
      return answer();
    },
  };
}

describe('parseRegistryUrl', () => {
  it('reads a host, host:port or URL; https unless typed http:// or on loopback', () => {
    assert.deepStrictEqual(parseRegistryUrl('registry.example.com'), { url: 'https://registry.example.com', host: 'registry.example.com' });
    assert.deepStrictEqual(parseRegistryUrl(' Registry.Example.com:5000 '), { url: 'https://registry.example.com:5000', host: 'registry.example.com:5000' });
    assert.deepStrictEqual(parseRegistryUrl('127.0.0.1:5000'), { url: 'http://127.0.0.1:5000', host: '127.0.0.1:5000' });
    assert.deepStrictEqual(parseRegistryUrl('localhost:5000/v2/'), { url: 'http://localhost:5000', host: 'localhost:5000' });
    assert.deepStrictEqual(parseRegistryUrl('http://10.0.0.5:5000'), { url: 'http://10.0.0.5:5000', host: '10.0.0.5:5000' });
    assert.deepStrictEqual(parseRegistryUrl('https://ghcr.io'), { url: 'https://ghcr.io', host: 'ghcr.io' });
  });

  it('refuses paths, logins in the address, other schemes and spaces, in plain words', () => {
    assert.deepStrictEqual(parseRegistryUrl(''), { problem: 'Type the address of a registry, e.g. registry.example.com or 127.0.0.1:5000.' });
    assert.deepStrictEqual(parseRegistryUrl('ftp://x.example'), { problem: 'A registry is reached over https:// or http://.' });
    assert.deepStrictEqual(parseRegistryUrl('https://u:p@x.example'), { problem: 'Leave the login out of the address: log in to the registry after adding it.' });
    assert.deepStrictEqual(parseRegistryUrl('x.example/team'), { problem: 'A registry address is a host and an optional port, without a path.' });
    assert.deepStrictEqual(parseRegistryUrl('x.example?a=1'), { problem: 'A registry address is a host and an optional port, without a path.' });
    assert.deepStrictEqual(parseRegistryUrl('a b'), { problem: 'A registry address has no spaces.' });
    assert.deepStrictEqual(parseRegistryUrl('--help'), { problem: 'Not a registry address: expected a host name or IP address, with an optional port.' });
  });

  it('knows loopback hosts', () => {
    assert.deepStrictEqual(['127.0.0.1', '127.9.8.7', 'localhost', '[::1]', '10.0.0.1', '127.0.0.1.example.com'].map(isLoopbackHost), [true, true, true, true, false, false]);
  });
});

describe('parseChallenge', () => {
  it('reads Basic and Bearer challenges with their parameters', () => {
    assert.deepStrictEqual(parseChallenge('Basic realm="registry"'), { scheme: 'basic' });
    assert.deepStrictEqual(parseChallenge('Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:team/app:pull"'), {
      scheme: 'bearer',
      realm: 'https://auth.example.com/token',
      service: 'registry.example.com',
      scope: 'repository:team/app:pull',
    });
    assert.deepStrictEqual(parseChallenge('bearer realm=https://a.example/t, service="s \\"q\\""'), { scheme: 'bearer', realm: 'https://a.example/t', service: 's "q"' });
  });

  it('answers nothing for an unknown scheme, a Bearer without realm, or no header', () => {
    assert.deepStrictEqual([parseChallenge('Negotiate abc'), parseChallenge('Bearer service="x"'), parseChallenge(null), parseChallenge('')], [undefined, undefined, undefined, undefined]);
  });

  it('reads an unterminated quote as no realm, and only the first 4 KiB of a header', () => {
    assert.strictEqual(parseChallenge(`Bearer realm="${'\\'.repeat(100_000)}`), undefined);
    assert.strictEqual(parseChallenge(`Bearer ${'x=1,'.repeat(2000)}realm="https://late.example/t"`), undefined);
  });
});

describe('httpRequest', () => {
  it('follows a redirect to another origin without the Authorization header; keeps it on the same origin', async () => {
    const { fetch, requests } = fakeFetch({
      'https://r.example/v2/a': () => new Response(null, { status: 307, headers: { Location: '/v2/b' } }),
      'https://r.example/v2/b': () => new Response(null, { status: 302, headers: { Location: 'https://storage.example/blob?sig=1' } }),
      'https://storage.example/blob?sig=1': () => new Response('{"ok":true}', { status: 200 }),
    });
    const answer = await httpRequest(fetch, 'r.example', 'https://r.example/v2/a', { headers: { Authorization: 'Basic eDp5', Accept: 'x' }, maxBytes: 1000 });
    assert.strictEqual(answer.body.toString(), '{"ok":true}');
    assert.deepStrictEqual(
      requests.map((r) => [r.url, r.headers.Authorization]),
      [
        ['https://r.example/v2/a', 'Basic eDp5'],
        ['https://r.example/v2/b', 'Basic eDp5'],
        ['https://storage.example/blob?sig=1', undefined],
      ],
    );
  });

  it('refuses a body over its cap, declared or streamed', async () => {
    const { fetch } = fakeFetch({
      'https://r.example/declared': () => new Response('x'.repeat(10), { status: 200, headers: { 'Content-Length': '5000' } }),
      'https://r.example/streamed': () => new Response('y'.repeat(5000), { status: 200 }),
    });
    for (const url of ['https://r.example/declared', 'https://r.example/streamed']) {
      await assert.rejects(httpRequest(fetch, 'r.example', url, { maxBytes: 1024 }), (error: RegistryError) => error.message === "r.example: the registry's answer is larger than 1 KiB");
    }
  });

  it('says plainly when nothing answers, when redirects loop and when cancelled', async () => {
    const { fetch } = fakeFetch({ 'https://r.example/loop': () => new Response(null, { status: 302, headers: { Location: '/loop' } }) });
    await assert.rejects(httpRequest(fetch, 'r.example', 'https://r.example/none', { maxBytes: 10 }), { message: 'r.example: cannot reach the registry (connection refused)', failure: 'unreachable' });
    await assert.rejects(httpRequest(fetch, 'r.example', 'https://r.example/loop', { maxBytes: 10 }), { message: 'r.example: the registry redirected too many times' });
    const abort = new AbortController();
    abort.abort();
    const never: Fetch = (_url, init) => new Promise((_resolve, reject) => (init.signal?.aborted ? reject(new Error('aborted')) : undefined));
    await assert.rejects(httpRequest(never, 'r.example', 'https://r.example/', { maxBytes: 10, signal: abort.signal }), { failure: 'cancelled' });
  });
});
