import { cancellableProgress } from '../shared';
import { asTag, registryReason, type RegistriesCtx } from './context';

/**
 * Deletes a tag from its registry after asking (a modal): the registry deletes the manifest the tag points to, so
 * every tag of that digest goes too (the question names those the view has listed). Resolves with the digest
 * deleted; undefined when cancelled or refused (a registry with deletion disabled says so).
 */
export async function deleteRegistryTag(ctx: RegistriesCtx, node?: unknown): Promise<string | undefined> {
  const row = asTag(node);
  if (!row) return undefined;
  const digest = row.details?.digest;
  const siblings = digest ? ctx.registries.tagsWithDigest(row.entry.host, row.repository, digest, row.tag) : [];
  const answer = await ctx.notifier.confirm(
    `Delete ${row.reference} from the registry?`,
    [
      `The registry deletes the manifest${digest ? ` ${digest}` : ''} this tag points to${siblings.length > 0 ? `, and with it the tags ${siblings.join(', ')}` : ''}.`,
      'Its layers are freed when the registry collects garbage. This cannot be undone.',
    ].join(' '),
    'Delete',
  );
  if (answer !== 'Delete') return undefined;
  const result = await cancellableProgress(`Deleting ${row.reference}`, async (signal) => {
    try {
      const client = await ctx.registries.client(row.entry);
      if (!client) return { error: 'log in to Docker Hub first' };
      return { digest: await client.deleteTag(row.repository, row.tag, signal) };
    } catch (error) {
      return { error: registryReason(error) };
    }
  });
  if ('error' in result) {
    ctx.notifier.error(`Could not delete ${row.reference}: ${result.error}`);
    return undefined;
  }
  ctx.registries.refreshRepository(row.entry.host, row.repository);
  ctx.notifier.info(`Deleted ${row.reference} (${result.digest}).`);
  return result.digest;
}

