// The session's shared lists against the real dockerd: read once per burst of events, shared by every reader,
// never read while nothing happens.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { resolveConnection } from '../../client/src/engine/connection';
import { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import { EngineLists, type ListKind } from '../../client/src/engine/EngineLists';
import { RefreshController, type EngineState } from '../../client/src/engine/RefreshController';
import { dockerHost, TEST_IMAGE } from '../support/dockerd';
import { waitFor } from '../support/wait';

const dir = process.env.DW_DOCKERD_DIR;
if (!dir) throw new Error('DW_DOCKERD_DIR is not set: run the engine suite through `npm test`');
const env = { ...process.env, DOCKER_HOST: dockerHost(dir) };
const LABEL = 'dw.test=lists';

function docker(...args: string[]): string {
  return execFileSync('docker', args, { env, encoding: 'utf8' }).trim();
}

describe('shared engine lists against a real dockerd', function () {
  this.timeout(60_000);
  let engine: DockerodeEngine;
  let controller: RefreshController;
  let lists: EngineLists;
  let state: EngineState = { kind: 'connecting' };
  const changes: ListKind[][] = [];

  before(async () => {
    engine = new DockerodeEngine(resolveConnection({ setting: '', env, readFile: () => undefined }));
    lists = new EngineLists({
      engine: () => (state.kind === 'up' ? engine : undefined),
      onFailure: (error) => controller.reportFailure(error),
      onChange: (kinds) => changes.push([...kinds].sort()),
    });
    controller = new RefreshController({
      engine,
      onState: (next) => (state = next),
      onEvent: (event) => lists.handleEvent(event),
      onConnected: () => lists.invalidateAll(),
    });
    controller.start();
    await waitFor('the engine is up', () => state.kind === 'up');
  });

  after(() => {
    controller.dispose();
    lists.dispose();
    engine.dispose();
    const ours = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
    if (ours.length) docker('rm', '-f', ...ours);
    docker('volume', 'rm', '-f', 'dw-lists-volume');
  });

  it('marks every list stale on connection, then reads each once for all its readers', async () => {
    assert.deepStrictEqual(changes, [['configs', 'containers', 'images', 'networks', 'nodes', 'secrets', 'services', 'swarm', 'tasks', 'volumes']]);
    const before = { ...lists.calls };
    const [a, b, c] = await Promise.all([lists.containers(), lists.containers(), lists.containers()]);
    assert.strictEqual(a, b);
    assert.strictEqual(b, c);
    assert.strictEqual(lists.calls.containers - before.containers, 1);
  });

  it('reads the container list again once after a container event, and sees the new container', async () => {
    changes.length = 0;
    const calls = lists.calls.containers;
    // create sends one event (run would also connect a network and start it).
    docker('create', '--name', 'dw-lists-a', '--label', LABEL, TEST_IMAGE, 'sleep', '600');
    await waitFor('a change of the container list', () => changes.length > 0);
    assert.deepStrictEqual(changes, [['containers']]);
    const containers = (await lists.containers()) ?? [];
    await lists.containers();
    assert.deepStrictEqual(
      containers.filter((c) => c.name === 'dw-lists-a').map((c) => c.state),
      ['created'],
    );
    assert.strictEqual(lists.calls.containers - calls, 1);
  });

  it('shows a killed container exited, although the engine reports its death before its list has it', async () => {
    docker('run', '-d', '--name', 'dw-lists-killed', '--label', LABEL, TEST_IMAGE, 'sleep', '600');
    const state = async () => ((await lists.containers()) ?? []).find((c) => c.name === 'dw-lists-killed')?.state;
    await waitFor('the container listed running', async () => (await state()) === 'running');
    docker('kill', 'dw-lists-killed');
    // Each read here returns the shared list: it changes only when the lists read the engine again by themselves.
    assert.strictEqual(await waitFor('the container listed exited', async () => (await state()) === 'exited' && 'exited'), 'exited');
  });

  it('tells volume events apart from container events', async () => {
    changes.length = 0;
    docker('volume', 'create', 'dw-lists-volume');
    await waitFor('a change of the volume list', () => changes.length > 0);
    assert.deepStrictEqual(changes, [['volumes']]);
    assert.deepStrictEqual(((await lists.volumes()) ?? []).filter((v) => v.name === 'dw-lists-volume').map((v) => v.driver), ['local']);
  });

  it('reads nothing while nothing happens', async () => {
    await lists.containers();
    const calls = { ...lists.calls };
    changes.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await lists.containers();
    assert.deepStrictEqual(lists.calls, calls);
    assert.deepStrictEqual(changes, []);
  });
});
