import * as fs from 'fs';
import * as vscode from 'vscode';
import { registerCommands } from './commands/register';
import { resolveConnection } from './engine/connection';
import { DockerodeEngine } from './engine/DockerodeEngine';
import type { Ctx } from './ctx';
import { startLanguageClient } from './languageClient';
import type { ContainerNodeModel } from './tree/containerNodes';
import { ContainersView } from './tree/ContainersView';
import type { EngineState } from './tree/RefreshController';
import { createNotifier } from './ui/notifier';

/** What activate() returns: for other extensions and for the extension's own tests. */
export interface ExtensionApi {
  containers: {
    state(): EngineState;
    /** The message the view shows above its content (the engine-down reason). */
    message(): string | undefined;
    rows(): Promise<ContainerNodeModel[]>;
  };
  /** Messages shown to the user since activation. */
  shownMessages(): readonly { kind: 'error' | 'info'; message: string }[];
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const createEngine = () =>
    new DockerodeEngine(
      resolveConnection({
        setting: vscode.workspace.getConfiguration('docker-workflows').get<string>('host', ''),
        env: process.env,
        readFile: (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined),
      }),
    );
  const containers = new ContainersView(createEngine);
  const notifier = createNotifier();
  const ctx: Ctx = { extension: context, notifier, containers };
  context.subscriptions.push(
    containers,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('docker-workflows.host')) containers.connect();
    }),
  );
  registerCommands(ctx);
  startLanguageClient(context).catch((error: unknown) =>
    notifier.error(`The Docker language server did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  return {
    containers: {
      state: () => containers.state,
      message: () => containers.treeView.message,
      rows: () => containers.provider.getChildren(),
    },
    shownMessages: () => notifier.shown,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
