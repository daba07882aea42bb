import * as fs from 'fs';
import * as vscode from 'vscode';
import { ComposeCliFinder } from './commands/compose/runCompose';
import { INSPECT_SCHEME, inspectContentProvider } from './commands/containers/inspect';
import { registerImageProviders } from './commands/images';
import { registerCommands } from './commands/register';
import { resolveConnection } from './engine/connection';
import { DockerodeEngine } from './engine/DockerodeEngine';
import { EngineSession } from './engine/EngineSession';
import type { Ctx } from './ctx';
import { startLanguageClient } from './languageClient';
import { feedLocalImages } from './languageImages';
import type { ContainerNodeModel } from './tree/containerNodes';
import { DockerViews } from './tree/DockerViews';
import type { ImageNodeModel, NetworkNodeModel, VolumeNode } from './tree/resourceNodes';
import type { EngineState } from './engine/RefreshController';
import { EngineStatusBar } from './ui/engineStatusBar';
import { createNotifier, type ShownKind } from './ui/notifier';

/** What activate() returns: for other extensions and for the extension's own tests. */
export interface ExtensionApi {
  containers: {
    state(): EngineState;
    /** The engine this view talks to, as its description shows it (with the reason while it is down). */
    endpoint(): string | undefined;
    /** Why the engine cannot be reached (endpoint and reason), while it cannot. */
    problem(): string | undefined;
    rows(): Promise<ContainerNodeModel[]>;
  };
  /** The rows of the other views, as they show them (groups carry their children). */
  views: {
    images: { rows(): Promise<ImageNodeModel[]> };
    volumes: { rows(): Promise<VolumeNode[]> };
    networks: { rows(): Promise<NetworkNodeModel[]> };
  };
  /** The engine status-bar item's text and tooltip. */
  engineStatus(): { text: string; tooltip: string };
  /** Messages and questions shown to the user since activation. */
  shownMessages(): readonly { kind: ShownKind; message: string }[];
  /** Test seam: answers the next questions and picks (they are still asked of the Notifier and recorded). */
  answerNextPrompts(...answers: (string | string[] | undefined)[]): void;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const session = new EngineSession(
    () =>
      new DockerodeEngine(
        resolveConnection({
          setting: vscode.workspace.getConfiguration('docker-workflows').get<string>('host', ''),
          env: process.env,
          readFile: (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined),
        }),
      ),
  );
  const statusBar = new EngineStatusBar(session);
  const views = new DockerViews(session, context.workspaceState);
  const notifier = createNotifier();
  const ctx: Ctx = { extension: context, notifier, session, views, composeCli: new ComposeCliFinder() };
  context.subscriptions.push(
    session,
    statusBar,
    views,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('docker-workflows.host')) session.connect();
    }),
  );
  registerCommands(ctx);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, inspectContentProvider(ctx)),
    registerImageProviders(ctx),
  );
  session.connect();
  startLanguageClient(context).then(
    (client) => context.subscriptions.push(feedLocalImages(session, client)),
    (error: unknown) =>
      notifier.error(`The Docker language server did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  return {
    containers: {
      state: () => session.state,
      endpoint: () => views.containers.treeView.description,
      problem: () => (session.state.kind === 'down' ? session.state.error.message : undefined),
      rows: () => views.containers.rows(),
    },
    views: {
      images: { rows: () => views.images.rows() },
      volumes: { rows: () => views.volumes.rows() },
      networks: { rows: () => views.networks.rows() },
    },
    engineStatus: () => statusBar.shown,
    shownMessages: () => notifier.shown,
    answerNextPrompts: (...answers) => notifier.answerNext(...answers),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
