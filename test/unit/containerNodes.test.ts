import * as assert from 'assert';
import type Docker from 'dockerode';
import { toContainerSummary } from '../../client/src/engine/dockerodeMapping';
import type { ContainerSummary } from '../../client/src/engine/types';
import {
  code,
  containerNode,
  containerTree,
  escapeMarkdown,
  type ComposeProjectNode,
  type ContainerNodeModel,
} from '../../client/src/tree/containerNodes';

type Info = Omit<Partial<Docker.ContainerInfo>, 'NetworkSettings'> & {
  /** Network name -> IP address, the only part of NetworkSettings the view reads. */
  networks?: Record<string, string>;
  /** Reported by engines of API 1.52 and later. */
  Health?: { Status: string };
};

/** A summary made from a list entry shaped like the engine's (dockerode's ContainerInfo). */
function container(name: string, fields: Info = {}): ContainerSummary {
  const { networks = {}, ...rest } = fields;
  return toContainerSummary({
    Id: Buffer.from(name).toString('hex').padEnd(64, '0'),
    Names: [`/${name}`],
    Image: 'busybox:latest',
    ImageID: 'sha256:1',
    Command: 'sleep 3600',
    Created: 1_700_000_000,
    State: 'running',
    Status: 'Up 5 minutes',
    Ports: [],
    Labels: {},
    HostConfig: { NetworkMode: 'default' },
    NetworkSettings: {
      Networks: Object.fromEntries(Object.entries(networks).map(([net, IPAddress]) => [net, { IPAddress, GlobalIPv6Address: '' }])),
    },
    Mounts: [],
    ...rest,
  } as Docker.ContainerInfo);
}

function compose(project: string, service: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'com.docker.compose.project': project, 'com.docker.compose.service': service, ...extra };
}

const port = (IP: string, PublicPort: number, PrivatePort: number, Type = 'tcp') => ({ IP, PublicPort, PrivatePort, Type });

function project(nodes: ContainerNodeModel[], name: string): ComposeProjectNode {
  const node = nodes.find((n) => n.id === `project:${name}`);
  assert.ok(node?.kind === 'project', `no group for ${name}`);
  return node;
}

describe('container tree: Compose groups', () => {
  // Engine order: newest first.
  const engineList = [
    container('zeta'),
    container('shop-web-10', { Labels: compose('shop', 'web') }),
    container('blog-app-1', { Labels: compose('blog', 'app'), State: 'exited', Status: 'Exited (0) 1 hour ago' }),
    container('alpha'),
    container('shop-web-2', { Labels: compose('shop', 'web'), State: 'exited', Status: 'Exited (137) 2 minutes ago' }),
    container('shop-db-1', {
      Labels: compose('shop', 'db', {
        'com.docker.compose.project.working_dir': '/home/ann/shop',
        'com.docker.compose.project.config_files': '/home/ann/shop/compose.yaml,/home/ann/shop/compose.override.yaml',
      }),
      Status: 'Up 5 minutes (healthy)',
    }),
    container('shop-web-1', { Labels: compose('shop', 'web') }),
  ];

  it('puts the groups first, by project name, then the standalone containers by name', () => {
    const tree = containerTree(engineList);
    assert.deepStrictEqual(
      tree.map((n) => [n.kind, n.label]),
      [
        ['project', 'blog'],
        ['project', 'shop'],
        ['container', 'alpha'],
        ['container', 'zeta'],
      ],
    );
  });

  it('sorts a group by service, then by container name (numbers in names sort as numbers)', () => {
    assert.deepStrictEqual(
      project(containerTree(engineList), 'shop').children.map((c) => c.label),
      ['shop-db-1', 'shop-web-1', 'shop-web-2', 'shop-web-10'],
    );
  });

  it('shows a group with its running count, icon, context value, Compose files and a tooltip', () => {
    const shop = project(containerTree(engineList), 'shop');
    const { children, ...rest } = shop;
    assert.strictEqual(children.length, 4);
    assert.deepStrictEqual(rest, {
      kind: 'project',
      id: 'project:shop',
      label: 'shop',
      description: '3 of 4 running',
      tooltip:
        '**Compose project shop**\n\n' +
        'Containers: 3 of 4 running  \n' +
        'Working directory: `/home/ann/shop`  \n' +
        'Compose files: `/home/ann/shop/compose.yaml`, `/home/ann/shop/compose.override.yaml`',
      icon: { id: 'layers-dot', color: 'charts.yellow' },
      contextValue: 'composeProject',
      project: 'shop',
      workingDir: '/home/ann/shop',
      configFiles: ['/home/ann/shop/compose.yaml', '/home/ann/shop/compose.override.yaml'],
    });
    const blog = project(containerTree(engineList), 'blog');
    assert.deepStrictEqual(
      [blog.description, blog.icon, blog.tooltip, blog.workingDir, blog.configFiles],
      ['0 of 1 running', { id: 'layers' }, '**Compose project blog**\n\nContainers: 0 of 1 running', undefined, []],
    );
  });

  it('picks the group icon by how many run, red when one is unhealthy', () => {
    const group = (...members: ContainerSummary[]) => {
      const node = containerTree(members)[0] as ComposeProjectNode;
      return { description: node.description, icon: node.icon };
    };
    const up = (name: string, Status = 'Up 1 minute') => container(name, { Labels: compose('p', name), Status });
    const down = (name: string) => container(name, { Labels: compose('p', name), State: 'exited', Status: 'Exited (0) 1 minute ago' });
    assert.deepStrictEqual(
      [
        group(up('a'), up('b')),
        group(up('a'), down('b')),
        group(down('a'), down('b')),
        group(up('a', 'Up 1 minute (unhealthy)'), up('b', 'Up 1 minute (healthy)')),
        group(up('a', 'Up 1 minute (unhealthy)'), down('b')),
      ],
      [
        { description: '2 of 2 running', icon: { id: 'layers-active', color: 'charts.green' } },
        { description: '1 of 2 running', icon: { id: 'layers-dot', color: 'charts.yellow' } },
        { description: '0 of 2 running', icon: { id: 'layers' } },
        { description: '2 of 2 running · 1 unhealthy', icon: { id: 'layers-active', color: 'charts.red' } },
        { description: '1 of 2 running · 1 unhealthy', icon: { id: 'layers-dot', color: 'charts.red' } },
      ],
    );
  });

  it('keeps the container summary on each row, for commands', () => {
    const shop = project(containerTree(engineList), 'shop');
    assert.strictEqual(shop.children[0].container, engineList[5]);
  });
});

describe('container tree: rows', () => {
  it('describes a Compose container by service, image, published ports and IP address', () => {
    const web = container('shop-web-1', {
      Labels: compose('shop', 'web'),
      Image: 'nginx:1.27',
      // The engine lists ports in no particular order, and a port published on every address twice (IPv4, IPv6).
      Ports: [port('0.0.0.0', 8443, 443), port('127.0.0.1', 8080, 80), port('::', 8443, 443), { PrivatePort: 9000, Type: 'tcp' } as Docker.Port],
      networks: { shop_default: '172.18.0.2' },
    });
    assert.deepStrictEqual(
      (({ id, label, description, contextValue }) => ({ id, label, description, contextValue }))(containerNode(web)),
      {
        id: `container:${web.id}`,
        label: 'shop-web-1',
        description: 'web · nginx:1.27 · 127.0.0.1:8080→80/tcp, 8443→443/tcp · 172.18.0.2',
        contextValue: 'container.running',
      },
    );
  });

  it('lists three ports in the description, then how many more; IPv6 host addresses in brackets', () => {
    const busy = container('busy', {
      Ports: [port('::1', 9000, 9000), port('0.0.0.0', 7003, 3), port('127.0.0.1', 7002, 2, 'udp'), port('', 7001, 1), port('0.0.0.0', 7004, 4)],
    });
    assert.strictEqual(containerNode(busy).description, 'busybox:latest · 7001→1/tcp, 127.0.0.1:7002→2/udp, 7003→3/tcp +2');
    assert.match(containerNode(busy).tooltip, /Ports: 7001→1\/tcp, 127\.0\.0\.1:7002→2\/udp, 7003→3\/tcp, 7004→4\/tcp, \[::1\]:9000→9000\/tcp$/);
  });

  it('shows the address of the first network that gives one, and none for a stopped container', () => {
    assert.strictEqual(containerNode(container('two', { networks: { a_net: '', b_net: '10.0.0.5', c_net: '10.1.0.5' } })).description, 'busybox:latest · 10.0.0.5');
    const stopped = container('stopped', { State: 'exited', Status: 'Exited (0) 3 seconds ago', networks: { bridge: '' } });
    assert.strictEqual(containerNode(stopped).description, 'busybox:latest');
  });

  it('shows the short id of an image whose tag moved on, as docker ps does', () => {
    const image = `sha256:${'0123456789abcdef'.repeat(4)}`;
    assert.strictEqual(containerNode(container('old', { Image: image })).description, '0123456789ab');
  });

  it('picks the icon by state and, while running, by health; the context value by state', () => {
    const row = (State: string, Status: string, Health?: string) => {
      const node = containerNode(container('c', { State, Status, ...(Health ? { Health: { Status: Health } } : {}) }));
      return [node.icon, node.contextValue];
    };
    assert.deepStrictEqual(
      [
        row('running', 'Up 1 minute'),
        row('running', 'Up 1 minute (healthy)'),
        row('running', 'Up 1 minute (unhealthy)'),
        row('running', 'Up 1 second (health: starting)'),
        row('paused', 'Up 1 minute (Paused)', 'healthy'),
        row('restarting', 'Restarting (1) 2 seconds ago', 'unhealthy'),
        row('created', 'Created'),
        row('exited', 'Exited (0) 1 minute ago'),
        row('dead', 'Dead'),
        row('removing', 'Removal In Progress'),
        row('weird', ''),
      ],
      [
        [{ id: 'vm-running', color: 'charts.green' }, 'container.running'],
        [{ id: 'pass', color: 'charts.green' }, 'container.running'],
        [{ id: 'warning', color: 'charts.red' }, 'container.running'],
        [{ id: 'clock', color: 'charts.yellow' }, 'container.running'],
        [{ id: 'debug-pause', color: 'charts.yellow' }, 'container.paused'],
        [{ id: 'sync~spin', color: 'charts.yellow' }, 'container.restarting'],
        [{ id: 'vm-outline' }, 'container.created'],
        [{ id: 'vm-outline' }, 'container.exited'],
        [{ id: 'error', color: 'charts.red' }, 'container.dead'],
        [{ id: 'trash' }, 'container.removing'],
        [{ id: 'question' }, 'container.unknown'],
      ],
    );
  });

  it('shows image, command, created, state, health, status, ports, networks and mounts in the tooltip', () => {
    const web = container('shop-web-1', {
      Id: 'a1b2c3d4e5f6a7b8c9d0',
      Labels: compose('shop', 'web'),
      Image: 'nginx:1.27',
      Command: "nginx -g 'daemon off;'",
      Status: 'Up 3 minutes (healthy)',
      Ports: [port('127.0.0.1', 8080, 80), { PrivatePort: 443, Type: 'tcp' } as Docker.Port],
      networks: { shop_default: '172.18.0.2', shop_back: '' },
      Mounts: [
        { Type: 'volume', Name: 'shop_data', Source: '/var/lib/docker/volumes/shop_data/_data', Destination: '/var/lib/data', Mode: 'z', RW: true, Propagation: '' },
        { Type: 'bind', Source: '/home/ann/shop/nginx.conf', Destination: '/etc/nginx/nginx.conf', Mode: 'ro', RW: false, Propagation: 'rprivate' },
        { Type: 'tmpfs', Source: '', Destination: '/run', Mode: '', RW: true, Propagation: '' },
      ],
    });
    assert.strictEqual(
      containerNode(web).tooltip,
      [
        '**shop\\-web\\-1** (a1b2c3d4e5f6)',
        '',
        'Compose: service web of project shop  ',
        'Image: nginx:1\\.27  ',
        "Command: `nginx -g 'daemon off;'`  ",
        'Created: 2023-11-14T22:13:20Z  ',
        'State: running  ',
        'Health: healthy  ',
        'Status: Up 3 minutes \\(healthy\\)  ',
        'Ports: 127.0.0.1:8080→80/tcp, 443/tcp',
        '',
        'Networks:',
        '- shop\\_back (no address)',
        '- shop\\_default: 172.18.0.2',
        '',
        'Mounts:',
        '- bind `/home/ann/shop/nginx.conf` → `/etc/nginx/nginx.conf` (read-only)',
        '- tmpfs → `/run`',
        '- volume `shop_data` → `/var/lib/data`',
      ].join('\n'),
    );
  });

  it('escapes markdown in names and statuses, and keeps commands with backticks and newlines in one code span', () => {
    const odd = container('a*b_[x]', {
      Id: 'ffffffffffff0000',
      State: 'created',
      Status: 'Created',
      Image: 'my<img>',
      Command: "sh -c 'echo `date`\n  sleep 1'",
    });
    assert.strictEqual(
      containerNode(odd).tooltip,
      '**a\\*b\\_\\[x\\]** (ffffffffffff)\n\n' +
        'Image: my\\<img\\>  \n' +
        "Command: ``sh -c 'echo `date` sleep 1'``  \n" +
        'Created: 2023-11-14T22:13:20Z  \n' +
        'State: created  \n' +
        'Status: Created',
    );
    assert.deepStrictEqual(
      [code('ls'), code('`x`'), code('a ``b`` c'), escapeMarkdown('# one\n- two & ~three~')],
      ['`ls`', '`` `x` ``', '```a ``b`` c```', '\\# one \\- two \\& \\~three\\~'],
    );
  });
});
