// The Engine API's swarm answers mapped to our types: real shapes (as a 20.10 manager sends them), odd and missing
// fields, and a secret's value never kept.
import * as assert from 'assert';
import { EngineError } from '../../client/src/engine/types';
import type { DockerEngine } from '../../client/src/engine/DockerEngine';
import { EngineLists, kindsChangedBy } from '../../client/src/engine/EngineLists';
import { imageWithoutDigest, toNodeSummary, toServiceSummary, toSwarmData, toSwarmState, toTaskSummary, withoutSecretValue } from '../../client/src/engine/swarmMapping';
import { dataNameProblem, isSwarmId, stackNameProblem, swarmIdProblem } from '../../client/src/engine/swarmValidate';

const ID = 'fdoyw9j760dymhn5liaj390uu';

describe('swarm mapping', () => {
  it('reads the engine part in a swarm from GET /info', () => {
    assert.deepStrictEqual(toSwarmState({ Swarm: { LocalNodeState: 'active', ControlAvailable: true, NodeID: ID, NodeAddr: '127.0.0.1', Error: '' } }), {
      localNodeState: 'active',
      manager: true,
      nodeId: ID,
      nodeAddr: '127.0.0.1',
      error: '',
    });
    assert.strictEqual(toSwarmState({ Swarm: { LocalNodeState: 'active', ControlAvailable: false } }).manager, false);
    assert.deepStrictEqual(toSwarmState({}), { localNodeState: 'inactive', manager: false, nodeId: '', nodeAddr: '', error: '' });
    assert.strictEqual(toSwarmState({ Swarm: { LocalNodeState: 'weird', ControlAvailable: true } }).localNodeState, 'unknown');
    assert.strictEqual(toSwarmState({ Swarm: { LocalNodeState: 'locked', ControlAvailable: true } }).manager, false);
  });

  it('maps a replicated service of a stack with its ports, image without digest and previous spec', () => {
    const service = toServiceSummary({
      ID,
      CreatedAt: '2026-12-07T03:18:40.5Z',
      UpdatedAt: '2026-12-07T03:20:00Z',
      Spec: {
        Name: 'shop_web',
        Labels: { 'com.docker.stack.namespace': 'shop' },
        Mode: { Replicated: { Replicas: 3 } },
        TaskTemplate: { ContainerSpec: { Image: 'nginx:1.27@sha256:' + 'a'.repeat(64) } },
        EndpointSpec: { Ports: [{ Protocol: 'tcp', TargetPort: 80 }] },
      },
      Endpoint: { Ports: [{ Protocol: 'udp', TargetPort: 53, PublishedPort: 5353, PublishMode: 'host' }, { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }] },
      PreviousSpec: {},
      UpdateStatus: { State: 'rollback_completed' },
    });
    assert.deepStrictEqual(service, {
      id: ID,
      name: 'shop_web',
      mode: 'replicated',
      replicas: 3,
      image: 'nginx:1.27',
      ports: [
        { target: 53, published: 5353, protocol: 'udp', publishMode: 'host' },
        { target: 80, published: 8080, protocol: 'tcp', publishMode: 'ingress' },
      ],
      labels: { 'com.docker.stack.namespace': 'shop' },
      stack: 'shop',
      created: Date.parse('2026-12-07T03:18:40.5Z'),
      updated: Date.parse('2026-12-07T03:20:00Z'),
      updateState: 'rollback_completed',
      canRollBack: true,
    });
  });

  it('maps global and job services, and a service with nothing filled in', () => {
    assert.strictEqual(toServiceSummary({ Spec: { Mode: { Global: {} } } }).mode, 'global');
    assert.strictEqual(toServiceSummary({ Spec: { Mode: { Global: {} } } }).replicas, undefined);
    assert.deepStrictEqual(
      [toServiceSummary({ Spec: { Mode: { ReplicatedJob: { TotalCompletions: 4 } } } })].map((s) => [s.mode, s.replicas]),
      [['replicated-job', 4]],
    );
    assert.strictEqual(toServiceSummary({ Spec: { Mode: { GlobalJob: {} } } }).mode, 'global-job');
    assert.deepStrictEqual(toServiceSummary({}), { id: '', name: '', mode: 'replicated', image: '', ports: [], labels: {}, created: 0, updated: 0, canRollBack: false });
    assert.strictEqual(imageWithoutDigest('busybox'), 'busybox');
  });

  it('maps tasks, nodes, secrets and configs', () => {
    assert.deepStrictEqual(
      toTaskSummary({
        ID: 'ru5gf7nczk91ru5gf7nczk91a',
        ServiceID: ID,
        Slot: 2,
        NodeID: 'vxsjoe51oh6xad90ihvs2zc1e',
        DesiredState: 'running',
        Status: { Timestamp: '2026-12-07T03:19:00Z', State: 'running', Message: 'started', ContainerStatus: { ContainerID: 'f'.repeat(64) } },
      }),
      {
        id: 'ru5gf7nczk91ru5gf7nczk91a',
        serviceId: ID,
        slot: 2,
        nodeId: 'vxsjoe51oh6xad90ihvs2zc1e',
        state: 'running',
        desiredState: 'running',
        message: 'started',
        error: '',
        timestamp: Date.parse('2026-12-07T03:19:00Z'),
        containerId: 'f'.repeat(64),
      },
    );
    assert.deepStrictEqual(toTaskSummary({ Status: { State: 'rejected', Err: 'No such image: nope:latest' } }), {
      id: '',
      serviceId: '',
      nodeId: '',
      state: 'rejected',
      desiredState: 'unknown',
      message: '',
      error: 'No such image: nope:latest',
      timestamp: 0,
    });
    assert.deepStrictEqual(
      toNodeSummary({
        ID,
        Spec: { Role: 'manager', Availability: 'drain', Labels: { zone: 'a' } },
        Description: { Hostname: 'vm', Engine: { EngineVersion: '20.10.24+dfsg1' } },
        Status: { State: 'ready', Addr: '127.0.0.1' },
        ManagerStatus: { Leader: true, Reachability: 'reachable' },
      }),
      { id: ID, hostname: 'vm', role: 'manager', availability: 'drain', status: 'ready', addr: '127.0.0.1', engineVersion: '20.10.24+dfsg1', leader: true, reachability: 'reachable', labels: { zone: 'a' } },
    );
    assert.deepStrictEqual(toNodeSummary({ Spec: { Role: 'odd', Availability: 'odd' } }), {
      id: '',
      hostname: '',
      role: 'worker',
      availability: 'active',
      status: 'unknown',
      addr: '',
      engineVersion: '',
      leader: false,
      labels: {},
    });
    const secret = toSwarmData({ ID, CreatedAt: '2026-12-07T03:19:00Z', UpdatedAt: '2026-12-07T03:19:00Z', Spec: { Name: 'db_password', Labels: { 'com.docker.stack.namespace': 'shop' }, Data: 'c2VjcmV0' } as never });
    assert.deepStrictEqual(secret, { id: ID, name: 'db_password', created: Date.parse('2026-12-07T03:19:00Z'), updated: Date.parse('2026-12-07T03:19:00Z'), labels: { 'com.docker.stack.namespace': 'shop' }, stack: 'shop' });
    assert.ok(!JSON.stringify(secret).includes('c2VjcmV0'));
  });

  it('drops the value of a secret an engine might send with inspect', () => {
    assert.deepStrictEqual(withoutSecretValue({ ID, Spec: { Name: 'x', Data: 'c2VjcmV0', Labels: {} } }), { ID, Spec: { Name: 'x', Labels: {} } });
    assert.deepStrictEqual(withoutSecretValue({ ID, Spec: { Name: 'x' } }), { ID, Spec: { Name: 'x' } });
  });
});

describe('swarm ids and names', () => {
  it('accepts only swarmkit ids', () => {
    assert.strictEqual(isSwarmId(ID), true);
    for (const bad of ['', ID.toUpperCase(), `${ID}a`, '../../containers/x', '--force', 42]) assert.strictEqual(isSwarmId(bad), false, String(bad));
    assert.strictEqual(swarmIdProblem('service', '../x'), 'The engine returned an id that is not a service id: "../x"');
  });

  it('checks stack names like Compose project names, and secret and config names like swarmkit', () => {
    assert.strictEqual(stackNameProblem('shop-2_a'), undefined);
    assert.strictEqual(stackNameProblem(''), 'A stack needs a name.');
    for (const bad of ['Shop', '-rm', '_a', 'a b', 'a;b', 'a'.repeat(64)]) assert.notStrictEqual(stackNameProblem(bad), undefined, bad);
    assert.strictEqual(dataNameProblem('secret', 'db.password-1'), undefined);
    assert.strictEqual(dataNameProblem('secret', ''), 'A secret needs a name.');
    assert.strictEqual(dataNameProblem('config', 'app.conf', ['app.conf']), 'There is already a config named app.conf.');
    for (const bad of ['-x', 'a/b', 'x.', 'a'.repeat(65), 'a b']) assert.notStrictEqual(dataNameProblem('config', bad), undefined, bad);
  });
});

describe('swarm events', () => {
  const event = (type: string, action: string, attributes: Record<string, string> = {}) => ({ type, action, id: ID, time: 0, attributes });

  it('marks the swarm lists an event may change', () => {
    assert.deepStrictEqual(kindsChangedBy(event('service', 'update')), ['services', 'tasks']);
    assert.deepStrictEqual(kindsChangedBy(event('node', 'update')), ['nodes', 'swarm', 'tasks']);
    assert.deepStrictEqual(kindsChangedBy(event('secret', 'create')), ['secrets']);
    assert.deepStrictEqual(kindsChangedBy(event('config', 'remove')), ['configs']);
    assert.deepStrictEqual(kindsChangedBy(event('container', 'start', { 'com.docker.swarm.task.id': ID })), ['containers', 'tasks']);
    assert.deepStrictEqual(kindsChangedBy(event('container', 'exec_start: sh', { 'com.docker.swarm.task.id': ID })), []);
    assert.deepStrictEqual(kindsChangedBy(event('container', 'start')), ['containers']);
    assert.deepStrictEqual(kindsChangedBy(event('network', 'create', { name: 'ingress' })), ['networks', 'swarm']);
    assert.deepStrictEqual(kindsChangedBy(event('network', 'create', { name: 'mine' })), ['networks']);
  });

  it('reads a manager list only on a manager, and takes a refusal as a changed swarm, not a lost engine', async () => {
    const calls: string[] = [];
    let manager = false;
    let refuse = false;
    const failures: EngineError[] = [];
    const changes: string[][] = [];
    const swarm = {
      state: async () => (calls.push('info'), { localNodeState: 'active' as const, manager, nodeId: ID, nodeAddr: '', error: '' }),
      listServices: async () => {
        calls.push('services');
        if (refuse) throw new EngineError('unix:///x', 'This node is not a swarm manager.', 'engine-error');
        return [];
      },
    };
    const engine = { swarm } as unknown as DockerEngine;
    const lists = new EngineLists({ engine: () => engine, onFailure: (e) => failures.push(e), onChange: (kinds) => changes.push([...kinds].sort()) });
    assert.deepStrictEqual(await lists.services(), []);
    assert.deepStrictEqual(calls, ['info']);
    manager = true;
    lists.invalidateKinds(['swarm', 'services']);
    assert.deepStrictEqual(await lists.services(), []);
    assert.deepStrictEqual(calls, ['info', 'info', 'services']);
    refuse = true;
    lists.invalidate('services');
    assert.deepStrictEqual(await lists.services(), []);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepStrictEqual(failures, []);
    assert.deepStrictEqual(changes, [['services', 'swarm'], ['services'], ['swarm']]);
    lists.dispose();
  });
});
