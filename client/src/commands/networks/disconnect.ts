import type { Ctx } from '../../ctx';
import { isNetworkName } from '../../engine/containerOptions';
import { containerProblem, shown } from '../../engine/validate';
import type { NetworkContainerNode } from '../../tree/resourceNodes';
import { checkedContainer } from '../containers/selection';
import { engineOf, reasonOf, selectedRows } from '../shared';
import { networksToLeave } from './connectChoices';

/**
 * Disconnect from Network, on a container row: picks one of its networks (none to pick when it has one), asks
 * (modal), and disconnects it. Resolves with the network and container; undefined when cancelled or refused.
 */
export async function disconnectFromNetwork(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<{ network: string; container: string } | undefined> {
  const container = checkedContainer(ctx, node, nodes);
  if (!container) return undefined;
  const names = networksToLeave(container);
  if (names.length === 0) {
    ctx.notifier.info(`${container.name} is connected to no network.`);
    return undefined;
  }
  const network = names.length === 1 ? names[0] : await ctx.notifier.pick(`Disconnect ${container.name} from which network?`, names);
  return network === undefined ? undefined : disconnect(ctx, network, container);
}

/** Disconnect, on a container row under a network in the Networks view: asks (modal), and disconnects it. */
export async function disconnectNetworkContainer(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<{ network: string; container: string } | undefined> {
  const [row] = selectedRows<NetworkContainerNode>('networkContainer', node, nodes);
  if (!row) return undefined;
  const problem = containerProblem({ id: row.containerId, name: row.containerName });
  if (problem) {
    ctx.notifier.error(problem);
    return undefined;
  }
  return disconnect(ctx, row.networkName, { id: row.containerId, name: row.containerName });
}

async function disconnect(ctx: Ctx, network: string, container: { id: string; name: string }): Promise<{ network: string; container: string } | undefined> {
  if (!isNetworkName(network)) {
    ctx.notifier.error(`The engine returned a name that is not a network name: ${shown(network)}`);
    return undefined;
  }
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  const answer = await ctx.notifier.confirm(
    `Disconnect ${container.name} from the network ${network}?`,
    `It loses its address on ${network}, and the other containers there no longer reach it by name.`,
    'Disconnect',
  );
  if (answer !== 'Disconnect') return undefined;
  try {
    await engine.disconnectNetwork(network, container.id);
  } catch (error) {
    ctx.notifier.error(`Could not disconnect ${container.name} from ${network}: ${reasonOf(error)}`);
    return undefined;
  }
  // Podman sends no network events: read the lists again rather than wait for one.
  ctx.session.lists.invalidateKinds(['networks', 'containers']);
  return { network, container: container.name };
}
