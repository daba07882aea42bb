// The Volumes and Networks commands against the test engine: create, remove (asking first; refusing what is in
// use or predefined) and prune, checked with the docker CLI and in the views' rows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { PruneResult } from '../../client/src/engine/types';
import type { NetworkNode, VolumeNode } from '../../client/src/tree/resourceNodes';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const LABEL = 'dw.test=vscode-volnet';
const VOLUMES = ['dw-vn-data', 'dw-vn-used', 'dw-vn-named'];
const NETWORKS = ['dw-vn-net', 'dw-vn-busy', 'dw-vn-p1', 'dw-vn-p2'];

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

function volumeNames(...filters: string[]): string[] {
  return lines(docker('volume', 'ls', '-q', ...filters.flatMap((f) => ['--filter', f]))).sort();
}

async function volumeRow(api: ExtensionApi, name: string): Promise<VolumeNode | undefined> {
  return (await api.views.volumes.rows()).find((r) => r.volume.name === name);
}

async function networkRow(api: ExtensionApi, name: string): Promise<NetworkNode | undefined> {
  return (await api.views.networks.rows()).find((r): r is NetworkNode => r.kind === 'network' && r.network.name === name);
}

function lastShown(api: ExtensionApi): { kind: string; message: string } | undefined {
  return api.shownMessages().at(-1);
}

function cleanUp(): void {
  const ours = lines(docker('ps', '-aq', '--filter', `label=${LABEL}`));
  if (ours.length) docker('rm', '-f', ...ours);
  const volumes = lines(docker('volume', 'ls', '-q')).filter((v) => VOLUMES.includes(v));
  if (volumes.length) docker('volume', 'rm', ...volumes);
  const networks = lines(docker('network', 'ls', '--format', '{{.Name}}')).filter((n) => NETWORKS.includes(n));
  if (networks.length) docker('network', 'rm', ...networks);
}

describe('Volume and network commands', () => {
  let api: ExtensionApi;

  before(async () => {
    cleanUp();
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.volumes.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
  });

  after(cleanUp);

  it('creates a volume with the name typed in; an empty name cancels and a bad one is refused', async () => {
    api.answerNextPrompts('');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.volumes.create'), undefined);
    api.answerNextPrompts('-dw');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.volumes.create'), undefined);
    assert.deepStrictEqual(lastShown(api), {
      kind: 'error',
      message: 'A volume name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".',
    });

    api.answerNextPrompts('dw-vn-data');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.volumes.create'), 'dw-vn-data');
    assert.deepStrictEqual(volumeNames().filter((v) => v.startsWith('dw-vn-')), ['dw-vn-data']);
    await waitFor('the volume row', () => volumeRow(api, 'dw-vn-data'));

    api.answerNextPrompts('dw-vn-data');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.volumes.create'), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'A volume named dw-vn-data already exists.' });
  });

  it('asks before removing a volume: cancelling keeps it, Remove removes it', async () => {
    const row = await waitFor('the volume row', () => volumeRow(api, 'dw-vn-data'));
    api.answerNextPrompts(undefined);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.volumes.remove', row), []);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: 'Remove the volume dw-vn-data?' });
    assert.deepStrictEqual(volumeNames('name=dw-vn-data'), ['dw-vn-data']);

    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.volumes.remove', row, [row]), ['dw-vn-data']);
    assert.deepStrictEqual(volumeNames('name=dw-vn-data'), []);
    await waitFor('the row to go', async () => (await volumeRow(api, 'dw-vn-data')) === undefined);
  });

  it('refuses to remove a volume a container uses, naming the container, without asking', async () => {
    docker('volume', 'create', 'dw-vn-used');
    docker('create', '--name', 'dw-vn-user', '--label', LABEL, '-v', 'dw-vn-used:/data', TEST_IMAGE, 'sleep', '600');
    const row = await waitFor('the volume in use', async () => {
      const found = await volumeRow(api, 'dw-vn-used');
      return found && found.usedBy.length > 0 && found;
    });
    const asked = api.shownMessages().filter((m) => m.kind === 'confirm').length;
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.volumes.remove', row), []);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'The volume dw-vn-used is used by the container dw-vn-user; remove it first.' });
    assert.strictEqual(api.shownMessages().filter((m) => m.kind === 'confirm').length, asked);
    assert.deepStrictEqual(volumeNames('name=dw-vn-used'), ['dw-vn-used']);
  });

  it('prunes the unused anonymous volumes, then all unused ones, keeping a volume in use', async () => {
    docker('volume', 'create', 'dw-vn-named');
    // A container's anonymous volume outlives the container when it is removed without -v.
    docker('create', '--name', 'dw-vn-anon', '--label', LABEL, '-v', '/data', TEST_IMAGE, 'true');
    const anonymousVolume = docker('inspect', '-f', '{{range .Mounts}}{{.Name}}{{end}}', 'dw-vn-anon');
    docker('rm', 'dw-vn-anon');
    const unused = volumeNames('dangling=true');
    const anonymous = unused.filter((v) => /^[0-9a-f]{64}$/.test(v));
    const named = unused.filter((v) => !anonymous.includes(v));
    assert.ok(anonymous.includes(anonymousVolume) && named.includes('dw-vn-named') && !unused.includes('dw-vn-used'), unused.join(', '));
    const question = `Remove unused volumes? ${anonymous.length} anonymous and ${named.length} named volumes are unused.`;

    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.volumes.prune'), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: question });
    assert.deepStrictEqual(volumeNames('dangling=true'), unused);

    api.answerNextPrompts('Remove Anonymous');
    const first = await vscode.commands.executeCommand<PruneResult>('dockerWorkflows.volumes.prune');
    assert.deepStrictEqual(first.removed, anonymous);
    assert.deepStrictEqual(volumeNames('dangling=true'), named);
    assert.deepStrictEqual(lastShown(api)?.kind, 'info');
    assert.match(lastShown(api)?.message ?? '', new RegExp(`^Removed ${anonymous.length} volumes?, reclaimed [\\d.]+ k?B\\.$`));

    api.answerNextPrompts('Remove All Unused');
    const second = await vscode.commands.executeCommand<PruneResult>('dockerWorkflows.volumes.prune');
    assert.deepStrictEqual(second.removed, named);
    assert.deepStrictEqual(volumeNames('dangling=true'), []);
    assert.deepStrictEqual(volumeNames('name=dw-vn-used'), ['dw-vn-used']);
    await waitFor('the named row to go', async () => (await volumeRow(api, 'dw-vn-named')) === undefined);
  });

  it('creates a network with the name typed in and the driver picked', async () => {
    api.answerNextPrompts('dw-vn-net', 'bridge');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.create'), { name: 'dw-vn-net', driver: 'bridge' });
    assert.strictEqual(docker('network', 'inspect', '-f', '{{.Driver}}', 'dw-vn-net'), 'bridge');
    const row = await waitFor('the network row', () => networkRow(api, 'dw-vn-net'));
    assert.deepStrictEqual([row.predefined, row.children.length], [false, 0]);

    api.answerNextPrompts('dw-vn-net');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.create'), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'A network named dw-vn-net already exists.' });
  });

  it('refuses to remove a predefined network', async () => {
    const bridge = await waitFor('the bridge row', () => networkRow(api, 'bridge'));
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.remove', bridge), []);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'The network bridge is predefined by Docker and cannot be removed.' });
    assert.strictEqual(docker('network', 'inspect', '-f', '{{.Name}}', 'bridge'), 'bridge');
  });

  it('refuses to remove a network with a container attached, naming it', async () => {
    docker('network', 'create', 'dw-vn-busy');
    docker('run', '-d', '--name', 'dw-vn-attached', '--label', LABEL, '--network', 'dw-vn-busy', TEST_IMAGE, 'sleep', '600');
    const row = await waitFor('the attached container', async () => {
      const found = await networkRow(api, 'dw-vn-busy');
      return found && found.children.length > 0 && found;
    });
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.remove', row), []);
    assert.deepStrictEqual(lastShown(api), {
      kind: 'error',
      message: 'The network dw-vn-busy has the container dw-vn-attached attached; disconnect or remove it first.',
    });
    assert.strictEqual(docker('network', 'inspect', '-f', '{{.Name}}', 'dw-vn-busy'), 'dw-vn-busy');
  });

  it('asks before removing a network: cancelling keeps it, Remove removes it', async () => {
    const row = await waitFor('the network row', () => networkRow(api, 'dw-vn-net'));
    api.answerNextPrompts(undefined);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.remove', row), []);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: 'Remove the network dw-vn-net?' });
    assert.strictEqual(docker('network', 'inspect', '-f', '{{.Name}}', 'dw-vn-net'), 'dw-vn-net');

    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.remove', row), ['dw-vn-net']);
    assert.deepStrictEqual(lines(docker('network', 'ls', '-q', '--filter', 'name=^dw-vn-net$')), []);
    await waitFor('the row to go', async () => (await networkRow(api, 'dw-vn-net')) === undefined);
  });

  it('prunes the networks no running container uses, naming them, and keeps the busy one', async () => {
    docker('network', 'create', 'dw-vn-p1');
    docker('network', 'create', 'dw-vn-p2');
    const running = new Set(lines(docker('ps', '--format', '{{.Networks}}')).flatMap((n) => n.split(',')));
    const unused = lines(docker('network', 'ls', '--format', '{{.Name}}'))
      .filter((n) => !['bridge', 'host', 'none'].includes(n) && !running.has(n))
      .sort(new Intl.Collator('en', { numeric: true }).compare);
    assert.ok(unused.includes('dw-vn-p1') && unused.includes('dw-vn-p2') && !unused.includes('dw-vn-busy'), unused.join(', '));

    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.prune'), unused);
    const shown = api.shownMessages().slice(-2);
    assert.deepStrictEqual(shown, [
      { kind: 'confirm', message: `Remove ${unused.length} unused networks (${unused.join(', ')})?` },
      { kind: 'info', message: `Removed ${unused.length} networks: ${unused.join(', ')}.` },
    ]);
    const left = lines(docker('network', 'ls', '--format', '{{.Name}}'));
    assert.deepStrictEqual(NETWORKS.filter((n) => left.includes(n)), ['dw-vn-busy']);
  });
});
