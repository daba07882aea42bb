import type { Ctx } from '../../ctx';
import type { NodeChange } from '../../engine/swarmTypes';
import { displayName } from '../../engine/validate';
import { reasonOf } from '../shared';
import { selectedNodes, swarmOf } from './shared';

type NodeAction = 'drain' | 'pause' | 'activate' | 'promote' | 'demote';

const CHANGES: Record<NodeAction, NodeChange> = {
  drain: { availability: 'drain' },
  pause: { availability: 'pause' },
  activate: { availability: 'active' },
  promote: { role: 'manager' },
  demote: { role: 'worker' },
};

/** What draining does, said before it is done: the node's tasks stop and move. */
const DRAIN_DETAIL = 'Its tasks stop and the managers start them on other nodes; no new task is given to it until it is activated again.';

/**
 * A command that changes the selected nodes' availability (drain, pause, activate) or role (promote, demote).
 * Drain asks first (it stops tasks); demoting the last manager is refused by the engine, in its words. Resolves with
 * the hostnames changed.
 */
export function nodeUpdate(action: NodeAction) {
  return async (ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[]> => {
    const rows = selectedNodes(ctx, node, nodes);
    const swarm = rows.length > 0 ? swarmOf(ctx) : undefined;
    if (!swarm) return [];
    const names = rows.map((r) => displayName(r.node.hostname || r.node.id));
    if (action === 'drain') {
      const answer = await ctx.notifier.confirm(`Drain ${names.length === 1 ? `the node ${names[0]}` : `${names.length} nodes (${names.join(', ')})`}?`, DRAIN_DETAIL, 'Drain');
      if (answer !== 'Drain') return [];
    }
    const done: string[] = [];
    for (const [i, row] of rows.entries()) {
      try {
        await swarm.updateNode(row.node.id, CHANGES[action]);
        done.push(row.node.hostname);
      } catch (error) {
        ctx.notifier.error(`Could not ${action} the node ${names[i]}: ${reasonOf(error)}`);
      }
    }
    return done;
  };
}
