import * as vscode from 'vscode';
import type { CreateTreeView } from '../activation/registrar';
import type { ListKind } from '../engine/EngineLists';
import type { EngineSession } from '../engine/EngineSession';
import type { EngineSet } from '../engine/EngineSet';
import { eachNode, engineGroupNode, type EngineGroupNode } from './engineNodes';
import type { NodeBase } from './nodeModel';
import { ResourceTreeProvider, type LazyRows } from './ResourceTreeProvider';

/** Which engine's session each row of the views came from (several engines at once: docker-workflows.engines). */
export class NodeOwners {
  private readonly owners = new WeakMap<object, EngineSession>();

  set(node: NodeBase, session: EngineSession): void {
    for (const row of eachNode(node)) this.owners.set(row, session);
  }

  get(node: unknown): EngineSession | undefined {
    return typeof node === 'object' && node !== null ? this.owners.get(node) : undefined;
  }
}

/** Several engines for a view: the set of sessions, and where the view records which row came from which. */
export interface ViewEngines {
  engines: EngineSet;
  owners: NodeOwners;
}

export interface ResourceViewOptions<N> {
  /** Rows whose children are read when opened (a container's files). */
  lazy?: LazyRows<N>;
  dragAndDropController?: vscode.TreeDragAndDropController<N>;
  /** Several engines at once (docker-workflows.engines). */
  multi?: ViewEngines;
}

/**
 * One Docker view (Containers, Images, Volumes, Networks, Swarm): rebuilt when a session says one of the lists it
 * shows changed (once per burst of engine events, never polled). With several engines (an EngineSet of two or more)
 * it shows one row per engine with that engine's rows under it, each built from that engine's own lists. While the
 * single engine is down VS Code shows the view's welcome message (package.json viewsWelcome, by context keys).
 */
export class ResourceView<N extends NodeBase> implements vscode.Disposable {
  readonly provider: ResourceTreeProvider<N | EngineGroupNode>;
  readonly treeView: vscode.TreeView<N | EngineGroupNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private sessionSubscriptions: vscode.Disposable[] = [];
  private readonly multi: ViewEngines | undefined;

  constructor(
    id: string,
    private readonly session: EngineSession,
    treeView: CreateTreeView,
    private readonly kinds: readonly ListKind[],
    private readonly build: (session: EngineSession) => Promise<N[] | undefined>,
    options: ResourceViewOptions<N> = {},
  ) {
    this.multi = options.multi;
    this.provider = new ResourceTreeProvider<N | EngineGroupNode>(() => this.roots(), options.lazy as LazyRows<N | EngineGroupNode> | undefined);
    this.treeView = treeView(id, {
      treeDataProvider: this.provider,
      canSelectMany: true,
      dragAndDropController: options.dragAndDropController as vscode.TreeDragAndDropController<N | EngineGroupNode> | undefined,
    });
    this.disposables.push(this.provider, this.treeView);
    this.subscribe();
    if (this.multi) this.disposables.push(this.multi.engines.onDidChange(() => (this.subscribe(), this.provider.refresh())));
  }

  /** The top-level rows of the engine (with several engines: of every engine, one after the other). */
  async rows(): Promise<N[]> {
    const rows = await this.provider.getChildren();
    if (!this.multi?.engines.multiple) return rows as N[];
    return rows.flatMap((row) => ((row as { kind?: string }).kind === 'engine' ? (row as EngineGroupNode).children : [row])) as N[];
  }

  /** With several engines: the engines' rows, as the view shows them (empty with one engine). */
  async engineRows(): Promise<EngineGroupNode[]> {
    if (!this.multi?.engines.multiple) return [];
    return (await this.provider.getChildren()) as EngineGroupNode[];
  }

  refresh(): void {
    this.provider.refresh();
  }

  dispose(): void {
    for (const d of [...this.sessionSubscriptions, ...this.disposables]) d.dispose();
  }

  private async roots(): Promise<(N | EngineGroupNode)[] | undefined> {
    if (!this.multi?.engines.multiple) return this.session.state.kind === 'up' ? this.build(this.session) : [];
    const { engines, owners } = this.multi;
    return Promise.all(
      engines.entries.map(async ({ name, session }) => {
        const state = session.state;
        const rows = state.kind === 'up' ? ((await this.build(session)) ?? []) : [];
        const group = engineGroupNode(
          name,
          {
            kind: state.kind,
            url: session.endpoint?.url,
            reason: state.kind === 'down' ? state.error.reason : undefined,
            product: session.identity && `${session.identity.product} ${session.identity.version}`,
          },
          rows,
        );
        owners.set(group, session);
        return group;
      }),
    );
  }

  /** Follows the lists (and, with several engines, the state) of every session the view shows. */
  private subscribe(): void {
    for (const d of this.sessionSubscriptions) d.dispose();
    const sessions = this.multi ? this.multi.engines.sessions() : [this.session];
    this.sessionSubscriptions = sessions.flatMap((session) => [
      // Also on connecting and disconnecting: the session then says every list changed.
      session.onDidChangeLists((changed) => {
        if (this.kinds.some((kind) => changed.has(kind))) this.provider.refresh();
      }),
      ...(this.multi?.engines.multiple ? [session.onDidChangeState(() => this.provider.refresh()), session.onDidIdentify(() => this.provider.refresh())] : []),
    ]);
  }
}
