import * as vscode from 'vscode';
import type { CreateTreeView } from '../activation/registrar';
import { SWARM_KINDS } from '../engine/EngineLists';
import type { EngineSession } from '../engine/EngineSession';
import type { SwarmState } from '../engine/swarmTypes';
import type { EngineGroupNode } from './engineNodes';
import { ResourceView, type ViewEngines } from './ResourceView';
import { swarmTree, type SwarmSectionNode } from './swarmNodes';

export const SWARM_VIEW_ID = 'dockerWorkflows.swarm';
/** Read by the view's welcome messages and title menu: manager, worker, inactive, pending, error, locked, unknown, unsupported (Podman). */
const SWARM_CONTEXT_KEY = 'dockerWorkflows.swarmRole';

/** The view's word for the engine's part in a swarm. */
export function swarmRole(state: SwarmState | undefined): string {
  if (!state) return 'unknown';
  if (state.localNodeState === 'active') return state.manager ? 'manager' : 'worker';
  return state.localNodeState;
}

/**
 * The Swarm view: one view with four sections (Services grouped by stack with their tasks, Nodes, Secrets, Configs),
 * built from the session's shared lists like the other views: read once per burst of service, node, secret, config
 * and task-container events, only while the view is visible, never polled. When the engine is not a manager the view
 * is empty and its welcome message explains swarm mode and offers Initialize (or Leave, on a worker).
 */
export class SwarmView implements vscode.Disposable {
  readonly view: ResourceView<SwarmSectionNode>;
  private role = '';
  private readonly subscription: vscode.Disposable;

  /** `multi`: several engines at once, each with its own row and its swarm's sections under it. */
  constructor(session: EngineSession, treeView: CreateTreeView, multi?: ViewEngines) {
    this.view = new ResourceView<SwarmSectionNode>(SWARM_VIEW_ID, session, treeView, SWARM_KINDS, async (shown) => {
      const lists = shown.lists;
      // The welcome messages and title actions follow the main engine's part in a swarm.
      const setRole = (role: string) => shown === session && this.setRole(role);
      // Podman answers the Docker API without Swarm (its swarm endpoints say "not supported").
      if (shown.identity?.podman) {
        setRole('unsupported');
        return [];
      }
      const state = await lists.swarm();
      setRole(swarmRole(state));
      if (!state) return undefined;
      if (!state.manager) return [];
      const [services, tasks, nodes, secrets, configs] = await Promise.all([lists.services(), lists.tasks(), lists.nodes(), lists.secrets(), lists.configs()]);
      if (!services || !tasks || !nodes || !secrets || !configs) return undefined;
      return swarmTree({ services, tasks, nodes, secrets, configs, selfNodeId: state.nodeId, now: Date.now() });
    }, { multi });
    this.view.treeView.description = undefined;
    this.subscription = session.onDidIdentify(() => this.view.refresh());
  }

  get treeView(): vscode.TreeView<SwarmSectionNode | EngineGroupNode> {
    return this.view.treeView;
  }

  /** The engine's part in the swarm as the view last read it (manager, worker, inactive ...). */
  get shownRole(): string {
    return this.role;
  }

  /** The sections, as the view shows them (empty when the engine is not a manager). */
  rows(): Promise<SwarmSectionNode[]> {
    return this.view.rows();
  }

  refresh(): void {
    this.view.refresh();
  }

  private setRole(role: string): void {
    if (role === this.role) return;
    this.role = role;
    this.view.treeView.description = role === 'manager' || role === 'unknown' ? undefined : role === 'inactive' ? 'not in a swarm' : role === 'unsupported' ? 'not available' : role;
    void vscode.commands.executeCommand('setContext', SWARM_CONTEXT_KEY, role);
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
  }
}
