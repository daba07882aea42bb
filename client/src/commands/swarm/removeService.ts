import type { Ctx } from '../../ctx';
import { displayName } from '../../engine/validate';
import { byName, reasonOf } from '../shared';
import { namesOf, selectedServices, swarmOf } from './shared';

/** Removes the selected services after asking; their tasks stop. Resolves with the names removed, sorted. */
export async function removeServices(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[]> {
  const rows = selectedServices(ctx, node, nodes).sort((a, b) => byName(a.service.name, b.service.name));
  const swarm = rows.length > 0 ? swarmOf(ctx) : undefined;
  if (!swarm) return [];
  const answer = await ctx.notifier.confirm(
    `Remove ${namesOf('service', rows.map((r) => r.service.name))}?`,
    `${rows.length === 1 ? 'Its' : 'Their'} tasks stop and are removed on every node.`,
    'Remove',
  );
  if (answer !== 'Remove') return [];
  const removed: string[] = [];
  for (const row of rows) {
    try {
      await swarm.removeService(row.service.id);
      removed.push(row.service.name);
    } catch (error) {
      ctx.notifier.error(`Could not remove the service ${displayName(row.service.name)}: ${reasonOf(error)}`);
    }
  }
  return removed;
}
