// The Docker explorer against an engine with 500 containers (issue 5's benchmark):
//  1. refresh cost: the Containers view's refresh (the shared list read through our engine layer + the rows built
//     from it) against the raw Engine API list call (GET /containers/json?all=1 + JSON.parse), same run, same socket;
//  2. idle calls: every request the extension's engine layer makes while nothing happens, counted by a proxy in
//     front of the engine's socket (only the open /events stream may be there);
//  3. event -> tree: from the moment the engine's event reaches us (and from the engine's own event time) until
//     the rebuilt rows show the new state;
//  4. the Swarm view (explorerSwarm.mjs): a Services refresh with DW_BENCH_SERVICES services and DW_BENCH_TASKS
//     tasks against the raw GET /services + GET /tasks, and idle calls with the swarm lists in use (DW_BENCH_SERVICES=0
//     leaves it out).
//  5. 1 and 2 again over a TLS engine and over ssh (explorerRemote.mjs; DW_BENCH_REMOTE=0 leaves them out).
// Runs on a private dockerd of its own (own data root and bridge), started and stopped here. Needs `npm run build`.
// Environment: DW_BENCH_CONTAINERS (500), DW_BENCH_N rounds (15; the refresh takes 3 times as many),
// DW_BENCH_IDLE_MS (10000), DW_BENCH_ENGINE_DIR (reuse an engine folder) and DW_BENCH_KEEP_ENGINE (leave it running).
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './lib.mjs';
import { benchServices, leaveBenchSwarm, unmountHostNetns } from './explorerSwarm.mjs';
import { remoteRuns } from './explorerRemote.mjs';

const require = createRequire(import.meta.url);
const out = (file) => require(path.join(root, 'out', file));
const dockerd = out('test/support/dockerd.js');
const { DockerodeEngine } = out('client/src/engine/DockerodeEngine.js');
const { resolveConnection } = out('client/src/engine/connection.js');
const { EngineLists } = out('client/src/engine/EngineLists.js');
const { RefreshController } = out('client/src/engine/RefreshController.js');
const { containerTree } = out('client/src/tree/containerNodes.js');

const TOTAL = Number(process.env.DW_BENCH_CONTAINERS ?? 500);
const RUNNING = Math.round(TOTAL / 10);
const ROUNDS = Number(process.env.DW_BENCH_N ?? 15);
const IDLE_MS = Number(process.env.DW_BENCH_IDLE_MS ?? 10_000);
const dir = process.env.DW_BENCH_ENGINE_DIR ?? mkdtempSync(path.join(tmpdir(), 'dw-bench-engine-'));
process.env.DW_DOCKERD_BRIDGE ??= 'dwbench0:10.231.90.1/24';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const max = (values) => Math.max(...values);
const ms = (value) => value.toFixed(1);
const sleep = (time) => new Promise((resolve) => setTimeout(resolve, time));

/** A unix-socket proxy in front of the engine that counts the HTTP requests passing through it. */
function countingProxy(target, socketPath) {
  const requests = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    client.on('data', (chunk) => {
      for (const match of chunk.toString('latin1').matchAll(/^(GET|POST|PUT|DELETE|HEAD) (\S+) HTTP\/1\.1\r$/gm)) {
        requests.push(`${match[1]} ${match[2].replace(/^\/v[\d.]+/, '')}`);
      }
    });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  return new Promise((resolve) => server.listen(socketPath, () => resolve({ requests, close: () => server.close() })));
}

/** The raw Engine API list call, as a client without our layers would make it. */
function rawList(socketPath) {
  return new Promise((resolve, reject) => {
    http
      .get({ socketPath, path: '/containers/json?all=1' }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      })
      .on('error', reject);
  });
}

async function populate(engine) {
  const existing = (await engine.listContainers()).filter((c) => c.labels['dw.bench'] === 'explorer').length;
  const docker = engine.docker;
  const jobs = [];
  for (let i = existing; i < TOTAL; i++) {
    // A quarter standalone, the rest in Compose projects of 15 containers.
    const project = i % 4 === 0 ? undefined : `bench-project-${Math.floor(i / 15)}`;
    const labels = { 'dw.bench': 'explorer', ...(project ? { 'com.docker.compose.project': project, 'com.docker.compose.service': `svc-${i % 15}` } : {}) };
    jobs.push({ name: `dw-bench-${String(i).padStart(3, '0')}`, labels, run: i < RUNNING });
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const container = await docker.createContainer({ name: job.name, Image: dockerd.TEST_IMAGE, Cmd: ['sleep', '36000'], Labels: job.labels, HostConfig: { NetworkMode: 'none' } });
      if (job.run) await container.start();
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

/** What the Containers view does for `engine`: one shared list, rows rebuilt on change; a refresh on demand. */
async function follow(engine) {
  let state = { kind: 'connecting' };
  let rows = [];
  let onRows = () => undefined;
  const lists = new EngineLists({
    engine: () => (state.kind === 'up' ? engine : undefined),
    onFailure: (error) => controller.reportFailure(error),
    onChange: (kinds) => {
      if (!kinds.has('containers')) return;
      void lists.containers().then((list) => {
        if (!list) return;
        rows = containerTree(list);
        onRows();
      });
    },
  });
  const controller = new RefreshController({
    engine,
    onState: (next) => (state = next),
    onEvent: (event) => lists.handleEvent(event),
    onConnected: () => lists.invalidateAll(),
  });
  controller.start();
  while (rows.length === 0) await sleep(50);
  return {
    refreshOnce() {
      const rebuilt = new Promise((resolve) => (onRows = resolve));
      lists.invalidate('containers');
      return rebuilt;
    },
    dispose() {
      controller.dispose();
      lists.dispose();
    },
  };
}

async function main() {
  console.error(`engine in ${dir}`);
  const host = await dockerd.startDockerd(dir);
  try {
    dockerd.buildTestImage(dir);
    const socket = host.replace(/^unix:\/\//, '');
    const direct = new DockerodeEngine(resolveConnection({ setting: host, env: {}, readFile: () => undefined }));
    await populate(direct);
    const count = (await rawList(socket)).length;
    console.error(`${count} containers (${RUNNING} running)`);

    // The extension's engine layer, through the counting proxy.
    const proxySocket = path.join(dir, 'proxy.sock');
    rmSync(proxySocket, { force: true });
    const proxy = await countingProxy(socket, proxySocket);
    const engine = new DockerodeEngine(resolveConnection({ setting: `unix://${proxySocket}`, env: {}, readFile: () => undefined }));
    let state = { kind: 'connecting' };
    let rows = [];
    let onRows = () => undefined;
    let lastEventAt = 0;
    let lastEvent;
    let onSwarmRows = () => undefined;
    // What the Containers view and the status bar do on a change of the container list.
    const lists = new EngineLists({
      engine: () => (state.kind === 'up' ? engine : undefined),
      onFailure: (error) => controller.reportFailure(error),
      onChange: (kinds) => {
        if (kinds.has('services') || kinds.has('tasks')) onSwarmRows();
        if (!kinds.has('containers')) return;
        void lists.containers().then((list) => {
          if (!list) return;
          rows = containerTree(list);
          onRows();
        });
      },
    });
    const controller = new RefreshController({
      engine,
      onState: (next) => (state = next),
      onEvent: (event) => {
        lastEventAt = performance.now();
        lastEvent = event;
        lists.handleEvent(event);
      },
      onConnected: () => lists.invalidateAll(),
    });
    controller.start();
    while (rows.length === 0) await sleep(50);

    // 1. Refresh cost against the raw list call, interleaved; both through the proxy, so both pay for it alike.
    const raw = [];
    const refresh = [];
    for (let round = 0; round < 3 * ROUNDS + 2; round++) {
      let start = performance.now();
      await rawList(proxySocket);
      const rawTime = performance.now() - start;
      // The refresh as the view does it: the list is marked stale, read once, and the rows are built from it.
      const rebuilt = new Promise((resolve) => (onRows = resolve));
      start = performance.now();
      lists.invalidate('containers');
      await rebuilt;
      const refreshTime = performance.now() - start;
      if (round >= 2) {
        raw.push(rawTime);
        refresh.push(refreshTime);
      }
    }
    await sleep(500);

    // 2. Idle: nothing happens for IDLE_MS.
    const before = proxy.requests.length;
    await sleep(IDLE_MS);
    const idle = proxy.requests.slice(before);
    const open = proxy.requests.filter((r) => r.startsWith('GET /events')).length;

    // 3. Event -> tree: start a created container, then kill it, through another connection.
    const fromReceipt = [];
    const fromEngine = [];
    const victim = (await direct.listContainers()).find((c) => c.name === `dw-bench-${String(TOTAL - 1).padStart(3, '0')}`);
    if (victim.state === 'running') {
      await direct.containerAction(victim.id, 'kill');
      await sleep(500);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const action = round % 2 === 0 ? 'start' : 'kill';
      const want = action === 'start' ? 'container.running' : 'container.exited';
      const shown = new Promise((resolve) => {
        onRows = () => {
          const row = rows.flatMap((node) => (node.kind === 'project' ? node.children : [node])).find((node) => node.container.id === victim.id);
          if (row?.contextValue === want) resolve(performance.now());
        };
      });
      await direct.containerAction(victim.id, action);
      const at = await shown;
      fromReceipt.push(at - lastEventAt);
      fromEngine.push(Date.now() - (performance.now() - at) - lastEvent.time);
      await sleep(300);
    }
    // 4. The Swarm view.
    const swarmRows =
      Number(process.env.DW_BENCH_SERVICES ?? 100) > 0
        ? await benchServices({ directSocket: socket, proxySocket, proxy, lists, onSwarmRows: (f) => (onSwarmRows = f), rounds: 3 * ROUNDS, idleMs: IDLE_MS })
        : [];
    controller.dispose();
    engine.dispose();
    direct.dispose();
    proxy.close();

    console.log(`\nDocker explorer, ${count} containers (${RUNNING} running), ${3 * ROUNDS} refresh rounds, ${ROUNDS} event rounds; node bench/explorer.mjs\n`);
    console.log('| measure | value |');
    console.log('|---|---|');
    console.log(`| raw Engine API list (GET /containers/json?all=1 + JSON.parse) p50 | ${ms(median(raw))} ms |`);
    console.log(`| Containers view refresh (shared list via the engine layer + rows) p50 | ${ms(median(refresh))} ms |`);
    console.log(`| refresh / raw list | ${(median(refresh) / median(raw)).toFixed(2)} (limit 1.2) |`);
    console.log(`| API calls while idle for ${IDLE_MS / 1000} s (besides the event stream) | ${idle.length}${idle.length ? ` (${idle.join(', ')})` : ''} |`);
    console.log(`| event streams opened | ${open} |`);
    console.log(`| event received -> tree shows it, p50 / max | ${ms(median(fromReceipt))} / ${ms(max(fromReceipt))} ms |`);
    console.log(`| engine's event time -> tree shows it, p50 / max | ${ms(median(fromEngine))} / ${ms(max(fromEngine))} ms (limit 500) |`);
    for (const row of swarmRows) console.log(row);
    if (process.env.DW_BENCH_REMOTE !== '0') {
      const remoteDir = mkdtempSync(path.join(tmpdir(), 'dw-bench-remote-'));
      try {
        const rows = await remoteRuns({ remoteDir, engineDir: dir, populate, follow, rounds: ROUNDS, idleMs: IDLE_MS });
        for (const row of rows) console.log(row);
      } finally {
        rmSync(remoteDir, { recursive: true, force: true });
      }
    }
  } finally {
    if (!process.env.DW_BENCH_KEEP_ENGINE) {
      // Hundreds of task containers would outlast the engine's stop timeout: the swarm goes first.
      await leaveBenchSwarm(host.replace(/^unix:\/\//, '')).catch((error) => console.error(`leaving the swarm: ${error.message}`));
      await dockerd.stopDockerd(dir);
      unmountHostNetns(dir);
      if (!process.env.DW_BENCH_ENGINE_DIR) rmSync(dir, { recursive: true, force: true });
    }
  }
}

await main();
