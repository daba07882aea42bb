// The views against the remote engines the test run started (test/support/remoteEngines.ts): the TLS dockerd on
// 127.0.0.1 (by the setting with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, and by a docker context with its TLS files) and
// the SSH engine (by the setting, with docker-workflows.ssh.configFile). A refused certificate and an unknown host key
// are shown in plain words; a TLS engine that stops and comes back is followed without a click.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { startTlsEngine, stopTlsEngine } from '../support/remoteEngines';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the test run starts the remote engines (scripts/test.sh)`);
  return value;
}

const TLS_HOST = required('DW_TLS_HOST');
const TLS_CERTS = required('DW_TLS_CERTS');
const SSH_HOST = required('DW_SSH_HOST');
const SSH_CONFIG = required('DW_SSH_CONFIG');
const SSH_DIR = required('DW_SSH_DIR');
const REMOTE_DIR = path.dirname(required('DW_TLS_DIR'));
const ON_TLS = 'dw-suite-remote-tls';
const ON_SSH = 'dw-suite-remote-ssh';
const LABEL = 'dw.test=vscode-remote';

/** The docker CLI against the TLS engine. */
function tlsDocker(...args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: TLS_HOST, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: TLS_CERTS },
  }).trim();
}

const settings = () => vscode.workspace.getConfiguration('docker-workflows');

describe('remote engines in the views', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  const saved = { DOCKER_TLS_VERIFY: process.env.DOCKER_TLS_VERIFY, DOCKER_CERT_PATH: process.env.DOCKER_CERT_PATH, DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: process.env.DOCKER_CONFIG, DOCKER_CONTEXT: process.env.DOCKER_CONTEXT };

  const names = async () => (await api.containers.rows()).map((r) => r.label);
  async function useHost(host: string | undefined): Promise<void> {
    await settings().update('host', host, vscode.ConfigurationTarget.Global);
  }

  /** Open Shell on the row of `name`; what is typed runs in the container (read back with `cli`). */
  async function shellWorks(name: string, cli: (...args: string[]) => string): Promise<void> {
    const row = (await api.containers.rows()).find((r) => r.label === name);
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('dockerWorkflows.containers.shell', row);
    assert.strictEqual(terminal.name, `Shell: ${name}`);
    try {
      terminal.sendText(`echo typed-over-${name} > /tmp/dw-remote-shell.txt`);
      const written = await waitFor('the command to run in the container', () => {
        try {
          return cli('exec', name, 'cat', '/tmp/dw-remote-shell.txt') || undefined;
        } catch {
          return undefined;
        }
      }, 20_000);
      assert.strictEqual(written, `typed-over-${name}`);
    } finally {
      terminal.dispose();
    }
  }

  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    for (const [cli, name] of [[tlsDocker, ON_TLS], [docker, ON_SSH]] as const) {
      try {
        cli('rm', '-f', name);
      } catch {
        // Not there.
      }
      cli('run', '-d', '--name', name, '--label', LABEL, '--network', 'none', TEST_IMAGE, 'sleep', '600');
    }
  });

  after(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await settings().update('ssh.configFile', undefined, vscode.ConfigurationTarget.Global);
    await useHost(undefined);
    await startTlsEngine(REMOTE_DIR);
    tlsDocker('rm', '-f', ON_TLS);
    docker('rm', '-f', ON_SSH);
    await vscode.commands.executeCommand('dockerWorkflows.engine.retry');
    await waitFor('the test engine again', () => api.containers.state().kind === 'up' && api.containers.endpoint() === process.env.DOCKER_HOST, 30_000);
  });

  it('TLS by the setting: the views show the TLS engine, a shell opens in its container, and the views follow it when it stops and comes back', async () => {
    process.env.DOCKER_TLS_VERIFY = '1';
    process.env.DOCKER_CERT_PATH = TLS_CERTS;
    await useHost(TLS_HOST);
    await waitFor('the TLS engine in the view', async () => api.containers.state().kind === 'up' && (await names()).includes(ON_TLS), 30_000);
    assert.strictEqual(api.containers.endpoint(), TLS_HOST);
    assert.ok(!(await names()).includes(ON_SSH), 'the test engine behind DOCKER_HOST is not shown');
    await shellWorks(ON_TLS, tlsDocker);

    await stopTlsEngine(REMOTE_DIR);
    const refused = `Cannot reach the Docker engine at ${TLS_HOST}: the connection was refused (is the Docker engine running?)`;
    await waitFor('the view to say the engine is gone', () => api.containers.problem() === refused, 30_000);
    assert.deepStrictEqual(await api.containers.rows(), []);
    await startTlsEngine(REMOTE_DIR);
    // No click: the view reconnects by itself.
    await waitFor('the view to come back by itself', async () => api.containers.state().kind === 'up' && (await names()).includes(ON_TLS), 30_000);
  });

  it('TLS with an expired client certificate: the reason in plain words', async () => {
    process.env.DOCKER_CERT_PATH = path.join(REMOTE_DIR, 'certs', 'expired-client');
    await vscode.commands.executeCommand('dockerWorkflows.engine.retry');
    const reason = 'the engine refused the client certificate (cert.pem): it is not signed by the CA the engine trusts, or it has expired';
    await waitFor('the certificate message', () => api.containers.problem() === `Cannot reach the Docker engine at ${TLS_HOST}: ${reason}`, 30_000);
    assert.strictEqual(api.containers.endpoint(), `${TLS_HOST}: ${reason}`);
    process.env.DOCKER_CERT_PATH = TLS_CERTS;
  });

  it('TLS by a docker context with its TLS files', async () => {
    const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-remote-contexts-'));
    try {
      process.env.DOCKER_CONFIG = configDir;
      const files = (name: string) => path.join(TLS_CERTS, name);
      docker('context', 'create', '--docker', `host=${TLS_HOST},ca=${files('ca.pem')},cert=${files('cert.pem')},key=${files('key.pem')}`, '--', 'dw-remote-tls');
      // The context alone chooses: no setting, no DOCKER_HOST, no TLS variables.
      delete process.env.DOCKER_HOST;
      delete process.env.DOCKER_TLS_VERIFY;
      delete process.env.DOCKER_CERT_PATH;
      process.env.DOCKER_CONTEXT = 'dw-remote-tls';
      await useHost(undefined);
      await vscode.commands.executeCommand('dockerWorkflows.engine.retry');
      await waitFor('the TLS engine by the context', async () => api.containers.state().kind === 'up' && (await names()).includes(ON_TLS), 30_000);
      assert.strictEqual(api.containers.endpoint(), TLS_HOST);
    } finally {
      process.env.DOCKER_HOST = saved.DOCKER_HOST;
      if (saved.DOCKER_CONFIG === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved.DOCKER_CONFIG;
      delete process.env.DOCKER_CONTEXT;
      fs.rmSync(configDir, { recursive: true, force: true });
    }
  });

  it('SSH by the setting, with the ssh config file of the setting: the views and a shell', async () => {
    await settings().update('ssh.configFile', SSH_CONFIG, vscode.ConfigurationTarget.Global);
    await useHost(SSH_HOST);
    await waitFor('the SSH engine in the view', async () => api.containers.state().kind === 'up' && (await names()).includes(ON_SSH), 30_000).catch((error: Error) => {
      throw new Error(`${error.message} (the view shows ${api.containers.endpoint()}; config file ${settings().get('ssh.configFile')})`);
    });
    assert.strictEqual(api.containers.endpoint(), SSH_HOST);
    assert.ok(!(await names()).includes(ON_TLS), 'the TLS engine is not shown');
    // The terminal's docker CLI goes through the extension's local socket, over the same ssh settings.
    await shellWorks(ON_SSH, docker);
  });

  it('SSH with a host key that is not known: the reason in plain words', async () => {
    await settings().update('ssh.configFile', path.join(SSH_DIR, 'config-unknown-host'), vscode.ConfigurationTarget.Global);
    const reason =
      "the server's host key is not in known_hosts yet: connect once with ssh in a terminal, check the key and accept it (the extension never accepts a key by itself)";
    await waitFor('the host key message', () => api.containers.problem() === `Cannot reach the Docker engine at ${SSH_HOST}: ${reason}`, 30_000);
    assert.deepStrictEqual(await api.containers.rows(), []);
  });
});
