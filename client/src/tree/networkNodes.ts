// Pure mapping from network summaries to the Networks view's rows. No vscode import: tested in plain Node.
//
// Networks sorted naturally by name, each with the containers attached to it (sorted naturally by name) and
// their address on it. A container is attached when its summary's networks record names the network, or when the
// network's own list of containers (Podman's) holds it. docker-workflows.networks.* sort them by creation instead,
// group them by driver, and pick the description's fields.
import { isPredefinedNetwork, type ContainerSummary, type NetworkSummary } from '../engine/types';
import { containerIcon } from './containerIcons';
import { escapeMarkdown, formatAge, isoDate, labelList, lines, naturalCollator as collator, plural, section } from '../format/text';
import { driverGroups } from './driverGroups';
import type { NetworkContainerNode, NetworkNode, NetworkNodeModel } from './resourceNodes';
import { DEFAULT_NETWORK_OPTIONS, type NetworkField, type NetworkViewOptions } from './viewOptions';

/** The view's settings, and the moment ages are counted from (ms since the epoch). */
export interface NetworkTreeOptions extends NetworkViewOptions {
  now: number;
}

const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_NETWORK = 'com.docker.compose.network';

/** The networks' rows, by name or (`sortBy: created`) newest first; without groups. */
export function networkTree(networks: readonly NetworkSummary[], containers: readonly ContainerSummary[], options: Partial<NetworkTreeOptions> = {}): NetworkNode[] {
  const byName = (a: NetworkSummary, b: NetworkSummary) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id);
  const byCreated = (a: NetworkSummary, b: NetworkSummary) => b.created - a.created || byName(a, b);
  return [...networks].sort(options.sortBy === 'created' ? byCreated : byName).map((network) => networkNode(network, containers, options));
}

/** The view's top-level rows: the networks, or with `groupBy: driver` one group per driver holding its networks. */
export function networkView(networks: readonly NetworkSummary[], containers: readonly ContainerSummary[], options: Partial<NetworkTreeOptions> = {}): NetworkNodeModel[] {
  const rows = networkTree(networks, containers, options);
  return options.groupBy === 'driver' ? driverGroups('networkGroup', rows, (row) => row.network.driver, 'network', { id: 'server-environment' }) : rows;
}

export function networkNode(network: NetworkSummary, containers: readonly ContainerSummary[], options: Partial<NetworkTreeOptions> = {}): NetworkNode {
  const attached = containers
    .filter((container) => isAttached(network, container))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
  const predefined = isPredefinedNetwork(network.name);
  const project = network.labels[COMPOSE_PROJECT];
  return {
    kind: 'network',
    id: `network:${network.id}`,
    label: network.name,
    description: (options.description ?? DEFAULT_NETWORK_OPTIONS.description)
      .map((field) => fieldText(network, field, attached.length, options.now ?? Date.now()))
      .filter(Boolean)
      .join(' · '),
    tooltip: section([
      `**${escapeMarkdown(network.name)}** (${network.id.slice(0, 12)})${predefined ? ', predefined' : ''}`,
      lines([
        project !== undefined && `Compose: network ${escapeMarkdown(network.labels[COMPOSE_NETWORK] ?? '?')} of project ${escapeMarkdown(project)}`,
        `Driver: ${escapeMarkdown(network.driver)}`,
        `Scope: ${escapeMarkdown(network.scope)}`,
        network.subnet && `Subnet: ${network.subnet}`,
        `Internal: ${network.internal ? 'yes (no access to the outside)' : 'no'}`,
        `Created: ${isoDate(network.created)}`,
      ]),
      labelList(network.labels),
      attached.length > 0 &&
        ['Containers:', ...attached.map((c) => `- ${escapeMarkdown(c.name)}${addressOn(network, c) ? `: ${addressOn(network, c)}` : ' (no address)'}`)].join('\n'),
    ]),
    icon: { id: 'type-hierarchy' },
    contextValue: predefined ? 'network.predefined' : 'network',
    network,
    predefined,
    children: attached.map((container) => networkContainerNode(network, container)),
    expanded: attached.length > 0,
  };
}

function networkContainerNode(network: NetworkSummary, container: ContainerSummary): NetworkContainerNode {
  const ipAddress = addressOn(network, container);
  return {
    kind: 'networkContainer',
    id: `networkContainer:${network.id}/${container.id}`,
    label: container.name,
    description: ipAddress || 'no address',
    tooltip: section([
      `**${escapeMarkdown(container.name)}** (${container.id.slice(0, 12)})`,
      lines([
        `Network: ${escapeMarkdown(network.name)}`,
        `IP address: ${ipAddress || 'none'}`,
        `Image: ${escapeMarkdown(container.image)}`,
        `State: ${container.state}`,
        container.status && `Status: ${escapeMarkdown(container.status)}`,
      ]),
    ]),
    icon: containerIcon(container),
    contextValue: 'networkContainer',
    networkId: network.id,
    networkName: network.name,
    containerId: container.id,
    containerName: container.name,
    ipAddress,
  };
}

function isAttached(network: NetworkSummary, container: ContainerSummary): boolean {
  return Object.prototype.hasOwnProperty.call(container.networks, network.name) || (network.containers !== undefined && Object.prototype.hasOwnProperty.call(network.containers, container.id));
}

function addressOn(network: NetworkSummary, container: ContainerSummary): string {
  return container.networks[network.name] || (network.containers && Object.prototype.hasOwnProperty.call(network.containers, container.id) ? network.containers[container.id] : '');
}

function fieldText(network: NetworkSummary, field: NetworkField, attached: number, now: number): string {
  switch (field) {
    case 'driver':
      return network.driver;
    case 'scope':
      return network.scope;
    case 'containers':
      return attached > 0 ? plural(attached, 'container') : '';
    case 'subnet':
      return network.subnet ?? '';
    case 'id':
      return network.id.slice(0, 12);
    case 'created':
      return formatAge(network.created, now);
  }
}
