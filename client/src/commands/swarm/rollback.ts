import type { Ctx } from '../../ctx';
import { displayName } from '../../engine/validate';
import { reasonOf } from '../shared';
import { selectedServices, swarmOf } from './shared';

/** Puts the service back to its previous spec (`docker service rollback`): image, replicas and all. Resolves true when done. */
export async function rollbackService(ctx: Ctx, node?: unknown): Promise<boolean> {
  const [row] = selectedServices(ctx, node);
  const swarm = row && swarmOf(ctx);
  if (!row || !swarm) return false;
  const name = displayName(row.service.name);
  if (!row.service.canRollBack) {
    ctx.notifier.error(`The service ${name} has no previous version to roll back to (it was never updated).`);
    return false;
  }
  try {
    await swarm.rollbackService(row.service.id);
    return true;
  } catch (error) {
    ctx.notifier.error(`Could not roll back the service ${name}: ${reasonOf(error)}`);
    return false;
  }
}
