// What the Registries view's commands share: the context with the view, the rows they apply to, the login that goes
// to the engine for a pull or push, and how a registry is named in messages.
import type { Ctx } from '../../ctx';
import { HUB_HOST } from '../../engine/dockerHub';
import type { RegistryAuth } from '../../engine/registryAuth';
import { RegistryError } from '../../engine/registryHttp';
import { reasonOf } from '../shared';
import type { RegistryEntry } from '../../registries/RegistryStore';
import type { RegistriesView } from '../../tree/RegistriesView';
import type { RegistryNode, RegistryRepositoryNode, RegistryTagNode } from '../../tree/registryNodes';

/** The commands of the Registries view get the view (with its store) beside everything else. */
export interface RegistriesCtx extends Ctx {
  readonly registries: RegistriesView;
}

/** Docker Hub's server address in an engine's AuthConfig (what `docker login` stores it under). */
const HUB_SERVER = 'https://index.docker.io/v1/';

export const registryLabel = (entry: RegistryEntry): string => (entry.kind === 'hub' ? 'Docker Hub' : entry.host);

export function asRegistry(node: unknown): RegistryNode | undefined {
  return (node as { kind?: unknown } | undefined)?.kind === 'registry' ? (node as RegistryNode) : undefined;
}

export function asRepository(node: unknown): RegistryRepositoryNode | undefined {
  return (node as { kind?: unknown } | undefined)?.kind === 'registryRepository' ? (node as RegistryRepositoryNode) : undefined;
}

export function asTag(node: unknown): RegistryTagNode | undefined {
  return (node as { kind?: unknown } | undefined)?.kind === 'registryTag' ? (node as RegistryTagNode) : undefined;
}

/** The registry of a registry row, else the one the user picks among the listed registries. */
export async function chosenRegistry(ctx: RegistriesCtx, node: unknown, title: string, only?: (entry: RegistryEntry) => boolean): Promise<RegistryEntry | undefined> {
  const row = asRegistry(node) ?? asRepository(node);
  if (row) return row.entry;
  const entries = ctx.registries.store.list().filter((entry) => !only || only(entry));
  const labels = entries.map(registryLabel);
  const picked = await ctx.notifier.pick(title, labels);
  return entries[labels.indexOf(picked ?? '')];
}

/** The engine's AuthConfig for a registry: its login here or from `docker login`, for that registry only. */
export async function engineAuthFor(ctx: RegistriesCtx, host: string): Promise<RegistryAuth | undefined> {
  const { login } = await ctx.registries.store.login(host);
  return login ? { username: login.username, password: login.password, serveraddress: host === HUB_HOST ? HUB_SERVER : host } : undefined;
}

/** A failure in plain words: a registry's reason (the message names the registry already), else as reasonOf. */
export function registryReason(error: unknown): string {
  return error instanceof RegistryError ? error.reason : reasonOf(error);
}
