import * as vscode from 'vscode';
import type { DockerEngine } from '../engine/DockerEngine';
import { EngineError } from '../engine/types';
import type { EngineStatusBar } from '../ui/engineStatusBar';
import { ContainersTreeProvider } from './ContainersTreeProvider';
import type { ContainerNodeModel } from './containerNodes';
import { isContainerChange, RefreshController, type EngineState } from './RefreshController';

export const CONTAINERS_VIEW_ID = 'dockerWorkflows.containers';
/** Context keys read by the view's welcome messages in package.json. */
const STATE_CONTEXT_KEY = 'dockerWorkflows.engineState';
const FAILURE_CONTEXT_KEY = 'dockerWorkflows.engineFailure';
const SOURCE_CONTEXT_KEY = 'dockerWorkflows.engineSource';

/**
 * The Containers tree view and its link to the engine: follows the engine's event stream,
 * shows why the engine cannot be reached (the welcome message offers Retry), and reconnects by itself.
 */
export class ContainersView implements vscode.Disposable {
  readonly provider: ContainersTreeProvider;
  readonly treeView: vscode.TreeView<ContainerNodeModel>;
  private controller: RefreshController | undefined;
  private engine: DockerEngine | undefined;
  private current: EngineState = { kind: 'connecting' };
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly createEngine: () => DockerEngine,
    private readonly statusBar: EngineStatusBar,
  ) {
    this.provider = new ContainersTreeProvider(() => this.controller);
    this.treeView = vscode.window.createTreeView(CONTAINERS_VIEW_ID, {
      treeDataProvider: this.provider,
      showCollapseAll: false,
    });
    this.disposables.push(this.provider, this.treeView);
    this.connect();
  }

  get state(): EngineState {
    return this.current;
  }

  /** Drops the current connection and connects again from the settings (after a settings change). */
  connect(): void {
    this.controller?.dispose();
    this.engine?.dispose();
    this.controller = undefined;
    this.engine = undefined;
    try {
      this.engine = this.createEngine();
    } catch (error) {
      // An engine address that cannot be used at all: nothing to retry until the setting changes.
      const reason = error instanceof Error ? error.message : String(error);
      this.onState({ kind: 'down', error: new EngineError('the configured address', reason, 'bad-address') });
      this.provider.refresh();
      return;
    }
    this.onState({ kind: 'connecting' });
    this.controller = new RefreshController({
      engine: this.engine,
      isRelevant: isContainerChange,
      onState: (state) => this.onState(state),
      onRefresh: () => this.provider.refresh(),
    });
    // Followed all the time, not only while the view is visible: the status bar shows the engine's state too,
    // and one idle event stream costs nothing. VS Code asks a hidden view for its rows only once it is shown.
    this.controller.start();
  }

  /** The Retry button: resolve the engine again (DOCKER_HOST or the docker context may have changed) and connect now. */
  retry(): void {
    this.connect();
  }

  refresh(): void {
    this.provider.refresh();
  }

  private onState(state: EngineState): void {
    this.current = state;
    // Set failure and source before the state, so the welcome message never shows with stale advice.
    void vscode.commands.executeCommand('setContext', FAILURE_CONTEXT_KEY, state.kind === 'down' ? state.error.failure : '');
    void vscode.commands.executeCommand('setContext', SOURCE_CONTEXT_KEY, this.engine?.endpoint.source ?? 'setting');
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state.kind);
    // The view's description and the status bar name the engine, and while it is down also the reason; the
    // welcome message gives advice and the Retry button. (Not treeView.message: VS Code hides the welcome under it.)
    this.statusBar.update(this.engine?.endpoint, state);
    const url = this.engine?.endpoint.url;
    if (state.kind !== 'down') this.treeView.description = url;
    else this.treeView.description = url ? `${url}: ${state.error.reason}` : state.error.reason;
  }

  dispose(): void {
    this.controller?.dispose();
    this.engine?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
