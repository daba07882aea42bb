import * as vscode from 'vscode';
import type { EngineSession } from '../engine/EngineSession';
import { ContainersTreeProvider } from './ContainersTreeProvider';
import type { ContainerNodeModel } from './containerNodes';
import { isContainerChange, type EngineState } from './RefreshController';

export const CONTAINERS_VIEW_ID = 'dockerWorkflows.containers';
/** Context keys read by the view's welcome messages in package.json. */
const STATE_CONTEXT_KEY = 'dockerWorkflows.engineState';
const FAILURE_CONTEXT_KEY = 'dockerWorkflows.engineFailure';
const SOURCE_CONTEXT_KEY = 'dockerWorkflows.engineSource';
const REFRESH_DEBOUNCE_MS = 100;

/**
 * The Containers tree view: refreshes (debounced) on container events of the engine session, and shows why
 * the engine cannot be reached through its welcome message (with Retry) while it cannot.
 */
export class ContainersView implements vscode.Disposable {
  readonly provider: ContainersTreeProvider;
  readonly treeView: vscode.TreeView<ContainerNodeModel>;
  private readonly disposables: vscode.Disposable[] = [];
  private debounce: NodeJS.Timeout | undefined;

  constructor(private readonly session: EngineSession) {
    this.provider = new ContainersTreeProvider(session);
    this.treeView = vscode.window.createTreeView(CONTAINERS_VIEW_ID, { treeDataProvider: this.provider, canSelectMany: true });
    this.disposables.push(
      this.provider,
      this.treeView,
      session.onDidChangeState((state) => this.onState(state)),
      session.onDidConnect(() => this.provider.refresh()),
      session.onDidReceiveEvent((event) => {
        if (!isContainerChange(event)) return;
        clearTimeout(this.debounce);
        this.debounce = setTimeout(() => this.provider.refresh(), REFRESH_DEBOUNCE_MS);
      }),
    );
    this.onState(session.state);
  }

  refresh(): void {
    this.provider.refresh();
  }

  private onState(state: EngineState): void {
    // Failure and source before the state, so the welcome message never shows with stale advice.
    void vscode.commands.executeCommand('setContext', FAILURE_CONTEXT_KEY, state.kind === 'down' ? state.error.failure : '');
    void vscode.commands.executeCommand('setContext', SOURCE_CONTEXT_KEY, this.session.endpoint?.source ?? 'setting');
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state.kind);
    // The description (and the status bar) name the engine, and while it is down the reason; the welcome message
    // gives advice and the Retry button. (Not treeView.message: VS Code hides the welcome message under it.)
    const url = this.session.endpoint?.url;
    if (state.kind !== 'down') this.treeView.description = url;
    else this.treeView.description = url ? `${url}: ${state.error.reason}` : state.error.reason;
    this.provider.refresh();
  }

  dispose(): void {
    clearTimeout(this.debounce);
    for (const d of this.disposables) d.dispose();
  }
}
