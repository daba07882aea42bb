// A two-node swarm: the test engine as the manager and a second dockerd in a network namespace of its own (see
// test/support/swarmWorker.ts), joined as a worker over a veth pair that exists only on this machine. Drain moves a
// service's tasks to the worker (and the Swarm view's rows say so), promote and demote change the worker's role,
// and a node that left is removed.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import { swarmTree, type ServiceNode } from '../../client/src/tree/swarmNodes';
import { TEST_IMAGE } from '../support/dockerd';
import { leaveSwarm } from '../support/swarm';
import { startWorker, stopWorker, WORKER_HOSTNAME, type Worker } from '../support/swarmWorker';
import { waitFor } from '../support/wait';
import { docker, newEngine } from './engineTestKit';

const SERVICE = 'dw-sw2-web';

describe('engine layer: a two-node swarm', function () {
  this.timeout(180_000);
  let engine: DockerodeEngine;
  let worker: Worker;
  let workerDir: string;
  let managerId: string;
  let workerId: string;
  let managerName: string;
  const onWorker = (...args: string[]) =>
    execFileSync('docker', args, { env: { ...process.env, DOCKER_HOST: worker.host }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

  before(async () => {
    leaveSwarm(docker);
    workerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-swarm-worker-'));
    worker = await startWorker(workerDir);
    docker('swarm', 'init', '--advertise-addr', worker.managerAddr, '--listen-addr', `${worker.managerAddr}:2377`);
    const token = docker('swarm', 'join-token', '-q', 'worker');
    onWorker('swarm', 'join', '--token', token, '--advertise-addr', worker.workerAddr, '--listen-addr', `${worker.workerAddr}:2377`, `${worker.managerAddr}:2377`);
    managerId = docker('info', '--format', '{{.Swarm.NodeID}}');
    workerId = onWorker('info', '--format', '{{.Swarm.NodeID}}');
    managerName = docker('node', 'inspect', '-f', '{{.Description.Hostname}}', managerId);
    engine = newEngine();
    await waitFor('the worker ready', async () => (await engine.swarm.listNodes()).find((n) => n.id === workerId)?.status === 'ready', 30_000);
  });

  after(async () => {
    engine?.dispose();
    try {
      onWorker('swarm', 'leave', '--force');
    } catch {
      // Left already, or never joined.
    }
    leaveSwarm(docker);
    await stopWorker(workerDir);
    fs.rmSync(workerDir, { recursive: true, force: true });
  });

  it('lists both nodes with their hostname, role, availability, status and leader', async () => {
    const nodes = (await engine.swarm.listNodes()).sort((a, b) => a.hostname.localeCompare(b.hostname));
    assert.deepStrictEqual(
      nodes.map((n) => [n.id, n.hostname, n.role, n.availability, n.status, n.leader]),
      [
        [workerId, WORKER_HOSTNAME, 'worker', 'active', 'ready', false],
        [managerId, managerName, 'manager', 'active', 'ready', true],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
  });

  it('drains the manager: its tasks move to the worker, and the rows say on which node they run', async () => {
    const id = docker('service', 'create', '-d', '--no-resolve-image', '--name', SERVICE, '--replicas', '2', '--stop-grace-period', '1s', TEST_IMAGE, 'sleep', '3600');
    const running = async () => (await engine.swarm.listTasks()).filter((t) => t.serviceId === id && t.desiredState === 'running' && t.state === 'running');
    await waitFor('2 running tasks', async () => (await running()).length === 2, 60_000);
    await engine.swarm.updateNode(managerId, { availability: 'drain' });
    assert.strictEqual(docker('node', 'inspect', '-f', '{{.Spec.Availability}}', managerId), 'drain');
    await waitFor('both tasks on the worker', async () => {
      const tasks = await running();
      return tasks.length === 2 && tasks.every((t) => t.nodeId === workerId);
    }, 60_000);
    assert.strictEqual(onWorker('ps', '-q', '--filter', `label=com.docker.swarm.service.id=${id}`).split('\n').filter(Boolean).length, 2);
    const [services, tasks, nodes] = await Promise.all([engine.swarm.listServices(), engine.swarm.listTasks(), engine.swarm.listNodes()]);
    const tree = swarmTree({ services, tasks, nodes, secrets: [], configs: [], selfNodeId: managerId, now: Date.now() });
    const row = tree[0].children.find((r) => r.label === SERVICE) as ServiceNode;
    assert.strictEqual(row.description, `replicated · 2/2 · ${TEST_IMAGE}`);
    assert.deepStrictEqual(
      row.children.filter((t) => t.task.desiredState === 'running').map((t) => t.description),
      [`${WORKER_HOSTNAME} · running · just now`, `${WORKER_HOSTNAME} · running · just now`],
    );
    const managerRow = tree[1].children.find((r) => r.label === managerName);
    assert.strictEqual(managerRow?.description.startsWith('manager · drain · ready · '), true);
    await engine.swarm.updateNode(managerId, { availability: 'active' });
    assert.strictEqual(docker('node', 'inspect', '-f', '{{.Spec.Availability}}', managerId), 'active');
    await engine.swarm.removeService(id);
  });

  it('promotes the worker to a manager and demotes it again', async () => {
    await engine.swarm.updateNode(workerId, { role: 'manager' });
    const promoted = await waitFor('the worker a reachable manager', async () => {
      const node = (await engine.swarm.listNodes()).find((n) => n.id === workerId);
      return node?.role === 'manager' && node.reachability === 'reachable' && node;
    }, 60_000);
    assert.deepStrictEqual([promoted.hostname, promoted.leader], [WORKER_HOSTNAME, false]);
    await waitFor('the worker engine a manager', () => onWorker('info', '--format', '{{.Swarm.ControlAvailable}}') === 'true', 60_000);
    await engine.swarm.updateNode(workerId, { role: 'worker' });
    await waitFor('the worker a worker again', async () => (await engine.swarm.listNodes()).find((n) => n.id === workerId)?.role === 'worker', 60_000);
    await waitFor('the worker engine no manager', () => onWorker('info', '--format', '{{.Swarm.ControlAvailable}}') === 'false', 60_000);
  });

  it('removes a node that left the swarm', async () => {
    await assert.rejects(engine.swarm.removeNode(workerId, false), /is not down and can't be removed/);
    onWorker('swarm', 'leave');
    await waitFor('the worker down', async () => (await engine.swarm.listNodes()).find((n) => n.id === workerId)?.status === 'down', 60_000);
    await engine.swarm.removeNode(workerId, false);
    assert.deepStrictEqual((await engine.swarm.listNodes()).map((n) => n.id), [managerId]);
  });
});
