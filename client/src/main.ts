import * as fs from 'fs';
import * as vscode from 'vscode';
import { credentialsMayGoTo } from './commands/cli/dockerTask';
import { ComposeCliFinder } from './commands/compose/runCompose';
import { INSPECT_SCHEME, inspectContentProvider } from './commands/containers/inspect';
import { registerImageProviders } from './commands/images';
import { registerCommands } from './commands/register';
import { registerRegistries, type RegistriesApi } from './registries/register';
import { registerSwarm } from './commands/swarm';
import { registerContainerFiles } from './files/register';
import { registerStatsViews, type StatsApi } from './statsView/register';
import { registerComposeLens } from './lens/ComposeLensProvider';
import { registerTaskProviders } from './tasks/TaskProvider';
import {
  chooseHostSetting,
  hostSettingValues,
  resolveConnection,
  trustNote,
  type HostSettingChoice,
} from './engine/connection';
import { DockerodeEngine } from './engine/DockerodeEngine';
import { EngineSession } from './engine/EngineSession';
import { EngineSet } from './engine/EngineSet';
import { engineSetSource } from './engine/engineSetSource';
import type { Registrar } from './activation/registrar';
import type { Ctx } from './ctx';
import { startLanguageClient } from './languageClient';
import { feedLocalImages } from './languageImages';
import type { LanguageServerStatus } from './languageServerRestarts';
import type { ContainerNodeModel } from './tree/containerNodes';
import type { ContextNode } from './tree/contextNodes';
import type { SwarmSectionNode } from './tree/swarmNodes';
import { DockerViews } from './tree/DockerViews';
import type { EngineGroupNode } from './tree/engineNodes';
import type { ImageNodeModel, NetworkNodeModel, VolumeNode, VolumeNodeModel } from './tree/resourceNodes';
import type { ListKind } from './engine/EngineLists';
import type { EngineState } from './engine/RefreshController';
import type { EngineEndpoint } from './engine/types';
import { EngineStatusBar } from './ui/engineStatusBar';
import { createNotifier, type ShownKind } from './ui/notifier';
import { openOnFirstRun, WalkthroughProgress } from './walkthrough/WalkthroughProgress';

/** What activate() returns: for other extensions and for the extension's own tests. */
export interface ExtensionApi {
  containers: {
    state(): EngineState;
    /** The engine this view talks to, as its description shows it (with the reason while it is down). */
    endpoint(): string | undefined;
    /** Why the engine cannot be reached (endpoint and reason), while it cannot. */
    problem(): string | undefined;
    rows(): Promise<ContainerNodeModel[]>;
    /** With several engines (docker-workflows.engines): one row per engine, its rows under it; else empty. */
    engineRows(): Promise<EngineGroupNode[]>;
    /** The rows under a row, as the view shows them (a container's Files row and its folders are read when asked). */
    children(row: unknown): Promise<unknown[]>;
    /** What a drop from the Explorer onto a row does (the view's drag-and-drop controller, as VS Code calls it). */
    drop(row: unknown, data: vscode.DataTransfer): Promise<void>;
    /** How often the shared container list was read from the engine since activation. */
    listCalls(): number;
  };
  /** The rows of the other views, as they show them (groups carry their children). */
  views: {
    images: { rows(): Promise<ImageNodeModel[]> };
    /** The volume rows in the view's order (inside their groups when grouped); tree() gives the top-level rows as shown. */
    volumes: { rows(): Promise<VolumeNode[]>; tree(): Promise<VolumeNodeModel[]> };
    networks: { rows(): Promise<NetworkNodeModel[]> };
    /** The docker CLI's contexts, and the view's message: which engine the views use and why. */
    contexts: { rows(): Promise<ContextNode[]>; message(): string };
    /** Docker Hub and the added registries; their repositories and tags under them. */
    registries: RegistriesApi;
    /** The Swarm view's sections (empty when the engine is not a manager) and the engine's part in a swarm. */
    swarm: { rows(): Promise<SwarmSectionNode[]>; role(): string; engineRows(): Promise<EngineGroupNode[]> };
    /** How often each of the main engine's shared lists was read from the engine since activation. */
    listCalls(): Readonly<Record<ListKind, number>>;
  };
  /** The open stats views (their containers, streams and what the webview drew) and the engine's open streams. */
  stats: StatsApi;
  /** The engine status-bar item's text and tooltip. */
  engineStatus(): { text: string; tooltip: string; command: string };
  /** The language server: starting, running, restarting or failed (with the one message shown), and its restarts. */
  languageServer(): LanguageServerStatus;
  /** Messages and questions shown to the user since activation. */
  shownMessages(): readonly { kind: ShownKind; message: string }[];
  /** Test seam: answers the next questions and picks (they are still asked of the Notifier and recorded). */
  answerNextPrompts(...answers: (string | string[] | undefined)[]): void;
  /** The first-run walkthrough's progress as the extension reported it. */
  walkthrough: {
    /** The context keys set so far that complete steps (key: true). */
    keys(): Record<string, boolean>;
    /** The steps completed so far (their ids in package.json). */
    steps(): string[];
    /** What happened, each time it happened (the last 100): "containerRun", "composeUp" ... */
    reports(): readonly string[];
  };
}

/**
 * Starts everything (activation/registrar.ts registered the stand-ins this takes over): the engine session, the views
 * (fed into the tree views made at activation), the commands, the status bar and the language client.
 */
export function start(context: vscode.ExtensionContext, register: Registrar): ExtensionApi {
  const readFile = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  // Who chose the engine, decided anew on every (re)connection: in Restricted Mode only the user's own value of
  // docker-workflows.host counts (a cloned repository's settings must not choose the engine).
  let hostChoice: HostSettingChoice = { value: '', origin: 'none' };
  const session = new EngineSession(() => {
    const host = hostSettingValues(vscode.workspace.getConfiguration('docker-workflows').inspect<string>('host'));
    hostChoice = chooseHostSetting(host, vscode.workspace.isTrusted);
    // Machine-scoped: VS Code takes it from the user's own settings only, never from a workspace's.
    const sshConfigFile = vscode.workspace.getConfiguration('docker-workflows').get<string>('ssh.configFile');
    return new DockerodeEngine(resolveConnection({ setting: hostChoice.value, env: process.env, readFile, sshConfigFile }));
  });
  // Whether the workspace chose the engine in use (then Pull sends it no credentials), worked out once per engine.
  let judged: { endpoint: EngineEndpoint; byWorkspace: boolean } | undefined;
  const engineChoice = () => {
    const endpoint = session.endpoint;
    const trusted = vscode.workspace.isTrusted;
    if (endpoint && judged?.endpoint !== endpoint) judged = { endpoint, byWorkspace: !credentialsMayGoTo(endpoint) };
    const chosenByWorkspace = !!endpoint && trusted && !!judged?.byWorkspace;
    return {
      settingOrigin: hostChoice.origin,
      restricted: !trusted,
      note: trustNote({ choice: hostChoice, trusted, endpoint, chosenByWorkspace }),
    };
  };
  const statusBar = new EngineStatusBar(session, engineChoice);
  const engines = new EngineSet(
    session,
    engineSetSource({
      env: process.env,
      readFile,
      listDir: (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir) : undefined),
      // In Restricted Mode only the user's own value counts, as for docker-workflows.host.
      names: () => {
        const values = vscode.workspace.getConfiguration('docker-workflows').inspect<string[]>('engines');
        const names = vscode.workspace.isTrusted ? vscode.workspace.getConfiguration('docker-workflows').get<string[]>('engines') : values?.globalValue;
        return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
      },
      mainAddress: () => session.endpoint?.url,
    }),
  );
  const views = new DockerViews(session, context.workspaceState, register.treeView, engines);
  const notifier = createNotifier();
  const walkthrough = new WalkthroughProgress(context.extension.id);
  const ctx: Ctx = { extension: context, register, notifier, session, views, composeCli: new ComposeCliFinder(), walkthrough };
  context.subscriptions.push(
    session,
    statusBar,
    views,
    engines,
    vscode.workspace.onDidChangeConfiguration((e) => {
      const ssh = e.affectsConfiguration('docker-workflows.ssh.configFile');
      if (e.affectsConfiguration('docker-workflows.host') || ssh) session.connect();
      if (e.affectsConfiguration('docker-workflows.host') || e.affectsConfiguration('docker-workflows.engines') || ssh) engines.reload();
    }),
    session.onDidChangeState((state) => {
      if (state.kind === 'up') walkthrough.done('engineConnected');
    }),
    views.containers.treeView.onDidChangeVisibility((e) => {
      if (e.visible) walkthrough.done('dockerView');
    }),
    // Trusting the workspace lets its docker-workflows.host (and engines) count: connect again by them.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      session.connect();
      engines.reload();
    }),
  );
  if (views.containers.treeView.visible) walkthrough.done('dockerView');
  registerCommands(ctx);
  const registries = registerRegistries(ctx);
  const swarm = registerSwarm(ctx);
  registerContainerFiles(ctx);
  const stats = registerStatsViews(ctx);
  registerComposeLens(ctx);
  registerTaskProviders(ctx);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, inspectContentProvider(ctx)),
    registerImageProviders(ctx),
  );
  session.connect();
  engines.reload();
  // Restarts within a budget and a failure shown once (with a button to its output) are languageClient.ts's business.
  const languageServer = startLanguageClient(context, () => walkthrough.done('dockerfileCompletion'));
  void openOnFirstRun(context).catch(() => undefined);
  void languageServer.ready.then((client) => context.subscriptions.push(feedLocalImages(session, client)));
  return {
    containers: {
      state: () => session.state,
      endpoint: () => views.containers.treeView.description,
      problem: () => (session.state.kind === 'down' ? session.state.error.message : undefined),
      rows: () => views.containers.rows(),
      engineRows: () => views.containers.engineRows(),
      children: (row) => views.containers.provider.getChildren(row as ContainerNodeModel),
      drop: (row, data) => views.containerFiles.handleDrop(row as ContainerNodeModel, data),
      listCalls: () => session.lists.calls.containers,
    },
    views: {
      images: { rows: () => views.images.rows() },
      volumes: {
        rows: async () => (await views.volumes.rows()).flatMap((row) => (row.kind === 'volumeGroup' ? row.children : [row])),
        tree: () => views.volumes.rows(),
      },
      networks: { rows: () => views.networks.rows() },
      contexts: { rows: () => views.contexts.rows(), message: () => views.contexts.message },
      registries,
      swarm: { rows: () => swarm.rows(), role: () => swarm.shownRole, engineRows: () => swarm.view.engineRows() },
      listCalls: () => ({ ...session.lists.calls }),
    },
    stats,
    engineStatus: () => statusBar.shown,
    languageServer: () => languageServer.status(),
    shownMessages: () => notifier.shown,
    answerNextPrompts: (...answers) => notifier.answerNext(...answers),
    walkthrough: { keys: () => walkthrough.contextKeys(), steps: () => walkthrough.completedSteps(), reports: () => [...walkthrough.reports] },
  };
}

