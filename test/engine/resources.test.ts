// Volumes, networks, inspect, stats and prunes of the engine layer against the real dockerd of the test run.
import * as assert from 'assert';
import type { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import type { ContainerStats } from '../../client/src/engine/types';
import { TEST_IMAGE } from '../support/dockerd';
import { waitFor } from '../support/wait';
import { api, apiPost, docker, dockerLines, newEngine, removeLeftovers, tarOf } from './engineTestKit';

const LABEL = 'dw.test=resources';
const VOLUMES = ['dw-res-vol', 'dw-res-named', 'dw-res-kept'];
const NETWORKS = ['dw-res-net', 'dw-res-unused1', 'dw-res-unused2', 'dw-res-used'];

interface DiskUsage {
  Volumes: { Name: string; UsageData: { Size: number } }[] | null;
  BuildCache: { ID: string; Size: number }[] | null;
}

function run(...args: string[]): string {
  return docker('run', '-d', '--label', LABEL, ...args);
}

function sorted(list: string[]): string[] {
  return [...list].sort();
}

describe('engine layer: volumes, networks, inspect, stats and prunes', function () {
  this.timeout(120_000);
  let engine: DockerodeEngine;

  before(() => {
    removeLeftovers({ containersLabel: LABEL, volumes: VOLUMES, networks: NETWORKS });
    engine = newEngine();
  });

  after(() => {
    engine.dispose();
    removeLeftovers({ containersLabel: LABEL, volumes: VOLUMES, networks: NETWORKS });
  });

  it('creates, lists, inspects and removes a volume; a volume in use is not removed', async () => {
    await engine.createVolume('dw-res-vol');
    const inspected = JSON.parse(docker('volume', 'inspect', 'dw-res-vol'))[0] as { Mountpoint: string; CreatedAt: string };
    const listed = (await engine.listVolumes()).find((volume) => volume.name === 'dw-res-vol');
    assert.deepStrictEqual(listed, {
      name: 'dw-res-vol',
      driver: 'local',
      mountpoint: inspected.Mountpoint,
      scope: 'local',
      created: Date.parse(inspected.CreatedAt),
      labels: {},
    });
    assert.deepStrictEqual(JSON.parse(await engine.inspect('volume', 'dw-res-vol')), inspected);

    const user = run('-v', 'dw-res-vol:/data', TEST_IMAGE, 'sleep', '3600');
    await assert.rejects(engine.removeVolume('dw-res-vol'), {
      name: 'EngineError',
      failure: 'engine-error',
      reason: `the volume is used by the container ${user.slice(0, 12)} (remove it first)`,
    });
    docker('rm', '-f', user);
    await engine.removeVolume('dw-res-vol');
    assert.deepStrictEqual(dockerLines('volume', 'ls', '-q', '--filter', 'name=dw-res-vol'), []);
    await assert.rejects(engine.removeVolume('dw-res-vol'), { name: 'EngineError', reason: 'there is no volume dw-res-vol' });
  });

  it('creates, lists, inspects and removes a network; a network with containers is not removed', async () => {
    await engine.createNetwork('dw-res-net', 'bridge');
    const inspected = JSON.parse(docker('network', 'inspect', 'dw-res-net'))[0] as { Id: string; Created: string; IPAM: { Config: { Subnet: string }[] } };
    const networks = await engine.listNetworks();
    assert.deepStrictEqual(
      networks.find((network) => network.name === 'dw-res-net'),
      {
        id: inspected.Id,
        name: 'dw-res-net',
        driver: 'bridge',
        scope: 'local',
        internal: false,
        created: Date.parse(inspected.Created.replace(/(\.\d{3})\d+/, '$1')),
        labels: {},
        subnet: inspected.IPAM.Config[0].Subnet,
      },
    );
    assert.deepStrictEqual(
      networks.filter((network) => ['bridge', 'host', 'none'].includes(network.name)).map((n) => [n.name, n.driver]),
      [['bridge', 'bridge'], ['host', 'host'], ['none', 'null']],
    );
    assert.deepStrictEqual(JSON.parse(await engine.inspect('network', 'dw-res-net')), inspected);
    await assert.rejects(engine.createNetwork('dw-res-net', 'bridge'), {
      name: 'EngineError',
      reason: 'the engine answered 409: network with name dw-res-net already exists',
    });

    const user = run('--network', 'dw-res-net', TEST_IMAGE, 'sleep', '3600');
    await assert.rejects(engine.removeNetwork('dw-res-net'), {
      name: 'EngineError',
      failure: 'engine-error',
      reason: 'containers are connected to the network dw-res-net (disconnect or remove them first)',
    });
    docker('rm', '-f', user);
    await engine.removeNetwork(inspected.Id);
    assert.deepStrictEqual(dockerLines('network', 'ls', '-q', '--filter', 'name=dw-res-net'), []);
    await assert.rejects(engine.removeNetwork('dw-res-net'), { name: 'EngineError', reason: 'there is no network dw-res-net' });
  });

  it('inspects containers and images as the engine describes them, and says when there is none', async () => {
    const created = docker('create', '--label', LABEL, TEST_IMAGE, 'sleep', '1');
    assert.deepStrictEqual(JSON.parse(await engine.inspect('container', created)), JSON.parse(docker('container', 'inspect', created))[0]);
    assert.deepStrictEqual(JSON.parse(await engine.inspect('image', TEST_IMAGE)), JSON.parse(docker('image', 'inspect', TEST_IMAGE))[0]);
    const text = await engine.inspect('image', TEST_IMAGE);
    assert.strictEqual(text, JSON.stringify(JSON.parse(text), null, 2));
    await assert.rejects(engine.inspect('container', 'dw-res-absent'), { name: 'EngineError', reason: 'there is no container dw-res-absent' });
  });

  it('follows the stats of a running container: its use, then the end of the stream once it stops', async () => {
    const id = run('--memory', '64m', TEST_IMAGE, 'sleep', '3600');
    const samples: ContainerStats[] = [];
    let ended: Error | undefined | 'no' = 'no';
    const subscription = await engine.followStats(id, (stats) => samples.push(stats), (error) => (ended = error));
    try {
      await waitFor('two samples', () => samples.length >= 2, 10_000);
      for (const sample of samples.slice(0, 2)) {
        assert.deepStrictEqual(
          { pids: sample.pids, memoryLimit: sample.memoryLimit, usesMemory: sample.memoryUsage > 0, cpu: sample.cpuPercent >= 0 },
          { pids: 1, memoryLimit: 64 * 1024 * 1024, usesMemory: true, cpu: true },
        );
      }
      // The engine goes on with empty samples (Go's zero time) once the container stops: the stream ends there.
      const count = samples.length;
      docker('kill', id);
      await waitFor('the end of the stats stream', () => ended !== 'no', 10_000);
      assert.strictEqual(ended, undefined);
      assert.deepStrictEqual(samples.slice(count).filter((sample) => sample.pids === 0), []);
      docker('rm', id);
    } finally {
      subscription.dispose();
    }
    await assert.rejects(engine.followStats('dw-res-absent', () => undefined, () => undefined), {
      name: 'EngineError',
      reason: 'there is no container dw-res-absent',
    });
  });

  it('prunes the stopped containers, and reports them and the space of their writable layers', async () => {
    const running = run(TEST_IMAGE, 'sleep', '3600');
    for (const text of ['one', 'two']) docker('wait', run(TEST_IMAGE, 'sh', '-c', `echo ${text} > /tmp/${text}.txt`));
    const all = await api<{ Id: string; State: string; SizeRw?: number }[]>('/containers/json?all=1&size=1');
    const stopped = all.filter((container) => container.State !== 'running' && container.State !== 'paused');
    assert.ok(stopped.length >= 2);

    const result = await engine.pruneContainers();
    assert.deepStrictEqual(
      { removed: sorted(result.removed), spaceReclaimed: result.spaceReclaimed },
      { removed: sorted(stopped.map((c) => c.Id)), spaceReclaimed: stopped.reduce((total, c) => total + (c.SizeRw ?? 0), 0) },
    );
    assert.deepStrictEqual(dockerLines('ps', '-aq', '--no-trunc', '--filter', `label=${LABEL}`), [running]);
    docker('rm', '-f', running);
  });

  it('prunes the networks no container uses, never the predefined ones', async () => {
    for (const name of ['dw-res-unused1', 'dw-res-unused2', 'dw-res-used']) docker('network', 'create', name);
    const user = run('--network', 'dw-res-used', TEST_IMAGE, 'sleep', '3600');
    const custom = dockerLines('network', 'ls', '--filter', 'type=custom', '--format', '{{.Name}}');
    const unused = custom.filter((name) => docker('network', 'inspect', '-f', '{{len .Containers}}', name) === '0');
    assert.ok(unused.includes('dw-res-unused1') && unused.includes('dw-res-unused2') && !unused.includes('dw-res-used'));

    const result = await engine.pruneNetworks();
    assert.deepStrictEqual({ removed: sorted(result.removed), spaceReclaimed: result.spaceReclaimed }, { removed: sorted(unused), spaceReclaimed: 0 });
    const used = custom.filter((name) => !unused.includes(name));
    assert.deepStrictEqual(sorted(dockerLines('network', 'ls', '--format', '{{.Name}}')), sorted(['bridge', 'host', 'none', ...used]));
    docker('rm', '-f', user);
  });

  it('prunes anonymous volumes only, or with all the named ones too, never those in use', async () => {
    const anonymousOf = () => dockerLines('volume', 'ls', '-q', '--filter', 'dangling=true').filter((name) => /^[0-9a-f]{64}$/.test(name));
    for (const leftover of anonymousOf()) docker('volume', 'rm', leftover);
    // A container that wrote 1000 bytes into an anonymous volume and one into a named volume, both removed.
    const writer = run('-v', '/data', '-v', 'dw-res-named:/named', TEST_IMAGE, 'sh', '-c', `echo ${'a'.repeat(999)} > /data/f; echo ${'n'.repeat(499)} > /named/f`);
    docker('wait', writer);
    docker('rm', writer);
    const anonymous = anonymousOf();
    assert.strictEqual(anonymous.length, 1);
    const user = run('-v', 'dw-res-kept:/kept', TEST_IMAGE, 'sleep', '3600');

    assert.deepStrictEqual(await engine.pruneVolumes(false), { removed: anonymous, spaceReclaimed: 1000 });
    assert.deepStrictEqual(anonymousOf(), []);
    assert.deepStrictEqual(dockerLines('volume', 'ls', '-q', '--filter', 'name=dw-res-'), ['dw-res-kept', 'dw-res-named']);

    const volumesBefore = dockerLines('volume', 'ls', '-q');
    const dangling = dockerLines('volume', 'ls', '-q', '--filter', 'dangling=true');
    assert.ok(dangling.includes('dw-res-named') && !dangling.includes('dw-res-kept'));
    const sizes = new Map(((await api<DiskUsage>('/system/df')).Volumes ?? []).map((v) => [v.Name, v.UsageData.Size]));
    const result = await engine.pruneVolumes(true);
    assert.deepStrictEqual(
      { removed: sorted(result.removed), spaceReclaimed: result.spaceReclaimed },
      { removed: sorted(dangling), spaceReclaimed: dangling.reduce((total, name) => total + Math.max(0, sizes.get(name) ?? 0), 0) },
    );
    assert.strictEqual(sizes.get('dw-res-named'), 500);
    assert.deepStrictEqual(sorted(dockerLines('volume', 'ls', '-q')), sorted(volumesBefore.filter((name) => !dangling.includes(name))));
    assert.ok(volumesBefore.includes('dw-res-kept'));
    docker('rm', '-f', user);
  });

  it('prunes the build cache nothing uses, and reports the records it removed and their size', async () => {
    const context = tarOf({ Dockerfile: `FROM ${TEST_IMAGE}\nCOPY note.txt /note.txt\nRUN echo built > /built.txt\n`, 'note.txt': 'note\n' });
    await apiPost('/build?version=2&t=dw-test/cache:1', context, 'application/x-tar');
    docker('rmi', 'dw-test/cache:1');
    const cacheBefore = (await api<DiskUsage>('/system/df')).BuildCache ?? [];
    assert.ok(cacheBefore.length > 0);

    const result = await engine.pruneBuildCache();
    const left = new Set(((await api<DiskUsage>('/system/df')).BuildCache ?? []).map((record) => record.ID));
    const removed = cacheBefore.filter((record) => !left.has(record.ID));
    assert.ok(removed.length > 0);
    assert.deepStrictEqual(
      { removed: sorted(result.removed), spaceReclaimed: result.spaceReclaimed },
      { removed: sorted(removed.map((record) => record.ID)), spaceReclaimed: removed.reduce((total, record) => total + record.Size, 0) },
    );
    assert.deepStrictEqual(await engine.pruneBuildCache(), { removed: [], spaceReclaimed: 0 });
  });

  it('does not start a prune whose signal is already aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const id = run(TEST_IMAGE, 'true');
    docker('wait', id);
    for (const prune of [() => engine.pruneContainers(abort.signal), () => engine.pruneVolumes(true, abort.signal), () => engine.pruneBuildCache(abort.signal)]) {
      await assert.rejects(prune(), { name: 'EngineError', failure: 'cancelled', reason: 'the prune was cancelled' });
    }
    assert.deepStrictEqual(dockerLines('ps', '-aq', '--no-trunc', '--filter', `label=${LABEL}`), [id]);
    docker('rm', id);
  });
});
