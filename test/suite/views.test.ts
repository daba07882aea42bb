// The Images, Volumes and Networks views against the test engine: what their rows show, and that they follow
// the engine's events (no refresh by hand).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { ImageRowNode } from '../../client/src/tree/resourceNodes';
import { formatBytes } from '../../client/src/format/text';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const LABEL = 'dw.test=vscode-views';

describe('Images, Volumes and Networks views', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.images.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
  });

  after(async () => {
    const ours = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
    if (ours.length) docker('rm', '-f', ...ours);
    docker('volume', 'rm', '-f', 'dw-views-data');
    docker('network', 'rm', 'dw-views-net');
    const dangling = docker('images', '-q', '--filter', 'dangling=true', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
    if (dangling.length) docker('rmi', ...dangling);
    await vscode.commands.executeCommand('dockerWorkflows.images.hideDangling');
  });

  it('groups images by repository, each tag a row with its size, and marks an image a container uses', async () => {
    docker('tag', TEST_IMAGE, 'dw-views/busybox:2.0');
    const group = await waitFor('the dw-views/busybox group', async () => (await api.views.images.rows()).find((r) => r.label === 'dw-views/busybox'));
    assert.deepStrictEqual([group.kind, group.description, group.contextValue], ['imageRepository', '1 tag', 'imageRepository']);
    const row = group.children?.[0] as ImageRowNode;
    const size = Number(docker('image', 'inspect', '-f', '{{.Size}}', TEST_IMAGE));
    assert.deepStrictEqual([row.label, row.reference, row.contextValue, row.image.id], ['2.0', 'dw-views/busybox:2.0', 'image', docker('image', 'inspect', '-f', '{{.Id}}', TEST_IMAGE)]);
    assert.ok(row.description.startsWith(`${formatBytes(size)} · `), row.description);

    docker('run', '-d', '--name', 'dw-views-user', '--label', LABEL, 'dw-views/busybox:2.0', 'sleep', '600');
    const used = await waitFor('the row in use', async () => {
      const found = (await api.views.images.rows()).find((r) => r.label === 'dw-views/busybox')?.children?.[0] as ImageRowNode | undefined;
      return found?.usedBy.includes('dw-views-user') && found;
    });
    assert.ok(used.description.endsWith(' · in use'), used.description);
    docker('rm', '-f', 'dw-views-user');
    docker('rmi', 'dw-views/busybox:2.0');
    await waitFor('the group gone', async () => !(await api.views.images.rows()).some((r) => r.label === 'dw-views/busybox'));
  });

  it('shows dangling images only after "Show Dangling Images", under their own group', async () => {
    docker('create', '--name', 'dw-views-commit', '--label', LABEL, TEST_IMAGE, 'true');
    // A commit without a name makes an untagged (dangling) image.
    const id = docker('commit', '--change', `LABEL ${LABEL}`, 'dw-views-commit');
    const dangling = () => api.views.images.rows().then((rows) => rows.find((r) => r.label === 'Dangling images'));
    await waitFor('the image listed', async () => docker('images', '-q', '--no-trunc', '--filter', 'dangling=true').includes(id));
    assert.strictEqual(await dangling(), undefined);

    await vscode.commands.executeCommand('dockerWorkflows.images.showDangling');
    const group = await waitFor('the dangling group', dangling);
    const row = group.children?.find((c) => (c as ImageRowNode).image.id === id) as ImageRowNode | undefined;
    assert.deepStrictEqual(row && [row.label, row.contextValue, row.reference], [id.slice('sha256:'.length, 'sha256:'.length + 12), 'image.dangling', undefined]);

    await vscode.commands.executeCommand('dockerWorkflows.images.hideDangling');
    await waitFor('the dangling group hidden', async () => (await dangling()) === undefined);
  });

  it('shows a volume unused, then in use by the container that mounts it', async () => {
    docker('volume', 'create', 'dw-views-data');
    const row = await waitFor('the volume row', async () => (await api.views.volumes.rows()).find((r) => r.label === 'dw-views-data'));
    assert.deepStrictEqual([row.description, row.contextValue, row.usedBy], ['local · unused', 'volume.unused', []]);

    docker('create', '--name', 'dw-views-mounter', '--label', LABEL, '-v', 'dw-views-data:/data', TEST_IMAGE, 'sleep', '600');
    const used = await waitFor('the volume in use', async () => {
      const found = (await api.views.volumes.rows()).find((r) => r.label === 'dw-views-data');
      return found && found.usedBy.length > 0 && found;
    });
    assert.deepStrictEqual([used.description, used.contextValue, used.usedBy], ['local · in use by 1 container', 'volume.used', ['dw-views-mounter']]);

    const document = await vscode.commands.executeCommand<vscode.TextDocument>('dockerWorkflows.volumes.inspect', used);
    const inspected = JSON.parse(document.getText()) as { Name: string; Driver: string; Mountpoint: string };
    assert.deepStrictEqual([document.uri.scheme, document.languageId, inspected.Name, inspected.Driver, inspected.Mountpoint], ['docker-inspect', 'json', 'dw-views-data', 'local', used.volume.mountpoint]);
  });

  it('shows a network with the containers attached to it and their addresses', async () => {
    docker('network', 'create', '--label', LABEL, 'dw-views-net');
    docker('run', '-d', '--name', 'dw-views-member', '--label', LABEL, '--network', 'dw-views-net', TEST_IMAGE, 'sleep', '600');
    const ip = docker('inspect', '-f', '{{(index .NetworkSettings.Networks "dw-views-net").IPAddress}}', 'dw-views-member');
    const row = await waitFor('the network with its container', async () => {
      const found = (await api.views.networks.rows()).find((r) => r.label === 'dw-views-net');
      return found?.kind === 'network' && found.children.length === 1 && found;
    });
    assert.deepStrictEqual([row.description, row.contextValue], ['bridge · local · 1 container', 'network']);
    assert.deepStrictEqual(row.kind === 'network' && row.children.map((c) => [c.label, c.description, c.contextValue]), [['dw-views-member', ip, 'networkContainer']]);

    const document = await vscode.commands.executeCommand<vscode.TextDocument>('dockerWorkflows.networks.inspect', row);
    const inspected = JSON.parse(document.getText()) as { Name: string; Id: string; Containers: Record<string, { Name: string }> };
    assert.deepStrictEqual(
      [inspected.Name, inspected.Id, Object.values(inspected.Containers).map((c) => c.Name)],
      ['dw-views-net', row.kind === 'network' && row.network.id, ['dw-views-member']],
    );

    const predefined = (await api.views.networks.rows()).find((r) => r.label === 'host');
    assert.strictEqual(predefined?.contextValue, 'network.predefined');
  });
});
