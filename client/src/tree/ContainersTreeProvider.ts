import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/DockerEngine';
import type { EngineSession } from '../engine/EngineSession';
import { EngineError } from '../engine/types';
import { containerTree, type ContainerNodeModel } from './containerNodes';

/** The tree of one refresh: made from one engine list, shared by every caller until the next refresh(). */
interface Listing {
  engine: DockerEngine;
  nodes: Promise<ContainerNodeModel[] | undefined>;
}

/**
 * The Containers view's data: Compose project groups (expanded) with their containers, then the standalone
 * containers. One engine call per refresh: the groups carry their children, and the top level is kept until
 * refresh(), so the view and other callers (the extension API) share it.
 */
export class ContainersTreeProvider implements vscode.TreeDataProvider<ContainerNodeModel>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private listing: Listing | undefined;

  constructor(private readonly session: EngineSession) {}

  refresh(): void {
    this.listing = undefined;
    this.changed.fire();
  }

  async getChildren(element?: ContainerNodeModel): Promise<ContainerNodeModel[]> {
    if (element) return element.kind === 'project' ? element.children : [];
    const engine = this.session.engine;
    if (!engine || this.session.state.kind !== 'up') return [];
    if (this.listing?.engine !== engine) this.listing = { engine, nodes: this.list(engine) };
    const listing = this.listing;
    const nodes = await listing.nodes;
    if (nodes) return nodes;
    // A failed list is not kept: the next call asks the engine again.
    if (this.listing === listing) this.listing = undefined;
    return [];
  }

  /** Lets VS Code reveal a container inside its group. */
  async getParent(node: ContainerNodeModel): Promise<ContainerNodeModel | undefined> {
    if (node.kind === 'project') return undefined;
    const roots = (await this.listing?.nodes) ?? [];
    return roots.find((root) => root.kind === 'project' && root.children.some((child) => child.id === node.id));
  }

  getTreeItem(node: ContainerNodeModel): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.label,
      node.kind === 'project' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.contextValue = node.contextValue;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async list(engine: DockerEngine): Promise<ContainerNodeModel[] | undefined> {
    try {
      return containerTree(await engine.listContainers());
    } catch (error) {
      if (error instanceof EngineError) this.session.reportFailure(error);
      return undefined;
    }
  }
}
