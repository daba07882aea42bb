// What every view's rows have in common: the pure node builders (containerNodes, imageNodes, volumeNodes,
// networkNodes) make these, and ResourceTreeProvider turns them into VS Code tree items.

export interface NodeIcon {
  /** A codicon id, e.g. "vm-running". */
  id: string;
  /** A theme color id, e.g. "charts.green". */
  color?: string;
}

export interface NodeBase {
  /** Stable tree id, so VS Code keeps selection and expansion across refreshes. */
  id: string;
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  icon: NodeIcon;
  /** Used by menus' when clauses, e.g. "container.<state>", "composeProject", "image", "volume.unused". */
  contextValue: string;
  /** Rows under this one (a group), made from the same engine lists as the row itself. */
  children?: readonly NodeBase[];
  /** A group shows its children at first unless this is false. */
  expanded?: boolean;
  /** The row's children are read when it is opened (a container's folders), not carried in `children`. */
  lazy?: boolean;
}

/**
 * Gives `node` a tooltip that is made the first time it is read: a view of hundreds of rows makes none of them
 * while it refreshes, and VS Code reads a row's tooltip only when the pointer rests on it (resolveTreeItem).
 */
export function withLazyTooltip<T extends object>(node: T, make: () => string): T & { tooltip: string } {
  let text: string | undefined;
  return Object.defineProperty(node, 'tooltip', { get: () => (text ??= make()), enumerable: true, configurable: true }) as T & { tooltip: string };
}
