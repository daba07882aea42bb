import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { activateExtension, messagesAfterNow, waitFor } from './helpers';

const DEAD_SOCKET = `/tmp/dw-no-engine-${process.pid}/docker.sock`;
const DEAD_MESSAGE = `Cannot reach the Docker engine at unix://${DEAD_SOCKET}: the socket does not exist (is the Docker engine running?)`;

describe('an engine that cannot be reached', () => {
  let api: ExtensionApi;
  const realHost = process.env.DOCKER_HOST;

  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
  });

  afterEach(async () => {
    process.env.DOCKER_HOST = realHost;
    await vscode.workspace.getConfiguration('docker-workflows').update('host', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('dockerWorkflows.engine.retry');
    await waitFor('the engine to be back', () => api.containers.state().kind === 'up');
  });

  it('a dead DOCKER_HOST shows the welcome message with endpoint and reason, not an error popup', async () => {
    const since = messagesAfterNow(api); // messages of the suite's earlier files are not this test's
    process.env.DOCKER_HOST = `unix://${DEAD_SOCKET}`;
    await vscode.commands.executeCommand('dockerWorkflows.engine.retry');
    await waitFor('the engine-down message', () => api.containers.problem() === DEAD_MESSAGE);
    assert.strictEqual(api.containers.state().kind, 'down');
    // The view's description and the status bar name the endpoint and the reason; its welcome message
    // (with Retry) gives the advice.
    assert.strictEqual(api.containers.endpoint(), `unix://${DEAD_SOCKET}: the socket does not exist (is the Docker engine running?)`);
    assert.deepStrictEqual(api.engineStatus(), {
      text: `$(debug-disconnect) Docker: unix://${DEAD_SOCKET}`,
      tooltip: `${DEAD_MESSAGE}\n\nAddress from DOCKER_HOST. Click to retry.`,
      command: 'dockerWorkflows.engine.retry',
    });
    assert.deepStrictEqual(await api.containers.rows(), []);
    assert.deepStrictEqual(since().filter((m) => m.kind === 'error'), []);
  });

  it('the docker-workflows.host setting takes effect at once, and the view recovers when it is cleared', async () => {
    const since = messagesAfterNow(api);
    await vscode.workspace.getConfiguration('docker-workflows').update('host', `unix://${DEAD_SOCKET}`, vscode.ConfigurationTarget.Global);
    await waitFor('the engine-down message', () => api.containers.problem() === DEAD_MESSAGE);
    await vscode.workspace.getConfiguration('docker-workflows').update('host', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the engine to be back', () => api.containers.state().kind === 'up');
    assert.strictEqual(api.containers.problem(), undefined);
    assert.deepStrictEqual(since().filter((m) => m.kind === 'error'), []);
  });
});
