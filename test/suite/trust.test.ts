// Workspace trust and the engine (issue 12). In a trusted workspace a workspace value of docker-workflows.host chooses
// the engine, but Pull sends that engine none of the user's saved registry credentials unless the user chose the
// same engine themselves. In Restricted Mode (run the suite with workspace trust enabled and the folder untrusted)
// the workspace's value is ignored and the status bar says so.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { ANONYMOUS_PULL_NOTE } from '../../client/src/commands/images/pull';
import { ANONYMOUS_PUSH_NOTE } from '../../client/src/commands/images/push';
import { startRegistry, type Registry } from '../support/registry';
import { activateExtension, docker, engineProduct, TEST_IMAGE, waitFor } from './helpers';

const USER = 'dw-trust-user';
const PASSWORD = 'dw-trust-secret';
const config = () => vscode.workspace.getConfiguration('docker-workflows');
const realHost = process.env.DOCKER_HOST ?? '';

/** The test engine's socket, from DOCKER_HOST (unix:///.../docker.sock). */
function engineSocket(): string {
  assert.match(realHost, /^unix:\/\//, 'the test run gives the engine as a unix socket');
  return realHost.slice('unix://'.length);
}

async function backToTheUsersEngine(api: ExtensionApi): Promise<void> {
  await config().update('host', undefined, vscode.ConfigurationTarget.Workspace);
  await config().update('host', undefined, vscode.ConfigurationTarget.Global);
  await waitFor('the engine of DOCKER_HOST', () => api.containers.state().kind === 'up' && api.containers.endpoint() === realHost, 20_000);
}

describe('workspace trust: an engine the workspace chose', function () {
  let api: ExtensionApi;
  let registry: Registry;
  let home: string;
  let workspaceHost: string;
  let reference: string;
  const realConfig = process.env.DOCKER_CONFIG;

  before(async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    api = await activateExtension();
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    registry = await startRegistry({ credentials: { username: USER, password: PASSWORD } });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-trust-'));
    // The login `docker login` would have saved, where the extension (this process) and the CLI read it.
    const dockerConfig = path.join(home, 'config');
    fs.mkdirSync(dockerConfig);
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    fs.writeFileSync(path.join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [registry.host]: { auth } } }));
    process.env.DOCKER_CONFIG = dockerConfig;
    reference = `${registry.host}/private/busybox:1`;
    docker('tag', TEST_IMAGE, reference);
    // Not blocking this process: the registry answers from it.
    await new Promise<void>((resolve, reject) =>
      execFile('docker', ['--config', dockerConfig, 'push', reference], (error, _stdout, stderr) => (error ? reject(new Error(`docker push: ${stderr}`)) : resolve())),
    );
    docker('rmi', reference);
    // Another address of the same engine (a link to its socket): to the extension, an engine of the workspace's own.
    const link = path.join(home, 'engine.sock');
    fs.symlinkSync(engineSocket(), link);
    workspaceHost = `unix://${link}`;
  });

  after(async function () {
    if (!api) return;
    process.env.DOCKER_CONFIG = realConfig;
    if (realConfig === undefined) delete process.env.DOCKER_CONFIG;
    await backToTheUsersEngine(api);
    if (docker('images', '-q', reference)) docker('rmi', reference);
    await registry.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('connects by the workspace value and says whose setting chose the engine', async () => {
    await config().update('host', workspaceHost, vscode.ConfigurationTarget.Workspace);
    await waitFor('the workspace engine', () => api.containers.state().kind === 'up' && api.containers.endpoint() === workspaceHost, 20_000);
    const status = await waitFor('the status bar', () => {
      const shown = api.engineStatus();
      return shown.text.startsWith('$(plug)') && shown.tooltip.startsWith(`Connected to ${engineProduct()} `) && shown;
    });
    assert.strictEqual(
      status.tooltip,
      `Connected to ${engineProduct()} at ${workspaceHost} (address from this workspace's docker-workflows.host setting).\n\n` +
        "This workspace's settings chose this engine: Pull sends it none of your saved registry credentials.",
    );
  });

  it('pulls anonymously from the engine the workspace chose, and says why', async () => {
    api.answerNextPrompts(reference);
    const reason = `the registry ${registry.host} wants a login (docker login ${registry.host}), or the saved one was refused`;
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.pull'), { reference, error: reason, note: ANONYMOUS_PULL_NOTE });
    assert.deepStrictEqual(api.shownMessages().at(-1), { kind: 'error', message: `Could not pull ${reference}: ${reason}. ${ANONYMOUS_PULL_NOTE}` });
    assert.strictEqual(docker('images', '-q', reference), '');
  });

  it('pushes with a CLI that has none of the saved logins to the engine the workspace chose, and says why', async () => {
    const pushed = `${registry.host}/private/pushed:1`;
    docker('tag', TEST_IMAGE, pushed);
    try {
      const node = await waitFor('the row to push', async () => {
        const groups = await api.views.images.rows();
        return groups.flatMap((g) => (g.children ?? []) as unknown as { reference?: string }[]).find((r) => r.reference === pushed);
      });
      // The registry wants a login: without the saved one the push is refused.
      assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.push', node), 1);
      assert.deepStrictEqual(api.shownMessages().at(-1), {
        kind: 'error',
        message: `Pushing ${pushed} failed (exit code 1); the terminal shows why. ${ANONYMOUS_PUSH_NOTE}`,
      });
    } finally {
      docker('rmi', pushed);
    }
  });

  it('sends the credentials when the user chose that same engine themselves', async () => {
    await config().update('host', workspaceHost, vscode.ConfigurationTarget.Global);
    await waitFor('the status bar', () => api.engineStatus().text.startsWith('$(plug)'));
    api.answerNextPrompts(reference);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.pull'), { reference, status: `Downloaded newer image for ${reference}` });
    assert.notStrictEqual(docker('images', '-q', reference), '');
  });

  it('sends the credentials to the engine of DOCKER_HOST, even with the workspace naming it', async () => {
    docker('rmi', reference);
    await config().update('host', undefined, vscode.ConfigurationTarget.Global);
    await config().update('host', realHost, vscode.ConfigurationTarget.Workspace);
    await waitFor('the engine of DOCKER_HOST', () => api.containers.state().kind === 'up' && api.containers.endpoint() === realHost, 20_000);
    assert.strictEqual(
      await waitFor('the status bar', () => api.engineStatus().tooltip.startsWith(`Connected to ${engineProduct()} `) && api.engineStatus().tooltip),
      `Connected to ${engineProduct()} at ${realHost} (address from this workspace's docker-workflows.host setting).`,
    );
    api.answerNextPrompts(reference);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.pull'), { reference, status: `Downloaded newer image for ${reference}` });
  });
});

describe('workspace trust: Restricted Mode', function () {
  let api: ExtensionApi;

  before(async function () {
    // Only in a run with workspace trust enabled and this folder not trusted.
    if (vscode.workspace.isTrusted) this.skip();
    api = await activateExtension();
  });

  it("ignores the workspace's docker-workflows.host and says which engine it uses instead", async () => {
    const nowhere = `unix:///tmp/dw-restricted-${process.pid}/docker.sock`;
    try {
      await config().update('host', nowhere, vscode.ConfigurationTarget.Workspace);
    } catch {
      // VS Code may refuse to write a restricted setting into an untrusted workspace; the runner may have set it.
    }
    await vscode.commands.executeCommand('dockerWorkflows.engine.retry');
    await waitFor('the engine of DOCKER_HOST', () => api.containers.state().kind === 'up' && api.containers.endpoint() === realHost, 20_000);
    const status = await waitFor('the status bar', () => {
      const shown = api.engineStatus();
      return shown.text.startsWith('$(plug)') && shown;
    });
    assert.ok(status.text.endsWith(' $(workspace-untrusted)'), status.text);
    // VS Code hides a restricted setting's workspace value from extensions in Restricted Mode; where it shows it, the
    // note names it too: "docker-workflows.host (<value>)".
    const note = status.tooltip.split('\n\n').at(-1) ?? '';
    assert.match(note, /^Restricted Mode: the workspace's docker-workflows\.host( \(.*\))? is ignored; using (.*) \(address from DOCKER_HOST\)\.$/);
    assert.ok(note.endsWith(`; using ${realHost} (address from DOCKER_HOST).`), note);
    try {
      await config().update('host', undefined, vscode.ConfigurationTarget.Workspace);
    } catch {
      // As above.
    }
  });

  it('refuses to deploy a compose file of the workspace as a stack, like Compose Up', async () => {
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'compose.yaml');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.stack.deploy', file), undefined);
    assert.deepStrictEqual(api.shownMessages().at(-1), {
      kind: 'error',
      message: 'Deploying a stack runs the files of this workspace: trust the workspace first (Manage Workspace Trust).',
    });
  });
});
