// The Contexts view against the real docker CLI and the test engine: contexts made outside VS Code appear without a
// refresh, Create, Use (the views, the status bar and the containers follow), Inspect and Remove (asking first).
// The suite runs in the extension host's process: DOCKER_CONFIG points at a temporary folder for these tests only,
// and DOCKER_HOST (which wins over contexts) is taken away while a context is used; both are restored after.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { ENDPOINT_KINDS } from '../../client/src/engine/contexts';
import type { ContextNode } from '../../client/src/tree/contextNodes';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const CTX = 'dw-suite.ctx+1';
const MADE = 'dw-made';
const PROBE = 'dw-ctx-probe';

async function row(api: ExtensionApi, name: string): Promise<ContextNode | undefined> {
  return (await api.views.contexts.rows()).find((r) => r.context.name === name);
}

function lastShown(api: ExtensionApi): { kind: string; message: string } | undefined {
  return api.shownMessages().at(-1);
}

describe('Contexts view', () => {
  let api: ExtensionApi;
  let configDir: string;
  const saved = { DOCKER_CONFIG: process.env.DOCKER_CONFIG, DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONTEXT: process.env.DOCKER_CONTEXT };
  const engineHost = process.env.DOCKER_HOST ?? '';

  function restoreEnv(): void {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }

  before(async () => {
    assert.match(engineHost, /^unix:\/\/\//, 'the test run sets DOCKER_HOST to the test engine socket');
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.contexts.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-contexts-'));
    process.env.DOCKER_CONFIG = configDir;
    delete process.env.DOCKER_CONTEXT;
    await vscode.commands.executeCommand('dockerWorkflows.contexts.refresh');
    try {
      docker('rm', '-f', PROBE);
    } catch {
      // Not there.
    }
    docker('create', '--name', PROBE, '--label', 'dw.test=vscode-contexts', TEST_IMAGE, 'sleep', '1');
  });

  after(async () => {
    restoreEnv();
    try {
      docker('rm', '-f', PROBE);
    } catch {
      // Already gone.
    }
    await vscode.commands.executeCommand('dockerWorkflows.engine.retry');
    await vscode.commands.executeCommand('dockerWorkflows.contexts.refresh');
    fs.rmSync(configDir, { recursive: true, force: true });
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
  });

  it('lists default as current and says DOCKER_HOST chooses the engine', async () => {
    const rows = await api.views.contexts.rows();
    assert.deepStrictEqual(
      rows.map((r) => [r.label, r.description]),
      [['default', `${engineHost} · current`]],
    );
    assert.strictEqual(api.views.contexts.message(), `The views use ${engineHost}: DOCKER_HOST is set, so the context is not used.`);
  });

  it('shows a context created with the docker CLI without a refresh', async () => {
    docker('context', 'create', '--description', 'made by the suite', '--docker', `host=${engineHost}`, '--', CTX);
    const created = await waitFor('the new context row', () => row(api, CTX), 5_000);
    assert.strictEqual(created.description, engineHost);
    assert.strictEqual(created.contextValue, 'context');
    assert.match(created.tooltip, /made by the suite/);
  });

  it('creates a context through its prompts, refusing a bad name, and follows a removal made outside', async () => {
    api.answerNextPrompts('-bad');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.create'), undefined);
    assert.deepStrictEqual(lastShown(api), {
      kind: 'error',
      message: 'A context name starts with a letter or digit, followed by at least one letter, digit, "_", ".", "+" or "-".',
    });
    const unix = ENDPOINT_KINDS.find((k) => k.kind === 'unix')!.label;
    api.answerNextPrompts(MADE, unix, engineHost, 'typed in');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.create'), MADE);
    assert.strictEqual(JSON.parse(docker('context', 'inspect', '--', MADE))[0].Endpoints.docker.Host, engineHost);
    assert.strictEqual((await waitFor('the created row', () => row(api, MADE))).context.description, 'typed in');
    docker('context', 'rm', '--', MADE);
    await waitFor('the row to go', async () => (await row(api, MADE)) === undefined, 5_000);
  });

  it('uses a context: the CLI switches, and once DOCKER_HOST is out of the way the views follow it', async () => {
    // With DOCKER_HOST set the CLI switches but the views stay on DOCKER_HOST, and the user is told so.
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.use', await row(api, CTX)), CTX);
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')).currentContext, CTX);
    assert.deepStrictEqual(lastShown(api), {
      kind: 'info',
      message: `The docker CLI now uses the context ${CTX}. The views use ${engineHost}: DOCKER_HOST is set, so the context is not used.`,
    });
    await waitFor('the current mark', async () => (await row(api, CTX))?.description === `${engineHost} · current`);

    delete process.env.DOCKER_HOST;
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.use', await row(api, CTX)), CTX);
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    assert.strictEqual(api.views.contexts.message(), `The views use the context "${CTX}" (${engineHost}), the docker CLI's current context.`);
    const used = await row(api, CTX);
    assert.strictEqual(used?.description, `${engineHost} · current · used by the views`);
    assert.strictEqual(used?.contextValue, 'context.current.inUse');
    assert.match(api.engineStatus().tooltip, new RegExp(`address from the docker context "${CTX.replace(/[.+]/g, '\\$&')}"`));
    // A click on the status-bar item offers the contexts to switch to (it retries only while the engine is down).
    assert.strictEqual(api.engineStatus().command, 'dockerWorkflows.contexts.use');
    api.answerNextPrompts('default');
    assert.strictEqual(await vscode.commands.executeCommand(api.engineStatus().command), 'default');
    await waitFor('the default context', () => api.containers.state().kind !== 'up' || api.views.contexts.message().includes('"default"'));
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.use', await row(api, CTX)), CTX);
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    await waitFor('the containers of the test engine', async () => (await api.containers.rows()).some((r) => r.label === PROBE));
  });

  it('inspects a context as a read-only JSON document', async () => {
    const document = (await vscode.commands.executeCommand('dockerWorkflows.contexts.inspect', await row(api, CTX))) as vscode.TextDocument;
    assert.strictEqual(document.languageId, 'json');
    assert.strictEqual(document.uri.scheme, 'docker-context');
    const [inspected] = JSON.parse(document.getText());
    assert.strictEqual(inspected.Name, CTX);
    assert.strictEqual(inspected.Endpoints.docker.Host, engineHost);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('refuses to remove default and the context in use; asks before removing another', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.remove', await row(api, 'default')), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'The default context cannot be removed: it is the engine the docker CLI uses without a context.' });
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.remove', await row(api, CTX)), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: `The context ${CTX} is the docker CLI's current context and cannot be removed: use another context first.` });

    // Back to DOCKER_HOST and the default context; then CTX can go.
    process.env.DOCKER_HOST = engineHost;
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.use', await row(api, 'default')), 'default');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    assert.strictEqual(api.views.contexts.message(), `The views use ${engineHost}: DOCKER_HOST is set, so the context is not used.`);

    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.remove', await row(api, CTX)), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `Remove the docker context ${CTX}?` });
    assert.ok(await row(api, CTX), 'cancelling keeps the context');

    api.answerNextPrompts('Remove');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.contexts.remove', await row(api, CTX)), CTX);
    assert.deepStrictEqual(
      docker('context', 'ls', '--format', '{{.Name}}').split('\n'),
      ['default'],
    );
    await waitFor('the row to go', async () => (await row(api, CTX)) === undefined);
  });
});
