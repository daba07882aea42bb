import type { Ctx } from '../../ctx';
import type { ContainerSummary } from '../../engine/types';
import { containerProblem, displayName } from '../../engine/validate';
import type { StatsPanel } from '../../statsView/StatsPanel';
import type { StatsViews } from '../../statsView/register';
import { byName, engineOf } from '../shared';
import { selectedContainers } from './selection';

/**
 * Opens the stats view (live graphs of CPU, memory, network and block I/O) of a container row, of every container of
 * a multi-selection, or of a Compose project's row (all its containers); from the Command Palette it asks which
 * running containers. A container whose id or name no engine could report is left out, saying so. Resolves with the
 * panel (the open one when these containers already have one).
 */
export function showStatsView(views: StatsViews) {
  return async (ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<StatsPanel | undefined> => {
    if (!engineOf(ctx)) return undefined;
    const picked = node === undefined && !nodes?.length ? await pickRunning(ctx) : selectedContainers(node, nodes);
    const containers: ContainerSummary[] = [];
    for (const container of picked ?? []) {
      const problem = containerProblem(container);
      if (problem) ctx.notifier.error(problem);
      else if (!containers.some((c) => c.id === container.id)) containers.push(container);
    }
    if (containers.length === 0) return undefined;
    return views.open(ctx.session, `Stats: ${titleOf(node, nodes, containers)}`, containers);
  };
}

/** The panel's title: the project of a project's row, the container's name, or how many containers. */
function titleOf(node: unknown, nodes: unknown[] | undefined, containers: readonly ContainerSummary[]): string {
  const row = node as { kind?: unknown; project?: unknown } | undefined;
  if (row?.kind === 'project' && (nodes?.length ?? 0) <= 1) return displayName(row.project);
  return containers.length === 1 ? containers[0].name : `${containers.length} containers`;
}

/** The running containers the user picks (none running: says so). */
async function pickRunning(ctx: Ctx): Promise<ContainerSummary[] | undefined> {
  const running = ((await ctx.session.lists.containers()) ?? []).filter((c) => c.state === 'running' || c.state === 'paused').sort((a, b) => byName(a.name, b.name));
  if (running.length === 0) {
    ctx.notifier.info('No container is running, so there are no stats to show.');
    return undefined;
  }
  const names = await ctx.notifier.pickMany('Show the stats of which containers?', running.map((c) => c.name));
  return names && running.filter((c) => names.includes(c.name));
}
