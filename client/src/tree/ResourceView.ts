import * as vscode from 'vscode';
import type { ListKind } from '../engine/EngineLists';
import type { EngineSession } from '../engine/EngineSession';
import type { NodeBase } from './nodeModel';
import { ResourceTreeProvider, type LazyRows } from './ResourceTreeProvider';

/**
 * One Docker view (Containers, Images, Volumes, Networks): rebuilt when the session says one of the lists it
 * shows changed (once per burst of engine events, never polled). While the engine is down VS Code shows the
 * view's welcome message (package.json viewsWelcome, by the context keys EngineContextKeys sets).
 */
export class ResourceView<N extends NodeBase> implements vscode.Disposable {
  readonly provider: ResourceTreeProvider<N>;
  readonly treeView: vscode.TreeView<N>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    id: string,
    session: EngineSession,
    kinds: readonly ListKind[],
    build: () => Promise<N[] | undefined>,
    options: { lazy?: LazyRows<N>; dragAndDropController?: vscode.TreeDragAndDropController<N> } = {},
  ) {
    this.provider = new ResourceTreeProvider(session, build, options.lazy);
    this.treeView = vscode.window.createTreeView(id, { treeDataProvider: this.provider, canSelectMany: true, dragAndDropController: options.dragAndDropController });
    this.disposables.push(
      this.provider,
      this.treeView,
      // Also on connecting and disconnecting: the session then says every list changed.
      session.onDidChangeLists((changed) => {
        if (kinds.some((kind) => changed.has(kind))) this.provider.refresh();
      }),
    );
  }

  /** The top-level rows, as the view shows them. */
  rows(): Promise<N[]> {
    return this.provider.getChildren();
  }

  refresh(): void {
    this.provider.refresh();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
