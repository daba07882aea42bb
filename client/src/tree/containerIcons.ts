// The icons of containers by state and health, shared by the Containers view's rows and groups and the Networks
// view's container rows. Pure, no vscode import.
import type { ContainerHealth, ContainerState, ContainerSummary } from '../engine/types';
import type { NodeIcon } from './nodeModel';

const STATE_ICONS: Record<ContainerState, NodeIcon> = {
  running: { id: 'vm-running', color: 'charts.green' },
  paused: { id: 'debug-pause', color: 'charts.yellow' },
  restarting: { id: 'sync~spin', color: 'charts.yellow' },
  created: { id: 'vm-outline' },
  exited: { id: 'vm-outline' },
  dead: { id: 'error', color: 'charts.red' },
  removing: { id: 'trash' },
  unknown: { id: 'question' },
};

/** A running container with a health check shows its health instead of the plain running icon. */
const HEALTH_ICONS: Record<ContainerHealth, NodeIcon> = {
  healthy: { id: 'pass', color: 'charts.green' },
  unhealthy: { id: 'warning', color: 'charts.red' },
  starting: { id: 'clock', color: 'charts.yellow' },
};

export function stateIcon(state: ContainerState): NodeIcon {
  return { ...STATE_ICONS[state] };
}

export function containerIcon(container: Pick<ContainerSummary, 'state' | 'health'>): NodeIcon {
  return container.state === 'running' && container.health ? { ...HEALTH_ICONS[container.health] } : stateIcon(container.state);
}
