// The stats views: one panel per set of containers (asking again for the same containers of the same engine shows the
// open panel), the command that opens them, and what the extension's tests read of them.
import * as vscode from 'vscode';
import { registerCommandTable } from '../commands/register';
import { showStatsView } from '../commands/containers/statsView';
import type { Ctx } from '../ctx';
import type { ContainerSummary } from '../engine/types';
import { StatsPanel, type StatsPanelState, type StatsSource } from './StatsPanel';

export class StatsViews implements vscode.Disposable {
  private readonly panels = new Map<string, StatsPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The open panel of these containers of this engine, revealed, or a new one. */
  open(source: StatsSource & { readonly endpoint?: { url: string } }, title: string, containers: readonly ContainerSummary[]): StatsPanel {
    const key = `${source.endpoint?.url ?? ''}\n${containers.map((container) => container.id).sort().join(',')}`;
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    const panel = new StatsPanel(source, this.extensionUri, title, containers);
    this.panels.set(key, panel);
    panel.onDidDispose(() => this.panels.delete(key));
    return panel;
  }

  get all(): StatsPanel[] {
    return [...this.panels.values()];
  }

  dispose(): void {
    for (const panel of this.all) panel.dispose();
  }
}

/** What tests read: every open stats panel's state, and how many streams the main engine has open. */
export interface StatsApi {
  panels(): StatsPanelState[];
  openStreams(): number | undefined;
}

export function registerStatsViews(ctx: Ctx): StatsApi {
  const views = new StatsViews(ctx.extension.extensionUri);
  ctx.extension.subscriptions.push(views);
  registerCommandTable(ctx, { 'dockerWorkflows.containers.statsView': showStatsView(views) });
  return {
    panels: () => views.all.map((panel) => panel.state()),
    openStreams: () => ctx.session.engine?.openStreams(),
  };
}
