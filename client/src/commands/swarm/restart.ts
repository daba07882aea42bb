import type { Ctx } from '../../ctx';
import { displayName } from '../../engine/validate';
import { reasonOf } from '../shared';
import { selectedServices, swarmOf } from './shared';

/**
 * Replaces every task of the selected services with a new one, a few at a time by each service's update policy
 * (`docker service update --force`): a rolling restart. Resolves with the names of the services restarted.
 */
export async function restartServices(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[]> {
  const rows = selectedServices(ctx, node, nodes);
  const swarm = rows.length > 0 ? swarmOf(ctx) : undefined;
  if (!swarm) return [];
  const done: string[] = [];
  for (const row of rows) {
    try {
      await swarm.restartService(row.service.id);
      done.push(row.service.name);
    } catch (error) {
      ctx.notifier.error(`Could not restart the service ${displayName(row.service.name)}: ${reasonOf(error)}`);
    }
  }
  return done;
}
