import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CreateTreeView } from '../activation/registrar';
import { contextFolders, contextUse, dockerConfigDir, listContexts, type ContextList, type ContextUse } from '../engine/contexts';
import type { EngineSession } from '../engine/EngineSession';
import { contextTree, type ContextNode } from './contextNodes';

export const CONTEXTS_VIEW_ID = 'dockerWorkflows.contexts';
const DEBOUNCE_MS = 150;

/** Reads the CLI's files; undefined when missing or unreadable. */
const readFile = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
const listDir = (dir: string): string[] | undefined => {
  try {
    return fs.readdirSync(dir);
  } catch {
    return undefined;
  }
};

/**
 * The Contexts view: the docker CLI's contexts (read from its files, not from the engine, so the view works while
 * the engine is down), the current one marked, and a message naming the engine the views use and why. It follows
 * the files: contexts created or removed outside VS Code appear without a refresh (fs.watch on the configuration
 * folder, contexts/ and contexts/meta/ and each context's folder, debounced).
 */
export class ContextsView implements vscode.TreeDataProvider<ContextNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<ContextNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private roots: ContextNode[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly session: EngineSession, treeView: CreateTreeView) {
    this.treeView = treeView(CONTEXTS_VIEW_ID, { treeDataProvider: this, canSelectMany: false });
    this.disposables.push(this.treeView, this.changed, session.onDidChangeState(() => this.refresh()));
    this.refresh();
  }

  /** The contexts as the CLI's files hold them now. */
  list(): ContextList {
    return listContexts({ env: process.env, readFile, listDir });
  }

  /** Which engine the views use and why. */
  use(): ContextUse {
    return contextUse(this.session.endpoint, process.env);
  }

  /** The rows, as the view shows them. */
  rows(): Promise<ContextNode[]> {
    return this.getChildren();
  }

  /** The view's message (which engine the views use, and why). */
  get message(): string {
    return this.treeView.message ?? '';
  }

  refresh(): void {
    if (this.disposed) return;
    this.roots = undefined;
    const use = this.use();
    this.treeView.message = use.message;
    this.treeView.description = use.short;
    this.watch();
    this.changed.fire();
  }

  async getChildren(element?: ContextNode): Promise<ContextNode[]> {
    if (element) return [];
    return (this.roots ??= contextTree(this.list(), this.use().context));
  }

  getTreeItem(node: ContextNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.contextValue = node.contextValue;
    return item;
  }

  /** Watches the folders that exist now (the configuration folder, contexts/, contexts/meta/ and its folders). */
  private watch(): void {
    const folders = contextFolders(dockerConfigDir(process.env));
    const wanted = [folders.config, folders.contexts, folders.meta, ...(listDir(folders.meta) ?? []).map((hash) => path.join(folders.meta, hash))];
    for (const [dir, watcher] of this.watchers) {
      if (!wanted.includes(dir)) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = fs.watch(dir, { persistent: false }, () => this.soon());
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(dir);
          this.soon();
        });
        this.watchers.set(dir, watcher);
      } catch {
        // Not there (yet): the folder above it is watched, and its creation refreshes the view.
      }
    }
  }

  private soon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, DEBOUNCE_MS);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
