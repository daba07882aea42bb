import type { Ctx } from '../../ctx';
import { contextArgs } from '../../engine/contexts';
import { dockerCli, messageOf, selectedContext } from './cli';

/**
 * `docker context use -- <name>`, then connects again, so the views, the status bar and the language server's images
 * follow the new context (unless the docker-workflows.host setting or DOCKER_HOST chooses the engine: then the user
 * is told the views stay where they are). Resolves with the name of the context now current; undefined otherwise.
 */
export async function useContext(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string | undefined> {
  let name = selectedContext(node, nodes)?.context.name;
  if (name === undefined) {
    const names = ctx.views.contexts.list().contexts.filter((c) => c.problem === undefined).map((c) => c.name);
    name = await ctx.notifier.pick('Docker context to use', names);
    if (name === undefined) return undefined;
  }
  try {
    await dockerCli(contextArgs('use', name));
  } catch (error) {
    ctx.notifier.error(`Could not use the context ${name}: ${messageOf(error)}`);
    return undefined;
  }
  ctx.session.connect();
  ctx.views.contexts.refresh();
  const use = ctx.views.contexts.use();
  if (use.context !== name) {
    ctx.notifier.info(`The docker CLI now uses the context ${name}. ${use.message}`);
  }
  return name;
}
