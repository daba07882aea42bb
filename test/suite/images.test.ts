// The image commands on rows of the Images view, against the test engine and a registry on loopback.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { formatBytes } from '../../client/src/format/text';
import type { ImageRowNode } from '../../client/src/tree/resourceNodes';
import { STEP_ACCEPT } from '../../client/src/ui/notifier';
import { startRegistry, type Registry } from '../support/registry';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const WEB = 'dw-images/web:1';

/** Builds an image from a Dockerfile (and files) in a temporary folder; resolves with its id. */
function build(tag: string, files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-images-'));
  try {
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    return execFileSync('docker', ['build', '-q', '-t', tag, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function row(api: ExtensionApi, reference: string): Promise<ImageRowNode | undefined> {
  const groups = await api.views.images.rows();
  return groups.flatMap((g) => (g.children ?? []) as ImageRowNode[]).find((r) => r.reference === reference);
}

const lastMessage = (api: ExtensionApi) => api.shownMessages().at(-1);
const repoTags = (ref: string) => JSON.parse(docker('image', 'inspect', '-f', '{{json .RepoTags}}', ref)) as string[];
const imageExists = (ref: string) => docker('images', '-q', ref) !== '';

describe('Image commands', () => {
  let api: ExtensionApi;
  let registry: Registry;
  const containers: string[] = [];

  before(async () => {
    api = await activateExtension();
    build(WEB, { Dockerfile: `FROM ${TEST_IMAGE}\nEXPOSE 80\nCMD ["httpd", "-f", "-p", "80"]\n` });
    registry = await startRegistry();
    await vscode.commands.executeCommand('dockerWorkflows.images.focus');
    await waitFor('the web image row', () => row(api, WEB));
  });

  after(async () => {
    if (containers.length) docker('rm', '-f', ...containers);
    for (const ref of [WEB, 'dw-images/web:copy', 'dw-images/prune:1', 'dw-images/multi:a', 'dw-images/multi:b', `${registry.host}/dw-images/pushed:1`]) {
      if (imageExists(ref)) docker('rmi', '-f', ref);
    }
    await registry.stop();
  });

  it('tags a row: the new tag gets its row and the engine has it', async () => {
    api.answerNextPrompts('dw-images/web:copy');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.tag', await row(api, WEB)), 'dw-images/web:copy');
    assert.strictEqual(lastMessage(api)?.message, `New tag for ${WEB} (name:tag, with a registry host to push there)`);
    const copy = await waitFor('the new row', () => row(api, 'dw-images/web:copy'));
    assert.strictEqual(copy.image.id, (await row(api, WEB))?.image.id);
    assert.deepStrictEqual(repoTags(WEB).sort(), [WEB, 'dw-images/web:copy']);
  });

  it('refuses an invalid tag in plain words, and tags nothing', async () => {
    api.answerNextPrompts('dw-images/Web:2');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.tag', await row(api, WEB)), undefined);
    assert.deepStrictEqual(lastMessage(api), { kind: 'error', message: 'Not a valid image name: repository names must be lower case.' });
    assert.deepStrictEqual(repoTags(WEB).sort(), [WEB, 'dw-images/web:copy']);
  });

  it('asks before removing a tag: cancelling keeps it, agreeing removes it', async () => {
    api.answerNextPrompts(undefined);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.remove', await row(api, 'dw-images/web:copy')), []);
    assert.strictEqual(lastMessage(api)?.message, 'Remove the image dw-images/web:copy?');
    assert.ok(imageExists('dw-images/web:copy'));
    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.remove', await row(api, 'dw-images/web:copy')), ['dw-images/web:copy']);
    await waitFor('the row to go', async () => (await row(api, 'dw-images/web:copy')) === undefined);
    assert.deepStrictEqual(repoTags(WEB), [WEB]);
  });

  it('opens the history of an image, newest layer first', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('dockerWorkflows.images.history', await row(api, WEB));
    assert.strictEqual(document.uri.scheme, 'docker-history');
    const [title, blank, header, ...layers] = document.getText().trimEnd().split('\n');
    const id = docker('image', 'inspect', '-f', '{{.Id}}', WEB);
    assert.deepStrictEqual([title, blank], [`History of ${WEB} (${id.slice(7, 19)}), newest layer first`, '']);
    // The columns start where the header's titles do; the ages depend on the clock, the rest does not.
    const at = ['CREATED BY', 'SIZE', 'COMMENT'].map((title) => header.indexOf(title));
    const cells = layers.map((line) => [line.slice(0, at[0]), line.slice(at[0], at[1]), line.slice(at[1], at[2]), line.slice(at[2])].map((c) => c.trim()));
    for (const [age] of cells) assert.match(age, /^(just now|\d+ (minute|hour|day|week|month|year)s? ago)$/);
    const base = Number(docker('image', 'inspect', '-f', '{{.Size}}', TEST_IMAGE));
    assert.deepStrictEqual(cells.map(([, createdBy, size, comment]) => [createdBy, size, comment]), [
      ['CMD ["httpd" "-f" "-p" "80"]', '0 B', ''],
      ['EXPOSE 80', '0 B', ''],
      ['', formatBytes(base), 'Imported from -'],
    ]);
  });

  it('inspects an image as a read-only JSON document', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('dockerWorkflows.images.inspect', await row(api, WEB));
    assert.deepStrictEqual([document.uri.scheme, document.languageId], ['docker-inspect', 'json']);
    const inspected = JSON.parse(document.getText()) as { Id: string; RepoTags: string[] };
    assert.deepStrictEqual([inspected.Id, inspected.RepoTags], [docker('image', 'inspect', '-f', '{{.Id}}', WEB), [WEB]]);
  });

  it('runs an image detached and names the container and its published port', async () => {
    const started = await vscode.commands.executeCommand<{ id: string; name: string; ports: string[] }>('dockerWorkflows.images.run', await row(api, WEB));
    containers.push(started.id);
    assert.strictEqual(docker('inspect', '-f', '{{.State.Status}} {{.Config.Image}} {{.Name}}', started.id), `running ${WEB} /${started.name}`);
    const port = docker('port', started.id, '80/tcp');
    assert.deepStrictEqual(started.ports, [`${port}→80/tcp`]);
    assert.deepStrictEqual(lastMessage(api), { kind: 'info', message: `Started ${started.name} from ${WEB}, ports ${port}→80/tcp.` });
  });

  it('never removes the image of a running container; with only stopped ones, asks for Force Remove', async () => {
    const [container] = containers;
    const name = docker('inspect', '-f', '{{.Name}}', container).slice(1);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.remove', await row(api, WEB)), []);
    assert.deepStrictEqual(lastMessage(api), {
      kind: 'error',
      message: `Cannot remove ${WEB}: the running container ${name} uses it; stop and remove it first.`,
    });
    assert.ok(imageExists(WEB));
    docker('stop', '-t', '1', container);
    api.answerNextPrompts('Force Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.remove', await row(api, WEB)), [WEB]);
    assert.deepStrictEqual(api.shownMessages().at(-1), { kind: 'confirm', message: `Remove the image ${WEB}?` });
    assert.ok(!imageExists(WEB));
    // The stopped container stays, and still starts.
    docker('start', container);
    assert.strictEqual(docker('inspect', '-f', '{{.State.Status}}', container), 'running');
  });

  it('removes every row of a multi-selection after one question naming them; all tags gone, the image goes', async () => {
    const id = build('dw-images/multi:a', { Dockerfile: `FROM ${TEST_IMAGE}\nLABEL dw.images=multi\n` });
    docker('tag', 'dw-images/multi:a', 'dw-images/multi:b');
    const a = await waitFor('row a', () => row(api, 'dw-images/multi:a'));
    const b = await waitFor('row b', () => row(api, 'dw-images/multi:b'));
    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.remove', b, [b, a]), ['dw-images/multi:a', 'dw-images/multi:b']);
    assert.strictEqual(lastMessage(api)?.message, 'Remove 2 images (dw-images/multi:b, dw-images/multi:a)?');
    assert.strictEqual(docker('images', '-q', '--no-trunc').split('\n').includes(id), false);
  });

  it('runs an image interactively in a terminal, removing the container when it ends', async () => {
    const before = docker('ps', '-aq', '--filter', `ancestor=${TEST_IMAGE}`);
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('dockerWorkflows.images.runInteractive', await row(api, TEST_IMAGE));
    assert.strictEqual(terminal.name, `Run: ${TEST_IMAGE}`);
    const id = await waitFor('the container to run', () => docker('ps', '-q', '--filter', `ancestor=${TEST_IMAGE}`).split('\n').find((c) => c && !before.includes(c)), 20_000);
    assert.strictEqual(docker('inspect', '-f', '{{.Config.Tty}} {{.Config.OpenStdin}} {{.HostConfig.AutoRemove}}', id), 'true true true');
    terminal.sendText('exit');
    await waitFor('the container to go', () => !docker('ps', '-aq').split('\n').includes(id), 20_000);
  });

  it('prunes dangling images after asking how many, and reports the space reclaimed', async () => {
    // Only our dangling image: leftovers of other suites would change the count.
    docker('image', 'prune', '-f');
    const blob = (byte: number) => Buffer.alloc(12_345, byte);
    const dockerfile = `FROM ${TEST_IMAGE}\nCOPY blob /blob\n`;
    const first = build('dw-images/prune:1', { Dockerfile: dockerfile, blob: blob(1) });
    build('dw-images/prune:1', { Dockerfile: dockerfile, blob: blob(2) });
    assert.strictEqual(docker('images', '-q', '--no-trunc', '--filter', 'dangling=true'), first);
    const reclaimed = Number(docker('image', 'inspect', '-f', '{{.Size}}', first)) - Number(docker('image', 'inspect', '-f', '{{.Size}}', TEST_IMAGE));

    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.prune'), undefined);
    assert.strictEqual(lastMessage(api)?.message, 'Remove 1 dangling image?');
    assert.strictEqual(docker('images', '-q', '--no-trunc', '--filter', 'dangling=true'), first);

    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.prune'), { removed: 1, spaceReclaimed: reclaimed });
    assert.deepStrictEqual(lastMessage(api), { kind: 'info', message: `Removed 1 dangling image, reclaimed ${formatBytes(reclaimed)}` });
    assert.strictEqual(docker('images', '-q', '--filter', 'dangling=true'), '');
    assert.ok(imageExists('dw-images/prune:1'));

    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.prune'), undefined);
    assert.deepStrictEqual(lastMessage(api), { kind: 'info', message: 'There are no dangling images to remove.' });
  });

  it('pushes a tag to a registry as a task, and pulls it back from the palette', async () => {
    const ref = `${registry.host}/dw-images/pushed:1`;
    docker('tag', TEST_IMAGE, ref);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.push', await waitFor('the pushed row', () => row(api, ref))), 0);
    assert.deepStrictEqual(registry.manifests(), ['dw-images/pushed:1']);
    assert.deepStrictEqual(lastMessage(api), { kind: 'info', message: `Pushed ${ref}.` });

    docker('rmi', ref);
    await waitFor('the row to go', async () => (await row(api, ref)) === undefined);
    api.answerNextPrompts(ref);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.pull'), { reference: ref, status: `Downloaded newer image for ${ref}` });
    assert.deepStrictEqual(lastMessage(api), { kind: 'info', message: `Downloaded newer image for ${ref}` });
    assert.ok(imageExists(ref));

    // Again from its row: the engine has it already.
    const pulled = await waitFor('the pulled row', () => row(api, ref));
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.pull', pulled), { reference: ref, status: `Image is up to date for ${ref}` });

    // The view title's Pull Image... is handed the focused row by VS Code: it offers the row's reference and asks.
    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.pullByName', pulled), undefined);
    assert.deepStrictEqual(lastMessage(api), { kind: 'input', message: 'Image to pull, e.g. busybox:latest or registry.example.com:5000/team/app:1.2' });
    api.answerNextPrompts(STEP_ACCEPT);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.pullByName', pulled), { reference: ref, status: `Image is up to date for ${ref}` });
  });

  it('pull refuses a reference that is not one, and says why', async () => {
    api.answerNextPrompts('Not An/Image');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.pull'), undefined);
    assert.deepStrictEqual(lastMessage(api), { kind: 'error', message: 'Not an image reference: repository names must be lower case.' });
  });

  it('reports a failed push in plain words', async () => {
    const ref = `${registry.host}/dw-images/pushed:1`;
    const stopped = `127.0.0.1:1/dw-images/nowhere:1`;
    docker('tag', ref, stopped);
    try {
      assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.push', await waitFor('the row', () => row(api, stopped))), 1);
      assert.deepStrictEqual(lastMessage(api), { kind: 'error', message: `Pushing ${stopped} failed (exit code 1); the terminal shows why.` });
    } finally {
      docker('rmi', stopped);
    }
  });
});
