import { parseRegistryUrl } from '../../engine/registryHttp';
import type { RegistriesCtx } from './context';

/**
 * Asks for a registry's address ("registry.example.com", "127.0.0.1:5000", "https://...") and lists it. Resolves
 * with its host (as image references name it); undefined when cancelled or refused.
 */
export async function addRegistry(ctx: RegistriesCtx): Promise<string | undefined> {
  const address = await ctx.notifier.input('Registry address, e.g. registry.example.com or 127.0.0.1:5000 (https unless you type http://)', '', (value) => {
    const parsed = parseRegistryUrl(value);
    return 'problem' in parsed ? parsed.problem : undefined;
  });
  if (!address) return undefined;
  const added = await ctx.registries.store.add(address);
  if ('problem' in added) {
    ctx.notifier.error(added.problem);
    return undefined;
  }
  ctx.registries.refresh(added.host);
  return added.host;
}
