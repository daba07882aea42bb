// The Compose CodeLens: above `services:` "Up all" and "Down", above each service its live state and its actions.
// The state comes from the session's shared container list (read once per burst of events for every consumer), and
// the lenses are asked for again only when that list changed: no engine call of its own, no polling.
import * as path from 'path';
import * as vscode from 'vscode';
import { composeFilesFor } from '../compose/composeFiles';
import type { Ctx } from '../ctx';
import { composeProjectName } from '../commands/compose/composeTask';
import type { ComposeServiceNode } from '../commands/compose/service';
import { composeLenses } from './composeLenses';

/** The setting that turns the lenses off. */
export const CODE_LENS_SETTING = 'docker-workflows.compose.codeLens';

class ComposeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.listeners = [
      ctx.session.onDidChangeLists((kinds) => {
        if (kinds.has('containers')) this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(CODE_LENS_SETTING)) this.changed.fire();
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (document.uri.scheme !== 'file') return [];
    if (!vscode.workspace.getConfiguration('docker-workflows', document.uri).get<boolean>('compose.codeLens', true)) return [];
    const files = composeFilesFor(document.uri.fsPath);
    const text = document.getText();
    // The open document may be newer than the disk: its `name:` counts.
    const own = path.resolve(document.uri.fsPath);
    const project = await composeProjectName(this.ctx, { files, projectDirectory: path.dirname(files[0]) }, (file) => (path.resolve(file) === own ? text : undefined));
    const containers = await this.ctx.session.lists.containers();
    if (token.isCancellationRequested) return [];
    return composeLenses(text, project, containers).map((lens) => {
      const range = new vscode.Range(lens.line, 0, lens.line, 0);
      if (!lens.command) return new vscode.CodeLens(range, { title: lens.title, command: '' });
      const argument: vscode.Uri | ComposeServiceNode = lens.service === undefined ? document.uri : { file: document.uri, service: lens.service };
      return new vscode.CodeLens(range, { title: lens.title, command: lens.command, arguments: [argument] });
    });
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.changed.dispose();
  }
}

/** Registers the Compose CodeLens for compose files on disk. Call once in activate(). */
export function registerComposeLens(ctx: Ctx): void {
  const provider = new ComposeLensProvider(ctx);
  ctx.extension.subscriptions.push(provider, vscode.languages.registerCodeLensProvider({ language: 'dockercompose', scheme: 'file' }, provider));
}
