import * as vscode from 'vscode';
import type { EngineSession } from '../engine/EngineSession';
import { EngineError } from '../engine/types';
import { containerNode, type ContainerNodeModel } from './containerNodes';

/** The Containers view's data: one engine call per refresh, nothing else. */
export class ContainersTreeProvider implements vscode.TreeDataProvider<ContainerNodeModel>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly session: EngineSession) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(element?: ContainerNodeModel): Promise<ContainerNodeModel[]> {
    const engine = this.session.engine;
    if (element || !engine || this.session.state.kind !== 'up') return [];
    try {
      return (await engine.listContainers()).map(containerNode);
    } catch (error) {
      if (error instanceof EngineError) this.session.reportFailure(error);
      return [];
    }
  }

  getTreeItem(node: ContainerNodeModel): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
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
}
