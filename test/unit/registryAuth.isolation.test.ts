// Credentials only ever go to the registry they were saved for: never those of another host, another port, a key
// that merely starts with the registry's name, or a credential helper's answer for another server.
import * as assert from 'assert';
import { hostOfKey, keyBelongsTo, registryAuthFor, type AuthSources } from '../../client/src/engine/registryAuth';
import { authSources } from './support/authSources';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const auth = (user: string) => ({ auth: b64(`${user}:pw-${user}`) });

const sources = authSources;

describe('registry credentials stay with their registry', () => {
  it('reads a key as the CLI does: no scheme, no path, lower case', () => {
    assert.deepStrictEqual(
      ['https://index.docker.io/v1/', 'http://localhost:5000', 'HTTPS://GHCR.io/v2/', 'registry.example.com', ' ghcr.io ', 'https://', ''].map(hostOfKey),
      ['index.docker.io', 'localhost:5000', 'ghcr.io', 'registry.example.com', 'ghcr.io', '', ''],
    );
  });

  it('matches keys by exact host and port, never by prefix', () => {
    const keys = [
      'registry.example.com',
      'https://registry.example.com/v2/',
      'registry.example.com.evil.net',
      'https://registry.example.com.evil.net/v1/',
      'registry.example.com:5000',
      'registry.example',
      'evil.net/registry.example.com',
    ];
    assert.deepStrictEqual(
      keys.filter((key) => keyBelongsTo(key, 'registry.example.com')),
      ['registry.example.com', 'https://registry.example.com/v2/'],
    );
    assert.deepStrictEqual(
      ['localhost', 'localhost:5000', 'localhost:50001', 'http://localhost:5000/', '127.0.0.1:5000'].filter((key) => keyBelongsTo(key, 'localhost:5000')),
      ['localhost:5000', 'http://localhost:5000/'],
    );
  });

  it('knows Docker Hub by its host names only', () => {
    const keys = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io', 'https://index.docker.io.evil.com/v1/', 'docker.io.evil.com', 'evil.com/docker.io', 'index.docker.io:443'];
    assert.deepStrictEqual(
      keys.filter((key) => keyBelongsTo(key, 'docker.io')),
      ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'],
    );
    assert.deepStrictEqual(keys.filter((key) => keyBelongsTo(key, 'ghcr.io')), []);
  });

  it('sends nothing for a registry whose name only prefixes a saved key, or that a saved key only prefixes', async () => {
    const config = {
      auths: {
        'registry.example.com.evil.net': auth('a'),
        'https://registry.example.com:5000/v1/': auth('b'),
        'registry.example': auth('c'),
        'localhost:50001': auth('d'),
        'localhost': auth('e'),
      },
    };
    assert.strictEqual(await registryAuthFor('registry.example.com/team/app:1', sources(config)), undefined);
    assert.strictEqual(await registryAuthFor('localhost:5000/app', sources(config)), undefined);
    assert.strictEqual(await registryAuthFor('registry.example.com:5001/app', sources(config)), undefined);
    // The very keys still work for their own registries.
    assert.deepStrictEqual(await registryAuthFor('registry.example.com:5000/app', sources(config)), { username: 'b', password: 'pw-b', serveraddress: 'registry.example.com:5000' });
    assert.deepStrictEqual(await registryAuthFor('localhost/app', sources(config)), { username: 'e', password: 'pw-e', serveraddress: 'localhost' });
  });

  it('reads keys with a scheme or a path for the same host, and prefers the canonical key', async () => {
    const config = { auths: { 'https://ghcr.io/v2/': auth('path'), 'GHCR.IO': auth('upper') } };
    assert.deepStrictEqual(await registryAuthFor('ghcr.io/org/app', sources(config)), { username: 'path', password: 'pw-path', serveraddress: 'ghcr.io' });
    const both = { auths: { 'ghcr.io': auth('canonical'), 'https://ghcr.io': auth('other') } };
    assert.deepStrictEqual(await registryAuthFor('ghcr.io/org/app', sources(both)), { username: 'canonical', password: 'pw-canonical', serveraddress: 'ghcr.io' });
  });

  it('gives Docker Hub credentials to Hub images only, whatever alias they were saved under', async () => {
    for (const key of ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']) {
      const config = { auths: { [key]: auth('hub') } };
      for (const reference of ['busybox', 'library/busybox:1', 'docker.io/library/busybox', 'index.docker.io/team/app']) {
        assert.deepStrictEqual(await registryAuthFor(reference, sources(config)), { username: 'hub', password: 'pw-hub', serveraddress: 'https://index.docker.io/v1/' }, `${key} for ${reference}`);
      }
      for (const reference of ['ghcr.io/library/busybox', 'docker.io.evil.com/library/busybox', 'index.docker.io.evil.com/x', 'localhost:5000/library/busybox', 'index.docker.io:443/x']) {
        assert.strictEqual(await registryAuthFor(reference, sources(config)), undefined, `${key} for ${reference}`);
      }
    }
    // The canonical key wins over another alias.
    const both = { auths: { 'docker.io': auth('alias'), 'https://index.docker.io/v1/': auth('canonical') } };
    assert.deepStrictEqual(await registryAuthFor('busybox', sources(both)), { username: 'canonical', password: 'pw-canonical', serveraddress: 'https://index.docker.io/v1/' });
    // A look-alike of Hub's key is not Hub's.
    assert.strictEqual(await registryAuthFor('busybox', sources({ auths: { 'https://index.docker.io.evil.com/v1/': auth('x') } })), undefined);
  });

  it('ignores a credsStore answer for another server, and falls back to the registry\'s own auths entry', async () => {
    // A store that answers every question with the Hub login it holds.
    const hubOnly = () => ({ ServerURL: 'https://index.docker.io/v1/', Username: 'hub', Secret: 'hub-secret' });
    const s = sources({ credsStore: 'desktop' }, { 'docker-credential-desktop': hubOnly });
    assert.strictEqual(await registryAuthFor('ghcr.io/org/app', s), undefined);
    assert.strictEqual(await registryAuthFor('localhost:5000/app', s), undefined);
    assert.deepStrictEqual(await registryAuthFor('busybox', s), { username: 'hub', password: 'hub-secret', serveraddress: 'https://index.docker.io/v1/' });
    assert.deepStrictEqual(s.asked, ['docker-credential-desktop ghcr.io', 'docker-credential-desktop localhost:5000', 'docker-credential-desktop https://index.docker.io/v1/']);

    const withAuths = sources({ credsStore: 'desktop', auths: { 'ghcr.io': auth('gh') } }, { 'docker-credential-desktop': hubOnly });
    assert.deepStrictEqual(await registryAuthFor('ghcr.io/org/app', withAuths), { username: 'gh', password: 'pw-gh', serveraddress: 'ghcr.io' });
    // Another port of the same host is another server.
    const otherPort = sources({ credsStore: 'desktop' }, { 'docker-credential-desktop': () => ({ ServerURL: 'localhost:5001', Username: 'u', Secret: 's' }) });
    assert.strictEqual(await registryAuthFor('localhost:5000/app', otherPort), undefined);
  });

  it('takes a helper answer that echoes the asked server (with or without a scheme) or names none', async () => {
    const echo = (address: string) => ({ ServerURL: `https://${address}`, Username: 'u', Secret: 's' });
    assert.deepStrictEqual(await registryAuthFor('localhost:5000/app', sources({ credsStore: 'x' }, { 'docker-credential-x': echo })), { username: 'u', password: 's', serveraddress: 'localhost:5000' });
    const silent = () => ({ Username: 'u', Secret: 's' });
    assert.deepStrictEqual(await registryAuthFor('ghcr.io/a', sources({ credsStore: 'x' }, { 'docker-credential-x': silent })), { username: 'u', password: 's', serveraddress: 'ghcr.io' });
  });

  it('asks only the credHelpers entry of the registry itself, never one of a look-alike host', async () => {
    const config = { credHelpers: { 'gcr.io.evil.net': 'evil', 'eu.gcr.io': 'other', 'https://gcr.io': 'gcloud' } };
    const s = sources(config, {
      'docker-credential-evil': () => ({ Username: 'evil', Secret: 'evil' }),
      'docker-credential-other': () => ({ Username: 'other', Secret: 'other' }),
      'docker-credential-gcloud': (address) => (address === 'gcr.io' ? { ServerURL: 'gcr.io', Username: '<token>', Secret: 'gc' } : undefined),
    });
    assert.deepStrictEqual(await registryAuthFor('gcr.io/p/app', s), { identitytoken: 'gc', serveraddress: 'gcr.io' });
    assert.strictEqual(await registryAuthFor('us.gcr.io/p/app', s), undefined);
    assert.deepStrictEqual(s.asked, ['docker-credential-gcloud gcr.io']);
  });

  it('never runs a helper whose name is a path', async () => {
    for (const name of ['../../tmp/evil', '/tmp/evil', 'a b', '-x', '']) {
      const s = sources({ credsStore: name, auths: { 'ghcr.io': auth('gh') } }, {});
      assert.deepStrictEqual(await registryAuthFor('ghcr.io/a', s), { username: 'gh', password: 'pw-gh', serveraddress: 'ghcr.io' }, name);
      assert.deepStrictEqual(s.asked, [], name);
    }
  });

  it('skips entries it cannot read and pulls anonymously from a config.json that is not an object', async () => {
    const config = { auths: { 'ghcr.io': { auth: b64('no-colon') }, 'https://ghcr.io': auth('second') } };
    assert.deepStrictEqual(await registryAuthFor('ghcr.io/a', sources(config)), { username: 'second', password: 'pw-second', serveraddress: 'ghcr.io' });
    for (const text of ['null', '[]', '"text"', '42']) {
      const s: AuthSources = { ...sources({}), readFile: () => text };
      assert.strictEqual(await registryAuthFor('ghcr.io/a', s), undefined, text);
    }
  });
});
