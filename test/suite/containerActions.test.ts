import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { ContainerNodeModel } from '../../client/src/tree/containerNodes';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const LABEL = 'dw.test=vscode-actions';

async function row(api: ExtensionApi, name: string): Promise<ContainerNodeModel | undefined> {
  return (await api.containers.rows()).find((r) => r.label === name);
}

describe('Container commands on tree nodes', () => {
  let api: ExtensionApi;

  before(async () => {
    for (const name of ['dw-act-a', 'dw-act-b']) docker('run', '-d', '--name', name, '--label', LABEL, TEST_IMAGE, 'sleep', '3600');
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('both rows', async () => (await row(api, 'dw-act-a')) && (await row(api, 'dw-act-b')));
  });

  after(() => {
    const ours = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
    if (ours.length) docker('rm', '-f', ...ours);
  });

  it('stops every container of a multi-selection, and the rows show them exited', async () => {
    const a = (await row(api, 'dw-act-a'))!;
    const b = (await row(api, 'dw-act-b'))!;
    const stopped = await vscode.commands.executeCommand<string[]>('dockerWorkflows.containers.stop', a, [a, b]);
    assert.deepStrictEqual(stopped, ['dw-act-a', 'dw-act-b']);
    await waitFor('exited rows', async () => (await row(api, 'dw-act-a'))?.contextValue === 'container.exited' && (await row(api, 'dw-act-b'))?.contextValue === 'container.exited');
  });

  it('starts a stopped container from its row', async () => {
    const started = await vscode.commands.executeCommand<string[]>('dockerWorkflows.containers.start', await row(api, 'dw-act-a'));
    assert.deepStrictEqual(started, ['dw-act-a']);
    await waitFor('a running row', async () => (await row(api, 'dw-act-a'))?.contextValue === 'container.running');
  });

  it('copies the id and the name of a container', async () => {
    const a = await row(api, 'dw-act-a');
    const id = docker('inspect', '-f', '{{.Id}}', 'dw-act-a');
    await vscode.commands.executeCommand('dockerWorkflows.containers.copyId', a);
    assert.strictEqual(await vscode.env.clipboard.readText(), id);
    await vscode.commands.executeCommand('dockerWorkflows.containers.copyName', a);
    assert.strictEqual(await vscode.env.clipboard.readText(), 'dw-act-a');
  });

  it('inspects a container as a read-only JSON document', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('dockerWorkflows.containers.inspect', await row(api, 'dw-act-a'));
    assert.strictEqual(document.uri.scheme, 'docker-inspect');
    assert.strictEqual(document.languageId, 'json');
    const inspected = JSON.parse(document.getText()) as { Id: string; Name: string; Config: { Image: string } };
    assert.deepStrictEqual([inspected.Id, inspected.Name, inspected.Config.Image], [docker('inspect', '-f', '{{.Id}}', 'dw-act-a'), '/dw-act-a', TEST_IMAGE]);
  });

  it('opens the logs of a container in a terminal named after it', async () => {
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('dockerWorkflows.containers.logs', await row(api, 'dw-act-a'));
    assert.strictEqual(terminal.name, 'Logs: dw-act-a');
    assert.ok(vscode.window.terminals.includes(terminal));
    terminal.dispose();
  });

  it('opens a shell inside a running container', async () => {
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('dockerWorkflows.containers.shell', await row(api, 'dw-act-a'));
    assert.strictEqual(terminal.name, 'Shell: dw-act-a');
    try {
      terminal.sendText('echo typed-in-the-shell > /tmp/dw-shell.txt');
      const written = await waitFor('the command to run in the container', () => {
        try {
          return docker('exec', 'dw-act-a', 'cat', '/tmp/dw-shell.txt') || undefined;
        } catch {
          return undefined;
        }
      }, 20_000);
      assert.strictEqual(written, 'typed-in-the-shell');
    } finally {
      terminal.dispose();
    }
  });

  it('asks before removing, and removes a running container only with Force Remove', async () => {
    api.answerNextPrompts(undefined);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.remove', await row(api, 'dw-act-a')), []);
    assert.strictEqual(api.shownMessages().at(-1)?.message, 'Remove the container dw-act-a?');
    assert.strictEqual(docker('inspect', '-f', '{{.State.Status}}', 'dw-act-a'), 'running');
    api.answerNextPrompts('Force Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.remove', await row(api, 'dw-act-a')), ['dw-act-a']);
    await waitFor('the row to go', async () => (await row(api, 'dw-act-a')) === undefined);
  });
});
