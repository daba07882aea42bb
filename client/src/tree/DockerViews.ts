import * as vscode from 'vscode';
import type { CreateTreeView } from '../activation/registrar';
import type { EngineSession } from '../engine/EngineSession';
import type { EngineSet } from '../engine/EngineSet';
import type { EngineState } from '../engine/RefreshController';
import { ContextsView } from './ContextsView';
import { ContainerFilesTree } from './ContainerFilesTree';
import { withFilesNodes } from './fileNodes';
import type { LazyRows } from './ResourceTreeProvider';
import { containerTree, type ContainerNodeModel } from './containerNodes';
import { imageTree } from './imageNodes';
import { networkView } from './networkNodes';
import type { ImageNodeModel, NetworkNodeModel, VolumeNodeModel } from './resourceNodes';
import { NodeOwners, ResourceView, type ViewEngines } from './ResourceView';
import { containerViewOptions, imageViewOptions, networkViewOptions, volumeViewOptions, type ViewName } from './viewOptions';
import { volumeView } from './volumeNodes';

export const CONTAINERS_VIEW_ID = 'dockerWorkflows.containers';
export const IMAGES_VIEW_ID = 'dockerWorkflows.images';
export const VOLUMES_VIEW_ID = 'dockerWorkflows.volumes';
export const NETWORKS_VIEW_ID = 'dockerWorkflows.networks';
/** Context keys read by the views' welcome messages and menus in package.json. */
const STATE_CONTEXT_KEY = 'dockerWorkflows.engineState';
const FAILURE_CONTEXT_KEY = 'dockerWorkflows.engineFailure';
const SOURCE_CONTEXT_KEY = 'dockerWorkflows.engineSource';
const SHOW_DANGLING_KEY = 'dockerWorkflows.images.showDangling';

/** The settings of each resource view that change how its rows are made (viewOptions.ts). */
const VIEW_SETTINGS = ['groupBy', 'sortBy', 'label', 'description'];

/** A view's settings section, read anew for every build (docker-workflows.<view>.groupBy ...). */
function settingsOf(view: ViewName): (key: string) => unknown {
  const section = vscode.workspace.getConfiguration(`docker-workflows.${view}`);
  return (key) => section.get(key);
}

/**
 * The views of the Docker activity-bar container. Four are fed by the session's shared lists: Containers
 * (grouped by Compose project), Images (grouped by repository; dangling ones behind a toggle), Volumes and
 * Networks (with the containers that use them); Contexts reads the docker CLI's own files (ContextsView). The Containers view's description names the engine, and
 * while it is down the reason; every view's welcome message gives advice and a Retry button.
 */
export class DockerViews implements vscode.Disposable {
  readonly containers: ResourceView<ContainerNodeModel>;
  readonly images: ResourceView<ImageNodeModel>;
  readonly volumes: ResourceView<VolumeNodeModel>;
  readonly networks: ResourceView<NetworkNodeModel>;
  /** The docker CLI's contexts (read from its files, not from the engine). */
  readonly contexts: ContextsView;
  /** The Files rows under the containers (read when opened) and the docker-container file system. */
  readonly containerFiles: ContainerFilesTree;
  private readonly disposables: vscode.Disposable[] = [];

  /** Which engine each row came from, when the views show several (docker-workflows.engines). */
  private readonly owners = new NodeOwners();
  /** The engines and row owners the resource views share (the Swarm view shows its rows per engine too). */
  readonly viewEngines: ViewEngines | undefined;

  constructor(
    private readonly session: EngineSession,
    private readonly memento: vscode.Memento,
    treeView: CreateTreeView,
    private readonly engines?: EngineSet,
  ) {
    const multi = engines && { engines, owners: this.owners };
    this.viewEngines = multi;
    this.containerFiles = new ContainerFilesTree(session, { sessionOf: (node) => this.owners.get(node), owners: this.owners, sessions: () => this.sessions() });
    const files = this.containerFiles as unknown as LazyRows<ContainerNodeModel> & vscode.TreeDragAndDropController<ContainerNodeModel>;
    this.containers = new ResourceView(
      CONTAINERS_VIEW_ID,
      session,
      treeView,
      ['containers'],
      async ({ lists }) => {
        const containers = await lists.containers();
        return containers && withFilesNodes(containerTree(containers, { ...containerViewOptions(settingsOf('containers')), now: Date.now() }));
      },
      { lazy: files, dragAndDropController: files, multi },
    );
    this.images = new ResourceView(IMAGES_VIEW_ID, session, treeView, ['images', 'containers'], async ({ lists }) => {
      const [images, containers] = await Promise.all([lists.images(), lists.containers()]);
      return images && containers && imageTree(images, containers, { ...imageViewOptions(settingsOf('images')), showDangling: this.showDangling, now: Date.now() });
    }, { multi });
    this.volumes = new ResourceView(VOLUMES_VIEW_ID, session, treeView, ['volumes', 'containers'], async ({ lists }) => {
      const [volumes, containers] = await Promise.all([lists.volumes(), lists.containers()]);
      return volumes && containers && volumeView(volumes, containers, { ...volumeViewOptions(settingsOf('volumes')), now: Date.now() });
    }, { multi });
    this.networks = new ResourceView(NETWORKS_VIEW_ID, session, treeView, ['networks', 'containers'], async ({ lists }) => {
      const [networks, containers] = await Promise.all([lists.networks(), lists.containers()]);
      return networks && containers && networkView(networks, containers, { ...networkViewOptions(settingsOf('networks')), now: Date.now() });
    }, { multi });
    this.contexts = new ContextsView(session, treeView);
    this.disposables.push(
      this.containers,
      this.images,
      this.volumes,
      this.networks,
      this.contexts,
      session.onDidChangeState((state) => this.onState(state)),
      // A view's settings changed: its rows are made again from the lists the session holds (no engine call).
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const [view, tree] of [['containers', this.containers], ['images', this.images], ['volumes', this.volumes], ['networks', this.networks]] as const) {
          if (VIEW_SETTINGS.some((key) => e.affectsConfiguration(`docker-workflows.${view}.${key}`))) tree.refresh();
        }
      }),
    );
    if (engines) this.disposables.push(engines.onDidChange(() => this.onState(session.state)));
    void vscode.commands.executeCommand('setContext', SHOW_DANGLING_KEY, this.showDangling);
    this.onState(session.state);
  }

  /**
   * The session of the engine a row came from, when the views show several engines; undefined for a row of the
   * single engine (the main session's) or anything that is not a row.
   */
  sessionOf(node: unknown): EngineSession | undefined {
    return this.owners.get(node);
  }

  /** The context name of a session the views show beside others; undefined with a single engine. */
  engineNameOf(session: EngineSession): string | undefined {
    return this.engines?.multiple ? this.engines.entries.find((entry) => entry.session === session)?.name : undefined;
  }

  /** The session of the engine shown under `name` (several engines), if the views show one by that name. */
  sessionNamed(name: string): EngineSession | undefined {
    return this.engines?.multiple ? this.engines.entries.find((entry) => entry.name === name)?.session : undefined;
  }

  /** Every session the views read: the main one, or each of the engines shown side by side. */
  sessions(): EngineSession[] {
    return this.engines?.sessions() ?? [this.session];
  }

  /** Whether the Images view lists dangling images (kept per workspace). */
  get showDangling(): boolean {
    return this.memento.get<boolean>(SHOW_DANGLING_KEY, false);
  }

  async setShowDangling(show: boolean): Promise<void> {
    await this.memento.update(SHOW_DANGLING_KEY, show);
    await vscode.commands.executeCommand('setContext', SHOW_DANGLING_KEY, show);
    this.images.refresh();
  }

  private onState(state: EngineState): void {
    // Failure and source before the state, so the welcome message never shows with stale advice.
    void vscode.commands.executeCommand('setContext', FAILURE_CONTEXT_KEY, state.kind === 'down' ? state.error.failure : '');
    void vscode.commands.executeCommand('setContext', SOURCE_CONTEXT_KEY, this.session.endpoint?.source ?? 'setting');
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state.kind);
    // Not treeView.message: VS Code hides the welcome message under it.
    const url = this.session.endpoint?.url;
    const treeView = this.containers.treeView;
    if (this.engines?.multiple) treeView.description = `${this.engines.entries.length} engines`;
    else if (state.kind !== 'down') treeView.description = url;
    else treeView.description = url ? `${url}: ${state.error.reason}` : state.error.reason;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
