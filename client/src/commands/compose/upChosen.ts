import { servicesAndProfiles } from '../../compose/composeFiles';
import type { Ctx } from '../../ctx';
import { requireTarget, runCompose } from './runCompose';

/** Compose Up of the services the user picks. */
export async function composeUpServices(ctx: Ctx, node?: unknown): Promise<number | undefined> {
  return upChosen(ctx, node, 'services');
}

/** Compose Up with the profiles the user picks (and the services without a profile). */
export async function composeUpProfiles(ctx: Ctx, node?: unknown): Promise<number | undefined> {
  return upChosen(ctx, node, 'profiles');
}

async function upChosen(ctx: Ctx, node: unknown, what: 'services' | 'profiles'): Promise<number | undefined> {
  const target = requireTarget(ctx, node);
  if (!target) return undefined;
  const choices = servicesAndProfiles(target)[what];
  if (choices.length === 0) {
    ctx.notifier.error(what === 'services' ? 'The compose file defines no services.' : 'No service of the compose file has a profile.');
    return undefined;
  }
  const picked = await ctx.notifier.pickMany(what === 'services' ? 'Compose Up: choose the services to start' : 'Compose Up: choose the profiles to enable', choices);
  if (!picked || picked.length === 0) return undefined;
  return runCompose(ctx, target, what === 'services' ? { action: 'up', services: picked } : { action: 'up', profiles: picked });
}
