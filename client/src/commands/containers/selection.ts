import type { Ctx } from '../../ctx';
import type { ContainerSummary } from '../../engine/types';
import { containerProblem } from '../../engine/validate';
import type { ContainerNodeModel } from '../../tree/containerNodes';

/**
 * The containers a command applies to: every selected container row when the clicked one is part of a
 * multi-selection, else the clicked row (the containers of a project row).
 */
export function selectedContainers(node?: unknown, nodes?: unknown[]): ContainerSummary[] {
  const picked = (nodes && nodes.length > 0 ? nodes : node ? [node] : []) as ContainerNodeModel[];
  return picked.flatMap((n) => (n.kind === 'container' ? [n.container] : n.kind === 'project' ? n.children.map((c) => c.container) : []));
}

/**
 * The one container a single-container command (shell, logs, stats) applies to, once its id and name are what an
 * engine can report (engine/validate.ts); undefined when there is none, or after telling the user what the engine
 * returned instead ("The engine returned an id that is not a container id: ...").
 */
export function checkedContainer(ctx: Pick<Ctx, 'notifier'>, node?: unknown, nodes?: unknown[]): ContainerSummary | undefined {
  const [container] = selectedContainers(node, nodes);
  if (!container) return undefined;
  const problem = containerProblem(container);
  if (problem) {
    ctx.notifier.error(problem);
    return undefined;
  }
  return container;
}
