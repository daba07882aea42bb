import type { ContainerSummary } from '../../engine/types';
import type { ContainerNodeModel } from '../../tree/containerNodes';

/**
 * The containers a command applies to: every selected container row when the clicked one is part of a
 * multi-selection, else the clicked row (the containers of a project row).
 */
export function selectedContainers(node?: unknown, nodes?: unknown[]): ContainerSummary[] {
  const picked = (nodes && nodes.length > 0 ? nodes : node ? [node] : []) as ContainerNodeModel[];
  return picked.flatMap((n) => (n.kind === 'container' ? [n.container] : n.kind === 'project' ? n.children.map((c) => c.container) : []));
}
