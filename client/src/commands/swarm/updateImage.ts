import { referenceProblem } from '../../../../common/src/imageReference';
import type { Ctx } from '../../ctx';
import { displayName } from '../../engine/validate';
import { reasonOf } from '../shared';
import { selectedServices, swarmOf } from './shared';

/**
 * Asks for an image reference (the service's current one offered) and rolls the service's tasks over to it, by
 * the service's update policy. The engine takes the reference as it is (no registry is asked for a digest), so a
 * local image works on a one-node swarm. Resolves with the new image.
 */
export async function updateServiceImage(ctx: Ctx, node?: unknown): Promise<string | undefined> {
  const [row] = selectedServices(ctx, node);
  const swarm = row && swarmOf(ctx);
  if (!row || !swarm) return undefined;
  const name = displayName(row.service.name);
  const answer = await ctx.notifier.input(`New image of ${name}`, row.service.image, (value) => {
    const problem = value.trim() === '' ? 'empty' : referenceProblem(value.trim());
    return problem ? `Not an image reference: ${problem}.` : undefined;
  });
  const image = answer?.trim();
  if (!image) return undefined;
  try {
    await swarm.updateServiceImage(row.service.id, image);
    return image;
  } catch (error) {
    ctx.notifier.error(`Could not update the image of ${name}: ${reasonOf(error)}`);
    return undefined;
  }
}
