// The engine layer and the refresh controller against the real dockerd that the test run started.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { resolveConnection } from '../../client/src/engine/connection';
import { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import type { EngineEvent } from '../../client/src/engine/types';
import { isContainerChange, RefreshController, type EngineState } from '../../client/src/engine/RefreshController';
import { dockerHost, ping, startDockerd, stopDockerd, TEST_IMAGE } from '../support/dockerd';
import { waitFor } from '../support/wait';

const dir = process.env.DW_DOCKERD_DIR;
if (!dir) throw new Error('DW_DOCKERD_DIR is not set: run the engine suite through `npm test`');
const env = { ...process.env, DOCKER_HOST: dockerHost(dir) };
const LABEL = 'dw.test=engine';

function docker(...args: string[]): string {
  return execFileSync('docker', args, { env, encoding: 'utf8' }).trim();
}

function removeTestContainers(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', ...ids);
}

describe('engine layer against a real dockerd', function () {
  this.timeout(60_000);
  let engine: DockerodeEngine;

  before(() => {
    removeTestContainers();
    engine = new DockerodeEngine(resolveConnection({ setting: '', env, readFile: () => undefined }));
  });

  after(async () => {
    engine.dispose();
    if (!(await ping(dir))) await startDockerd(dir);
    removeTestContainers();
  });

  it('lists the test image with its tag, size and creation time', async () => {
    const image = (await engine.listImages()).find((i) => i.repoTags.includes(TEST_IMAGE));
    const inspected = JSON.parse(docker('image', 'inspect', TEST_IMAGE))[0] as { Id: string; Size: number; Created: string };
    assert.deepStrictEqual(
      image && { id: image.id, size: image.size, created: image.created },
      { id: inspected.Id, size: inspected.Size, created: Math.floor(Date.parse(inspected.Created) / 1000) * 1000 },
    );
  });

  it('lists every container with its name, image, state and published ports', async () => {
    docker('run', '-d', '--name', 'dw-eng-running', '--label', LABEL, '-p', '127.0.0.1::80', TEST_IMAGE, 'httpd', '-f', '-p', '80', '-h', '/www');
    docker('create', '--name', 'dw-eng-created', '--label', LABEL, TEST_IMAGE, 'sleep', '600');
    docker('run', '--name', 'dw-eng-exited', '--label', LABEL, TEST_IMAGE, 'true');

    const ours = (await engine.listContainers()).filter((c) => c.labels['dw.test'] === 'engine');
    assert.deepStrictEqual(
      ours.map((c) => ({ name: c.name, image: c.image, state: c.state })).sort((a, b) => a.name.localeCompare(b.name)),
      [
        { name: 'dw-eng-created', image: TEST_IMAGE, state: 'created' },
        { name: 'dw-eng-exited', image: TEST_IMAGE, state: 'exited' },
        { name: 'dw-eng-running', image: TEST_IMAGE, state: 'running' },
      ],
    );
    const running = ours.find((c) => c.name === 'dw-eng-running')!;
    const hostPort = Number(docker('port', 'dw-eng-running', '80/tcp').split(':').pop());
    assert.deepStrictEqual(running.ports, [{ privatePort: 80, publicPort: hostPort, hostIp: '127.0.0.1', protocol: 'tcp' }]);
    assert.strictEqual(running.id, docker('inspect', '-f', '{{.Id}}', 'dw-eng-running'));
  });

  it('sees the stop of a container on the event stream within a second, and the list shows it exited', async () => {
    const events: EngineEvent[] = [];
    const subscription = await engine.events({ onEvent: (e) => events.push(e), onEnd: () => undefined });
    try {
      const id = docker('inspect', '-f', '{{.Id}}', 'dw-eng-running');
      docker('stop', '-t', '1', 'dw-eng-running');
      await waitFor('the die and stop events', () => events.some((e) => e.id === id && e.action === 'stop'), 1000);
      const actions = events.filter((e) => e.id === id && isContainerChange(e)).map((e) => e.action);
      assert.deepStrictEqual(actions.filter((a) => a === 'die' || a === 'stop'), ['die', 'stop']);
      const listed = (await engine.listContainers()).find((c) => c.id === id);
      assert.strictEqual(listed?.state, 'exited');
    } finally {
      subscription.dispose();
    }
  });

  it('changes container state: pause, unpause, stop, start, restart, kill, and removes with force', async () => {
    docker('run', '-d', '--name', 'dw-eng-actions', '--label', LABEL, TEST_IMAGE, 'sleep', '3600');
    const id = docker('inspect', '-f', '{{.Id}}', 'dw-eng-actions');
    const state = () => docker('inspect', '-f', '{{.State.Status}}', id);
    const states: string[] = [];
    for (const action of ['pause', 'unpause', 'stop', 'start', 'restart', 'kill'] as const) {
      await engine.containerAction(id, action);
      states.push(`${action}:${state()}`);
    }
    assert.deepStrictEqual(states, ['pause:paused', 'unpause:running', 'stop:exited', 'start:running', 'restart:running', 'kill:exited']);
    await engine.containerAction(id, 'start');
    await assert.rejects(engine.removeContainer(id, false), { name: 'EngineError', failure: 'engine-error' });
    await engine.removeContainer(id, true);
    assert.strictEqual(docker('ps', '-aq', '--filter', 'name=^dw-eng-actions$'), '');
  });

  it('follows the logs of a container: stdout and stderr, the old lines and then the new ones', async () => {
    docker('run', '-d', '--name', 'dw-eng-logs', '--label', LABEL, TEST_IMAGE, 'sh', '-c', 'echo first; echo oops >&2; sleep 2; echo later; sleep 3600');
    const id = docker('inspect', '-f', '{{.Id}}', 'dw-eng-logs');
    let text = '';
    let ended: Error | undefined | 'no';
    ended = 'no';
    const subscription = await engine.followLogs(id, { timestamps: false, tail: 100 }, (t) => (text += t), (error) => (ended = error));
    try {
      // stdout and stderr are two streams: the engine keeps each in order, not their interleaving.
      await waitFor('the first lines', () => text.split('\n').filter(Boolean).length >= 2, 5000);
      assert.deepStrictEqual(text.split('\n').filter(Boolean).sort(), ['first', 'oops']);
      await waitFor('the line written later', () => text.endsWith('later\n'), 10_000);
      docker('rm', '-f', id);
      await waitFor('the end of the stream', () => ended !== 'no', 10_000);
      assert.strictEqual(ended, undefined);
    } finally {
      subscription.dispose();
      if (docker('ps', '-aq', '--filter', 'name=^dw-eng-logs$')) docker('rm', '-f', 'dw-eng-logs');
    }
  });

  it('reports a clear error when dockerd stops mid-test, and recovers by itself when it starts again', async () => {
    const states: EngineState[] = [];
    const events: EngineEvent[] = [];
    let connections = 0;
    const controller = new RefreshController({
      engine,
      onState: (state) => states.push(state),
      onEvent: (event) => events.push(event),
      onConnected: () => connections++,
      retryDelaysMs: [100, 200, 400],
    });
    try {
      controller.start();
      await waitFor('the controller to connect', () => controller.state.kind === 'up');

      await stopDockerd(dir);
      const expected = `Cannot reach the Docker engine at ${dockerHost(dir)}: the socket does not exist (is the Docker engine running?)`;
      await waitFor('the engine-down state with its reason', () => controller.state.kind === 'down' && controller.state.error.message === expected);
      await assert.rejects(engine.listContainers(), { name: 'EngineError', message: expected });

      await startDockerd(dir);
      await waitFor('the controller to reconnect', () => controller.state.kind === 'up', 20_000);
      assert.strictEqual(connections, 2);
      assert.deepStrictEqual(states.map((s) => s.kind).filter((k, i, all) => k !== all[i - 1]), ['up', 'down', 'up']);
      const names = (await engine.listContainers()).filter((c) => c.labels['dw.test'] === 'engine').map((c) => c.name).sort();
      assert.deepStrictEqual(names, ['dw-eng-created', 'dw-eng-exited', 'dw-eng-running']);

      // The event stream follows again after the restart.
      const id = docker('inspect', '-f', '{{.Id}}', 'dw-eng-created');
      docker('start', 'dw-eng-created');
      await waitFor('the start event', () => events.some((e) => e.id === id && e.action === 'start'), 2000);
    } finally {
      controller.dispose();
    }
  });
});
