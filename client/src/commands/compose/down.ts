import type { Ctx } from '../../ctx';
import { requireTarget, runCompose } from './runCompose';

/** Compose Down: stops and removes the project's containers and networks; volumes only when the user says so. */
export async function composeDown(ctx: Ctx, node?: unknown): Promise<number | undefined> {
  const target = requireTarget(ctx, node);
  if (!target) return undefined;
  const keep = 'Down';
  const remove = 'Down and Remove Volumes';
  const answer = await ctx.notifier.confirm(
    'Stop and remove the containers and networks of this Compose project?',
    'Named volumes are kept unless you choose to remove them too; their data is then lost.',
    keep,
    remove,
  );
  if (answer !== keep && answer !== remove) return undefined;
  return runCompose(ctx, target, { action: 'down', removeVolumes: answer === remove });
}
