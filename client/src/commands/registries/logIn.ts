import { cancellableProgress } from '../shared';
import { chosenRegistry, registryLabel, registryReason, type RegistriesCtx } from './context';

/**
 * Asks for a user name and a password (or access token), checks them against the registry, and keeps them in VS
 * Code's secret storage for that registry only. Resolves with the user name; undefined when cancelled or refused
 * (then nothing is kept).
 */
export async function logInToRegistry(ctx: RegistriesCtx, node?: unknown): Promise<string | undefined> {
  const entry = await chosenRegistry(ctx, node, 'Registry to log in to');
  if (!entry) return undefined;
  const label = registryLabel(entry);
  const current = (await ctx.registries.store.login(entry.host)).login?.username ?? '';
  const username = (await ctx.notifier.input(`User name for ${label}`, current, (value) => (value.trim() && !/[:\s]/.test(value.trim()) ? undefined : 'A user name is not empty and has no spaces or colons.')))?.trim();
  if (!username) return undefined;
  const password = await ctx.notifier.input(`Password or access token of ${username} for ${label}`, '', (value) => (value ? undefined : 'Type the password or access token.'), { password: true });
  if (!password) return undefined;
  const login = { username, password };
  const failure = await cancellableProgress(`Logging in to ${label}`, async (signal) => {
    try {
      const client = await ctx.registries.store.client(entry, login);
      await client?.check(signal);
      return undefined;
    } catch (error) {
      return registryReason(error);
    }
  });
  if (failure) {
    ctx.notifier.error(`Could not log in to ${label}: ${failure}`);
    return undefined;
  }
  await ctx.registries.store.saveLogin(entry.host, login);
  ctx.registries.refresh(entry.host);
  ctx.notifier.info(`Logged in to ${label} as ${username}.`);
  return username;
}
