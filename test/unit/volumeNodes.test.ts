import * as assert from 'assert';
import type { ContainerSummary, MountSummary, VolumeSummary } from '../../client/src/engine/types';
import { isAnonymousVolume } from '../../client/src/engine/types';
import { volumeTree } from '../../client/src/tree/volumeNodes';

const anonymousA = '0123456789abcdef'.repeat(4);
const anonymousB = 'fedcba9876543210'.repeat(4);

function volume(name: string, fields: Partial<VolumeSummary> = {}): VolumeSummary {
  return { name, driver: 'local', mountpoint: `/var/lib/docker/volumes/${name}/_data`, scope: 'local', labels: {}, ...fields };
}

function container(name: string, mounts: Partial<MountSummary>[]): ContainerSummary {
  return {
    id: Buffer.from(name).toString('hex').padEnd(64, '0'),
    name,
    image: 'busybox:latest',
    imageId: 'sha256:1',
    command: '',
    created: 0,
    state: 'running',
    status: '',
    ports: [],
    labels: {},
    networks: {},
    mounts: mounts.map((m) => ({ type: 'volume', source: '', destination: '/data', readOnly: false, ...m })),
  };
}

const compose = { 'com.docker.compose.project': 'shop', 'com.docker.compose.volume': 'db-data', 'com.docker.compose.version': '2.29.1' };
const volumes = [
  volume(anonymousB),
  volume('shop_db-data', { labels: compose, created: Date.UTC(2024, 0, 2, 3, 4, 5) }),
  volume('cache-10'),
  volume(anonymousA),
  volume('cache-2', { driver: 'nfs', scope: 'global' }),
];
const containers = [
  container('shop-db-1', [{ source: 'shop_db-data', destination: '/var/lib/postgresql/data' }]),
  // Two mounts of one volume: the container counts once.
  container('worker-10', [
    { source: 'cache-2', destination: '/cache' },
    { source: 'cache-2', destination: '/also-cache', readOnly: true },
  ]),
  container('worker-2', [{ source: 'cache-2' }, { source: anonymousA, destination: '/tmp/x' }]),
  // A bind mount whose host path happens to read like a volume's name is not a use of the volume.
  container('binder', [{ type: 'bind', source: 'cache-10', destination: '/c' }]),
];

describe('volume tree', () => {
  it('tells anonymous volumes by their 64 hex digit names', () => {
    assert.deepStrictEqual(
      [anonymousA, 'data', '0123456789ab', anonymousA.toUpperCase()].map(isAnonymousVolume),
      [true, false, false, false],
    );
  });

  it('lists named volumes naturally, then anonymous ones by their short name', () => {
    const tree = volumeTree(volumes, containers);
    assert.deepStrictEqual(
      tree.map((n) => [n.id, n.label]),
      [
        ['volume:cache-2', 'cache-2'],
        ['volume:cache-10', 'cache-10'],
        ['volume:shop_db-data', 'shop_db-data'],
        [`volume:${anonymousA}`, '0123456789ab'],
        [`volume:${anonymousB}`, 'fedcba987654'],
      ],
    );
  });

  it('describes driver and use, with icon and context value by use', () => {
    const tree = volumeTree(volumes, containers);
    assert.deepStrictEqual(
      tree.map((n) => [n.description, n.icon, n.contextValue, n.usedBy]),
      [
        ['nfs · in use by 2 containers', { id: 'database' }, 'volume.used', ['worker-2', 'worker-10']],
        ['local · unused', { id: 'database' }, 'volume.unused', []],
        ['local · in use by 1 container', { id: 'database' }, 'volume.used', ['shop-db-1']],
        ['anonymous · local · in use by 1 container', { id: 'database' }, 'volume.used', ['worker-2']],
        ['anonymous · local · unused', { id: 'database' }, 'volume.unused', []],
      ],
    );
  });

  it('keeps the volume summary on each row, for commands', () => {
    assert.strictEqual(volumeTree(volumes, containers)[2].volume, volumes[1]);
  });

  it('shows Compose project, driver, scope, mount point, created, users and labels in the tooltip', () => {
    const [, , shop, anonymous] = volumeTree(volumes, containers);
    assert.strictEqual(
      shop.tooltip,
      [
        '**shop\\_db\\-data**',
        '',
        'Compose: volume db\\-data of project shop  ',
        'Driver: local  ',
        'Scope: local  ',
        'Mount point: `/var/lib/docker/volumes/shop_db-data/_data`  ',
        'Created: 2024-01-02T03:04:05Z  ',
        'Used by: shop\\-db\\-1',
        '',
        'Labels:',
        '- `com.docker.compose.project=shop`',
        '- `com.docker.compose.version=2.29.1`',
        '- `com.docker.compose.volume=db-data`',
      ].join('\n'),
    );
    assert.strictEqual(
      anonymous.tooltip,
      `**${anonymousA}** (anonymous)\n\n` +
        'Driver: local  \n' +
        'Scope: local  \n' +
        `Mount point: \`/var/lib/docker/volumes/${anonymousA}/_data\`  \n` +
        'Used by: worker\\-2',
    );
    assert.strictEqual(
      volumeTree([volume('cache-2', { driver: 'nfs', scope: 'global', mountpoint: '' })], [])[0].tooltip,
      '**cache\\-2**\n\nDriver: nfs  \nScope: global  \nUsed by: no container',
    );
  });

  it('makes an empty tree without volumes', () => {
    assert.deepStrictEqual(volumeTree([], containers), []);
  });
});
