// Open in Browser, the stats terminal, pruning stopped containers and System Prune against the test engine.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SystemPruneReport } from '../../client/src/commands/system/prune';
import type { ExtensionApi } from '../../client/src/extension';
import type { ContainerNodeModel } from '../../client/src/tree/containerNodes';
import { formatBytes } from '../../client/src/format/text';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const LABEL = 'dw.test=vscode-extras';

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

/** The host port docker published the container's port on (always 127.0.0.1 here). */
function hostPort(container: string, port: string): number {
  const [address] = lines(docker('port', container, port));
  assert.match(address, /^127\.0\.0\.1:\d+$/);
  return Number(address.split(':')[1]);
}

async function row(api: ExtensionApi, name: string): Promise<ContainerNodeModel | undefined> {
  return (await api.containers.rows()).find((r) => r.label === name);
}

/** The row once the view shows the container running (with its ports). */
function runningRow(api: ExtensionApi, name: string): Promise<ContainerNodeModel> {
  return waitFor(`${name} running`, async () => {
    const found = await row(api, name);
    return found?.contextValue === 'container.running' && found;
  });
}

function lastShown(api: ExtensionApi): { kind: string; message: string } | undefined {
  return api.shownMessages().at(-1);
}

function cleanUp(): void {
  const ours = lines(docker('ps', '-aq', '--filter', `label=${LABEL}`));
  if (ours.length) docker('rm', '-f', ...ours);
  if (lines(docker('network', 'ls', '-q', '--filter', 'name=^dw-x-net$')).length) docker('network', 'rm', 'dw-x-net');
  const images = lines(docker('images', '-q', '--filter', `label=${LABEL}`));
  if (images.length) docker('rmi', '-f', ...new Set(images));
}

describe('Open in Browser, stats and prunes', () => {
  let api: ExtensionApi;

  before(async () => {
    cleanUp();
    docker('run', '-d', '--name', 'dw-x-web', '--label', LABEL, '-p', '127.0.0.1::80', TEST_IMAGE, 'httpd', '-f', '-p', '80', '-h', '/www');
    docker('run', '-d', '--name', 'dw-x-two', '--label', LABEL, '-p', '127.0.0.1::80', '-p', '127.0.0.1::8080', TEST_IMAGE, 'sleep', '600');
    docker('run', '-d', '--name', 'dw-x-none', '--label', LABEL, TEST_IMAGE, 'sleep', '600');
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
  });

  after(cleanUp);

  it('opens the one published port of a container at localhost', async () => {
    const url = await vscode.commands.executeCommand('dockerWorkflows.containers.openInBrowser', await runningRow(api, 'dw-x-web'));
    assert.strictEqual(url, `http://localhost:${hostPort('dw-x-web', '80/tcp')}`);
  });

  it('asks which port when a container publishes several, and opens the one picked', async () => {
    const [web, alt] = [hostPort('dw-x-two', '80/tcp'), hostPort('dw-x-two', '8080/tcp')];
    const node = await runningRow(api, 'dw-x-two');
    api.answerNextPrompts(`${alt} → 8080/tcp`);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.openInBrowser', node), `http://localhost:${alt}`);
    assert.deepStrictEqual(lastShown(api), { kind: 'pick', message: 'Which port of dw-x-two to open?' });

    api.answerNextPrompts(`${web} → 80/tcp`);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.openInBrowser', node), `http://localhost:${web}`);
    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.openInBrowser', node), undefined);
  });

  it('says so when a container publishes no port', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.openInBrowser', await runningRow(api, 'dw-x-none')), undefined);
    assert.deepStrictEqual(lastShown(api), {
      kind: 'info',
      message: 'dw-x-none publishes no TCP port on the host, so there is nothing to open in a browser.',
    });
  });

  it('shows the stats of a running container in a terminal named after it', async () => {
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('dockerWorkflows.containers.stats', await runningRow(api, 'dw-x-web'));
    try {
      assert.strictEqual(terminal.name, 'Stats: dw-x-web');
      assert.ok(vscode.window.terminals.includes(terminal));
    } finally {
      terminal.dispose();
    }
  });

  it('prunes the stopped containers after asking, naming how many it removed', async () => {
    for (const name of ['dw-x-done-1', 'dw-x-done-2']) docker('run', '--name', name, '--label', LABEL, TEST_IMAGE, 'true');
    const stopped = lines(docker('ps', '-a', '--filter', 'status=exited', '--filter', 'status=created', '--filter', 'status=dead', '--format', '{{.Names}}'))
      .sort(new Intl.Collator('en', { numeric: true }).compare);
    assert.ok(stopped.includes('dw-x-done-1') && stopped.includes('dw-x-done-2'), stopped.join(', '));

    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.prune'), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `Remove ${stopped.length} stopped containers?` });
    assert.strictEqual(docker('inspect', '-f', '{{.State.Status}}', 'dw-x-done-1'), 'exited');

    api.answerNextPrompts('Remove');
    const report = await vscode.commands.executeCommand<{ removed: string[]; spaceReclaimed: number }>('dockerWorkflows.containers.prune');
    assert.deepStrictEqual(report.removed, stopped);
    assert.deepStrictEqual(lastShown(api), {
      kind: 'info',
      message: `Removed ${stopped.length} stopped containers, reclaimed ${formatBytes(report.spaceReclaimed)}.`,
    });
    assert.deepStrictEqual(lines(docker('ps', '-aq', '--filter', 'status=exited')), []);

    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.prune'), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'info', message: 'There are no stopped containers to remove.' });
  });

  it('System Prune removes a stopped container, an unused network and a dangling image, and keeps volumes', async () => {
    docker('run', '--name', 'dw-x-sys', '--label', LABEL, '-v', 'dw-x-kept:/data', TEST_IMAGE, 'true');
    const container = docker('inspect', '-f', '{{.Id}}', 'dw-x-sys');
    // A commit without a name makes an untagged image no container uses: a dangling one.
    const image = docker('commit', '--change', `LABEL ${LABEL}`, 'dw-x-sys');
    docker('network', 'create', 'dw-x-net');
    try {
      api.answerNextPrompts(undefined);
      assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.system.prune'), undefined);
      assert.deepStrictEqual(lastShown(api), {
        kind: 'confirm',
        message: 'Remove all stopped containers, unused networks, dangling images and unused build cache?',
      });
      assert.strictEqual(docker('inspect', '-f', '{{.State.Status}}', 'dw-x-sys'), 'exited');

      api.answerNextPrompts('Prune');
      const report = await vscode.commands.executeCommand<SystemPruneReport>('dockerWorkflows.system.prune');
      assert.deepStrictEqual([report.failed, report.cancelled], [[], false]);
      assert.deepStrictEqual(Object.keys(report.results), ['containers', 'networks', 'images', 'buildCache']);
      assert.ok(report.results.containers?.removed.includes(container), report.results.containers?.removed.join(', '));
      assert.ok(report.results.networks?.removed.includes('dw-x-net'), report.results.networks?.removed.join(', '));
      assert.ok(report.results.images?.removed.includes(image), report.results.images?.removed.join(', '));
      const { containers, networks, images, buildCache } = report.results;
      assert.strictEqual(report.spaceReclaimed, [containers, networks, images, buildCache].reduce((sum, r) => sum + (r?.spaceReclaimed ?? 0), 0));
      const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
      assert.deepStrictEqual(lastShown(api), {
        kind: 'info',
        message:
          `System prune reclaimed ${formatBytes(report.spaceReclaimed)}: removed ${plural(containers!.removed.length, 'stopped container')}, ` +
          `${plural(networks!.removed.length, 'network')}, ${plural(images!.removed.length, 'dangling image')}, ` +
          `${plural(buildCache!.removed.length, 'build cache entry', 'build cache entries')}.`,
      });

      assert.deepStrictEqual(lines(docker('ps', '-aq', '--filter', 'name=^dw-x-sys$')), []);
      assert.deepStrictEqual(lines(docker('network', 'ls', '-q', '--filter', 'name=^dw-x-net$')), []);
      assert.deepStrictEqual(lines(docker('images', '-q', '--no-trunc', '--filter', 'dangling=true')).includes(image), false);
      assert.deepStrictEqual(lines(docker('volume', 'ls', '-q', '--filter', 'name=dw-x-kept')), ['dw-x-kept']);
      assert.strictEqual(docker('inspect', '-f', '{{.State.Status}}', 'dw-x-web'), 'running');
    } finally {
      docker('volume', 'rm', '-f', 'dw-x-kept');
    }
  });
});
