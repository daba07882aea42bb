// Pure mapping from container summaries to the Containers view's rows. No vscode import: tested in plain Node.
//
// The tree: one group per Compose project (sorted by project name), then the standalone containers. Inside a
// group, containers are sorted by service, then name; standalone containers by name. Names sort
// naturally ("web-2" before "web-10"), so rows keep their place across restarts and the view reads like
// `docker compose ps`, rather than jumping around in the engine's newest-first order.
import type { ContainerHealth, ContainerState, ContainerSummary, PortBinding } from '../engine/types';
import { code, escapeMarkdown, isoDate, lines, naturalCollator, section } from '../format/text';
import { publishedPorts } from '../format/ports';
import { withLazyTooltip, type NodeBase, type NodeIcon } from './nodeModel';

export { code, escapeMarkdown } from '../format/text';

export type { NodeIcon } from './nodeModel';

/** A container row: a leaf, at the top level or inside its Compose project's group. */
export interface ContainerRowNode extends NodeBase {
  kind: 'container';
  /** What the row shows, for commands. */
  container: ContainerSummary;
}

/** A Compose project's group. Its children come from the same engine list as the group itself. */
export interface ComposeProjectNode extends NodeBase {
  kind: 'project';
  /** The project name (com.docker.compose.project). */
  project: string;
  /** From the first container that names them, for Compose commands on the project. */
  workingDir?: string;
  configFiles: string[];
  children: ContainerRowNode[];
}

export type ContainerNodeModel = ComposeProjectNode | ContainerRowNode;

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

/** How many ports a row's description lists before "+N"; the tooltip lists them all. */
const DESCRIPTION_PORTS = 3;

const collator = naturalCollator;

export function stateIcon(state: ContainerState): NodeIcon {
  return STATE_ICONS[state];
}

export function containerIcon(container: Pick<ContainerSummary, 'state' | 'health'>): NodeIcon {
  return container.state === 'running' && container.health ? HEALTH_ICONS[container.health] : STATE_ICONS[container.state];
}

/** The whole tree: Compose project groups first, then the standalone containers (order: see the top of this file). */
export function containerTree(containers: readonly ContainerSummary[]): ContainerNodeModel[] {
  const projects = new Map<string, ContainerSummary[]>();
  const standalone: ContainerSummary[] = [];
  for (const container of containers) {
    if (container.composeProject === undefined) standalone.push(container);
    else if (projects.has(container.composeProject)) projects.get(container.composeProject)?.push(container);
    else projects.set(container.composeProject, [container]);
  }
  const groups = [...projects.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([project, members]) => projectNode(project, members));
  return [...groups, ...[...standalone].sort(byName).map(containerNode)];
}

export function projectNode(project: string, containers: readonly ContainerSummary[]): ComposeProjectNode {
  const members = [...containers].sort((a, b) => collator.compare(a.composeService ?? '', b.composeService ?? '') || byName(a, b));
  const running = members.filter((c) => c.state === 'running').length;
  const unhealthy = members.filter((c) => c.state === 'running' && c.health === 'unhealthy').length;
  const workingDir = members.find((c) => c.composeWorkingDir)?.composeWorkingDir;
  const configFiles = members.find((c) => c.composeConfigFiles?.length)?.composeConfigFiles ?? [];
  const counts = `${running} of ${members.length} running`;
  const icon: NodeIcon =
    running === 0 ? { id: 'layers' } : running === members.length ? { id: 'layers-active', color: 'charts.green' } : { id: 'layers-dot', color: 'charts.yellow' };
  if (unhealthy > 0) icon.color = 'charts.red';
  return {
    kind: 'project',
    id: `project:${project}`,
    label: project,
    description: unhealthy > 0 ? `${counts} · ${unhealthy} unhealthy` : counts,
    tooltip: section([
      `**Compose project ${escapeMarkdown(project)}**`,
      lines([
        `Containers: ${counts}${unhealthy > 0 ? `, ${unhealthy} unhealthy` : ''}`,
        workingDir && `Working directory: ${code(workingDir)}`,
        configFiles.length > 0 && `Compose files: ${configFiles.map(code).join(', ')}`,
      ]),
    ]),
    icon,
    contextValue: 'composeProject',
    project,
    workingDir,
    configFiles,
    children: members.map(containerNode),
  };
}

export function containerNode(container: ContainerSummary): ContainerRowNode {
  const published = publishedPorts(container.ports);
  const shownPorts =
    published.length > DESCRIPTION_PORTS
      ? `${published.slice(0, DESCRIPTION_PORTS).join(', ')} +${published.length - DESCRIPTION_PORTS}`
      : published.join(', ');
  const address = Object.values(container.networks).find(Boolean);
  const networks = Object.entries(container.networks);
  const ports = [...published, ...unpublishedPorts(container.ports)];
  const node = {
    kind: 'container' as const,
    id: `container:${container.id}`,
    label: container.name,
    description: [container.composeService, shortImage(container.image), shownPorts, address].filter(Boolean).join(' · '),
    icon: containerIcon(container),
    contextValue: `container.${container.state}`,
    container,
  };
  return withLazyTooltip(node, () =>
    section([
      `**${escapeMarkdown(container.name)}** (${container.id.slice(0, 12)})`,
      lines([
        container.composeProject !== undefined &&
          `Compose: service ${escapeMarkdown(container.composeService ?? '?')} of project ${escapeMarkdown(container.composeProject)}`,
        `Image: ${escapeMarkdown(container.image)}`,
        container.command && `Command: ${code(container.command)}`,
        `Created: ${isoDate(container.created)}`,
        `State: ${container.state}`,
        container.health && `Health: ${container.health}`,
        container.status && `Status: ${escapeMarkdown(container.status)}`,
        ports.length > 0 && `Ports: ${ports.join(', ')}`,
      ]),
      networks.length > 0 &&
        ['Networks:', ...networks.map(([name, ip]) => `- ${escapeMarkdown(name)}${ip ? `: ${ip}` : ' (no address)'}`)].join('\n'),
      container.mounts.length > 0 &&
        [
          'Mounts:',
          ...container.mounts.map(
            (m) => `- ${m.type}${m.source ? ` ${code(m.source)}` : ''} → ${code(m.destination)}${m.readOnly ? ' (read-only)' : ''}`,
          ),
        ].join('\n'),
    ]),
  );
}

/** Exposed but unpublished ports as "443/tcp", without those that are also published. */
function unpublishedPorts(ports: readonly PortBinding[]): string[] {
  const published = new Set(ports.filter((p) => p.publicPort !== undefined).map((p) => `${p.privatePort}/${p.protocol}`));
  const exposed = ports
    .filter((p) => p.publicPort === undefined)
    .sort((a, b) => a.privatePort - b.privatePort || collator.compare(a.protocol, b.protocol))
    .map((p) => `${p.privatePort}/${p.protocol}`);
  return [...new Set(exposed)].filter((p) => !published.has(p));
}

/** "sha256:<64 hex>" (the image of a container whose tag moved on) reads as its short id, like `docker ps`. */
function shortImage(image: string): string {
  return /^sha256:[0-9a-f]{64}$/.test(image) ? image.slice(7, 19) : image;
}

function byName(a: ContainerSummary, b: ContainerSummary): number {
  return collator.compare(a.name, b.name) || collator.compare(a.id, b.id);
}
