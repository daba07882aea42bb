// Image calls of the engine layer against the real dockerd of the test run: tag, remove, history, run, prune,
// and pulls from a registry on loopback (test/support/registry.ts).
import * as assert from 'assert';
import type { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import type { EngineError, EngineEvent, PullProgress } from '../../client/src/engine/types';
import { TEST_IMAGE } from '../support/dockerd';
import { startRegistry, type Registry } from '../support/registry';
import { waitFor } from '../support/wait';
import { buildImage, docker, dockerAsync, dockerLines, httpGet, importImage, newEngine, removeLeftovers, toSecondMs } from './engineTestKit';

const WEB_IMAGE = 'dw-test/web:latest';
const WEB_DOCKERFILE = `FROM ${TEST_IMAGE}\nEXPOSE 80\nCMD ["httpd", "-f", "-p", "80", "-h", "/www"]\n`;
const LABEL = 'dw.test=images';
const OUR_IMAGES = ['dw-test/tagged:v1', 'dw-test/solo:1', 'dw-test/dangling:1', 'dw-test/keep:1', WEB_IMAGE];

function imageId(reference: string): string {
  return docker('image', 'inspect', '-f', '{{.Id}}', reference);
}

function hasImage(reference: string): boolean {
  return docker('images', '-q', reference) !== '';
}

describe('engine layer: images', function () {
  this.timeout(120_000);
  let engine: DockerodeEngine;
  const containers: string[] = [];

  before(() => {
    removeLeftovers({ containersLabel: LABEL, images: OUR_IMAGES });
    engine = newEngine();
  });

  after(() => {
    engine.dispose();
    if (containers.length) docker('rm', '-f', ...containers);
    removeLeftovers({ containersLabel: LABEL, images: OUR_IMAGES });
  });

  it('tags an image: the new tag names the same image; removeImage removes that tag only', async () => {
    await engine.tagImage(TEST_IMAGE, 'dw-test/tagged', 'v1');
    assert.strictEqual(imageId('dw-test/tagged:v1'), imageId(TEST_IMAGE));
    const listed = (await engine.listImages()).find((image) => image.id === imageId(TEST_IMAGE));
    assert.deepStrictEqual(listed?.repoTags.filter((tag) => tag.startsWith('dw-test/')).sort(), [TEST_IMAGE, 'dw-test/tagged:v1']);

    await engine.removeImage('dw-test/tagged:v1', false);
    assert.deepStrictEqual([hasImage('dw-test/tagged:v1'), hasImage(TEST_IMAGE)], [false, true]);
    await assert.rejects(engine.removeImage('dw-test/tagged:v1', false), { name: 'EngineError', reason: 'there is no image dw-test/tagged:v1' });
  });

  it('refuses to remove the image of a container in plain words; force removes the tag', async () => {
    const id = importImage({ 'solo.txt': 'solo\n' }, 'dw-test/solo:1');
    const container = docker('create', '--label', LABEL, 'dw-test/solo:1', '/solo');
    await assert.rejects(engine.removeImage('dw-test/solo:1', false), {
      name: 'EngineError',
      failure: 'engine-error',
      reason: `the image is used by the container ${container.slice(0, 12)} (remove it first, or force)`,
    });
    assert.strictEqual(imageId('dw-test/solo:1'), id);
    await engine.removeImage('dw-test/solo:1', true);
    assert.strictEqual(hasImage('dw-test/solo:1'), false);
    docker('rm', container);
    removeLeftovers({ images: [id] });
  });

  it('lists the layers of an image newest first, as the engine has them', async () => {
    const webId = buildImage(WEB_DOCKERFILE, WEB_IMAGE);
    const parent = docker('image', 'inspect', '-f', '{{.Parent}}', webId);
    const history = await engine.imageHistory(WEB_IMAGE);
    const created = (reference: string) => toSecondMs(docker('image', 'inspect', '-f', '{{.Created}}', reference));
    assert.deepStrictEqual(
      history.map((layer) => ({ ...layer, tags: layer.tags.filter((tag) => tag.startsWith('dw-test/')) })),
      [
        { id: webId, created: created(webId), createdBy: '/bin/sh -c #(nop)  CMD ["httpd" "-f" "-p" "80" "-h" "/www"]', size: 0, tags: [WEB_IMAGE], comment: '' },
        { id: parent, created: created(parent), createdBy: '/bin/sh -c #(nop)  EXPOSE 80', size: 0, tags: [], comment: '' },
        {
          id: imageId(TEST_IMAGE),
          created: created(TEST_IMAGE),
          createdBy: '',
          size: Number(docker('image', 'inspect', '-f', '{{.Size}}', TEST_IMAGE)),
          tags: [TEST_IMAGE],
          comment: 'Imported from -',
        },
      ],
    );
    await assert.rejects(engine.imageHistory('dw-test/absent:1'), { name: 'EngineError', reason: 'there is no image dw-test/absent:1' });
  });

  it('runs a container in the background with its exposed port on 127.0.0.1, and it answers HTTP', async () => {
    buildImage(WEB_DOCKERFILE, WEB_IMAGE);
    const { id, name } = await engine.runContainer(WEB_IMAGE, { name: 'dw-img-web' });
    containers.push(id);
    assert.deepStrictEqual(
      { id, name, state: docker('inspect', '-f', '{{.State.Status}}', id) },
      { id: docker('inspect', '-f', '{{.Id}}', 'dw-img-web'), name: 'dw-img-web', state: 'running' },
    );
    const ports = JSON.parse(docker('inspect', '-f', '{{json .NetworkSettings.Ports}}', id)) as Record<string, { HostIp: string; HostPort: string }[]>;
    assert.deepStrictEqual(Object.keys(ports), ['80/tcp']);
    assert.deepStrictEqual(ports['80/tcp'].map((binding) => binding.HostIp), ['127.0.0.1']);
    const url = `http://127.0.0.1:${ports['80/tcp'][0].HostPort}/`;
    const page = await waitFor('httpd to answer', () => httpGet(url).then((body) => body || undefined, () => undefined), 10_000);
    assert.strictEqual(page, '<h1>docker-workflows test image</h1>\n');

    // Without a name the engine picks one; an image without exposed ports publishes nothing.
    const other = await engine.runContainer(TEST_IMAGE);
    containers.push(other.id);
    assert.deepStrictEqual(
      { name: other.name, ports: docker('inspect', '-f', '{{json .HostConfig.PortBindings}}', other.id) },
      { name: docker('inspect', '-f', '{{.Name}}', other.id).slice(1), ports: '{}' },
    );
  });

  it('prunes dangling images only, and reports the image and layer it removed and the space freed', async () => {
    docker('image', 'prune', '-f');
    const danglingId = importImage({ 'v.txt': 'first version\n' }, 'dw-test/dangling:1');
    const layer = JSON.parse(docker('image', 'inspect', '-f', '{{json .RootFS.Layers}}', danglingId)) as string[];
    const size = Number(docker('image', 'inspect', '-f', '{{.Size}}', danglingId));
    importImage({ 'v.txt': 'second version\n' }, 'dw-test/dangling:1');
    importImage({ 'keep.txt': 'unused but tagged\n' }, 'dw-test/keep:1');
    assert.deepStrictEqual(dockerLines('images', '-q', '--no-trunc', '--filter', 'dangling=true'), [danglingId]);

    const result = await engine.pruneImages();
    assert.deepStrictEqual(result, { removed: [danglingId, layer[0]], spaceReclaimed: size });
    assert.deepStrictEqual(dockerLines('images', '-q', '--filter', 'dangling=true'), []);
    assert.deepStrictEqual([hasImage('dw-test/dangling:1'), hasImage('dw-test/keep:1'), hasImage(TEST_IMAGE)], [true, true, true]);
    assert.deepStrictEqual(await engine.pruneImages(), { removed: [], spaceReclaimed: 0 });
  });

  describe('pulls from a registry on loopback', () => {
    let registry: Registry;
    let base: string;

    before(async () => {
      registry = await startRegistry();
      base = `${registry.host}/dw`;
    });

    after(async () => {
      await registry.stop();
      for (const name of ['busybox:pushed', 'fresh:1', 'broken:1', 'stall:1', 'stall:marker']) removeLeftovers({ images: [`${base}/${name}`] });
    });

    /** Commits a container of the test image that wrote `token` to /token, pushes it, and removes it locally. */
    async function pushFresh(reference: string, token: string): Promise<string> {
      const container = docker('run', '-d', '--label', LABEL, TEST_IMAGE, 'sh', '-c', `echo ${token} > /token`);
      docker('wait', container);
      docker('commit', container, reference);
      docker('rm', container);
      const id = imageId(reference);
      await dockerAsync('push', reference);
      docker('rmi', reference);
      return id;
    }

    it('pulls an image pushed with the CLI: the image is back, and the progress ends with the Status message', async () => {
      const reference = `${base}/busybox:pushed`;
      docker('tag', TEST_IMAGE, reference);
      const pushed = await dockerAsync('push', reference);
      assert.deepStrictEqual(registry.manifests(), ['dw/busybox:pushed']);
      const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed)?.[1];
      docker('rmi', reference);
      assert.strictEqual(hasImage(reference), false);

      const progress: PullProgress[] = [];
      await engine.pullImage(reference, (message) => progress.push(message));
      assert.strictEqual(imageId(reference), imageId(TEST_IMAGE));
      // The engine has the image's config and layer already: nothing to download.
      assert.deepStrictEqual(progress, [
        { status: 'Pulling from dw/busybox', id: 'pushed' },
        { status: `Digest: ${digest}` },
        { status: `Status: Downloaded newer image for ${reference}` },
      ]);
    });

    it('downloads the layers it does not have, with their progress, and the content is right', async () => {
      const reference = `${base}/fresh:1`;
      const id = await pushFresh(reference, 'fresh-token-1');
      const progress: PullProgress[] = [];
      await engine.pullImage(reference, (message) => progress.push(message));
      assert.strictEqual(imageId(reference), id);
      assert.strictEqual(docker('run', '--rm', reference, 'cat', '/token'), 'fresh-token-1');
      const layerIds = [...new Set(progress.filter((p) => p.id && p.id !== '1').map((p) => p.id))];
      assert.strictEqual(layerIds.length, 2);
      const statuses = (layer: string | undefined) => progress.filter((p) => p.id === layer).map((p) => p.status);
      // The engine may skip intermediate messages (Downloading, Extracting) of a small layer, never the first and last.
      assert.deepStrictEqual(
        layerIds.map(statuses).map((list) => [list[0], list[list.length - 1]]).sort(),
        [['Already exists', 'Already exists'], ['Pulling fs layer', 'Pull complete']],
      );
      assert.strictEqual(progress[progress.length - 1].status, `Status: Downloaded newer image for ${reference}`);
    });

    it('rejects a pull of a name or tag the registry does not have, in plain words', async () => {
      await assert.rejects(engine.pullImage(`${base}/nothing:latest`, () => undefined), {
        name: 'EngineError',
        failure: 'engine-error',
        reason: `the registry has no repository ${base}/nothing`,
      });
      await assert.rejects(engine.pullImage(`${base}/busybox:nope`, () => undefined), {
        name: 'EngineError',
        failure: 'engine-error',
        reason: `the registry has no image ${base}/busybox:nope`,
      });
    });

    it('rejects with the error the engine reports inside the stream when a blob is corrupt', async () => {
      const reference = `${base}/broken:1`;
      await pushFresh(reference, 'broken-token');
      registry.setCorruptBlobs(true);
      const progress: PullProgress[] = [];
      try {
        const error = await engine.pullImage(reference, (message) => progress.push(message)).then(
          () => assert.fail('the pull of corrupt blobs succeeded'),
          (e: EngineError) => e,
        );
        assert.deepStrictEqual({ name: error.name, failure: error.failure }, { name: 'EngineError', failure: 'engine-error' });
        assert.match(error.reason, /^the registry sent a damaged (image configuration|layer) \(its content does not match sha256:[0-9a-f]{64}\)$/);
      } finally {
        registry.setCorruptBlobs(false);
      }
      // The engine had begun to stream its progress: the error came inside the stream.
      assert.deepStrictEqual(progress[0], { status: 'Pulling from dw/broken', id: '1' });
      assert.strictEqual(hasImage(reference), false);
    });

    it('cancels a pull: it rejects as cancelled, and the engine gives the pull up', async () => {
      const reference = `${base}/stall:1`;
      await pushFresh(reference, 'stall-token');
      const before = new AbortController();
      before.abort();
      await assert.rejects(engine.pullImage(reference, () => undefined, before.signal), { name: 'EngineError', reason: 'the pull was cancelled' });

      const events: EngineEvent[] = [];
      const subscription = await engine.events({ onEvent: (event) => events.push(event), onEnd: () => undefined });
      try {
        registry.setStall('blobs');
        const abort = new AbortController();
        const progress: PullProgress[] = [];
        const pulling = engine.pullImage(reference, (message) => progress.push(message), abort.signal);
        await waitFor('the engine to wait on a blob', () => registry.stalledRequests() > 0, 30_000);
        abort.abort();
        await assert.rejects(pulling, { name: 'EngineError', failure: 'cancelled', reason: 'the pull was cancelled' });
        assert.deepStrictEqual(progress.filter((p) => p.status.startsWith('Status:')), []);
        assert.strictEqual(hasImage(reference), false);

        // The stalled blobs arrive after all, and a new pull gets the image: had the engine gone on with the
        // cancelled pull, it would have finished it too, with a pull event of its own.
        registry.setStall('none');
        await engine.pullImage(reference, () => undefined);
        assert.strictEqual(docker('run', '--rm', reference, 'cat', '/token'), 'stall-token');
        docker('tag', reference, `${base}/stall:marker`);
        await waitFor('the tag event after the pulls', () => events.some((e) => e.action === 'tag' && e.attributes.name === `${base}/stall:marker`));
        assert.deepStrictEqual(events.filter((e) => e.action === 'pull').map((e) => e.id), [reference]);
      } finally {
        subscription.dispose();
      }
    });

    it('cancels a pull while the engine still waits for the registry, before any progress', async () => {
      const reference = `${base}/busybox:pushed`;
      removeLeftovers({ images: [reference] });
      registry.setStall('manifests');
      try {
        const abort = new AbortController();
        const progress: PullProgress[] = [];
        const pulling = engine.pullImage(reference, (message) => progress.push(message), abort.signal);
        await waitFor('the engine to wait on the manifest', () => registry.stalledRequests() > 0, 30_000);
        abort.abort();
        await assert.rejects(pulling, { name: 'EngineError', failure: 'cancelled', reason: 'the pull was cancelled' });
        assert.deepStrictEqual(progress, []);
      } finally {
        registry.setStall('none');
      }
      await engine.pullImage(reference, () => undefined);
      assert.strictEqual(imageId(reference), imageId(TEST_IMAGE));
    });
  });
});
