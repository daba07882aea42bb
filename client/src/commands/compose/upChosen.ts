import * as fs from 'fs';
import { parse } from 'yaml';
import type { Ctx } from '../../ctx';
import { requireTarget, runCompose, type ComposeTarget } from './runCompose';

/** Service names and profiles of the project's compose files (merged as Compose merges -f files). */
export function servicesAndProfiles(target: ComposeTarget): { services: string[]; profiles: string[] } {
  const services = new Set<string>();
  const profiles = new Set<string>();
  for (const file of target.files) {
    let document: unknown;
    try {
      document = parse(fs.readFileSync(file, 'utf8'), { merge: true, maxAliasCount: 1000 });
    } catch {
      continue; // The language server reports what is wrong with the file.
    }
    const definitions = (document as { services?: Record<string, { profiles?: unknown }> } | null)?.services;
    if (!definitions || typeof definitions !== 'object') continue;
    for (const [name, definition] of Object.entries(definitions)) {
      services.add(name);
      const list = definition?.profiles;
      if (Array.isArray(list)) for (const profile of list) if (typeof profile === 'string') profiles.add(profile);
    }
  }
  return { services: [...services].sort(), profiles: [...profiles].sort() };
}

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
