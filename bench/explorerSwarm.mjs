// The Swarm view's part of the explorer benchmark (issue 14): on the same private engine, made a one-node swarm,
// DW_BENCH_SERVICES services (100) with DW_BENCH_TASKS tasks in all (500; busybox `sleep`):
//  1. refresh cost: the Services view's refresh (the shared services and tasks lists read through our engine layer,
//     the nodes, secrets and configs it keeps, and the rows built) against the raw GET /services + GET /tasks
//     (both at once, + JSON.parse), same run, same proxy;
//  2. idle calls while nothing happens (only the event stream may be open).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);
const out = (file) => require(path.join(root, 'out', file));
const { swarmTree } = out('client/src/tree/swarmNodes.js');
const dockerd = out('test/support/dockerd.js');

const SERVICES = Number(process.env.DW_BENCH_SERVICES ?? 100);
const TASKS = Number(process.env.DW_BENCH_TASKS ?? 500);
const sleep = (time) => new Promise((resolve) => setTimeout(resolve, time));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function request(socketPath, method, apiPath, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path: apiPath, method, headers: body ? { 'Content-Type': 'application/json' } : {} }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode >= 300) reject(new Error(`${method} ${apiPath}: ${response.statusCode} ${text}`));
        else resolve(text ? JSON.parse(text) : undefined);
      });
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

/** Makes the engine a one-node swarm on loopback (its own ports, beside a test engine's swarm) with the services. */
async function populate(socket) {
  const info = await request(socket, 'GET', '/info');
  if (info.Swarm.LocalNodeState !== 'active') {
    await request(socket, 'POST', '/swarm/init', { ListenAddr: '127.0.0.1:2477', AdvertiseAddr: '127.0.0.1:2477', DataPathPort: 4799 });
  }
  const existing = new Set((await request(socket, 'GET', '/services')).map((s) => s.Spec.Name));
  for (let i = 0; i < SERVICES; i++) {
    const name = `dw-bench-svc-${String(i).padStart(3, '0')}`;
    if (existing.has(name)) continue;
    // The tasks spread over the services: TASKS / SERVICES each, the remainder on the first ones.
    const replicas = Math.floor(TASKS / SERVICES) + (i < TASKS % SERVICES ? 1 : 0);
    await request(socket, 'POST', '/services/create', {
      Name: name,
      Labels: { 'dw.bench': 'explorer', ...(i % 2 === 0 ? { 'com.docker.stack.namespace': `bench-stack-${i % 10}` } : {}) },
      // The host's network: 500 running tasks would not fit in the engine's /24 bridge, and `sleep` needs no network.
      TaskTemplate: { ContainerSpec: { Image: dockerd.TEST_IMAGE, Command: ['sleep', '36000'] }, Networks: [{ Target: 'host' }] },
      Mode: { Replicated: { Replicas: replicas } },
    });
  }
  // Waiting for the swarm to start every task is the benchmark's business, so it asks every second here.
  for (;;) {
    const running = (await request(socket, 'GET', '/tasks')).filter((t) => t.Status.State === 'running').length;
    if (running >= TASKS) return running;
    console.error(`${running}/${TASKS} tasks running`);
    await sleep(1000);
  }
}

/**
 * Runs the measures with the engine layer the caller made (`lists`, through `proxy`); `rounds` refreshes.
 * Resolves with the rows of the report's table.
 */
export async function benchServices({ directSocket, proxySocket, proxy, lists, onSwarmRows, rounds, idleMs }) {
  const running = await populate(directSocket);
  const rawRead = () => Promise.all([request(proxySocket, 'GET', '/services'), request(proxySocket, 'GET', '/tasks')]);
  const build = async () => {
    const state = await lists.swarm();
    const [services, tasks, nodes, secrets, configs] = await Promise.all([lists.services(), lists.tasks(), lists.nodes(), lists.secrets(), lists.configs()]);
    return swarmTree({ services, tasks, nodes, secrets, configs, selfNodeId: state.nodeId, now: Date.now() });
  };
  lists.invalidateKinds(['swarm', 'services', 'tasks', 'nodes', 'secrets', 'configs']);
  let rows = await build();
  const raw = [];
  const refresh = [];
  for (let round = 0; round < rounds + 2; round++) {
    let start = performance.now();
    await rawRead();
    const rawTime = performance.now() - start;
    // As the view does it after a service event: services and tasks are stale; the other lists are kept.
    const rebuilt = new Promise((resolve) => onSwarmRows(resolve));
    start = performance.now();
    lists.invalidateKinds(['services', 'tasks']);
    rows = await rebuilt.then(build);
    const refreshTime = performance.now() - start;
    if (round >= 2) {
      raw.push(rawTime);
      refresh.push(refreshTime);
    }
  }
  const shownServices = rows[0].children.reduce((sum, row) => sum + (row.kind === 'swarmStack' ? row.children.length : 1), 0);
  await sleep(500);
  const before = proxy.requests.length;
  await sleep(idleMs);
  const idle = proxy.requests.slice(before);
  return [
    `| swarm: services / tasks running / services shown | ${SERVICES} / ${running} / ${shownServices} |`,
    `| raw GET /services + GET /tasks (at once, + JSON.parse) p50 | ${median(raw).toFixed(1)} ms |`,
    `| Services view refresh (shared lists via the engine layer + rows) p50 | ${median(refresh).toFixed(1)} ms |`,
    `| Services refresh / raw lists | ${(median(refresh) / median(raw)).toFixed(2)} (limit 1.2) |`,
    `| API calls while idle for ${idleMs / 1000} s with the swarm lists read (besides the event stream) | ${idle.length}${idle.length ? ` (${idle.join(', ')})` : ''} |`,
  ];
}

/** Takes the engine out of the swarm and removes the tasks' containers, so that the engine stops in time. */
export async function leaveBenchSwarm(socket) {
  const info = await request(socket, 'GET', '/info');
  if (info.Swarm.LocalNodeState === 'inactive') return;
  await request(socket, 'POST', '/swarm/leave?force=true');
  const filters = encodeURIComponent(JSON.stringify({ label: ['com.docker.swarm.service.id'] }));
  for (const container of await request(socket, 'GET', `/containers/json?all=1&filters=${filters}`)) {
    await request(socket, 'DELETE', `/containers/${container.Id}?force=true`).catch(() => undefined);
  }
}

/** The engine keeps the host's network namespace mounted for host-network tasks; unmounted once the engine is stopped. */
export function unmountHostNetns(dir) {
  const file = path.join(dir, 'exec', 'netns', 'default');
  if (existsSync(file)) spawnSync('umount', [file], { stdio: 'ignore' });
}
