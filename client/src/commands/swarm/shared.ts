// What the Swarm view's commands share: the swarm half of the engine (or why there is none), the rows a command
// applies to with their ids checked, and marking the view's lists stale after a change no event reports.
import type { Ctx } from '../../ctx';
import { SWARM_KINDS } from '../../engine/EngineLists';
import type { SwarmEngine } from '../../engine/SwarmEngine';
import { swarmIdProblem } from '../../engine/swarmValidate';
import { displayName } from '../../engine/validate';
import type { ServiceNode, SwarmDataNode, SwarmNodeRow } from '../../tree/swarmNodes';
import { engineOf, selectedRows } from '../shared';

export function swarmOf(ctx: Ctx): SwarmEngine | undefined {
  return engineOf(ctx)?.swarm;
}

/** Every swarm list is read again (after init and leave, which the engine announces with no event of its own). */
export function refreshSwarm(ctx: Ctx): void {
  // Every engine the views show (several with docker-workflows.engines); the row's own engine among them.
  for (const session of new Set([ctx.session, ...ctx.views.sessions()])) session.lists.invalidateKinds(SWARM_KINDS);
}

/** The selected rows of `kind` whose id is a swarm id; the others are refused with a message. */
function checked<T extends { kind: string }>(ctx: Ctx, kind: T['kind'], what: string, idOf: (row: T) => string, node?: unknown, nodes?: unknown[]): T[] {
  return selectedRows<T>(kind, node, nodes).filter((row) => {
    const problem = swarmIdProblem(what, idOf(row));
    if (problem) ctx.notifier.error(problem);
    return !problem;
  });
}

export function selectedServices(ctx: Ctx, node?: unknown, nodes?: unknown[]): ServiceNode[] {
  return checked<ServiceNode>(ctx, 'swarmService', 'service', (row) => row.service.id, node, nodes);
}

export function selectedNodes(ctx: Ctx, node?: unknown, nodes?: unknown[]): SwarmNodeRow[] {
  return checked<SwarmNodeRow>(ctx, 'swarmNode', 'node', (row) => row.node.id, node, nodes);
}

export function selectedData(ctx: Ctx, kind: 'swarmSecret' | 'swarmConfig', node?: unknown, nodes?: unknown[]): SwarmDataNode[] {
  return checked<SwarmDataNode>(ctx, kind, kind === 'swarmSecret' ? 'secret' : 'config', (row) => row.data.id, node, nodes);
}

/** "web", or "3 services (web, api, db)". */
export function namesOf(what: string, names: readonly string[]): string {
  const shown = names.map(displayName);
  return shown.length === 1 ? `the ${what} ${shown[0]}` : `${shown.length} ${what}s (${shown.join(', ')})`;
}
