// The Docker explorer over the remote engines (issue 14): the same containers refresh and idle count as
// explorer.mjs, over a TLS dockerd on 127.0.0.1 and over ssh (`ssh ... docker system dial-stdio` to the bench
// engine), both started here with test/support/remoteEngines.js.
//  - refresh vs raw: the raw list call goes over the same kind of connection with none of our layers: for TLS an
//    https GET with the same certificates and a keep-alive agent, for ssh an http GET through the same ssh stdio
//    transport (a keep-alive connection: one ssh process reused, as the engine layer's agent does);
//  - idle calls: every HTTP request this process starts while nothing happens (Node's diagnostics channel
//    http.client.request.start), besides the event stream opened before.
import diagnostics from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);
const out = (file) => require(path.join(root, 'out', file));
const remoteEngines = out('test/support/remoteEngines.js');
const { sshAgent } = out('client/src/engine/sshTransport.js');
const { DockerodeEngine } = out('client/src/engine/DockerodeEngine.js');
const { resolveConnection } = out('client/src/engine/connection.js');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (time) => new Promise((resolve) => setTimeout(resolve, time));

function rawGet(request) {
  return new Promise((resolve, reject) => {
    request((response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    }).on('error', reject);
  });
}

/** Requests this process starts, counted while `counting` is on. */
function requestCounter() {
  const seen = [];
  let on = false;
  diagnostics.channel('http.client.request.start').subscribe(({ request }) => {
    if (on) seen.push(`${request.method} ${request.path.replace(/^\/v[\d.]+/, '')}`);
  });
  return {
    start: () => ((on = true), (seen.length = 0)),
    stop: () => ((on = false), [...seen]),
  };
}

/**
 * Measures one remote engine: `follow(engine)` is explorer.mjs's view follower ({ refreshOnce(), dispose() }),
 * `raw()` the raw list call. Returns the table rows.
 */
async function measure(label, engine, raw, follow, counter, rounds, idleMs) {
  const view = await follow(engine);
  const rawTimes = [];
  const refreshTimes = [];
  let count = 0;
  for (let round = 0; round < 3 * rounds + 2; round++) {
    let start = performance.now();
    count = (await raw()).length;
    const rawTime = performance.now() - start;
    start = performance.now();
    await view.refreshOnce();
    const refreshTime = performance.now() - start;
    if (round >= 2) {
      rawTimes.push(rawTime);
      refreshTimes.push(refreshTime);
    }
  }
  await sleep(500);
  counter.start();
  await sleep(idleMs);
  const idle = counter.stop();
  view.dispose();
  engine.dispose();
  return [
    `| ${label}: raw list over the same connection p50 (${count} containers) | ${median(rawTimes).toFixed(1)} ms |`,
    `| ${label}: Containers view refresh p50 | ${median(refreshTimes).toFixed(1)} ms |`,
    `| ${label}: refresh / raw list | ${(median(refreshTimes) / median(rawTimes)).toFixed(2)} (limit 1.2) |`,
    `| ${label}: API calls while idle for ${idleMs / 1000} s (besides the event stream) | ${idle.length}${idle.length ? ` (${idle.join(', ')})` : ''} |`,
  ];
}

/**
 * Starts the remote engines in `remoteDir` beside the bench engine `engineDir`, fills the TLS engine with the same
 * containers (`populate`), measures both, and stops them.
 */
export async function remoteRuns({ remoteDir, engineDir, populate, follow, rounds, idleMs }) {
  const env = await remoteEngines.startRemoteEngines(remoteDir, engineDir);
  const counter = requestCounter();
  try {
    const certs = env.DW_TLS_CERTS;
    const tlsEngine = () =>
      new DockerodeEngine(resolveConnection({ setting: env.DW_TLS_HOST, env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs }, readFile: () => undefined }));
    await populate(tlsEngine());
    const port = Number(new URL(env.DW_TLS_HOST.replace(/^tcp:/, 'https:')).port);
    const tlsAgent = new https.Agent({
      keepAlive: true,
      ca: readFileSync(path.join(certs, 'ca.pem')),
      cert: readFileSync(path.join(certs, 'cert.pem')),
      key: readFileSync(path.join(certs, 'key.pem')),
    });
    const rawTls = () => rawGet((done) => https.get({ host: '127.0.0.1', port, path: '/containers/json?all=1', agent: tlsAgent }, done));
    const rows = await measure('TLS', tlsEngine(), rawTls, follow, counter, rounds, idleMs);
    tlsAgent.destroy();

    const sshUrl = new URL(env.DW_SSH_HOST);
    const target = { host: sshUrl.hostname, port: Number(sshUrl.port), username: sshUrl.username, configFile: env.DW_SSH_CONFIG };
    const rawAgent = sshAgent(target);
    const rawSsh = () => rawGet((done) => http.get({ socketPath: 'raw', path: '/containers/json?all=1', agent: rawAgent }, done));
    const sshEngine = new DockerodeEngine(resolveConnection({ setting: env.DW_SSH_HOST, env: {}, readFile: () => undefined, sshConfigFile: env.DW_SSH_CONFIG }));
    rows.push(...(await measure('SSH', sshEngine, rawSsh, follow, counter, rounds, idleMs)));
    rawAgent.destroy();
    return rows;
  } finally {
    await remoteEngines.stopRemoteEngines(remoteDir);
  }
}
