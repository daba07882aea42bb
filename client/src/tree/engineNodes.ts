// Pure mapping for several engines at once (docker-workflows.engines): one top-level row per engine, its usual rows
// under it. No vscode import: tested in plain Node.
//
// Rows of two engines may name the same object (the same image id pulled on both), and VS Code needs ids unique in a
// view: every row under an engine gets the engine's name in front of its id.
import { escapeMarkdown, section } from '../format/text';
import type { NodeBase, NodeIcon } from './nodeModel';

export interface EngineGroupNode extends NodeBase {
  kind: 'engine';
  /** The docker context's name. */
  engineName: string;
  children: readonly NodeBase[];
}

/** What the group row shows of its engine's session. */
export interface EngineGroupState {
  kind: 'connecting' | 'up' | 'down';
  /** The engine's address, when one could be made. */
  url?: string;
  /** Why the engine is down, in plain words. */
  reason?: string;
  /** "Podman Engine 4.3.1", once known. */
  product?: string;
}

const ICONS: Record<EngineGroupState['kind'], NodeIcon> = {
  up: { id: 'plug', color: 'charts.green' },
  connecting: { id: 'loading~spin' },
  down: { id: 'debug-disconnect', color: 'charts.red' },
};

export function engineGroupNode(name: string, state: EngineGroupState, rows: readonly NodeBase[]): EngineGroupNode {
  for (const row of rows) prefixIds(row, `${name}|`);
  const where = state.url ?? 'no usable address';
  return {
    kind: 'engine',
    id: `engine:${name}`,
    label: name,
    description: state.kind === 'down' ? `${where}: ${state.reason ?? 'cannot be reached'}` : state.kind === 'connecting' ? `${where} (connecting)` : where,
    tooltip: section([
      `**Docker context ${escapeMarkdown(name)}**`,
      [
        `Address: ${escapeMarkdown(where)}`,
        state.product && `Engine: ${escapeMarkdown(state.product)}`,
        state.kind === 'down' ? `Cannot be reached: ${escapeMarkdown(state.reason ?? '')}` : state.kind === 'connecting' ? 'Connecting' : 'Connected',
      ]
        .filter(Boolean)
        .join('\n\n'),
    ]),
    icon: ICONS[state.kind],
    contextValue: `engine.${state.kind}`,
    engineName: name,
    children: rows,
    expanded: true,
  };
}

/** Puts `prefix` in front of the ids of `node` and every row under it (rows are made fresh for each build). */
export function prefixIds(node: NodeBase, prefix: string): void {
  node.id = `${prefix}${node.id}`;
  for (const child of node.children ?? []) prefixIds(child, prefix);
}

/** `node` and every row under it. */
export function* eachNode(node: NodeBase): Generator<NodeBase> {
  yield node;
  for (const child of node.children ?? []) yield* eachNode(child);
}
