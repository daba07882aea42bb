// Build Image: `docker build` of a Dockerfile run as a task, with the tag the user gives; paths full of shell
// syntax reach docker unchanged; the context follows docker-workflows.build.context.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { activateExtension, docker, TEST_IMAGE, waitFor, workspaceFile } from './helpers';

const TAGS = ['dw-build/spaced:1', 'dw-build/context:1', 'dw-build/editor:1', 'dw-build/broken:1'];

describe('Build Image from a Dockerfile', () => {
  let api: ExtensionApi;
  // A space, a quote and a command substitution: all must reach docker as they are.
  const folder = workspaceFile(`dw build's "app" $(touch nope)`);
  const nested = workspaceFile('dw-build-nested/service');

  const write = (uri: vscode.Uri, text: string) => {
    fs.mkdirSync(vscode.Uri.joinPath(uri, '..').fsPath, { recursive: true });
    fs.writeFileSync(uri.fsPath, text);
  };
  const imageExists = (tag: string) => docker('images', '-q', tag) !== '';
  const lastMessage = () => api.shownMessages().at(-1);

  before(async () => {
    api = await activateExtension();
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    write(vscode.Uri.joinPath(folder, 'Dockerfile'), `FROM ${TEST_IMAGE}\nCOPY ["hello world.txt", "/hello.txt"]\nCMD ["cat", "/hello.txt"]\n`);
    write(vscode.Uri.joinPath(folder, 'hello world.txt'), 'built from a folder with a quote\n');
  });

  after(async () => {
    for (const tag of TAGS) if (imageExists(tag)) docker('rmi', '-f', tag);
    await vscode.workspace.getConfiguration('docker-workflows').update('build.context', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const dir of [folder, workspaceFile('dw-build-nested'), workspaceFile('dw-build-root.txt'), workspaceFile('dw-build-editor')]) {
      fs.rmSync(dir.fsPath, { recursive: true, force: true });
    }
  });

  it('builds the Dockerfile of an explorer menu with the tag given, from a path with a space, a quote and $(...)', async () => {
    api.answerNextPrompts('dw-build/spaced:1');
    const exitCode = await vscode.commands.executeCommand('dockerWorkflows.images.build', vscode.Uri.joinPath(folder, 'Dockerfile'));
    assert.strictEqual(exitCode, 0);
    assert.deepStrictEqual(api.shownMessages().slice(-2), [
      { kind: 'input', message: `Tag of the image built from dw build's "app" $(touch nope)/Dockerfile` },
      { kind: 'info', message: 'Built dw-build/spaced:1' },
    ]);
    assert.strictEqual(docker('run', '--rm', 'dw-build/spaced:1'), 'built from a folder with a quote');
    // Nothing ran the $(...) in a shell.
    assert.ok(!fs.existsSync(workspaceFile('nope').fsPath));
    assert.ok(!fs.existsSync(vscode.Uri.joinPath(folder, 'nope').fsPath));
    const task = vscode.window.terminals.find((t) => t.name.includes('Build: dw-build/spaced:1'));
    assert.ok(task, `a terminal of the build task among ${vscode.window.terminals.map((t) => t.name).join(', ')}`);
  });

  it('uses the workspace folder as the context when docker-workflows.build.context says so', async () => {
    write(workspaceFile('dw-build-root.txt'), 'from the workspace root\n');
    write(vscode.Uri.joinPath(nested, 'Dockerfile'), `FROM ${TEST_IMAGE}\nCOPY dw-build-root.txt /root.txt\nCMD ["cat", "/root.txt"]\n`);
    await vscode.workspace.getConfiguration('docker-workflows').update('build.context', 'workspaceFolder', vscode.ConfigurationTarget.Workspace);
    api.answerNextPrompts('dw-build/context:1');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.build', vscode.Uri.joinPath(nested, 'Dockerfile')), 0);
    assert.strictEqual(docker('run', '--rm', 'dw-build/context:1'), 'from the workspace root');
    // With the Dockerfile's folder as the context, the file at the root is out of reach: the build fails.
    await vscode.workspace.getConfiguration('docker-workflows').update('build.context', 'dockerfileFolder', vscode.ConfigurationTarget.Workspace);
    api.answerNextPrompts('dw-build/broken:1');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.build', vscode.Uri.joinPath(nested, 'Dockerfile')), 1);
    assert.deepStrictEqual(lastMessage(), { kind: 'error', message: 'Building dw-build/broken:1 failed (exit code 1); the terminal shows why.' });
    assert.ok(!imageExists('dw-build/broken:1'));
  });

  it('builds the Dockerfile of the active editor, saving its unsaved changes first', async () => {
    const file = workspaceFile('dw-build-editor/Dockerfile');
    write(file, `FROM ${TEST_IMAGE}\nCMD ["echo", "saved"]\n`);
    const editor = await vscode.window.showTextDocument(file);
    await editor.edit((edit) => edit.replace(new vscode.Range(1, 0, 1, 100), 'CMD ["echo", "unsaved edit"]'));
    assert.ok(editor.document.isDirty);
    api.answerNextPrompts('dw-build/editor:1');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.build'), 0);
    assert.ok(!editor.document.isDirty);
    assert.strictEqual(docker('run', '--rm', 'dw-build/editor:1'), 'unsaved edit');
  });

  it('refuses an invalid tag in plain words and builds nothing', async () => {
    api.answerNextPrompts('Dw-Build/Spaced');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.build', vscode.Uri.joinPath(folder, 'Dockerfile')), undefined);
    assert.deepStrictEqual(lastMessage(), { kind: 'error', message: 'Not a valid image name: repository names must be lower case.' });
  });

  it('asks for a Dockerfile when there is none to build', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.build'), undefined);
    assert.deepStrictEqual(lastMessage(), { kind: 'error', message: 'Choose a Dockerfile (right-click it in the explorer, or open it in the editor).' });
  });
});
