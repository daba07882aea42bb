import * as vscode from 'vscode';
import { addressSourceText, type HostSettingChoice } from '../engine/connection';
import type { EngineSession } from '../engine/EngineSession';
import type { EngineEndpoint } from '../engine/types';
import type { EngineState } from '../engine/RefreshController';

/** What the status bar tells about who chose the engine (see extension.ts). */
export interface EngineChoiceText {
  /** Which level of docker-workflows.host the address came from, when it came from the setting. */
  settingOrigin: HostSettingChoice['origin'];
  /** A line about workspace trust (Restricted Mode, or credentials withheld from a workspace's engine). */
  note?: string;
  /** Restricted Mode: the item shows a shield. */
  restricted: boolean;
}

/**
 * The status-bar item that names the engine the extension talks to, how many containers run and, while the
 * engine is down, why. The count comes from the session's shared container list, read again only after container
 * events (once per burst, the same answer the Containers view shows), never polled.
 */
export class EngineStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dockerWorkflows.engine', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  private running: number | undefined;

  constructor(
    private readonly session: EngineSession,
    private readonly choice: () => EngineChoiceText = () => ({ settingOrigin: 'user', restricted: false }),
  ) {
    this.item.name = 'Docker Engine';
    this.subscriptions = [
      session.onDidChangeState(() => {
        if (session.state.kind !== 'up') this.running = undefined;
        this.render();
      }),
      session.onDidIdentify(() => this.render()),
      session.onDidChangeLists((kinds) => {
        if (kinds.has('containers')) void this.count();
      }),
    ];
    this.render();
  }

  private async count(): Promise<void> {
    const containers = await this.session.lists.containers();
    if (!containers) return;
    this.running = containers.filter((c) => c.state === 'running').length;
    this.render();
  }

  private render(): void {
    this.update(this.session.endpoint, this.session.state);
  }

  private update(endpoint: EngineEndpoint | undefined, state: EngineState): void {
    const choice = this.choice();
    const where = endpoint ? endpoint.url : 'no usable address';
    const from = endpoint ? addressSourceText(endpoint, choice.settingOrigin) : 'the docker-workflows.host setting';
    const note = choice.note ? `\n\n${choice.note}` : '';
    const shield = choice.restricted ? ' $(workspace-untrusted)' : '';
    // Down: a click retries now. Otherwise it offers the docker contexts to switch to (the Contexts view's Use).
    this.item.command = state.kind === 'down' ? 'dockerWorkflows.engine.retry' : 'dockerWorkflows.contexts.use';
    if (state.kind === 'down') {
      this.item.text = `$(debug-disconnect) Docker: ${where}${shield}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.tooltip = `${state.error.message}\n\nAddress from ${from}. Click to retry.${note}`;
    } else {
      const count = state.kind === 'up' && this.running !== undefined ? ` · ${this.running} running` : '';
      const identity = state.kind === 'up' ? this.session.identity : undefined;
      const name = identity?.podman ? 'Podman' : 'Docker';
      const product = identity ? `${identity.product} ${identity.version} (API ${identity.apiVersion})` : 'the Docker engine';
      this.item.text = `$(${state.kind === 'up' ? 'plug' : 'loading~spin'}) ${name}: ${where}${count}${shield}`;
      this.item.backgroundColor = undefined;
      this.item.tooltip = `${state.kind === 'up' ? 'Connected to' : 'Connecting to'} ${product} at ${where} (address from ${from}).${note}`;
    }
    this.item.show();
  }

  /** What the item shows: its text and its tooltip, and the command a click runs. */
  get shown(): { text: string; tooltip: string; command: string } {
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), command: String(this.item.command ?? '') };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
