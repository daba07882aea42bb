// Service keys about networking: ports, networks, DNS, host names and links.
import { SERVICE_NETWORKS } from './networks';
import { extraHostsKey, stringList, stringOrList } from './shared';
import { fields, key, KeyDoc, ref } from './types';

const at = (anchor: string): string => ref('services', anchor);
const PORTS = at('ports');

const PORT: KeyDoc = key(
  'ports[]',
  'object',
  PORTS,
  'One published port: the short syntax `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]` (quote it, ports and ranges alike), or a mapping in the long syntax.',
  '- "127.0.0.1:8080:80"\n- target: 443\n  published: "8443"',
  {
    alternatives: ['port-spec'],
    children: fields(
      key('target', 'integer', PORTS, 'The port inside the container.', 'target: 80', { min: 0, max: 65535 }),
      key('published', 'port-range', PORTS,
        'The port on the host, or a `START-END` range to pick a free one from; without it the host port is chosen at random.',
        'published: "8080"'),
      key('host_ip', 'string', PORTS, 'The host address to bind to; all interfaces when absent.', 'host_ip: 127.0.0.1'),
      key('protocol', 'enum', PORTS, 'The transport protocol of the port (default `tcp`).', 'protocol: udp', { values: ['tcp', 'udp', 'sctp'] }),
      key('app_protocol', 'string', PORTS, 'A hint about the application protocol on the port, such as `http` or `grpc`.', 'app_protocol: http'),
      key('mode', 'enum', PORTS,
        'In a Swarm: `host` publishes the port on each node running a task, `ingress` (default) load-balances it across the nodes.',
        'mode: host', { values: ['host', 'ingress'] }),
      key('name', 'string', PORTS, 'A human-readable name for the port mapping, documenting its use.', 'name: web'),
    ),
  },
);

export const SERVICE_NETWORKING_KEYS: readonly KeyDoc[] = [
  key('ports', 'list', PORTS,
    'Container ports to publish on the host, in the short syntax or the long syntax. Not usable with `network_mode: host`.',
    'ports:\n  - "8080:80"\n  - "127.0.0.1:5432:5432"', { items: PORT }),
  key('expose', 'list', at('expose'),
    'Container ports, or ranges, to make known to other containers without publishing them on the host.',
    'expose:\n  - "3000"\n  - "8080-8085/tcp"', {
      items: key('expose[]', 'port-range', at('expose'), 'One port or `START-END` range, optionally with `/PROTOCOL`.', '- "9000/udp"'),
    }),
  SERVICE_NETWORKS,
  key('network_mode', 'string', at('network_mode'),
    'The network mode of the containers: `none`, `host`, `bridge`, `service:NAME` or `container:NAME`. Cannot be combined with `networks`.',
    'network_mode: host'),
  stringOrList('dns', at('dns'),
    'DNS servers for the containers, one address or a list.',
    'dns:\n  - 8.8.8.8\n  - 9.9.9.9', 'One DNS server address.', '- 1.1.1.1'),
  stringList('dns_opt', at('dns_opt'),
    'Options for the DNS resolver of the containers (`/etc/resolv.conf` on Linux).',
    'dns_opt:\n  - use-vc\n  - no-tld-query', 'One resolver option.', '- ndots:2'),
  stringOrList('dns_search', at('dns_search'),
    'DNS search domains for the containers, one or a list.',
    'dns_search: example.com', 'One search domain.', '- dc1.example.com'),
  extraHostsKey(at('extra_hosts'),
    'Extra host-name-to-IP entries for the containers (`/etc/hosts` on Linux), as `HOST=IP` entries or a mapping.',
    'extra_hosts:\n  - "somehost=162.242.195.82"\n  - "host.docker.internal=host-gateway"'),
  key('hostname', 'string', at('hostname'), 'The host name of the containers; it must be a valid RFC 1123 host name.', 'hostname: api-server'),
  key('domainname', 'string', at('domainname'), 'The domain name of the containers; it must be a valid RFC 1123 host name.', 'domainname: example.com'),
  key('mac_address', 'string', at('mac_address'),
    'The MAC address of the container. Recent engines reject it here; prefer `mac_address` under the service\'s `networks` entry.',
    'mac_address: 02:42:ac:11:65:43'),
  stringList('links', at('links'),
    'Legacy links to containers of other services, as `SERVICE` or `SERVICE:ALIAS`; they also order startup. A shared network is the usual way to connect services.',
    'links:\n  - db\n  - db:database', 'One link, `SERVICE[:ALIAS]`.', '- redis'),
  stringList('external_links', at('external_links'),
    'Links to containers started outside this project, as `NAME` or `NAME:ALIAS`.',
    'external_links:\n  - redis\n  - project_db_1:mysql', 'One link, `CONTAINER[:ALIAS]`.', '- legacy-db:db'),
];
