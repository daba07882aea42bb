import * as assert from 'assert';
import type { ContainerState, ContainerSummary, NetworkSummary } from '../../client/src/engine/types';
import { isPredefinedNetwork } from '../../client/src/engine/types';
import { networkTree } from '../../client/src/tree/networkNodes';

const created = Date.UTC(2024, 2, 3, 4, 5, 6);

function network(name: string, fields: Partial<NetworkSummary> = {}): NetworkSummary {
  const id = Buffer.from(name).toString('hex').padEnd(64, '0');
  return { id, name, driver: 'bridge', scope: 'local', internal: false, created, labels: {}, ...fields };
}

function container(name: string, networks: Record<string, string>, state: ContainerState = 'running'): ContainerSummary {
  return {
    id: Buffer.from(name).toString('hex').padEnd(64, '0'),
    name,
    image: 'nginx:1.27',
    imageId: 'sha256:1',
    command: '',
    created: 0,
    state,
    status: state === 'running' ? 'Up 5 minutes' : 'Exited (0) 1 minute ago',
    ports: [],
    labels: {},
    networks,
    mounts: [],
  };
}

const compose = { 'com.docker.compose.project': 'shop', 'com.docker.compose.network': 'default' };
const networks = [
  network('shop_default', { labels: compose, subnet: '172.18.0.0/16' }),
  network('none', { driver: 'null' }),
  network('host', { driver: 'host' }),
  network('backend-10', { internal: true }),
  network('bridge', { subnet: '172.17.0.0/16' }),
  network('backend-2', { driver: 'overlay', scope: 'swarm' }),
];
const containers = [
  container('shop-web-1', { shop_default: '172.18.0.3', 'backend-2': '10.0.1.4' }),
  container('shop-db-1', { shop_default: '172.18.0.2' }),
  container('shop-web-10', { shop_default: '' }, 'exited'),
  container('loner', { bridge: '172.17.0.2' }),
  container('hosted', { host: '' }),
];

describe('network tree', () => {
  it('knows the predefined networks by name', () => {
    assert.deepStrictEqual(['bridge', 'host', 'none', 'shop_default', 'Bridge'].map(isPredefinedNetwork), [true, true, true, false, false]);
  });

  it('sorts networks naturally, describes driver, scope and attached containers, and marks the predefined ones', () => {
    const tree = networkTree(networks, containers);
    assert.deepStrictEqual(
      tree.map((n) => [n.label, n.description, n.icon, n.contextValue, n.predefined, n.expanded]),
      [
        ['backend-2', 'overlay · swarm · 1 container', { id: 'type-hierarchy' }, 'network', false, true],
        ['backend-10', 'bridge · local', { id: 'type-hierarchy' }, 'network', false, false],
        ['bridge', 'bridge · local · 1 container', { id: 'type-hierarchy' }, 'network.predefined', true, true],
        ['host', 'host · local · 1 container', { id: 'type-hierarchy' }, 'network.predefined', true, true],
        ['none', 'null · local', { id: 'type-hierarchy' }, 'network.predefined', true, false],
        ['shop_default', 'bridge · local · 3 containers', { id: 'type-hierarchy' }, 'network', false, true],
      ],
    );
    assert.deepStrictEqual(tree[1].children, []);
    assert.strictEqual(tree[5].network, networks[0]);
  });

  it('lists the attached containers with their address on the network, and an icon by state', () => {
    const shop = networkTree(networks, containers)[5];
    assert.deepStrictEqual(
      shop.children.map((c) => [c.kind, c.label, c.description, c.icon, c.contextValue, c.containerName, c.ipAddress]),
      [
        ['networkContainer', 'shop-db-1', '172.18.0.2', { id: 'vm-running', color: 'charts.green' }, 'networkContainer', 'shop-db-1', '172.18.0.2'],
        ['networkContainer', 'shop-web-1', '172.18.0.3', { id: 'vm-running', color: 'charts.green' }, 'networkContainer', 'shop-web-1', '172.18.0.3'],
        ['networkContainer', 'shop-web-10', 'no address', { id: 'vm-outline' }, 'networkContainer', 'shop-web-10', ''],
      ],
    );
    assert.strictEqual(shop.children[0].containerId, containers[1].id);
    assert.deepStrictEqual(
      shop.children.map((c) => [c.networkId, c.networkName]),
      [networks[0].id, networks[0].id, networks[0].id].map((id) => [id, 'shop_default']),
    );
  });

  it('gives each row an id unique in the view, a container on two networks included', () => {
    const tree = networkTree(networks, containers);
    const ids = tree.flatMap((n) => [n.id, ...n.children.map((c) => c.id)]);
    assert.strictEqual(new Set(ids).size, ids.length);
    const web = containers[0].id;
    assert.deepStrictEqual(
      ids.filter((id) => id.endsWith(web)),
      [`networkContainer:${networks[5].id}/${web}`, `networkContainer:${networks[0].id}/${web}`],
    );
    assert.strictEqual(tree[0].id, `network:${networks[5].id}`);
  });

  it('shows Compose project, id, driver, scope, subnet, internal, created, labels and containers in the tooltip', () => {
    const tree = networkTree(networks, containers);
    assert.strictEqual(
      tree[5].tooltip,
      [
        '**shop\\_default** (73686f705f64)',
        '',
        'Compose: network default of project shop  ',
        'Driver: bridge  ',
        'Scope: local  ',
        'Subnet: 172.18.0.0/16  ',
        'Internal: no  ',
        'Created: 2024-03-03T04:05:06Z',
        '',
        'Labels:',
        '- `com.docker.compose.network=default`',
        '- `com.docker.compose.project=shop`',
        '',
        'Containers:',
        '- shop\\-db\\-1: 172.18.0.2',
        '- shop\\-web\\-1: 172.18.0.3',
        '- shop\\-web\\-10 (no address)',
      ].join('\n'),
    );
    assert.strictEqual(
      tree[1].tooltip,
      '**backend\\-10** (6261636b656e)\n\nDriver: bridge  \nScope: local  \nInternal: yes (no access to the outside)  \nCreated: 2024-03-03T04:05:06Z',
    );
    assert.strictEqual(tree[4].tooltip.split('\n')[0], '**none** (6e6f6e650000), predefined');
  });

  it('shows the container, its address on the network, image and state in a container row tooltip', () => {
    const backend = networkTree(networks, containers)[0];
    assert.strictEqual(
      backend.children[0].tooltip,
      '**shop\\-web\\-1** (73686f702d77)\n\nNetwork: backend\\-2  \nIP address: 10.0.1.4  \nImage: nginx:1\\.27  \nState: running  \nStatus: Up 5 minutes',
    );
  });

  it('makes an empty tree without networks', () => {
    assert.deepStrictEqual(networkTree([], containers), []);
  });
});
