import type { Ctx } from '../../ctx';
import { reasonOf } from '../shared';
import { selectedContainers } from './selection';

/** Removes the selected containers after asking; a running one only with "Force Remove". */
export async function removeContainers(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[]> {
  const engine = ctx.session.engine;
  const containers = selectedContainers(node, nodes);
  if (!engine || containers.length === 0) return [];
  const running = containers.filter((c) => c.state === 'running' || c.state === 'restarting' || c.state === 'paused');
  const names = containers.map((c) => c.name).join(', ');
  const answer = await ctx.notifier.confirm(
    containers.length === 1 ? `Remove the container ${names}?` : `Remove ${containers.length} containers (${names})?`,
    running.length > 0
      ? `${running.map((c) => c.name).join(', ')} ${running.length === 1 ? 'is' : 'are'} running and will be stopped. Anonymous volumes are kept.`
      : 'Anonymous volumes are kept.',
    running.length > 0 ? 'Force Remove' : 'Remove',
  );
  if (answer === undefined) return [];
  const removed: string[] = [];
  for (const container of containers) {
    try {
      await engine.removeContainer(container.id, running.includes(container));
      removed.push(container.name);
    } catch (error) {
      ctx.notifier.error(`Could not remove ${container.name}: ${reasonOf(error)}`);
    }
  }
  return removed.sort();
}
