// Restart, pause, unpause and kill on rows of the Containers view, and the Refresh buttons of every view.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { ContainerRowNode } from '../../client/src/tree/containerNodes';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const LABEL = 'dw.test=vscode-lifecycle';
const NAME = 'dw-life-a';

describe('Container lifecycle commands on a row', () => {
  let api: ExtensionApi;
  const row = async () => (await api.containers.rows()).find((r): r is ContainerRowNode => r.kind === 'container' && r.label === NAME);
  const state = async () => (await row())?.contextValue;
  const run = (command: string) => async () => vscode.commands.executeCommand<string[]>(`dockerWorkflows.containers.${command}`, await row());

  before(async () => {
    docker('run', '-d', '--name', NAME, '--label', LABEL, TEST_IMAGE, 'sleep', '3600');
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the row', row);
  });

  after(() => {
    const ours = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
    if (ours.length) docker('rm', '-f', ...ours);
  });

  it('pauses a running container, and unpauses it', async () => {
    assert.deepStrictEqual(await run('pause')(), [NAME]);
    assert.strictEqual(docker('inspect', '-f', '{{.State.Status}}', NAME), 'paused');
    await waitFor('a paused row', async () => (await state()) === 'container.paused');
    assert.deepStrictEqual(await run('unpause')(), [NAME]);
    assert.strictEqual(docker('inspect', '-f', '{{.State.Status}}', NAME), 'running');
    await waitFor('a running row', async () => (await state()) === 'container.running');
  });

  it('restarts a container: it runs again, started anew', async () => {
    const before = docker('inspect', '-f', '{{.State.StartedAt}}', NAME);
    assert.deepStrictEqual(await run('restart')(), [NAME]);
    assert.notStrictEqual(docker('inspect', '-f', '{{.State.StartedAt}}', NAME), before);
    assert.strictEqual(docker('inspect', '-f', '{{.State.Status}}', NAME), 'running');
  });

  it('kills a running container: it exits with SIGKILL', async () => {
    assert.deepStrictEqual(await run('kill')(), [NAME]);
    assert.deepStrictEqual(docker('inspect', '-f', '{{.State.Status}} {{.State.ExitCode}}', NAME), 'exited 137');
    await waitFor('an exited row', async () => (await state()) === 'container.exited');
  });

  it('Refresh reads every view again and keeps what the engine has', async () => {
    for (const view of ['containers', 'images', 'volumes', 'networks']) await vscode.commands.executeCommand(`dockerWorkflows.${view}.refresh`);
    assert.strictEqual(await state(), 'container.exited');
    const groups = await api.views.images.rows();
    assert.ok(groups.some((g) => g.label === 'dw-test/busybox'));
    assert.deepStrictEqual((await api.views.networks.rows()).filter((n) => n.kind === 'network' && n.predefined).map((n) => n.label), ['bridge', 'host', 'none']);
  });
});
