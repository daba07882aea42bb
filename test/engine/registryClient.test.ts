// The registry client against the real CNCF distribution registry (Debian's docker-registry) on loopback: images
// pushed with the docker CLI through the test engine, then listed page by page, described (digest, size, platform,
// created; an image index made with the raw API), deleted; and the login: needed, refused, accepted.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { V2Registry } from '../../client/src/engine/registryClient';
import { RegistryError } from '../../client/src/engine/registryHttp';
import { MANIFEST_TYPES, sha256Of } from '../../client/src/engine/registryManifest';
import { startDistributionRegistry, type DistributionRegistry } from '../support/distributionRegistry';
import { docker, env, newEngine } from './engineTestKit';
import { EngineError } from '../../client/src/engine/types';

const TEST_IMAGE = 'dw-test/busybox:latest';
const LOGIN = { username: 'dw-user', password: 'dw-pass-1' };

/** A raw request to the registry (no login), for what the registry itself says. */
async function raw(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, init);
}

/** Uploads a blob with the registry's monolithic upload (POST, then PUT ?digest=); its digest. */
async function putBlob(registry: DistributionRegistry, repository: string, body: Buffer): Promise<string> {
  const digest = sha256Of(body);
  const start = await raw(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  assert.strictEqual(start.status, 202);
  const location = new URL(start.headers.get('location')!, registry.url);
  location.searchParams.set('digest', digest);
  const put = await raw(location.href, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(body) });
  assert.strictEqual(put.status, 201, await put.text());
  return digest;
}

async function putManifest(registry: DistributionRegistry, repository: string, reference: string, type: string, body: Buffer): Promise<void> {
  const put = await raw(`${registry.url}/v2/${repository}/manifests/${reference}`, { method: 'PUT', headers: { 'Content-Type': type }, body: new Uint8Array(body) });
  assert.strictEqual(put.status, 201, await put.text());
}

async function getManifest(registry: DistributionRegistry, repository: string, reference: string): Promise<{ body: Buffer; digest: string | null }> {
  const answer = await raw(`${registry.url}/v2/${repository}/manifests/${reference}`, { headers: { Accept: MANIFEST_TYPES.dockerManifest } });
  assert.strictEqual(answer.status, 200);
  return { body: Buffer.from(await answer.arrayBuffer()), digest: answer.headers.get('docker-content-digest') };
}

/** The manifest's length in bytes, as `docker push` reports it, read with the login. */
async function rawManifestSize(registry: DistributionRegistry, repository: string, tag: string): Promise<number> {
  const authorization = `Basic ${Buffer.from(`${LOGIN.username}:${LOGIN.password}`).toString('base64')}`;
  const answer = await raw(`${registry.url}/v2/${repository}/manifests/${tag}`, { headers: { Accept: MANIFEST_TYPES.dockerManifest, Authorization: authorization } });
  return (await answer.arrayBuffer()).byteLength;
}

function pushTo(registry: DistributionRegistry, reference: string): void {
  docker('tag', TEST_IMAGE, `${registry.host}/${reference}`);
  docker('push', '-q', `${registry.host}/${reference}`);
  docker('rmi', `${registry.host}/${reference}`);
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, String(error));
    return error;
  }
  assert.fail('expected a RegistryError');
}

describe('Registry client against the distribution registry', function () {
  this.timeout(120_000);
  let open: DistributionRegistry;
  let locked: DistributionRegistry;
  let noDelete: DistributionRegistry;
  let configDir: string;

  before(async () => {
    [open, locked, noDelete] = await Promise.all([startDistributionRegistry(), startDistributionRegistry({ login: LOGIN }), startDistributionRegistry({ deleteEnabled: false })]);
    for (const reference of ['dw/busybox:one', 'dw/busybox:two', 'dw/other:1', 'alpha:1']) pushTo(open, reference);
    pushTo(noDelete, 'dw/kept:1');
    // The locked registry takes pushes with a login saved by `docker login` in a configuration of this test only.
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-registry-config-'));
    const withConfig = { ...env, DOCKER_CONFIG: configDir };
    const { execFileSync } = await import('child_process');
    execFileSync('docker', ['login', '--username', LOGIN.username, '--password-stdin', locked.host], { env: withConfig, input: LOGIN.password, stdio: ['pipe', 'ignore', 'pipe'] });
    docker('tag', TEST_IMAGE, `${locked.host}/team/app:1.0`);
    execFileSync('docker', ['push', '-q', `${locked.host}/team/app:1.0`], { env: withConfig, stdio: ['ignore', 'ignore', 'pipe'] });
    docker('rmi', `${locked.host}/team/app:1.0`);
  });

  after(async () => {
    await Promise.all([open?.stop(), locked?.stop(), noDelete?.stop()]);
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  it('lists the catalog page by page (n=1) and in one page', async () => {
    const client = new V2Registry({ url: open.url, host: open.host, pageSize: 1 });
    const pages: { names: string[]; next?: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.repositories(cursor);
      assert.strictEqual(page.rejected, 0);
      pages.push({ names: page.names, ...(page.next ? { next: page.next } : {}) });
      cursor = page.next;
    } while (cursor && pages.length < 10);
    assert.deepStrictEqual(pages, [
      { names: ['alpha'], next: 'alpha' },
      { names: ['dw/busybox'], next: 'dw/busybox' },
      { names: ['dw/other'] },
    ]);
    assert.deepStrictEqual(await new V2Registry({ url: open.url, host: open.host }).repositories(), { names: ['alpha', 'dw/busybox', 'dw/other'], rejected: 0, next: undefined });
  });

  it('lists the tags of a repository (distribution 2.8 sends them in one page whatever n asks)', async () => {
    const client = new V2Registry({ url: open.url, host: open.host, pageSize: 1 });
    assert.deepStrictEqual(await client.tags('dw/busybox'), { names: ['one', 'two'], rejected: 0, next: undefined });
    const missing = await rejection(client.tags('dw/nothing'));
    assert.strictEqual(missing.message, `${open.host}: the registry has no repository dw/nothing`);
  });

  it("describes a tag: the registry's digest, the layers' size, linux/amd64 and the image's creation time", async () => {
    const { body, digest } = await getManifest(open, 'dw/busybox', 'one');
    const manifest = JSON.parse(body.toString()) as { layers: { size: number }[] };
    const details = await new V2Registry({ url: open.url, host: open.host }).tagDetails('dw/busybox', 'one');
    assert.deepStrictEqual(details, {
      repository: 'dw/busybox',
      tag: 'one',
      digest,
      mediaType: MANIFEST_TYPES.dockerManifest,
      kind: 'image',
      size: manifest.layers.reduce((sum, layer) => sum + layer.size, 0),
      platforms: ['linux/amd64'],
      created: new Date(docker('image', 'inspect', '-f', '{{.Created}}', TEST_IMAGE)).toISOString(),
    });
  });

  it('describes an image index: every platform, the sum of their sizes and the newest creation time', async () => {
    // A second platform of the same image: its configuration says arm64 (the layers are shared), then an OCI index.
    const amd = await getManifest(open, 'dw/busybox', 'one');
    const amdManifest = JSON.parse(amd.body.toString()) as { config: { digest: string; size: number; mediaType: string }; layers: { size: number }[] };
    const config = JSON.parse(Buffer.from(await (await raw(`${open.url}/v2/dw/busybox/blobs/${amdManifest.config.digest}`)).arrayBuffer()).toString());
    config.architecture = 'arm64';
    config.variant = 'v8';
    config.created = '2026-01-02T03:04:05Z';
    const armConfig = Buffer.from(JSON.stringify(config));
    const armManifest = Buffer.from(JSON.stringify({ ...amdManifest, config: { ...amdManifest.config, digest: await putBlob(open, 'dw/busybox', armConfig), size: armConfig.length } }));
    await putManifest(open, 'dw/busybox', 'arm64', MANIFEST_TYPES.dockerManifest, armManifest);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST_TYPES.ociIndex,
        manifests: [
          { mediaType: MANIFEST_TYPES.dockerManifest, digest: amd.digest, size: amd.body.length, platform: { os: 'linux', architecture: 'amd64' } },
          { mediaType: MANIFEST_TYPES.dockerManifest, digest: sha256Of(armManifest), size: armManifest.length, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        ],
      }),
    );
    await putManifest(open, 'dw/busybox', 'multi', MANIFEST_TYPES.ociIndex, index);
    const layers = amdManifest.layers.reduce((sum, layer) => sum + layer.size, 0);
    const created = new Date(docker('image', 'inspect', '-f', '{{.Created}}', TEST_IMAGE)).toISOString();
    const details = await new V2Registry({ url: open.url, host: open.host }).tagDetails('dw/busybox', 'multi');
    assert.deepStrictEqual(details, {
      repository: 'dw/busybox',
      tag: 'multi',
      digest: sha256Of(index),
      mediaType: MANIFEST_TYPES.ociIndex,
      kind: 'index',
      size: 2 * layers,
      platforms: ['linux/amd64', 'linux/arm64/v8'],
      created: created > '2026-01-02T03:04:05.000Z' ? created : '2026-01-02T03:04:05.000Z',
      images: [
        { platform: 'linux/amd64', digest: amd.digest!, size: layers, created },
        { platform: 'linux/arm64/v8', digest: sha256Of(armManifest), size: layers, created: '2026-01-02T03:04:05.000Z' },
      ],
    });
  });

  it('deletes a tag by its digest; a registry with deletion disabled says so', async () => {
    const client = new V2Registry({ url: open.url, host: open.host });
    const { digest } = await getManifest(open, 'dw/other', '1');
    assert.strictEqual(await client.deleteTag('dw/other', '1'), digest);
    assert.deepStrictEqual((await client.tags('dw/other')).names, []);
    const gone = await rejection(client.tagDetails('dw/other', '1'));
    assert.strictEqual(gone.message, `${open.host}: the registry has no tag dw/other:1`);

    const refused = await rejection(new V2Registry({ url: noDelete.url, host: noDelete.host }).deleteTag('dw/kept', '1'));
    assert.strictEqual(refused.failure, 'delete-disabled');
    assert.strictEqual(refused.message, `${noDelete.host}: the registry does not allow deleting images (deletion is disabled in its configuration)`);
    assert.deepStrictEqual((await new V2Registry({ url: noDelete.url, host: noDelete.host }).tags('dw/kept')).names, ['1']);
  });

  it('says a login is needed, refuses a wrong password, and lists with the right one', async () => {
    const anonymous = await rejection(new V2Registry({ url: locked.url, host: locked.host }).repositories());
    assert.strictEqual(anonymous.message, `${locked.host}: the registry needs a login: use Log In on it (or docker login ${locked.host})`);
    const wrong = await rejection(new V2Registry({ url: locked.url, host: locked.host, login: { ...LOGIN, password: 'nope' } }).check());
    assert.strictEqual(wrong.message, `${locked.host}: the registry refused the login of "dw-user": wrong user name or password`);
    const client = new V2Registry({ url: locked.url, host: locked.host, login: LOGIN });
    await client.check();
    assert.deepStrictEqual((await client.repositories()).names, ['team/app']);
    assert.deepStrictEqual((await client.tags('team/app')).names, ['1.0']);
    assert.deepStrictEqual((await client.tagDetails('team/app', '1.0')).platforms, ['linux/amd64']);
  });

  it('pushes through the engine with the registry login, with progress; a wrong login fails in plain words', async () => {
    const engine = newEngine();
    try {
      const repository = `${locked.host}/team/pushed`;
      await engine.tagImage(TEST_IMAGE, repository, '2.0');
      const statuses: string[] = [];
      await engine.pushImage(repository, '2.0', (p) => statuses.push(p.status), undefined, { username: LOGIN.username, password: LOGIN.password, serveraddress: locked.host });
      const client = new V2Registry({ url: locked.url, host: locked.host, login: LOGIN });
      const details = await client.tagDetails('team/pushed', '2.0');
      assert.ok(statuses.includes(`2.0: digest: ${details.digest} size: ${(await rawManifestSize(locked, 'team/pushed', '2.0'))}`), statuses.join('\n'));
      try {
        await engine.pushImage(repository, '2.0', () => undefined, undefined, { username: LOGIN.username, password: 'wrong', serveraddress: locked.host });
        assert.fail('the push went through with a wrong password');
      } catch (error) {
        assert.ok(error instanceof EngineError);
        assert.strictEqual(error.failure, 'engine-error');
        assert.strictEqual(error.reason, 'the registry wants a login (docker login), or the saved one was refused');
      }
    } finally {
      docker('rmi', `${locked.host}/team/pushed:2.0`);
      engine.dispose();
    }
  });

  it('says plainly when nothing listens and when a request is cancelled', async () => {
    // A loopback port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const free = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(free));
      });
    });
    const down = await rejection(new V2Registry({ url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}` }).check());
    assert.strictEqual(down.message, `127.0.0.1:${port}: cannot reach the registry (connection refused)`);
    const abort = new AbortController();
    abort.abort();
    const cancelled = await rejection(new V2Registry({ url: open.url, host: open.host }).repositories(undefined, abort.signal));
    assert.strictEqual(cancelled.failure, 'cancelled');
  });
});
