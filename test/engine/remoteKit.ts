// What the remote engine tests share: the remote engines the test run started (test/support/remoteEngines.ts), and
// one set of behaviour tests run over each (lists, inspect, logs, stats, events, the docker CLI and docker-compose
// through the engine's own CLI environment).
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { resolveConnection } from '../../client/src/engine/connection';
import { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import type { ContainerStats, EngineEvent } from '../../client/src/engine/types';
import { TEST_IMAGE } from '../support/dockerd';
import type { RemoteEngines } from '../support/remoteEngines';
import { waitFor } from '../support/wait';

function required(name: keyof RemoteEngines): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the test run starts the remote engines (scripts/test.sh, test/support/remoteEngines.ts)`);
  return value;
}

export const remote = {
  tlsHost: required('DW_TLS_HOST'),
  tlsCerts: required('DW_TLS_CERTS'),
  tlsDir: required('DW_TLS_DIR'),
  sshHost: required('DW_SSH_HOST'),
  sshConfig: required('DW_SSH_CONFIG'),
  sshDir: required('DW_SSH_DIR'),
};
/** The folder holding the remote engines' files (certs/, ssh/, tls/, state.json). */
export const remoteDir = path.dirname(remote.tlsDir);

/** An engine over TLS with the certificates of `certDir` (a folder of certs/, "client" being the good one). */
export function tlsEngine(certDir = 'client', host = remote.tlsHost): DockerodeEngine {
  const env = { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: path.join(remoteDir, 'certs', certDir) };
  return new DockerodeEngine(resolveConnection({ setting: host, env, readFile: () => undefined }));
}

/** An engine over ssh with one of the test's ssh config files ("config" being the good one). */
export function sshEngine(configName = 'config', host = remote.sshHost): DockerodeEngine {
  return new DockerodeEngine(resolveConnection({ setting: host, env: {}, readFile: () => undefined, sshConfigFile: path.join(remote.sshDir, configName) }));
}

/** ssh://root@127.0.0.1:PORT of the test sshd's second port, where commands find no docker. */
export function sshHostWithoutDocker(): string {
  const state = JSON.parse(fs.readFileSync(path.join(remoteDir, 'state.json'), 'utf8')) as { sshNoDockerPort: number };
  return `ssh://root@127.0.0.1:${state.sshNoDockerPort}`;
}

/** A program with extra environment, without blocking this process (an ssh tunnel of this process must answer). */
export async function runWith(env: Record<string, string>, program: string, ...args: string[]): Promise<string> {
  const result = await promisify(execFile)(program, args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return result.stdout.trim();
}

/** The reason of a failed call (the EngineError's message), or "no error". */
export async function failureOf(call: () => Promise<unknown>): Promise<{ failure: string; message: string }> {
  try {
    await call();
    return { failure: 'none', message: 'no error' };
  } catch (error) {
    return { failure: (error as { failure?: string }).failure ?? 'none', message: (error as Error).message };
  }
}

/**
 * The behaviour every remote engine must show, as a local one does. `cli(...args)` runs the docker CLI against the
 * same engine by the test's own means (not the extension's), to make and check containers.
 */
export function behavesLikeALocalEngine(kind: string, makeEngine: () => DockerodeEngine, cli: (...args: string[]) => Promise<string>): void {
  const name = `dw-remote-${kind}-logs`;
  const label = `dw.test=remote-${kind}`;
  let engine: DockerodeEngine;

  before(async () => {
    engine = makeEngine();
    const left = (await cli('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter(Boolean);
    if (left.length) await cli('rm', '-f', ...left);
    await cli('run', '-d', '--name', name, '--label', label, '--network', 'none', TEST_IMAGE, 'sh', '-c', `echo hello over ${kind}; sleep 600`);
  });

  after(async () => {
    engine.dispose();
    const left = (await cli('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter(Boolean);
    if (left.length) await cli('rm', '-f', ...left);
  });

  it('lists the container with its name, image and state', async () => {
    const ours = (await engine.listContainers()).filter((c) => c.labels['dw.test'] === `remote-${kind}`);
    assert.deepStrictEqual(ours.map((c) => ({ name: c.name, image: c.image, state: c.state })), [{ name, image: TEST_IMAGE, state: 'running' }]);
  });

  it('lists the test image', async () => {
    assert.ok((await engine.listImages()).some((i) => i.repoTags.includes(TEST_IMAGE)), `${TEST_IMAGE} is listed`);
  });

  it('inspects the container', async () => {
    const inspected = JSON.parse(await engine.inspect('container', name)) as { Name: string; Config: { Labels: Record<string, string> } };
    assert.deepStrictEqual([inspected.Name, inspected.Config.Labels['dw.test']], [`/${name}`, `remote-${kind}`]);
  });

  it('follows the logs as they are written', async () => {
    let text = '';
    let ended: Error | undefined | 'no' = 'no';
    const logs = await engine.followLogs(name, { timestamps: false, tail: 100 }, (t) => (text += t), (e) => (ended = e));
    try {
      await waitFor('the first log line', () => text.includes(`hello over ${kind}\n`));
      await cli('exec', name, 'sh', '-c', 'echo second line >/proc/1/fd/1');
      await waitFor('the line written later', () => text.includes('second line\n'));
      assert.strictEqual(text, `hello over ${kind}\nsecond line\n`);
      assert.strictEqual(ended, 'no');
    } finally {
      logs.dispose();
    }
  });

  it('follows the stats', async () => {
    const samples: ContainerStats[] = [];
    const stats = await engine.followStats(name, (s) => samples.push(s), () => undefined);
    try {
      await waitFor('two stats samples', () => samples.length >= 2);
      // The container's sleep (busybox's sh runs the last command of -c in its own place).
      assert.strictEqual(samples[1].pids, 1);
    } finally {
      stats.dispose();
    }
  });

  it('sends the events of the engine', async () => {
    const events: EngineEvent[] = [];
    const subscription = await engine.events({ onEvent: (e) => events.push(e), onEnd: () => undefined });
    try {
      await cli('create', '--name', `${name}-event`, '--label', label, TEST_IMAGE, 'true');
      const created = await waitFor('the create event', () => events.find((e) => e.type === 'container' && e.action === 'create'));
      assert.strictEqual(created.attributes.name, `${name}-event`);
    } finally {
      subscription.dispose();
    }
  });

  it('gives the docker CLI the environment to reach it: exec in the container', async () => {
    assert.strictEqual(await runWith(engine.cliEnv(), 'docker', 'exec', '--', name, 'echo', `exec over ${kind}`), `exec over ${kind}`);
  });

  it('gives docker-compose the environment to reach it: up and down', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-remote-compose-'));
    const project = `dwremote${kind}`;
    const file = path.join(folder, 'compose.yml');
    fs.writeFileSync(file, `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: sleep 600\n    network_mode: none\n    labels:\n      dw.test: remote-${kind}\n`);
    try {
      await runWith(engine.cliEnv(), 'docker-compose', '-f', file, '-p', project, 'up', '-d');
      const up = (await engine.listContainers()).filter((c) => c.composeProject === project);
      assert.deepStrictEqual(up.map((c) => [c.name, c.composeService, c.state]), [[`${project}_web_1`, 'web', 'running']]);
      await runWith(engine.cliEnv(), 'docker-compose', '-f', file, '-p', project, 'down', '-t', '0');
      assert.deepStrictEqual((await engine.listContainers()).filter((c) => c.composeProject === project), []);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
}
