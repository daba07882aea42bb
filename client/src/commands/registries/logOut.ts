import { asRegistry, registryLabel, type RegistriesCtx } from './context';

/** Forgets the login kept for the registry in VS Code (a login `docker login` saved is then used, and said). */
export async function logOutOfRegistry(ctx: RegistriesCtx, node?: unknown): Promise<string | undefined> {
  const row = asRegistry(node);
  if (!row) return undefined;
  const store = ctx.registries.store;
  await store.forgetLogin(row.entry.host);
  ctx.registries.refresh(row.entry.host);
  const now = await store.login(row.entry.host);
  const label = registryLabel(row.entry);
  ctx.notifier.info(
    now.source === 'docker' ? `Logged out of ${label}. The login docker login saved (${now.login?.username}) is used now.` : `Logged out of ${label}.`,
  );
  return row.entry.host;
}
