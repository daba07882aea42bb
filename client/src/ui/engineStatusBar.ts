import * as vscode from 'vscode';
import type { EngineSession } from '../engine/EngineSession';
import type { EngineEndpoint } from '../engine/types';
import type { EngineState } from '../tree/RefreshController';

/** The status-bar item that names the engine the extension talks to and, while it is down, why. */
export class EngineStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dockerWorkflows.engine', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(session: EngineSession) {
    this.item.name = 'Docker Engine';
    this.item.command = 'dockerWorkflows.engine.retry';
    this.subscription = session.onDidChangeState((state) => this.update(session.endpoint, state));
    this.update(session.endpoint, session.state);
  }

  private update(endpoint: EngineEndpoint | undefined, state: EngineState): void {
    const where = endpoint ? endpoint.url : 'no usable address';
    const from = endpoint ? sourceText(endpoint) : 'the docker-workflows.host setting';
    if (state.kind === 'down') {
      this.item.text = `$(debug-disconnect) Docker: ${where}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.tooltip = `${state.error.message}\n\nAddress from ${from}. Click to retry.`;
    } else {
      this.item.text = `$(${state.kind === 'up' ? 'plug' : 'loading~spin'}) Docker: ${where}`;
      this.item.backgroundColor = undefined;
      this.item.tooltip = `${state.kind === 'up' ? 'Connected to' : 'Connecting to'} the Docker engine at ${where} (address from ${from}).`;
    }
    this.item.show();
  }

  /** What the item shows: its text and its tooltip. */
  get shown(): { text: string; tooltip: string } {
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? '') };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

function sourceText(endpoint: EngineEndpoint): string {
  switch (endpoint.source) {
    case 'setting':
      return 'the docker-workflows.host setting';
    case 'DOCKER_HOST':
      return 'DOCKER_HOST';
    case 'context':
      return `the docker context "${endpoint.context}"`;
    case 'default':
      return 'the default';
  }
}
