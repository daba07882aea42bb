// The pure parts of the container files: the Files rows of the Containers view, the container's user and what it
// may do, and the docker-container URIs (only the engine in use; no "..").
import * as assert from 'assert';
import type { ContainerListing } from '../../client/src/engine/containerFiles';
import { mayAccess, resolveUser, userName } from '../../client/src/engine/containerUser';
import { engineKey, parseUri, uriPath } from '../../client/src/files/containerUri';
import { fileNodes, filesRootNode, modeText, withFilesNodes } from '../../client/src/tree/fileNodes';
import { containerTree } from '../../client/src/tree/containerNodes';
import type { ContainerState, ContainerSummary } from '../../client/src/engine/types';

const ID = 'ab'.repeat(32);
const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33:www:/var/www:/bin/false\nnode:x:1000:1000::/home/node:/bin/sh\n';
const GROUP = 'root:x:0:\nwww-data:x:33:\nnode:x:1000:\nstaff:x:50:node,www-data\n';

function container(name: string, state: ContainerState, project?: string): ContainerSummary {
  return {
    id: Buffer.from(name).toString('hex').padEnd(64, '0'),
    name,
    image: 'busybox',
    imageId: 'sha256:1',
    command: '',
    created: 0,
    state,
    status: '',
    ports: [],
    labels: {},
    networks: {},
    mounts: [],
    ...(project ? { composeProject: project, composeService: name } : {}),
  };
}

describe('container files: rows, users and URIs', () => {
  it('puts a Files row under running and stopped containers (read-only), none under dead ones', () => {
    const rows = withFilesNodes(containerTree([container('web', 'running', 'shop'), container('old', 'exited'), container('bad', 'dead')]));
    const shop = rows[0] as { children: { label: string; expanded?: boolean; children?: { label: string; description: string; contextValue: string }[] }[] };
    assert.deepStrictEqual(
      shop.children[0].children!.map((c) => [c.label, c.description, c.contextValue]),
      [['Files', '', 'containerFiles.running']],
    );
    assert.strictEqual(shop.children[0].expanded, false);
    const byLabel = (label: string) => (rows as { label: string; children?: { description: string; contextValue: string }[] }[]).find((r) => r.label === label)!;
    const [old, bad] = [byLabel('old'), byLabel('bad')];
    assert.deepStrictEqual(old.children!.map((c) => [c.description, c.contextValue]), [['read-only while stopped', 'containerFiles.stopped']]);
    assert.strictEqual(bad.children, undefined);
    assert.strictEqual(filesRootNode(container('gone', 'removing')), undefined);
    assert.strictEqual(filesRootNode(container('held', 'paused'))?.description, 'read-only while paused');
  });

  it('maps a listing to rows: folders, files with sizes, links with targets, and a row when it stopped early', () => {
    const listing: ContainerListing = {
      complete: false,
      entries: [
        { name: 'lib', kind: 'symlink', linkTarget: 'usr/lib', targetKind: 'directory', size: 0, mode: 0o777, mtime: 0, uid: 0, gid: 0 },
        { name: 'etc', kind: 'directory', size: 0, mode: 0o755, mtime: 0, uid: 0, gid: 0 },
        { name: 'notes.txt', kind: 'file', size: 2500, mode: 0o640, mtime: Date.UTC(2026, 0, 1), uid: 1000, gid: 50 },
      ],
    };
    const rows = fileNodes({ containerId: ID, containerName: 'web', running: true, path: '/srv' }, listing);
    assert.deepStrictEqual(
      rows.map((r) => [r.kind, r.id, r.label, r.description, r.icon.id, r.contextValue]),
      [
        ['containerFolder', `files:${ID}:/srv/lib`, 'lib', '→ usr/lib', 'file-symlink-directory', 'containerFolder.running'],
        ['containerFolder', `files:${ID}:/srv/etc`, 'etc', '', 'folder', 'containerFolder.running'],
        ['containerFile', `files:${ID}:/srv/notes.txt`, 'notes.txt', '2.5 kB', 'file', 'containerFile.running'],
        ['containerFilesNote', `files-note:${ID}:/srv`, 'Only the first 3 entries are shown', '', 'info', 'containerFilesNote'],
      ],
    );
    assert.strictEqual(rows[2].tooltip, '`/srv/notes.txt`\n\nSize: 2.5 kB (2500 bytes)  \nMode: -rw-r-----, owner 1000:50  \nModified: 2026-01-01T00:00:00Z');
    assert.strictEqual(modeText({ kind: 'directory', mode: 0o1777 }), 'drwxrwxrwx');
  });

  it("works out the container's user from --user and its /etc/passwd and /etc/group", () => {
    assert.deepStrictEqual(resolveUser('', PASSWD, GROUP), { uid: 0, gid: 0, groups: [0], spec: '' });
    assert.deepStrictEqual(resolveUser('node', PASSWD, GROUP), { uid: 1000, gid: 1000, groups: [1000, 50], spec: 'node' });
    assert.deepStrictEqual(resolveUser('1000', PASSWD, GROUP), { uid: 1000, gid: 1000, groups: [1000, 50], spec: '1000' });
    assert.deepStrictEqual(resolveUser('4242:33', PASSWD, GROUP), { uid: 4242, gid: 33, groups: [33], spec: '4242:33' });
    assert.deepStrictEqual(resolveUser('www-data:staff', PASSWD, GROUP).groups, [50]);
    assert.throws(() => resolveUser('nobody', PASSWD, GROUP), /the container's user nobody is not in its \/etc\/passwd/);
    assert.throws(() => resolveUser('node:wheel', PASSWD, GROUP), /the container's group wheel is not in its \/etc\/group/);
    assert.strictEqual(userName(resolveUser('node', PASSWD, GROUP)), 'user node (1000)');
    assert.strictEqual(userName(resolveUser('1000', PASSWD, GROUP)), 'user 1000');
  });

  it('decides access by owner, group and others, as the kernel does; root may do all', () => {
    const node = resolveUser('node', PASSWD, GROUP);
    const file = (uid: number, gid: number, mode: number) => ({ uid, gid, mode });
    assert.strictEqual(mayAccess(node, file(0, 0, 0o600), 'read'), false);
    assert.strictEqual(mayAccess(node, file(0, 0, 0o644), 'read'), true);
    assert.strictEqual(mayAccess(node, file(0, 0, 0o644), 'write'), false);
    assert.strictEqual(mayAccess(node, file(0, 50, 0o664), 'write'), true);
    // The owner's bits count for the owner, even when others may do more.
    assert.strictEqual(mayAccess(node, file(1000, 0, 0o066), 'read'), false);
    assert.strictEqual(mayAccess(resolveUser('', PASSWD, GROUP), file(5, 5, 0o000), 'write'), true);
  });

  it('takes URIs of the engine in use only, and no "." or ".." in paths', () => {
    const key = engineKey('unix:///var/run/docker.sock');
    assert.match(key, /^[0-9a-f]{16}$/);
    assert.notStrictEqual(engineKey('tcp://127.0.0.1:2375'), key);
    assert.strictEqual(uriPath(ID, '/www/index.html'), `/${ID}/www/index.html`);
    assert.deepStrictEqual(parseUri(key, `/${ID}/www/index.html`, key), { containerId: ID, path: '/www/index.html' });
    assert.deepStrictEqual(parseUri(key, `/${ID}`, key), { containerId: ID, path: '/' });
    assert.deepStrictEqual(parseUri(key, `/${ID}/www/`, key), { containerId: ID, path: '/www' });
    assert.deepStrictEqual(parseUri(key, `/${ID}/www`, engineKey('tcp://10.0.0.1:2375')), { problem: 'This file belongs to another Docker engine than the one the views use now.' });
    assert.deepStrictEqual(parseUri(key, `/${ID}/www`, undefined), { problem: 'No Docker engine is connected.' });
    assert.deepStrictEqual(parseUri(key, '/web/www', key), { problem: 'The address does not name a container.' });
    assert.deepStrictEqual(parseUri(key, `/${ID}/www/../etc/shadow`, key), { problem: 'A path inside a container may not hold "." or "..".' });
  });
});
