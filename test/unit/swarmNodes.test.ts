// The Swarm view's rows from a manager's lists: sections, stacks, services with running/desired, tasks with node,
// state, error and age, nodes, secrets and configs; and the stack argument arrays.
import * as assert from 'assert';
import type { ServiceSummary, SwarmNodeSummary, TaskSummary } from '../../client/src/engine/swarmTypes';
import { stackDeployArgs, stackRemoveArgs } from '../../client/src/commands/swarm/stackArgs';
import { advertiseAddressProblem, replicasProblem, suggestedName } from '../../client/src/commands/swarm/inputs';
import { portText, replicaCounts, swarmTree, type ServiceNode, type SwarmStackNode, type TaskNode } from '../../client/src/tree/swarmNodes';

const NOW = Date.parse('2026-12-07T04:00:00Z');
const id = (n: number) => `id${String(n).padStart(23, '0')}`;

function service(n: number, name: string, fields: Partial<ServiceSummary> = {}): ServiceSummary {
  return { id: id(n), name, mode: 'replicated', replicas: 2, image: 'dw-test/busybox:latest', ports: [], labels: {}, created: NOW - 3_600_000, updated: NOW, canRollBack: false, ...fields };
}

function task(n: number, serviceN: number, fields: Partial<TaskSummary> = {}): TaskSummary {
  return { id: id(100 + n), serviceId: id(serviceN), slot: n, nodeId: id(50), state: 'running', desiredState: 'running', message: 'started', error: '', timestamp: NOW - 5 * 60_000, ...fields };
}

const node = (n: number, hostname: string, fields: Partial<SwarmNodeSummary> = {}): SwarmNodeSummary => ({
  id: id(n),
  hostname,
  role: 'worker',
  availability: 'active',
  status: 'ready',
  addr: '127.0.0.1',
  engineVersion: '20.10.24',
  leader: false,
  labels: {},
  ...fields,
});

describe('swarm tree', () => {
  const tree = swarmTree({
    services: [
      service(1, 'web', { ports: [{ target: 80, published: 8080, protocol: 'tcp', publishMode: 'ingress' }] }),
      service(2, 'shop_db', { stack: 'shop', replicas: 1, canRollBack: true }),
      service(3, 'shop_api', { stack: 'shop', replicas: 3 }),
      service(4, 'agent', { mode: 'global', replicas: undefined }),
    ],
    tasks: [
      task(1, 1),
      task(2, 1, { state: 'starting' }),
      task(3, 1, { slot: 1, state: 'shutdown', desiredState: 'shutdown', timestamp: NOW - 86_400_000 }),
      task(4, 2, { slot: 1 }),
      task(5, 3, { slot: 1, state: 'rejected', desiredState: 'shutdown', error: 'No such image: nope:latest' }),
      task(6, 4, { slot: undefined, nodeId: id(51) }),
    ],
    nodes: [node(50, 'vm', { role: 'manager', leader: true }), node(51, 'worker-1', { availability: 'drain' })],
    secrets: [{ id: id(60), name: 'db_password', created: NOW - 120_000, updated: NOW - 120_000, labels: {}, stack: 'shop' }],
    configs: [{ id: id(70), name: 'app.conf', created: NOW - 120_000, updated: NOW, labels: {} }],
    selfNodeId: id(50),
    now: NOW,
  });

  it('has four sections with their counts', () => {
    assert.deepStrictEqual(
      tree.map((s) => [s.label, s.description, s.contextValue]),
      [
        ['Services', '4 services', 'swarmSection.services'],
        ['Nodes', '2 nodes', 'swarmSection.nodes'],
        ['Secrets', '1 secret', 'swarmSection.secrets'],
        ['Configs', '1 config', 'swarmSection.configs'],
      ],
    );
  });

  it('gives an empty section an id of its own, so that it is drawn open once it fills', () => {
    assert.deepStrictEqual(tree.map((s) => s.id), ['swarm-section:services', 'swarm-section:nodes', 'swarm-section:secrets', 'swarm-section:configs']);
    const empty = swarmTree({ services: [], tasks: [], nodes: [node(50, 'vm', { role: 'manager' })], secrets: [], configs: [], selfNodeId: id(50), now: NOW });
    assert.deepStrictEqual(empty.map((s) => s.id), ['swarm-section:services.empty', 'swarm-section:nodes', 'swarm-section:secrets.empty', 'swarm-section:configs.empty']);
  });

  it('groups services by stack (stacks first), with mode, running/desired, image and ports', () => {
    const services = tree[0].children;
    assert.deepStrictEqual(
      services.map((s) => [s.label, s.description, s.contextValue]),
      [
        ['shop', 'stack · 2 services · 1/4', 'swarmStack'],
        ['agent', 'global · 1/1 · dw-test/busybox:latest', 'swarmService.global'],
        ['web', 'replicated · 1/2 · dw-test/busybox:latest · 8080:80/tcp', 'swarmService.replicated'],
      ],
    );
    const stack = services[0] as SwarmStackNode;
    assert.deepStrictEqual(
      stack.children.map((s) => [s.label, s.description, s.contextValue]),
      [
        ['shop_api', 'replicated · 0/3 · dw-test/busybox:latest', 'swarmService.replicated'],
        ['shop_db', 'replicated · 1/1 · dw-test/busybox:latest', 'swarmService.replicated.rollback'],
      ],
    );
  });

  it('lists a service tasks, current ones first, with node, state, error and age', () => {
    const web = tree[0].children[2] as ServiceNode;
    assert.strictEqual(web.expanded, false);
    assert.deepStrictEqual(
      web.children.map((t: TaskNode) => [t.label, t.description]),
      [
        ['web.1', 'vm · running · 5 minutes ago'],
        ['web.2', 'vm · starting · 5 minutes ago'],
        ['web.1', 'vm · shutdown · 1 day ago'],
      ],
    );
    const api = (tree[0].children[0] as SwarmStackNode).children[0];
    assert.deepStrictEqual(api.children.map((t) => t.description), ['vm · rejected · No such image: nope:latest · 5 minutes ago']);
    const agent = tree[0].children[1] as ServiceNode;
    assert.deepStrictEqual(agent.children.map((t) => [t.label, t.description]), [[`agent.${id(51).slice(0, 12)}`, 'worker-1 · running · 5 minutes ago']]);
  });

  it('shows nodes with role, availability, status, engine version, leader and this engine', () => {
    assert.deepStrictEqual(
      tree[1].children.map((n) => [n.label, n.description, n.contextValue]),
      [
        ['vm', 'manager · active · ready · 20.10.24 · leader · this engine', 'swarmNode.manager.active.leader.self'],
        ['worker-1', 'worker · drain · ready · 20.10.24', 'swarmNode.worker.drain'],
      ],
    );
  });

  it('shows secrets and configs by name, never a value', () => {
    assert.deepStrictEqual(tree[2].children.map((n) => [n.label, n.description, n.contextValue]), [['db_password', 'stack shop · created 2 minutes ago', 'swarmSecret']]);
    assert.match(tree[2].children[0].tooltip, /never shown/);
    assert.deepStrictEqual(tree[3].children.map((n) => [n.label, n.description, n.contextValue]), [['app.conf', 'created 2 minutes ago', 'swarmConfig']]);
  });

  it('counts replicas as docker service ls does', () => {
    assert.deepStrictEqual(replicaCounts(service(1, 'a', { replicas: 0 }), []), { running: 0, desired: 0 });
    assert.deepStrictEqual(replicaCounts(service(1, 'a', { mode: 'replicated-job', replicas: 2 }), [task(1, 1, { state: 'complete', desiredState: 'complete' })]), { running: 1, desired: 2 });
    assert.strictEqual(portText({ target: 53, protocol: 'udp', publishMode: 'ingress' }), '53/udp');
    assert.strictEqual(portText({ target: 80, published: 80, protocol: 'tcp', publishMode: 'host' }), '80:80/tcp (host)');
  });
});

describe('swarm command arguments and inputs', () => {
  it('builds stack deploy and rm argument arrays with the stack after --', () => {
    assert.deepStrictEqual(stackDeployArgs('/w/compose.yaml', 'shop', 'never'), ['stack', 'deploy', '--compose-file=/w/compose.yaml', '--resolve-image=never', '--', 'shop']);
    assert.deepStrictEqual(stackRemoveArgs('shop'), ['stack', 'rm', '--detach=false', '--', 'shop']);
    assert.throws(() => stackDeployArgs('compose.yaml', 'shop'), /absolute path/);
    assert.throws(() => stackDeployArgs('/w/c.yaml', '--prune'), /lower-case letters/);
    assert.throws(() => stackDeployArgs('/w/c.yaml', 'shop', 'sometimes' as never), /Not a way to resolve images/);
    assert.throws(() => stackRemoveArgs('a b'), /lower-case letters/);
  });

  it('checks replicas, advertise addresses and suggests names from files', () => {
    assert.strictEqual(replicasProblem('2'), undefined);
    assert.strictEqual(replicasProblem('0'), undefined);
    for (const bad of ['-1', '1.5', 'two', '', '1001']) assert.notStrictEqual(replicasProblem(bad), undefined, bad);
    for (const good of ['127.0.0.1', '192.168.1.10', 'eth0', 'fe80::1']) assert.strictEqual(advertiseAddressProblem(good), undefined, good);
    for (const bad of ['127.0.0.1:2377', '-x', 'a b', '']) assert.notStrictEqual(advertiseAddressProblem(bad), undefined, bad);
    assert.strictEqual(suggestedName('/w/secrets/db password.txt'), 'db-password.txt');
    assert.strictEqual(suggestedName('/w/.env'), 'env');
  });
});
