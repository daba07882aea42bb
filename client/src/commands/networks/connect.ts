import type { Ctx } from '../../ctx';
import type { DockerEngine } from '../../engine/DockerEngine';
import type { ContainerSummary, NetworkSummary } from '../../engine/types';
import type { NetworkNode } from '../../tree/resourceNodes';
import { problemOf } from '../../util/parsed';
import { checkedContainer } from '../containers/selection';
import { engineOf, reasonOf, selectedRows } from '../shared';
import { connectOptions, containersToJoin, isJoinable, networksToJoin, parseAddress, parseAliases } from './connectChoices';

export interface Connected {
  network: string;
  container: string;
  aliases: string[];
  ipv4Address?: string;
}

/**
 * Connect to Network, on a container row: picks one of the networks it is not on, then asks for aliases and a
 * fixed IPv4 address (both optional) and connects it. Resolves with what was connected; undefined when cancelled
 * or refused (the engine's reason in plain words).
 */
export async function connectToNetwork(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<Connected | undefined> {
  const container = checkedContainer(ctx, node, nodes);
  const engine = container && engineOf(ctx);
  if (!container || !engine) return undefined;
  let networks: NetworkSummary[];
  try {
    networks = await engine.listNetworks();
  } catch (error) {
    ctx.notifier.error(`Could not list the networks: ${reasonOf(error)}`);
    return undefined;
  }
  const choices = networksToJoin(container, networks);
  if (choices.length === 0) {
    ctx.notifier.info(`There is no other network ${container.name} can be connected to.`);
    return undefined;
  }
  const labels = choices.map((c) => c.label);
  const picked = choices[labels.indexOf((await ctx.notifier.pick(`Connect ${container.name} to which network?`, labels)) ?? '')];
  return picked && connect(ctx, engine, picked.value, container);
}

/** Connect Container, on a network row: picks one of the containers not attached to it, then as connectToNetwork. */
export async function connectContainer(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<Connected | undefined> {
  const [row] = selectedRows<NetworkNode>('network', node, nodes);
  if (!row) return undefined;
  if (!isJoinable(row.network)) {
    ctx.notifier.error(`Containers cannot be connected to the network ${row.network.name} here.`);
    return undefined;
  }
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  let containers: ContainerSummary[];
  try {
    containers = await engine.listContainers();
  } catch (error) {
    ctx.notifier.error(`Could not list the containers: ${reasonOf(error)}`);
    return undefined;
  }
  const choices = containersToJoin(
    row.children.map((c) => c.containerId),
    containers.filter((c) => !Object.prototype.hasOwnProperty.call(c.networks, row.network.name)),
  );
  if (choices.length === 0) {
    ctx.notifier.info(`Every container is connected to ${row.network.name} already.`);
    return undefined;
  }
  const labels = choices.map((c) => c.label);
  const picked = choices[labels.indexOf((await ctx.notifier.pick(`Connect which container to ${row.network.name}?`, labels)) ?? '')];
  return picked && connect(ctx, engine, row.network, picked.value);
}

async function connect(ctx: Ctx, engine: DockerEngine, network: NetworkSummary, container: ContainerSummary): Promise<Connected | undefined> {
  const on = `${container.name} on ${network.name}`;
  const aliasText = await ctx.notifier.input(`Aliases of ${on}, separated by commas (empty: none)`, '', (text) => problemOf(parseAliases(text)));
  if (aliasText === undefined) return undefined;
  const subnet = network.subnet ? ` in ${network.subnet}` : '';
  const addressText = await ctx.notifier.input(`Fixed IPv4 address of ${on}${subnet} (empty: the engine assigns one)`, '', (text) =>
    problemOf(parseAddress(text, network.subnet)),
  );
  if (addressText === undefined) return undefined;
  const aliases = parseAliases(aliasText);
  const address = parseAddress(addressText, network.subnet);
  if (!('value' in aliases) || !('value' in address)) return undefined;
  const options = connectOptions(aliases.value, address.value);
  try {
    await engine.connectNetwork(network.id, container.id, options);
  } catch (error) {
    ctx.notifier.error(`Could not connect ${container.name} to ${network.name}: ${reasonOf(error)}`);
    return undefined;
  }
  // Podman sends no network events: read the lists again rather than wait for one.
  ctx.session.lists.invalidateKinds(['networks', 'containers']);
  ctx.notifier.info(`Connected ${container.name} to ${network.name}.`);
  return { network: network.name, container: container.name, ...options };
}
