import type { Ctx } from '../../ctx';
import { displayName } from '../../engine/validate';
import { reasonOf } from '../shared';
import { selectedNodes, swarmOf } from './shared';

/**
 * Removes a node from the swarm after asking (`docker node rm`). A node that is still up is removed only when the
 * user chooses "Remove by Force" (the engine refuses otherwise); a manager must be demoted first. Resolves true when removed.
 */
export async function removeNode(ctx: Ctx, node?: unknown): Promise<boolean> {
  const [row] = selectedNodes(ctx, node);
  const swarm = row && swarmOf(ctx);
  if (!row || !swarm) return false;
  const name = displayName(row.node.hostname || row.node.id);
  if (row.node.role === 'manager') {
    ctx.notifier.error(`The node ${name} is a manager: demote it first.`);
    return false;
  }
  const up = row.node.status === 'ready';
  const answer = await ctx.notifier.confirm(
    `Remove the node ${name} from the swarm?`,
    up
      ? 'It is still up: removing it by force leaves its engine believing it is in the swarm until it leaves (docker swarm leave on it).'
      : 'Its tasks are scheduled on other nodes.',
    up ? 'Remove by Force' : 'Remove',
  );
  if (answer !== 'Remove' && answer !== 'Remove by Force') return false;
  try {
    await swarm.removeNode(row.node.id, answer === 'Remove by Force');
    return true;
  } catch (error) {
    ctx.notifier.error(`Could not remove the node ${name}: ${reasonOf(error)}`);
    return false;
  }
}
