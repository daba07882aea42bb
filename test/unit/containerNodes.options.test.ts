// The Containers view's settings (docker-workflows.containers.groupBy, sortBy, label, description) applied by the
// pure mapper: exact groups, order, labels and descriptions for every choice.
import * as assert from 'assert';
import type { ContainerState, ContainerSummary } from '../../client/src/engine/types';
import { containerTree, type ContainerNodeModel } from '../../client/src/tree/containerNodes';
import { withFilesNodes } from '../../client/src/tree/fileNodes';
import { eachNode } from '../../client/src/tree/engineNodes';

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function container(name: string, digit: string, fields: Partial<ContainerSummary> & { state: ContainerState }): ContainerSummary {
  return {
    id: digit.repeat(64),
    name,
    image: 'busybox:latest',
    imageId: 'sha256:1',
    command: 'sleep 3600',
    created: NOW,
    status: '',
    ports: [],
    labels: {},
    networks: {},
    mounts: [],
    ...fields,
  };
}

const shop = (service: string) => ({ composeProject: 'shop', composeService: service });

const containers = [
  container('web-1', '1', {
    ...shop('web'),
    image: 'shop/web:1',
    state: 'running',
    status: 'Up 3 hours',
    created: NOW - 3 * HOUR,
    networks: { shop_default: '172.18.0.2' },
    ports: [{ privatePort: 80, publicPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' }],
  }),
  container('db-1', '2', {
    ...shop('db'),
    image: 'postgres:16',
    state: 'running',
    status: 'Up 2 days',
    created: NOW - 48 * HOUR,
    networks: { backend: '172.19.0.2', shop_default: '172.18.0.3' },
  }),
  container('alpha', '3', { state: 'exited', status: 'Exited (0) 10 minutes ago', created: NOW - 10 * MINUTE, networks: { bridge: '' } }),
  container('zeta-10', '4', { state: 'paused', status: 'Up 1 hour (Paused)', created: NOW - HOUR }),
  container('zeta-2', '5', { state: 'running', status: 'Up 5 seconds', created: NOW - 5_000, networks: { bridge: '172.17.0.2' } }),
];

/** Each top-level row's label, with its children's labels when it is a group. */
function shape(rows: ContainerNodeModel[]): (string | [string, string[]])[] {
  return rows.map((row) => (row.kind === 'container' ? row.label : [row.label, row.children.map((child) => child.label)]));
}

describe('container tree: group by', () => {
  it('groups by Compose project by default, the other containers after the groups, by name', () => {
    assert.deepStrictEqual(shape(containerTree(containers, { now: NOW })), [['shop', ['db-1', 'web-1']], 'alpha', 'zeta-2', 'zeta-10']);
    assert.deepStrictEqual(containerTree(containers, { now: NOW }), containerTree(containers, { groupBy: 'composeProject', sortBy: 'name', now: NOW }));
  });

  it('groups by image: one group per image, by name, with how many of its containers run', () => {
    const tree = containerTree(containers, { groupBy: 'image', now: NOW });
    assert.deepStrictEqual(shape(tree), [
      ['busybox:latest', ['alpha', 'zeta-2', 'zeta-10']],
      ['postgres:16', ['db-1']],
      ['shop/web:1', ['web-1']],
    ]);
    assert.deepStrictEqual(
      tree.map((row) => [row.kind, row.id, row.description, row.icon, row.contextValue]),
      [
        ['containerGroup', 'containerGroup:image:busybox:latest', '1 of 3 running', { id: 'package', color: 'charts.yellow' }, 'containerGroup.image'],
        ['containerGroup', 'containerGroup:image:postgres:16', '1 of 1 running', { id: 'package', color: 'charts.green' }, 'containerGroup.image'],
        ['containerGroup', 'containerGroup:image:shop/web:1', '1 of 1 running', { id: 'package', color: 'charts.green' }, 'containerGroup.image'],
      ],
    );
    assert.strictEqual(tree[0].tooltip, '**Image busybox:latest**\n\nContainers: 1 of 3 running');
  });

  it('groups by state: running first, then paused, then exited', () => {
    const tree = containerTree(containers, { groupBy: 'state', now: NOW });
    assert.deepStrictEqual(shape(tree), [
      ['Running', ['db-1', 'web-1', 'zeta-2']],
      ['Paused', ['zeta-10']],
      ['Exited', ['alpha']],
    ]);
    assert.deepStrictEqual(
      tree.map((row) => [row.id, row.description, row.icon]),
      [
        ['containerGroup:state:running', '3 containers', { id: 'vm-running', color: 'charts.green' }],
        ['containerGroup:state:paused', '1 container', { id: 'debug-pause', color: 'charts.yellow' }],
        ['containerGroup:state:exited', '1 container', { id: 'vm-outline' }],
      ],
    );
  });

  it('groups by network: a container on two networks is in both, the ones on none last; every id stays unique', () => {
    const tree = withFilesNodes(containerTree(containers, { groupBy: 'network', now: NOW }));
    assert.deepStrictEqual(shape(tree), [
      ['backend', ['db-1']],
      ['bridge', ['alpha', 'zeta-2']],
      ['shop_default', ['db-1', 'web-1']],
      ['No network', ['zeta-10']],
    ]);
    assert.deepStrictEqual(
      tree.map((row) => [row.id, row.description]),
      [
        ['containerGroup:network:backend', '1 of 1 running'],
        ['containerGroup:network:bridge', '1 of 2 running'],
        ['containerGroup:network:shop_default', '2 of 2 running'],
        ['containerGroup:network:', '0 of 1 running'],
      ],
    );
    const backendDb = tree[0].children?.[0];
    assert.deepStrictEqual(
      [backendDb?.id, backendDb?.children?.[0].id],
      [`containerGroup:network:backend|container:${'2'.repeat(64)}`, `containerGroup:network:backend|files:${'2'.repeat(64)}:/`],
    );
    const ids = tree.flatMap((row) => [...eachNode(row)].map((node) => node.id));
    assert.strictEqual(new Set(ids).size, ids.length);
  });

  it('groups not at all: one list of every container', () => {
    assert.deepStrictEqual(shape(containerTree(containers, { groupBy: 'none', now: NOW })), ['alpha', 'db-1', 'web-1', 'zeta-2', 'zeta-10']);
  });

  it('puts Files rows under the containers of any group', () => {
    const tree = withFilesNodes(containerTree(containers, { groupBy: 'state', now: NOW }));
    assert.deepStrictEqual(
      tree.map((group) => group.children?.map((row) => row.children?.map((files) => files.id))),
      [[[`files:${'2'.repeat(64)}:/`], [`files:${'1'.repeat(64)}:/`], [`files:${'5'.repeat(64)}:/`]], [[`files:${'4'.repeat(64)}:/`]], [[`files:${'3'.repeat(64)}:/`]]],
    );
  });
});

describe('container tree: sort by', () => {
  it('sorts by creation, newest first, inside the Compose groups and among the other containers', () => {
    assert.deepStrictEqual(shape(containerTree(containers, { sortBy: 'created', now: NOW })), [['shop', ['web-1', 'db-1']], 'zeta-2', 'alpha', 'zeta-10']);
    assert.deepStrictEqual(shape(containerTree(containers, { groupBy: 'none', sortBy: 'created', now: NOW })), ['zeta-2', 'alpha', 'zeta-10', 'web-1', 'db-1']);
  });

  it('sorts by state, running first, then by name (by service inside a Compose project)', () => {
    assert.deepStrictEqual(shape(containerTree(containers, { sortBy: 'state', now: NOW })), [['shop', ['db-1', 'web-1']], 'zeta-2', 'zeta-10', 'alpha']);
    assert.deepStrictEqual(shape(containerTree(containers, { groupBy: 'none', sortBy: 'state', now: NOW })), ['db-1', 'web-1', 'zeta-2', 'zeta-10', 'alpha']);
    assert.deepStrictEqual(shape(containerTree(containers, { groupBy: 'image', sortBy: 'state', now: NOW }))[0], ['busybox:latest', ['zeta-2', 'zeta-10', 'alpha']]);
  });
});

describe('container tree: label and description', () => {
  const rows = (options: Parameters<typeof containerTree>[1]) =>
    containerTree(containers, { groupBy: 'none', now: NOW, ...options }).map((row) => [row.label, row.description]);

  it('describes a row by service, image, published ports and address by default', () => {
    assert.deepStrictEqual(rows({}), [
      ['alpha', 'busybox:latest'],
      ['db-1', 'db · postgres:16 · 172.19.0.2'],
      ['web-1', 'web · shop/web:1 · 127.0.0.1:8080→80/tcp · 172.18.0.2'],
      ['zeta-2', 'busybox:latest · 172.17.0.2'],
      ['zeta-10', 'busybox:latest'],
    ]);
  });

  it('labels rows by short id, image or Compose service (the name for a container of no project)', () => {
    const description: [] = [];
    assert.deepStrictEqual(rows({ label: 'id', description }), ['333333333333', '222222222222', '111111111111', '555555555555', '444444444444'].map((id) => [id, '']));
    assert.deepStrictEqual(rows({ label: 'image', description }).map(([label]) => label), ['busybox:latest', 'postgres:16', 'shop/web:1', 'busybox:latest', 'busybox:latest']);
    assert.deepStrictEqual(rows({ label: 'service', description }).map(([label]) => label), ['alpha', 'db', 'web', 'zeta-2', 'zeta-10']);
  });

  it('shows the description fields asked for, in their order, leaving out what a container has nothing for', () => {
    assert.deepStrictEqual(rows({ description: ['state', 'status', 'created', 'networks', 'name', 'id'] }), [
      ['alpha', 'exited · Exited (0) 10 minutes ago · 10 minutes ago · bridge · alpha · 333333333333'],
      ['db-1', 'running · Up 2 days · 2 days ago · backend, shop_default · db-1 · 222222222222'],
      ['web-1', 'running · Up 3 hours · 3 hours ago · shop_default · web-1 · 111111111111'],
      ['zeta-2', 'running · Up 5 seconds · just now · bridge · zeta-2 · 555555555555'],
      ['zeta-10', 'paused · Up 1 hour (Paused) · 1 hour ago · zeta-10 · 444444444444'],
    ]);
    assert.deepStrictEqual(rows({ description: ['ip', 'ports', 'image', 'service'] })[2], ['web-1', '172.18.0.2 · 127.0.0.1:8080→80/tcp · shop/web:1 · web']);
  });
});
