// The Files rows under containers and their commands, in the real extension host against the test engine: the
// rows of folders, opening a file (its exact text; saving writes it back; read-only for a stopped container),
// large and binary files, download, upload (asking before replacing), new folder, delete (asking), refresh, and
// a container removed meanwhile. What the container holds is checked with the docker CLI.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { formatBytes } from '../../client/src/format/text';
import type { ContainerNodeModel } from '../../client/src/tree/containerNodes';
import type { FileTreeNode } from '../../client/src/tree/fileNodes';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const LABEL = 'dw.test=vscode-files';
const WEB = 'dw-f-web';
const STOPPED = 'dw-f-stopped';
const INDEX = '<h1>docker-workflows test image</h1>\n';

function cleanUp(): void {
  const ours = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
  if (ours.length) docker('rm', '-f', ...ours);
}

function lastShown(api: ExtensionApi): { kind: string; message: string } | undefined {
  return api.shownMessages().at(-1);
}

describe('Container files', () => {
  let api: ExtensionApi;
  let local: string;

  /** The Files row of a container, once the view shows the container in `state`. */
  async function filesRow(name: string, state = 'running'): Promise<FileTreeNode> {
    const row = await waitFor(`${name} ${state}`, async () => {
      const found = (await api.containers.rows()).find((r) => r.label === name) as ContainerNodeModel | undefined;
      return found?.contextValue === `container.${state}` && found;
    });
    return row.children![0] as FileTreeNode;
  }

  async function children(node: FileTreeNode): Promise<FileTreeNode[]> {
    return (await api.containers.children(node)) as FileTreeNode[];
  }

  /** The row of an absolute path under a container's Files row, opening the folders on the way. */
  async function rowAt(name: string, file: string): Promise<FileTreeNode> {
    let node = await filesRow(name);
    for (const part of file.split('/').filter(Boolean)) {
      const next = (await children(node)).find((c) => c.label === part);
      if (!next) throw new Error(`no row ${part} under ${'path' in node ? node.path : '?'}`);
      node = next;
    }
    return node;
  }

  before(async () => {
    cleanUp();
    docker('run', '-d', '--name', WEB, '--label', LABEL, TEST_IMAGE, 'sleep', '600');
    docker('run', '--name', STOPPED, '--label', LABEL, TEST_IMAGE, 'true');
    local = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-files-suite-'));
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('docker-workflows').update('containerFiles.maxOpenSizeMiB', undefined, vscode.ConfigurationTarget.Global);
    cleanUp();
    fs.rmSync(local, { recursive: true, force: true });
  });

  it('shows a Files row under each container, its folders read when opened', async () => {
    const files = await filesRow(WEB);
    assert.deepStrictEqual([files.label, files.description, files.contextValue], ['Files', '', 'containerFiles.running']);
    const root = await children(files);
    const folders = root.filter((r) => r.kind === 'containerFolder').map((r) => r.label);
    assert.deepStrictEqual(folders, ['bin', 'dev', 'etc', 'proc', 'sys', 'tmp', 'www']);
    assert.deepStrictEqual(root.map((r) => r.label).sort(), docker('exec', WEB, 'ls', '-A', '/').split(/\s+/).sort());
    const www = await children(root.find((r) => r.label === 'www')!);
    assert.deepStrictEqual(
      www.map((r) => [r.kind, r.label, r.description, r.contextValue]),
      [['containerFile', 'index.html', '37 B', 'containerFile.running']],
    );
    const sh = (await children(root.find((r) => r.label === 'bin')!)).find((r) => r.label === 'sh')!;
    assert.deepStrictEqual([sh.kind, sh.description], ['containerFile', '→ busybox']);
    const stopped = await filesRow(STOPPED, 'exited');
    assert.deepStrictEqual([stopped.description, stopped.contextValue], ['read-only while stopped', 'containerFiles.stopped']);
  });

  it('opens a file with its exact text, and saving writes it back', async () => {
    const document = (await vscode.commands.executeCommand('dockerWorkflows.containerFiles.open', await rowAt(WEB, '/www/index.html'))) as vscode.TextDocument;
    assert.strictEqual(document.uri.scheme, 'docker-container');
    assert.strictEqual(document.getText(), INDEX);
    assert.strictEqual(vscode.window.activeTextEditor?.document, document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(1, 0), '<p>saved from VS Code</p>\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    assert.strictEqual(docker('exec', WEB, 'cat', '/www/index.html'), `${INDEX}<p>saved from VS Code</p>`);
    assert.strictEqual((await vscode.workspace.fs.stat(document.uri)).permissions, undefined);
  });

  it('opens the files of a stopped container read-only', async () => {
    const files = await filesRow(STOPPED, 'exited');
    const index = (await children((await children(files)).find((r) => r.label === 'www')!))[0];
    const document = (await vscode.commands.executeCommand('dockerWorkflows.containerFiles.open', index)) as vscode.TextDocument;
    assert.strictEqual(document.getText(), INDEX);
    assert.strictEqual((await vscode.workspace.fs.stat(document.uri)).permissions, vscode.FilePermission.Readonly);
  });

  it('asks before opening a file over the size setting; a binary file opens as binary', async () => {
    await vscode.workspace.getConfiguration('docker-workflows').update('containerFiles.maxOpenSizeMiB', 1, vscode.ConfigurationTarget.Global);
    const busybox = await rowAt(WEB, '/bin/busybox');
    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.open', busybox), undefined);
    const size = Number(docker('exec', WEB, 'ls', '-lL', '/bin/busybox').split(/\s+/)[4]);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `/bin/busybox is ${formatBytes(size)}. Open it anyway?` });
    api.answerNextPrompts('Open');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.open', busybox), 'binary');
    assert.deepStrictEqual(lastShown(api), {
      kind: 'info',
      message: '/bin/busybox is a binary file, so it opens as binary. A hex editor (such as ms-vscode.hexeditor) shows its bytes.',
    });
  });

  it('downloads a folder into a local folder, asking before replacing it', async () => {
    const www = await rowAt(WEB, '/www');
    api.answerNextPrompts(local);
    const target = path.join(local, 'www');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.download', www), target);
    assert.deepStrictEqual(fs.readdirSync(target), ['index.html']);
    assert.strictEqual(fs.readFileSync(path.join(target, 'index.html'), 'utf8'), `${INDEX}<p>saved from VS Code</p>\n`);
    assert.deepStrictEqual(lastShown(api), { kind: 'info', message: `Downloaded /www to ${target}.` });
    fs.writeFileSync(path.join(target, 'stale.txt'), 'stale');
    api.answerNextPrompts(local, undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.download', www), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `${target} already exists. Replace it?` });
    api.answerNextPrompts(local, 'Replace');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.download', www), target);
    assert.deepStrictEqual(fs.readdirSync(target), ['index.html']);
  });

  it('uploads a local folder tree, and asks before replacing what is there', async () => {
    const tree = path.join(local, 'upme');
    fs.mkdirSync(path.join(tree, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'a.txt'), 'alpha\n');
    fs.writeFileSync(path.join(tree, 'sub', 'b.txt'), 'beta\n');
    const tmp = await rowAt(WEB, '/tmp');
    api.answerNextPrompts([tree]);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.upload', tmp), ['/tmp/upme']);
    assert.deepStrictEqual(lastShown(api), { kind: 'info', message: `Uploaded 1 item into /tmp of ${WEB}.` });
    assert.strictEqual(docker('exec', WEB, 'cat', '/tmp/upme/a.txt', '/tmp/upme/sub/b.txt'), 'alpha\nbeta');
    assert.deepStrictEqual((await children(await rowAt(WEB, '/tmp/upme'))).map((r) => r.label), ['sub', 'a.txt']);

    fs.writeFileSync(path.join(tree, 'a.txt'), 'alpha, again\n');
    api.answerNextPrompts([tree], undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.upload', tmp), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `/tmp/upme already exists in ${WEB}. Replace it?` });
    assert.strictEqual(docker('exec', WEB, 'cat', '/tmp/upme/a.txt'), 'alpha');
    api.answerNextPrompts([tree], 'Replace');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.upload', tmp), ['/tmp/upme']);
    assert.strictEqual(docker('exec', WEB, 'cat', '/tmp/upme/a.txt'), 'alpha, again');
  });

  it('uploads files dropped from the Explorer onto a folder or a file row', async () => {
    const dropped = path.join(local, 'dropped.txt');
    fs.writeFileSync(dropped, 'dropped in\n');
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(vscode.Uri.file(dropped).toString()));
    await api.containers.drop(await rowAt(WEB, '/tmp'), data);
    assert.deepStrictEqual(lastShown(api), { kind: 'info', message: `Uploaded 1 item into /tmp of ${WEB}.` });
    assert.strictEqual(docker('exec', WEB, 'cat', '/tmp/dropped.txt'), 'dropped in');
    // Onto a file row: into its folder, asking first since the name is taken now.
    fs.writeFileSync(dropped, 'dropped again\n');
    await api.containers.drop(await rowAt(WEB, '/tmp/upme/a.txt'), data);
    assert.deepStrictEqual(lastShown(api), { kind: 'info', message: `Uploaded 1 item into /tmp/upme of ${WEB}.` });
    assert.strictEqual(docker('exec', WEB, 'cat', '/tmp/upme/dropped.txt'), 'dropped again');
    api.answerNextPrompts('Replace');
    await api.containers.drop(await rowAt(WEB, '/tmp'), data);
    assert.deepStrictEqual(api.shownMessages().slice(-2), [
      { kind: 'confirm', message: `/tmp/dropped.txt already exists in ${WEB}. Replace it?` },
      { kind: 'info', message: `Uploaded 1 item into /tmp of ${WEB}.` },
    ]);
    assert.strictEqual(docker('exec', WEB, 'cat', '/tmp/dropped.txt'), 'dropped again');
    docker('exec', WEB, 'rm', '/tmp/dropped.txt');
  });

  it('creates a folder, refusing a name with a slash', async () => {
    const tmp = await rowAt(WEB, '/tmp');
    api.answerNextPrompts('a/b');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.newFolder', tmp), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'A folder name cannot hold "/".' });
    api.answerNextPrompts('made here');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.newFolder', tmp), '/tmp/made here');
    assert.strictEqual(docker('exec', WEB, 'ls', '-d', '/tmp/made here'), '/tmp/made here');
    api.answerNextPrompts('made here');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.newFolder', tmp), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'Could not create /tmp/made here: /tmp/made here already exists.' });
    await vscode.commands.executeCommand('dockerWorkflows.containerFiles.refresh', tmp);
    assert.ok((await children(tmp)).some((r) => r.label === 'made here'));
  });

  it('deletes files and folders after asking', async () => {
    const rows = [await rowAt(WEB, '/tmp/upme'), await rowAt(WEB, '/tmp/made here')];
    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.delete', rows[0], rows), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `Delete 2 files and folders in ${WEB}?` });
    assert.strictEqual(docker('exec', WEB, 'ls', '/tmp'), 'made here\nupme');
    api.answerNextPrompts('Delete');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.delete', rows[0], rows), ['/tmp/upme', '/tmp/made here']);
    assert.strictEqual(docker('exec', WEB, 'ls', '-A', '/tmp'), '');
    assert.deepStrictEqual((await children(await rowAt(WEB, '/tmp'))).map((r) => r.label), []);
  });

  it('says in plain words when the container was removed meanwhile', async () => {
    docker('run', '-d', '--name', 'dw-f-gone', '--label', LABEL, TEST_IMAGE, 'sleep', '600');
    const index = await rowAt('dw-f-gone', '/www/index.html');
    const id = docker('inspect', '-f', '{{.Id}}', 'dw-f-gone');
    docker('rm', '-f', 'dw-f-gone');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containerFiles.open', index), undefined);
    assert.deepStrictEqual(lastShown(api), {
      kind: 'error',
      message: `Could not open /www/index.html: The container ${id.slice(0, 12)} no longer exists (it was removed meanwhile).`,
    });
  });
});
