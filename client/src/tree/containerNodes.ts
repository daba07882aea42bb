// Pure mapping from a container summary to what its tree row shows. No vscode import: tested in plain Node.
import type { ContainerState, ContainerSummary } from '../engine/types';

export interface NodeIcon {
  /** A codicon id, e.g. "vm-running". */
  id: string;
  /** A theme color id, e.g. "charts.green". */
  color?: string;
}

export interface ContainerNodeModel {
  /** Stable tree id, so VS Code keeps selection and expansion across refreshes. */
  id: string;
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  icon: NodeIcon;
  /** "container.<state>", used by menus' when clauses. */
  contextValue: string;
}

const ICONS: Record<ContainerState, NodeIcon> = {
  running: { id: 'vm-running', color: 'charts.green' },
  paused: { id: 'debug-pause', color: 'charts.yellow' },
  restarting: { id: 'sync~spin', color: 'charts.yellow' },
  created: { id: 'vm-outline' },
  exited: { id: 'vm-outline' },
  dead: { id: 'error', color: 'charts.red' },
  removing: { id: 'trash' },
  unknown: { id: 'question' },
};

export function stateIcon(state: ContainerState): NodeIcon {
  return ICONS[state];
}

export function containerNode(container: ContainerSummary): ContainerNodeModel {
  return {
    id: `container:${container.id}`,
    label: container.name,
    description: container.image,
    tooltip: [
      `**${escapeMarkdown(container.name)}** (${container.id.slice(0, 12)})`,
      '',
      `Image: ${escapeMarkdown(container.image)}`,
      `State: ${container.state}${container.status ? ` (${escapeMarkdown(container.status)})` : ''}`,
      `Command: \`${container.command.replace(/`/g, "'")}\``,
    ].join('  \n'),
    icon: stateIcon(container.state),
    contextValue: `container.${container.state}`,
  };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
