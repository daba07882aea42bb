import type { Ctx } from '../../ctx';
import { displayName } from '../../engine/validate';
import { reasonOf } from '../shared';
import { replicasProblem } from './inputs';
import { selectedServices, swarmOf } from './shared';


/** Asks for the number of replicas (the current one offered) and scales the service. Resolves with the number. */
export async function scaleService(ctx: Ctx, node?: unknown): Promise<number | undefined> {
  const [row] = selectedServices(ctx, node);
  const swarm = row && swarmOf(ctx);
  if (!row || !swarm) return undefined;
  const name = displayName(row.service.name);
  if (row.service.mode !== 'replicated') {
    ctx.notifier.error(`The service ${name} runs one task on every node (${row.service.mode}): it cannot be scaled.`);
    return undefined;
  }
  const answer = await ctx.notifier.input(`Replicas of ${name}`, String(row.service.replicas ?? row.desired), (v) => replicasProblem(v.trim()));
  if (answer === undefined) return undefined;
  const replicas = Number(answer.trim());
  try {
    await swarm.scaleService(row.service.id, replicas);
    return replicas;
  } catch (error) {
    ctx.notifier.error(`Could not scale the service ${name}: ${reasonOf(error)}`);
    return undefined;
  }
}
