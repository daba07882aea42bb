import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { activateExtension, docker, TEST_IMAGE, waitFor, workspaceFile } from './helpers';

/** The project's group row in the Containers view, with its container rows. */
async function projectRow(api: ExtensionApi, name: string): Promise<{ label: string; children?: { label: string }[] } | undefined> {
  const rows = (await api.containers.rows()) as { label: string; kind?: string; children?: { label: string }[] }[];
  return rows.find((r) => r.kind === 'project' && r.label === name);
}

describe('Compose commands on a compose file', () => {
  let api: ExtensionApi;
  // A folder name with a space and a quote: it must reach docker-compose unchanged.
  const folder = workspaceFile("my shop's app");
  const file = vscode.Uri.joinPath(folder, 'compose.yaml');
  const project = 'myshopsapp';

  before(async () => {
    api = await activateExtension();
    fs.mkdirSync(folder.fsPath, { recursive: true });
    fs.writeFileSync(file.fsPath, `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "3600"]\n  worker:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "3600"]\n`);
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
  });

  after(() => {
    const ours = docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`).split('\n').filter(Boolean);
    if (ours.length) docker('rm', '-f', ...ours);
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  });

  it('Compose Up starts the project, and the view groups its containers under it', async () => {
    const exitCode = await vscode.commands.executeCommand<number>('dockerWorkflows.compose.up', file);
    assert.strictEqual(exitCode, 0);
    const row = await waitFor('the project group', async () => {
      const found = await projectRow(api, project);
      return found?.children?.length === 2 && found;
    }, 30_000);
    assert.deepStrictEqual(row.children!.map((c) => c.label).sort(), [`${project}_web_1`, `${project}_worker_1`]);
  });

  it('Compose Down asks first: cancelling leaves the project running', async () => {
    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.compose.down', file), undefined);
    assert.strictEqual(docker('ps', '-q', '--filter', `label=com.docker.compose.project=${project}`).split('\n').filter(Boolean).length, 2);
    assert.strictEqual(api.shownMessages().at(-1)?.message, 'Stop and remove the containers and networks of this Compose project?');
  });

  it('Compose Down removes the project after the user agrees', async () => {
    api.answerNextPrompts('Down');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.compose.down', file), 0);
    await waitFor('the project group to go', async () => (await projectRow(api, project)) === undefined, 30_000);
    assert.strictEqual(docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`), '');
  });

  it('Compose Up (Choose Services…) starts only the services the user picks', async () => {
    api.answerNextPrompts(['worker']);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.compose.upServices', file), 0);
    assert.strictEqual(api.shownMessages().at(-1)?.message, 'Compose Up: choose the services to start');
    const running = docker('ps', '--format', '{{.Names}}', '--filter', `label=com.docker.compose.project=${project}`);
    assert.strictEqual(running, `${project}_worker_1`);
    api.answerNextPrompts('Down');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.compose.down', file), 0);
  });
});
