// Networks: the definition of a top-level network (incl. IPAM), and a service's attachment to networks.
import { externalKey, stringList } from './shared';
import { fields, key, KeyDoc, listOrMap, optionsMap, ref, RESOURCE_NAME_PATTERN } from './types';

const top = (anchor?: string): string => ref('networks', anchor);
const svc = (anchor: string): string => ref('services', anchor);

const IPAM_POOL: KeyDoc = key('config[]', 'object', top('ipam'), 'One address pool of the network.',
  '- subnet: 172.28.0.0/16\n  gateway: 172.28.5.254', {
    children: fields(
      key('subnet', 'string', top('ipam'), 'The subnet of the pool, in CIDR notation.', 'subnet: 172.28.0.0/16'),
      key('ip_range', 'string', top('ipam'), 'The part of the subnet, in CIDR notation, that container addresses are allocated from.', 'ip_range: 172.28.5.0/24'),
      key('gateway', 'string', top('ipam'), 'The IPv4 or IPv6 gateway of the subnet.', 'gateway: 172.28.5.254'),
      key('aux_addresses', 'map', top('ipam'), 'Addresses the network driver must not hand out to containers, by host name.',
        'aux_addresses:\n  router: 172.28.1.5', {
          additional: key('<host>', 'string', top('ipam'), 'The reserved IP address of this host name.', 'host1: 172.28.1.5'),
        }),
    ),
  });

/** The definition of one network under the top-level `networks` key. */
export const NETWORK_DEFINITION: KeyDoc = key(
  '<network>',
  'object',
  top('attributes'),
  'One network of the project. An empty entry creates a network with the platform defaults.',
  'networks:\n  backend:\n    driver: bridge',
  {
    nullable: true,
    children: fields(
      key('name', 'string', top('name'),
        'The actual name of the network on the platform, used as is (not prefixed with the project name). Often combined with `external`.',
        'networks:\n  front:\n    name: my-app-net'),
      key('driver', 'string', top('driver'),
        'The network driver, such as `bridge` or `overlay`; Compose fails when the platform lacks it.',
        'networks:\n  front:\n    driver: overlay'),
      optionsMap('driver_opts', top('driver_opts'),
        'Driver-specific options, as key-value pairs.',
        'networks:\n  front:\n    driver_opts:\n      com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"'),
      key('ipam', 'object', top('ipam'),
        'Custom IP address management: the IPAM driver, address pools and driver options.',
        'networks:\n  front:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16', {
          children: fields(
            key('driver', 'string', top('ipam'), 'The IPAM driver to use instead of the default one.', 'driver: default'),
            key('config', 'list', top('ipam'), 'Address pools of the network.', 'config:\n  - subnet: 172.28.0.0/16', { items: IPAM_POOL }),
            key('options', 'map', top('ipam'), 'Options for the IPAM driver, as string key-value pairs.', 'options:\n  foo: bar', {
              additional: key('<option>', 'string', top('ipam'), 'The value of one IPAM driver option.', 'foo: bar'),
            }),
          ),
        }),
      externalKey(top('external'), 'network'),
      key('internal', 'boolean', top('internal'),
        'Creates a network with no access to the outside world.',
        'networks:\n  private:\n    internal: true'),
      key('enable_ipv4', 'boolean', top('attributes'),
        'Turns IPv4 addressing on or off for the network.',
        'networks:\n  v6only:\n    enable_ipv4: false'),
      key('enable_ipv6', 'boolean', top('enable_ipv6'),
        'Turns IPv6 addressing on for the network.',
        'networks:\n  dual:\n    enable_ipv6: true'),
      key('attachable', 'boolean', top('attachable'),
        'Lets standalone containers, not only services, attach to the network.',
        'networks:\n  mesh:\n    driver: overlay\n    attachable: true'),
      listOrMap('labels', top('labels'),
        'Metadata labels for the network. Reverse-DNS names avoid clashes with other tools.',
        'networks:\n  front:\n    labels:\n      com.example.tier: "front"', 'label'),
    ),
  },
);

const ATTACHMENT: KeyDoc = key(
  '<network>',
  'object',
  svc('networks'),
  'How the service joins this network. An empty entry joins it with defaults.',
  'networks:\n  backend:\n    aliases: [db]',
  {
    nullable: true,
    children: fields(
      stringList('aliases', svc('aliases'),
        'More host names under which the service is reachable on this network.',
        'aliases:\n  - database', 'One alias host name.', '- database'),
      key('interface_name', 'string', svc('interface_name'),
        'The name of the network interface inside the container for this network.',
        'interface_name: eth0'),
      key('ipv4_address', 'string', svc('ipv4_address-ipv6_address'),
        'A fixed IPv4 address for the container; the network needs an IPAM subnet that contains it.',
        'ipv4_address: 172.16.238.10'),
      key('ipv6_address', 'string', svc('ipv4_address-ipv6_address'),
        'A fixed IPv6 address for the container; the network needs an IPAM subnet that contains it.',
        'ipv6_address: 2001:3984:3989::10'),
      stringList('link_local_ips', svc('link_local_ips'),
        'Link-local IP addresses for the container on this network.',
        'link_local_ips:\n  - 169.254.8.8', 'One link-local IP address.', '- 169.254.8.8'),
      key('mac_address', 'string', svc('mac_address-1'),
        'The MAC address of the container on this network.',
        'mac_address: 02:42:ac:11:00:02'),
      optionsMap('driver_opts', svc('driver_opts-1'),
        'Driver-specific options for this attachment, as key-value pairs.',
        'driver_opts:\n  com.docker.network.endpoint.sysctls: "net.ipv4.conf.IFNAME.log_martians=1"'),
      key('priority', 'integer', svc('priority'),
        'The order in which Compose connects the container to its networks, highest first (default 0).',
        'priority: 1000'),
      key('gw_priority', 'integer', svc('gw_priority'),
        'The network with the highest value becomes the container\'s default gateway (default 0).',
        'gw_priority: 1'),
    ),
  },
);

/** A service's `networks`: a list of network names, or a mapping with per-network settings. */
export const SERVICE_NETWORKS: KeyDoc = key(
  'networks',
  'list-or-map',
  svc('networks'),
  'The networks, declared under the top-level `networks` key, that the service joins; without it the service joins `default`. Cannot be combined with `network_mode`.',
  'networks:\n  - frontend\n  - backend',
  {
    keyPattern: RESOURCE_NAME_PATTERN,
    items: key('networks[]', 'string', svc('networks'), 'The name of a network to join.', '- backend'),
    additional: ATTACHMENT,
  },
);
