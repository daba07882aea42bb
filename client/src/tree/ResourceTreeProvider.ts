import * as vscode from 'vscode';
import type { NodeBase } from './nodeModel';
import { RootRows } from './rootRows';

/** Rows whose children are read when opened (NodeBase.lazy), and what their tree items add. */
export interface LazyRows<N> {
  children(node: N): Promise<N[]>;
  item(item: vscode.TreeItem, node: N): void;
}

/**
 * The data of one Docker view: its rows are built from the session's shared engine lists (each read once per
 * burst of events), kept until refresh() so that the view and other callers (the extension API, reveal) share
 * them; groups carry their children, so expanding one asks the engine nothing.
 */
export class ResourceTreeProvider<N extends NodeBase> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<N | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly roots: RootRows<N>;

  /** `build` makes the top-level rows (none while the engine is down), or undefined when a list could not be read (not kept). */
  constructor(
    build: () => Promise<N[] | undefined>,
    private readonly lazy?: LazyRows<N>,
  ) {
    this.roots = new RootRows(build, () => this.changed.fire(undefined));
  }

  /** Builds the top-level rows anew, and tells the view (rootRows.ts says when). */
  refresh(): void {
    this.roots.refresh();
  }

  /** Reads the children of one lazy row again (after a change made from the view). */
  refreshRow(node: N): void {
    this.changed.fire(node);
  }

  async getChildren(element?: N): Promise<N[]> {
    if (element?.lazy && this.lazy) return this.lazy.children(element);
    if (element) return (element.children ?? []) as N[];
    return this.roots.get();
  }

  /** Lets VS Code reveal a row inside its group (and the group inside its engine's row). */
  async getParent(node: N): Promise<N | undefined> {
    const search = (rows: readonly NodeBase[]): NodeBase | undefined => {
      for (const row of rows) {
        if (row.children?.some((child) => child.id === node.id)) return row;
        const found = row.children && search(row.children);
        if (found) return found;
      }
      return undefined;
    };
    return search(await this.roots.last()) as N | undefined;
  }

  getTreeItem(node: N): vscode.TreeItem {
    const collapsed = node.lazy
      ? vscode.TreeItemCollapsibleState.Collapsed
      : node.children === undefined || node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.expanded === false
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, collapsed);
    item.id = node.id;
    item.description = node.description;
    // The tooltip is made when the pointer rests on the row (resolveTreeItem), not for every row of a refresh.
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.contextValue = node.contextValue;
    this.lazy?.item(item, node);
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: N): vscode.TreeItem {
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
