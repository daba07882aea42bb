import * as assert from 'assert';
import { registryAuthFor, registryOf } from '../../client/src/engine/registryAuth';
import { authSources } from './support/authSources';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Sources whose credential helpers answer from a table keyed by program and asked address. */
function sources(config: object, helpers: Record<string, Record<string, { Username: string; Secret: string }>> = {}) {
  return authSources(config, Object.fromEntries(Object.entries(helpers).map(([program, table]) => [program, (address: string) => table[address]])));
}

describe('registry credentials as the docker CLI finds them', () => {
  it('tells the registry of a reference as distribution does', () => {
    assert.deepStrictEqual(
      ['busybox', 'library/busybox:1', 'team/app', 'localhost/app', 'localhost:5000/app:1', 'ghcr.io/org/app@sha256:ab', 'Registry/app', 'index.docker.io/library/busybox'].map(registryOf),
      ['docker.io', 'docker.io', 'docker.io', 'localhost', 'localhost:5000', 'ghcr.io', 'Registry', 'docker.io'],
    );
  });

  it('reads the base64 auth of auths, under the keys the CLI uses', async () => {
    const config = { auths: { 'https://index.docker.io/v1/': { auth: b64('hub-user:hub:pass') }, 'https://ghcr.io': { auth: b64('gh:token') } } };
    assert.deepStrictEqual(await registryAuthFor('busybox', sources(config)), { username: 'hub-user', password: 'hub:pass', serveraddress: 'https://index.docker.io/v1/' });
    assert.deepStrictEqual(await registryAuthFor('ghcr.io/org/app:1', sources(config)), { username: 'gh', password: 'token', serveraddress: 'ghcr.io' });
    assert.strictEqual(await registryAuthFor('quay.io/org/app', sources(config)), undefined);
  });

  it('passes an identity token on', async () => {
    const config = { auths: { 'registry.example.com': { identitytoken: 'tok-1' } } };
    assert.deepStrictEqual(await registryAuthFor('registry.example.com/app', sources(config)), { identitytoken: 'tok-1', serveraddress: 'registry.example.com' });
  });

  it('asks the registry\'s credHelpers entry before credsStore, and a "<token>" user means an identity token', async () => {
    const config = { credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud' } };
    const s = sources(config, {
      'docker-credential-gcloud': { 'gcr.io': { Username: '<token>', Secret: 'gc-token' } },
      'docker-credential-desktop': { 'https://index.docker.io/v1/': { Username: 'me', Secret: 'pw' } },
    });
    assert.deepStrictEqual(await registryAuthFor('gcr.io/p/app', s), { identitytoken: 'gc-token', serveraddress: 'gcr.io' });
    assert.deepStrictEqual(await registryAuthFor('busybox', s), { username: 'me', password: 'pw', serveraddress: 'https://index.docker.io/v1/' });
    assert.deepStrictEqual(s.asked, ['docker-credential-gcloud gcr.io', 'docker-credential-desktop https://index.docker.io/v1/']);
  });

  it('falls back to auths when the helper has nothing for the registry, and pulls anonymously without either', async () => {
    const config = { credsStore: 'desktop', auths: { 'localhost:5000': { auth: b64('u:p') } } };
    assert.deepStrictEqual(await registryAuthFor('localhost:5000/app', sources(config)), { username: 'u', password: 'p', serveraddress: 'localhost:5000' });
    assert.strictEqual(await registryAuthFor('busybox', sources(config)), undefined);
  });

  it('pulls anonymously when there is no config.json or it is broken', async () => {
    assert.strictEqual(await registryAuthFor('busybox', { ...sources({}), readFile: () => undefined }), undefined);
    assert.strictEqual(await registryAuthFor('busybox', { ...sources({}), readFile: () => '{ not json' }), undefined);
  });
});
