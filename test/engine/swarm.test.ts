// The swarm half of the engine layer against a real one-node swarm on the test engine: the manager's lists match
// what the docker CLI shows, every change (scale, image, rolling restart, rollback, node availability and role,
// secrets, configs, remove) is seen by the CLI, service logs follow, and the shared lists follow service, node,
// secret and config events without polling.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EngineLists, type ListKind } from '../../client/src/engine/EngineLists';
import type { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import { RefreshController, type EngineState } from '../../client/src/engine/RefreshController';
import { initSwarm, leaveSwarm } from '../support/swarm';
import { TEST_IMAGE } from '../support/dockerd';
import { waitFor } from '../support/wait';
import { docker, dockerLines, newEngine } from './engineTestKit';

const WEB = 'dw-sw-web';
const TALK = 'dw-sw-talk';
const V2 = 'dw-test/busybox:sw-v2';

function createService(name: string, ...command: string[]): string {
  return docker('service', 'create', '-d', '--no-resolve-image', '--name', name, '--label', 'dw.test=swarm', '--stop-grace-period', '1s', TEST_IMAGE, ...command);
}

function replicasShown(name: string): string {
  return docker('service', 'ls', '--filter', `name=${name}`, '--format', '{{.Name}} {{.Replicas}}');
}

describe('engine layer: swarm', function () {
  this.timeout(120_000);
  let engine: DockerodeEngine;
  let nodeId: string;
  let webId: string;

  before(() => {
    nodeId = initSwarm(docker);
    docker('tag', TEST_IMAGE, V2);
    webId = createService(WEB, 'sleep', '3600');
    engine = newEngine();
  });

  after(() => {
    engine.dispose();
    leaveSwarm(docker);
    docker('rmi', V2);
  });

  it('reads the engine part in the swarm', async () => {
    assert.deepStrictEqual(await engine.swarm.state(), { localNodeState: 'active', manager: true, nodeId, nodeAddr: '127.0.0.1', error: '' });
  });

  it('lists services as docker service ls does', async () => {
    const services = await engine.swarm.listServices();
    assert.deepStrictEqual(
      services.map((s) => [s.id, s.name, s.mode, s.replicas, s.image, s.ports, s.labels, s.canRollBack]),
      [[webId, WEB, 'replicated', 1, TEST_IMAGE, [], { 'dw.test': 'swarm' }, false]],
    );
  });

  it('scales a service and lists its running tasks on this node', async () => {
    await engine.swarm.scaleService(webId, 2);
    await waitFor('2/2 replicas', () => replicasShown(WEB) === `${WEB} 2/2`, 30_000);
    const tasks = (await engine.swarm.listTasks()).filter((t) => t.serviceId === webId && t.desiredState === 'running');
    assert.deepStrictEqual(tasks.map((t) => [t.slot, t.nodeId, t.state]).sort(), [[1, nodeId, 'running'], [2, nodeId, 'running']]);
    assert.deepStrictEqual(tasks.map((t) => t.containerId).sort(), dockerLines('ps', '-q', '--no-trunc', '--filter', `label=com.docker.swarm.service.id=${webId}`).sort());
  });

  it('updates the image, rolls back, and restarts every task', async () => {
    await engine.swarm.updateServiceImage(webId, V2);
    assert.strictEqual(docker('service', 'inspect', '-f', '{{.Spec.TaskTemplate.ContainerSpec.Image}}', WEB), V2);
    const [updated] = await engine.swarm.listServices();
    assert.deepStrictEqual([updated.image, updated.canRollBack], [V2, true]);
    await engine.swarm.rollbackService(webId);
    assert.strictEqual(docker('service', 'inspect', '-f', '{{.Spec.TaskTemplate.ContainerSpec.Image}}', WEB), TEST_IMAGE);
    await engine.swarm.restartService(webId);
    assert.strictEqual(docker('service', 'inspect', '-f', '{{.Spec.TaskTemplate.ForceUpdate}}', WEB), '1');
    await waitFor('2/2 replicas after the restart', () => replicasShown(WEB) === `${WEB} 2/2`, 60_000);
  });

  it('follows the logs of all the tasks of a service, with and without a TTY', async () => {
    const id = createService(TALK, 'sh', '-c', 'echo hello-from-the-task; sleep 3600');
    let text = '';
    const subscription = await waitFor('the service logs', async () => {
      try {
        return await engine.swarm.followServiceLogs(id, { timestamps: false, tail: 100 }, (t) => (text += t), () => undefined);
      } catch {
        return undefined;
      }
    });
    try {
      await waitFor('the task output', () => text.includes('hello-from-the-task\n'), 30_000);
    } finally {
      subscription.dispose();
    }
    await engine.swarm.removeService(id);
    // A service with a TTY sends its logs as plain text, not in frames.
    const ttyId = docker('service', 'create', '-d', '--no-resolve-image', '--tty', '--name', `${TALK}-tty`, '--stop-grace-period', '1s', TEST_IMAGE, 'sh', '-c', 'echo tty-line; sleep 3600');
    let ttyText = '';
    const ttySubscription = await waitFor('the TTY service logs', async () => {
      try {
        return await engine.swarm.followServiceLogs(ttyId, { timestamps: false, tail: 100 }, (t) => (ttyText += t), () => undefined);
      } catch {
        return undefined;
      }
    });
    try {
      await waitFor('the TTY output', () => ttyText.includes('tty-line'), 30_000);
    } finally {
      ttySubscription.dispose();
    }
    assert.match(ttyText, /(^|\s)tty-line\r?\n/);
    await engine.swarm.removeService(ttyId);
    assert.deepStrictEqual(dockerLines('service', 'ls', '--format', '{{.Name}}'), [WEB]);
  });

  it('lists the node and changes its availability and role', async () => {
    const hostname = docker('node', 'inspect', '-f', '{{.Description.Hostname}}', 'self');
    const version = docker('version', '-f', '{{.Server.Version}}');
    assert.deepStrictEqual(
      (await engine.swarm.listNodes()).map((n) => [n.id, n.hostname, n.role, n.availability, n.status, n.engineVersion, n.leader]),
      [[nodeId, hostname, 'manager', 'active', 'ready', version, true]],
    );
    await engine.swarm.updateNode(nodeId, { availability: 'drain' });
    assert.strictEqual(docker('node', 'inspect', '-f', '{{.Spec.Availability}}', 'self'), 'drain');
    await waitFor('0/2 running while drained', () => replicasShown(WEB) === `${WEB} 0/2`, 30_000);
    await engine.swarm.updateNode(nodeId, { availability: 'active' });
    assert.strictEqual(docker('node', 'inspect', '-f', '{{.Spec.Availability}}', 'self'), 'active');
    await waitFor('2/2 again', () => replicasShown(WEB) === `${WEB} 2/2`, 30_000);
    // The only manager cannot be demoted: the engine says why.
    await assert.rejects(engine.swarm.updateNode(nodeId, { role: 'worker' }), /last manager/);
  });

  it('creates, lists, inspects (without a value) and removes secrets and configs', async () => {
    const secretId = await engine.swarm.createSecret('dw-sw-secret', Buffer.from('s3cret-value'));
    const configId = await engine.swarm.createConfig('dw-sw-config', Buffer.from('key=value\n'));
    assert.deepStrictEqual((await engine.swarm.listSecrets()).map((s) => [s.id, s.name]), [[secretId, 'dw-sw-secret']]);
    assert.deepStrictEqual((await engine.swarm.listConfigs()).map((s) => [s.id, s.name]), [[configId, 'dw-sw-config']]);
    const inspected = JSON.parse(await engine.swarm.inspect('secret', secretId)) as { Spec: Record<string, unknown> };
    assert.deepStrictEqual(Object.keys(inspected.Spec).sort(), ['Labels', 'Name']);
    assert.strictEqual(docker('config', 'inspect', '-f', '{{printf "%s" .Spec.Data}}', 'dw-sw-config'), 'key=value');
    await engine.swarm.removeSecret(secretId);
    await engine.swarm.removeConfig(configId);
    assert.deepStrictEqual(dockerLines('secret', 'ls', '-q'), []);
    assert.deepStrictEqual(dockerLines('config', 'ls', '-q'), []);
  });

  it('inspects a service, a task and the node', async () => {
    assert.strictEqual((JSON.parse(await engine.swarm.inspect('service', webId)) as { Spec: { Name: string } }).Spec.Name, WEB);
    assert.strictEqual((JSON.parse(await engine.swarm.inspect('node', nodeId)) as { ID: string }).ID, nodeId);
    const [task] = await engine.swarm.listTasks();
    assert.strictEqual((JSON.parse(await engine.swarm.inspect('task', task.id)) as { ID: string }).ID, task.id);
  });

  it('keeps the shared lists in step with service, secret and node events, without polling', async () => {
    let state: EngineState = { kind: 'connecting' };
    const changes: ListKind[][] = [];
    const lists = new EngineLists({ engine: () => (state.kind === 'up' ? engine : undefined), onFailure: () => undefined, onChange: (kinds) => changes.push([...kinds].sort()) });
    const controller = new RefreshController({ engine, onState: (s) => (state = s), onEvent: (e) => lists.handleEvent(e), onConnected: () => lists.invalidateAll() });
    controller.start();
    try {
      await waitFor('the engine is up', () => state.kind === 'up');
      assert.deepStrictEqual((await lists.services())?.map((s) => s.name), [WEB]);
      const calls = { ...lists.calls };
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.deepStrictEqual(lists.calls, calls, 'no list is read while nothing happens');
      changes.length = 0;
      docker('service', 'scale', '-d', `${WEB}=1`);
      await waitFor('a change of services', () => changes.some((c) => c.includes('services')));
      await waitFor('1 replica', async () => (await lists.services())?.[0]?.replicas === 1);
      const file = path.join(os.tmpdir(), 'dw-sw-listed.txt');
      fs.writeFileSync(file, 'listed');
      docker('secret', 'create', '--label', 'x=y', 'dw-sw-listed', file);
      fs.rmSync(file);
      await waitFor('the secret listed', async () => (await lists.secrets())?.map((s) => s.name).join() === 'dw-sw-listed');
      docker('secret', 'rm', 'dw-sw-listed');
      await waitFor('the secret gone', async () => (await lists.secrets())?.length === 0);
      docker('node', 'update', '--availability', 'pause', nodeId);
      await waitFor('the node paused', async () => (await lists.nodes())?.[0]?.availability === 'pause');
      docker('node', 'update', '--availability', 'active', nodeId);
      await waitFor('the node active', async () => (await lists.nodes())?.[0]?.availability === 'active');
    } finally {
      controller.dispose();
      lists.dispose();
    }
  });

  it('removes a service and leaves the swarm', async () => {
    await engine.swarm.removeService(webId);
    assert.deepStrictEqual(dockerLines('service', 'ls', '-q'), []);
    await engine.swarm.leave(true);
    assert.deepStrictEqual(await engine.swarm.state(), { localNodeState: 'inactive', manager: false, nodeId: '', nodeAddr: '', error: '' });
    assert.deepStrictEqual(await engine.swarm.listServices().catch((e: Error) => e.message), `The Docker engine at ${engine.endpoint.url} refused: this engine is not a swarm manager (initialize a swarm, or point the views at a manager)`);
  });
});
