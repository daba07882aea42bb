import type { Ctx } from '../../ctx';
import { engineOf, reasonOf } from '../shared';
import { newNameProblem } from './names';

/** Asks for a name (an empty one cancels) and creates the volume. Resolves with its name; undefined otherwise. */
export async function createVolume(ctx: Ctx): Promise<string | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  let existing: string[];
  try {
    existing = (await engine.listVolumes()).map((v) => v.name);
  } catch (error) {
    ctx.notifier.error(`Could not list the volumes: ${reasonOf(error)}`);
    return undefined;
  }
  const name = await ctx.notifier.input('Name of the new volume', '', (value) => newNameProblem('volume', value.trim(), existing));
  const chosen = name?.trim();
  if (!chosen) return undefined;
  try {
    await engine.createVolume(chosen);
    return chosen;
  } catch (error) {
    ctx.notifier.error(`Could not create the volume ${chosen}: ${reasonOf(error)}`);
    return undefined;
  }
}
