import { asRegistry, type RegistriesCtx } from './context';

/** Takes a registry off the list after asking, with the login saved for it here. Docker Hub stays listed. */
export async function removeRegistry(ctx: RegistriesCtx, node?: unknown): Promise<string | undefined> {
  const row = asRegistry(node);
  if (!row) return undefined;
  if (row.entry.kind === 'hub') {
    ctx.notifier.error('Docker Hub is always listed; log out of it instead.');
    return undefined;
  }
  const host = row.entry.host;
  const answer = await ctx.notifier.confirm(
    `Remove the registry ${host} from the list?`,
    'The login saved for it in VS Code is forgotten. Nothing in the registry is deleted, and a login `docker login` saved stays.',
    'Remove',
  );
  if (answer !== 'Remove') return undefined;
  await ctx.registries.store.remove(host);
  ctx.registries.refresh(host);
  return host;
}
