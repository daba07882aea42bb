import type { Ctx } from '../../ctx';
import { contextArgs, DEFAULT_CONTEXT } from '../../engine/contexts';
import { dockerCli, messageOf, selectedContext } from './cli';

/**
 * Removes a context after asking (`docker context rm -- <name>`). Refuses `default`, the docker CLI's current
 * context and the one the views use, saying why. Resolves with the removed name; undefined otherwise.
 */
export async function removeContext(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string | undefined> {
  const row = selectedContext(node, nodes);
  if (!row) return undefined;
  const name = row.context.name;
  if (name === DEFAULT_CONTEXT) {
    ctx.notifier.error('The default context cannot be removed: it is the engine the docker CLI uses without a context.');
    return undefined;
  }
  const list = ctx.views.contexts.list();
  if (list.current === name) {
    const how = list.currentFrom === 'DOCKER_CONTEXT' ? 'DOCKER_CONTEXT names it' : 'use another context first';
    ctx.notifier.error(`The context ${name} is the docker CLI's current context and cannot be removed: ${how}.`);
    return undefined;
  }
  if (ctx.views.contexts.use().context === name) {
    ctx.notifier.error(`The views use the context ${name}, so it cannot be removed: use another context first.`);
    return undefined;
  }
  const answer = await ctx.notifier.confirm(
    `Remove the docker context ${name}?`,
    `Its endpoint${row.context.host ? ` (${row.context.host})` : ''} and TLS material are deleted from ${list.configDir}. The engine and its containers are not touched.`,
    'Remove',
  );
  if (answer !== 'Remove') return undefined;
  try {
    await dockerCli(contextArgs('rm', name));
  } catch (error) {
    ctx.notifier.error(`Could not remove the context ${name}: ${messageOf(error)}`);
    return undefined;
  }
  ctx.views.contexts.refresh();
  return name;
}
