// The state of a Compose service as its CodeLens shows it, from the shared container list: "running 2/2, healthy",
// "running 1/2", "exited (1) 3 minutes ago" (the engine's own status text), "paused 1/1", "not created".
// Free of the vscode API.
import type { ContainerSummary } from '../engine/types';

const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';
const ONEOFF_LABEL = 'com.docker.compose.oneoff';

/**
 * The containers of each service of `project`, by service name, sorted by container name. One-off containers
 * (`compose run`) are left out: they are not the service's replicas.
 */
export function containersByService(containers: readonly ContainerSummary[], project: string): Map<string, ContainerSummary[]> {
  const byService = new Map<string, ContainerSummary[]>();
  for (const container of containers) {
    const labels = container.labels ?? {};
    if (labels[PROJECT_LABEL] !== project) continue;
    if ((labels[ONEOFF_LABEL] ?? '').toLowerCase() === 'true') continue;
    const service = labels[SERVICE_LABEL];
    if (!service) continue;
    const list = byService.get(service) ?? [];
    list.push(container);
    byService.set(service, list);
  }
  for (const list of byService.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return byService;
}

/** ", healthy", ", 1 unhealthy", ", starting" ...: the health of the running replicas that have a health check. */
function healthNote(running: readonly ContainerSummary[]): string {
  const count = (health: string) => running.filter((c) => c.health === health).length;
  for (const health of ['unhealthy', 'starting', 'healthy'] as const) {
    const n = count(health);
    if (n > 0) return n === running.length ? `, ${health}` : `, ${n} ${health}`;
  }
  return '';
}

/** The engine's status text as a lens reads it: "Exited (1) 3 minutes ago" -> "exited (1) 3 minutes ago". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** What a service's lens says about its containers (sorted by name, as containersByService gives them). */
export function serviceStateText(containers: readonly ContainerSummary[] | undefined): string {
  if (!containers || containers.length === 0) return 'not created';
  const total = containers.length;
  const running = containers.filter((c) => c.state === 'running');
  if (running.length > 0) return `running ${running.length}/${total}${healthNote(running)}`;
  const restarting = containers.find((c) => c.state === 'restarting');
  if (restarting) return lowerFirst(restarting.status || 'restarting');
  const paused = containers.filter((c) => c.state === 'paused').length;
  if (paused > 0) return `paused ${paused}/${total}`;
  const first = containers[0];
  return lowerFirst(first.status || first.state);
}
