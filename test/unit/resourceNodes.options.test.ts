// The Images, Volumes and Networks views' settings (docker-workflows.<view>.groupBy, sortBy, label, description)
// applied by the pure mappers: exact groups, order, labels and descriptions for every choice.
import * as assert from 'assert';
import type { ContainerSummary, ImageSummary, NetworkSummary, VolumeSummary } from '../../client/src/engine/types';
import { imageTree } from '../../client/src/tree/imageNodes';
import { networkView } from '../../client/src/tree/networkNodes';
import type { NodeBase } from '../../client/src/tree/nodeModel';
import { volumeView } from '../../client/src/tree/volumeNodes';

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each top-level row's label, with its children's labels when it has children. */
function shape(rows: readonly NodeBase[]): (string | [string, string[]])[] {
  return rows.map((row) => (row.children && row.children.length > 0 ? [row.label, row.children.map((child) => child.label)] : row.label));
}

function user(name: string, imageId: string, mounts: string[] = []): ContainerSummary {
  return {
    id: Buffer.from(name).toString('hex').padEnd(64, '0'),
    name,
    image: 'python:3.12',
    imageId,
    command: '',
    created: NOW,
    state: 'running',
    status: '',
    ports: [],
    labels: {},
    networks: { shop_default: '172.18.0.2' },
    mounts: mounts.map((source) => ({ type: 'volume', source, destination: `/${source}`, readOnly: false })),
  };
}

describe('image tree: settings', () => {
  const image = (digit: string, repoTags: string[], size: number, created: number): ImageSummary => ({ id: `sha256:${digit.repeat(64)}`, repoTags, size, created, labels: {} });
  const images = [
    image('a', ['python:3.12', 'python:latest'], 50_000_000, NOW - 2 * DAY),
    image('b', ['python:3.9'], 120_000_000, NOW - 30 * DAY),
    image('c', ['127.0.0.1:5000/app:1'], 5_000_000, NOW - HOUR),
    image('d', [], 1_000_000, NOW - 10 * MINUTE),
  ];
  const containers = [user('py-app', `sha256:${'a'.repeat(64)}`)];
  const tree = (options: Partial<Parameters<typeof imageTree>[2]> = {}) => imageTree(images, containers, { showDangling: false, now: NOW, ...options });

  it('groups by repository, tags by name with latest first, by default', () => {
    assert.deepStrictEqual(shape(tree()), [['127.0.0.1:5000/app', ['1']], ['python', ['latest', '3.9', '3.12']]]);
    assert.deepStrictEqual(tree(), tree({ groupBy: 'repository', sortBy: 'name', label: 'tag', description: ['size', 'created', 'inUse'] }));
  });

  it('sorts the tags inside their groups newest first, or largest first; the groups stay in name order', () => {
    assert.deepStrictEqual(shape(tree({ sortBy: 'created' })), [['127.0.0.1:5000/app', ['1']], ['python', ['latest', '3.12', '3.9']]]);
    assert.deepStrictEqual(shape(tree({ sortBy: 'size' })), [['127.0.0.1:5000/app', ['1']], ['python', ['3.9', 'latest', '3.12']]]);
  });

  it('lists every tag by its reference without groups, the dangling images after them', () => {
    assert.deepStrictEqual(shape(tree({ groupBy: 'none' })), ['127.0.0.1:5000/app:1', 'python:latest', 'python:3.9', 'python:3.12']);
    assert.deepStrictEqual(shape(tree({ groupBy: 'none', showDangling: true })), ['127.0.0.1:5000/app:1', 'python:latest', 'python:3.9', 'python:3.12', 'dddddddddddd']);
    assert.deepStrictEqual(shape(tree({ groupBy: 'none', sortBy: 'created' })), ['127.0.0.1:5000/app:1', 'python:latest', 'python:3.12', 'python:3.9']);
    assert.deepStrictEqual(shape(tree({ groupBy: 'none', sortBy: 'size' })), ['python:3.9', 'python:latest', 'python:3.12', '127.0.0.1:5000/app:1']);
    assert.deepStrictEqual(
      tree({ groupBy: 'none' }).map((row) => [row.kind, row.id, row.contextValue]),
      [
        ['image', 'image:127.0.0.1:5000/app:1', 'image'],
        ['image', 'image:python:latest', 'image'],
        ['image', 'image:python:3.9', 'image'],
        ['image', 'image:python:3.12', 'image'],
      ],
    );
  });

  it('labels rows by their whole reference or short id, a dangling image always by its short id', () => {
    assert.deepStrictEqual(shape(tree({ label: 'reference', showDangling: true })), [
      ['127.0.0.1:5000/app', ['127.0.0.1:5000/app:1']],
      ['python', ['python:latest', 'python:3.9', 'python:3.12']],
      ['Dangling images', ['dddddddddddd']],
    ]);
    assert.deepStrictEqual(shape(tree({ label: 'id', groupBy: 'none' })), ['cccccccccccc', 'aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'aaaaaaaaaaaa']);
  });

  it('shows the description fields asked for, in their order', () => {
    const rows = tree({ groupBy: 'none', description: ['id', 'inUse', 'created', 'size'] });
    assert.deepStrictEqual(
      rows.map((row) => row.description),
      ['cccccccccccc · 1 hour ago · 5 MB', 'aaaaaaaaaaaa · in use · 2 days ago · 50 MB', 'bbbbbbbbbbbb · 4 weeks ago · 120 MB', 'aaaaaaaaaaaa · in use · 2 days ago · 50 MB'],
    );
    assert.deepStrictEqual(tree({ groupBy: 'none', description: [] }).map((row) => row.description), ['', '', '', '']);
  });
});

describe('volume tree: settings', () => {
  const anonymous = 'ab'.repeat(32);
  const volume = (name: string, fields: Partial<VolumeSummary> = {}): VolumeSummary => ({ name, driver: 'local', mountpoint: `/v/${name}`, scope: 'local', labels: {}, ...fields });
  const volumes = [
    volume('shop_db', { created: NOW - 2 * DAY, labels: { 'com.docker.compose.project': 'shop' } }),
    volume(anonymous, { created: NOW - 5 * MINUTE }),
    volume('nfs-data', { driver: 'nfs', scope: 'global' }),
    volume('cache', { created: NOW - HOUR }),
  ];
  const containers = [user('py-app', 'sha256:1', ['cache'])];

  it('lists named volumes by name, then the anonymous ones, by default', () => {
    assert.deepStrictEqual(shape(volumeView(volumes, containers, { now: NOW })), ['cache', 'nfs-data', 'shop_db', 'abababababab']);
  });

  it('sorts newest first, the volumes without a creation time last', () => {
    assert.deepStrictEqual(shape(volumeView(volumes, containers, { sortBy: 'created', now: NOW })), ['abababababab', 'cache', 'shop_db', 'nfs-data']);
  });

  it('groups by driver, each group holding its volumes in the chosen order', () => {
    const tree = volumeView(volumes, containers, { groupBy: 'driver', now: NOW });
    assert.deepStrictEqual(shape(tree), [['local', ['cache', 'shop_db', 'abababababab']], ['nfs', ['nfs-data']]]);
    assert.deepStrictEqual(
      tree.map((row) => [row.kind, row.id, row.description, row.contextValue, row.tooltip]),
      [
        ['volumeGroup', 'volumeGroup:local', '3 volumes', 'volumeGroup', '**Driver local**\n\n3 volumes: cache, shop\\_db, abababababab'],
        ['volumeGroup', 'volumeGroup:nfs', '1 volume', 'volumeGroup', '**Driver nfs**\n\n1 volume: nfs\\-data'],
      ],
    );
  });

  it('shows the description fields asked for, in their order, "anonymous" always first', () => {
    const tree = volumeView(volumes, containers, { description: ['scope', 'created', 'project', 'usage', 'driver'], now: NOW });
    assert.deepStrictEqual(
      tree.map((row) => row.description),
      [
        'local · 1 hour ago · in use by 1 container · local',
        'global · unused · nfs',
        'local · 2 days ago · shop · unused · local',
        'anonymous · local · 5 minutes ago · unused · local',
      ],
    );
  });
});

describe('network tree: settings', () => {
  const network = (digit: string, name: string, driver: string, created: number, fields: Partial<NetworkSummary> = {}): NetworkSummary => ({
    id: digit.repeat(64),
    name,
    driver,
    scope: 'local',
    internal: false,
    created,
    labels: {},
    ...fields,
  });
  const networks = [
    network('d', 'shop_default', 'bridge', NOW - 2 * HOUR, { subnet: '172.18.0.0/16' }),
    network('b', 'bridge', 'bridge', NOW - 30 * DAY, { subnet: '172.17.0.0/16' }),
    network('e', 'my-overlay', 'overlay', NOW - DAY, { scope: 'swarm' }),
    network('c', 'host', 'host', NOW - 30 * DAY),
  ];
  const containers = [user('py-app', 'sha256:1')];

  it('lists networks by name by default, each with its attached containers', () => {
    assert.deepStrictEqual(shape(networkView(networks, containers, { now: NOW })), ['bridge', 'host', 'my-overlay', ['shop_default', ['py-app']]]);
  });

  it('sorts newest first, then by name', () => {
    assert.deepStrictEqual(shape(networkView(networks, containers, { sortBy: 'created', now: NOW })), [['shop_default', ['py-app']], 'my-overlay', 'bridge', 'host']);
  });

  it('groups by driver', () => {
    const tree = networkView(networks, containers, { groupBy: 'driver', now: NOW });
    assert.deepStrictEqual(shape(tree), [['bridge', ['bridge', 'shop_default']], ['host', ['host']], ['overlay', ['my-overlay']]]);
    assert.deepStrictEqual(
      tree.map((row) => [row.kind, row.id, row.description, row.contextValue]),
      [
        ['networkGroup', 'networkGroup:bridge', '2 networks', 'networkGroup'],
        ['networkGroup', 'networkGroup:host', '1 network', 'networkGroup'],
        ['networkGroup', 'networkGroup:overlay', '1 network', 'networkGroup'],
      ],
    );
  });

  it('shows the description fields asked for, in their order', () => {
    const tree = networkView(networks, containers, { description: ['id', 'subnet', 'created', 'containers'], now: NOW });
    assert.deepStrictEqual(
      tree.map((row) => [row.label, row.description]),
      [
        ['bridge', 'bbbbbbbbbbbb · 172.17.0.0/16 · 4 weeks ago'],
        ['host', 'cccccccccccc · 4 weeks ago'],
        ['my-overlay', 'eeeeeeeeeeee · 1 day ago'],
        ['shop_default', 'dddddddddddd · 172.18.0.0/16 · 2 hours ago · 1 container'],
      ],
    );
    assert.deepStrictEqual(networkView(networks, containers, { description: ['scope', 'driver'], now: NOW })[2].description, 'swarm · overlay');
  });
});
