import type { Ctx } from '../../ctx';
import { displayName } from '../../engine/validate';
import { byName, reasonOf } from '../shared';
import { namesOf, selectedData, swarmOf } from './shared';

/**
 * A command that removes the selected secrets or configs after asking. The engine refuses one a service uses, and
 * says which. Resolves with the names removed, sorted.
 */
export function removeSwarmData(kind: 'secret' | 'config') {
  return async (ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[]> => {
    const rows = selectedData(ctx, kind === 'secret' ? 'swarmSecret' : 'swarmConfig', node, nodes).sort((a, b) => byName(a.data.name, b.data.name));
    const swarm = rows.length > 0 ? swarmOf(ctx) : undefined;
    if (!swarm) return [];
    const answer = await ctx.notifier.confirm(
      `Remove ${namesOf(kind, rows.map((r) => r.data.name))}?`,
      kind === 'secret' ? 'The value cannot be read back from the swarm: keep a copy if you need it.' : 'Services that use it must be updated first.',
      'Remove',
    );
    if (answer !== 'Remove') return [];
    const removed: string[] = [];
    for (const row of rows) {
      try {
        await (kind === 'secret' ? swarm.removeSecret(row.data.id) : swarm.removeConfig(row.data.id));
        removed.push(row.data.name);
      } catch (error) {
        ctx.notifier.error(`Could not remove the ${kind} ${displayName(row.data.name)}: ${reasonOf(error)}`);
      }
    }
    return removed;
  };
}
