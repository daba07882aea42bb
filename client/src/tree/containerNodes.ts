// Pure mapping from container summaries to the Containers view's rows. No vscode import: tested in plain Node.
//
// By default (docker-workflows.containers.*): one group per Compose project (sorted by project name), then the
// standalone containers. Inside a group, containers are sorted by service, then name; standalone containers by name.
// Names sort naturally ("web-2" before "web-10"), so rows keep their place across restarts and the view reads like
// `docker compose ps`, rather than jumping around in the engine's newest-first order. The settings group by image,
// state or network instead (containerGroups.ts), or not at all, sort by creation or state, and pick what the rows'
// labels and descriptions show.
import type { ContainerSummary, PortBinding } from '../engine/types';
import { code, escapeMarkdown, formatAge, isoDate, lines, naturalCollator, section } from '../format/text';
import { publishedPorts } from '../format/ports';
import { containerIcon } from './containerIcons';
import { containerGroups, containerOrder, projectMemberOrder, shortImage, type ContainerGroupNode } from './containerGroups';
import { withLazyTooltip, type NodeBase, type NodeIcon } from './nodeModel';
import { DEFAULT_CONTAINER_OPTIONS, type ContainerField, type ContainerViewOptions } from './viewOptions';

export { code, escapeMarkdown } from '../format/text';

export type { NodeIcon } from './nodeModel';

/** A container row: a leaf, at the top level or inside a group. */
export interface ContainerRowNode extends NodeBase {
  kind: 'container';
  /** What the row shows, for commands. */
  container: ContainerSummary;
  /** Set when the container has a row in several groups (one per network): what its ids (and its Files rows') start with. */
  scope?: string;
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

export type { ContainerGroupNode } from './containerGroups';

export type ContainerNodeModel = ComposeProjectNode | ContainerGroupNode<ContainerRowNode> | ContainerRowNode;

/** The view's settings, and the moment the rows' ages are counted from (ms since the epoch). */
export interface ContainerTreeOptions extends ContainerViewOptions {
  now: number;
}

/** How many ports a row's description lists before "+N"; the tooltip lists them all. */
const DESCRIPTION_PORTS = 3;

const collator = naturalCollator;

export { containerIcon, stateIcon } from './containerIcons';

/** The whole tree, grouped and sorted as `options` say (defaults: see the top of this file). */
export function containerTree(containers: readonly ContainerSummary[], options: Partial<ContainerTreeOptions> = {}): ContainerNodeModel[] {
  const o: ContainerTreeOptions = { ...DEFAULT_CONTAINER_OPTIONS, now: Date.now(), ...options };
  const row = (container: ContainerSummary, scope?: string) => containerNode(container, o, scope);
  if (o.groupBy === 'none') return [...containers].sort(containerOrder(o.sortBy)).map((c) => row(c));
  if (o.groupBy !== 'composeProject') return containerGroups(containers, o.groupBy, o.sortBy, row);
  const projects = new Map<string, ContainerSummary[]>();
  const standalone: ContainerSummary[] = [];
  for (const container of containers) {
    if (container.composeProject === undefined) standalone.push(container);
    else if (projects.has(container.composeProject)) projects.get(container.composeProject)?.push(container);
    else projects.set(container.composeProject, [container]);
  }
  const groups = [...projects.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([project, members]) => projectNode(project, members, o));
  return [...groups, ...[...standalone].sort(containerOrder(o.sortBy)).map((c) => row(c))];
}

export function projectNode(project: string, containers: readonly ContainerSummary[], options: Partial<ContainerTreeOptions> = {}): ComposeProjectNode {
  const members = [...containers].sort(projectMemberOrder(options.sortBy ?? DEFAULT_CONTAINER_OPTIONS.sortBy));
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
    children: members.map((member) => containerNode(member, options)),
  };
}

/** A container's row; `scope` (a group's id) starts its id when the container has rows in several groups. */
export function containerNode(container: ContainerSummary, options: Partial<ContainerTreeOptions> = {}, scope?: string): ContainerRowNode {
  const published = publishedPorts(container.ports);
  const networks = Object.entries(container.networks);
  const ports = [...published, ...unpublishedPorts(container.ports)];
  const node: ContainerRowNode = {
    kind: 'container' as const,
    id: `${scope ?? ''}container:${container.id}`,
    label: labelOf(container, options.label ?? DEFAULT_CONTAINER_OPTIONS.label),
    description: (options.description ?? DEFAULT_CONTAINER_OPTIONS.description)
      .map((field) => fieldText(container, field, published, options.now ?? Date.now()))
      .filter(Boolean)
      .join(' · '),
    tooltip: '',
    icon: containerIcon(container),
    contextValue: `container.${container.state}`,
    container,
  };
  if (scope !== undefined) node.scope = scope;
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

/** What the row's label shows: the name, the short id, the image, or the Compose service (else the name). */
function labelOf(container: ContainerSummary, label: ContainerTreeOptions['label']): string {
  if (label === 'id') return container.id.slice(0, 12);
  if (label === 'image') return shortImage(container.image);
  if (label === 'service') return container.composeService ?? container.name;
  return container.name;
}

/** One field of the row's description ("" when the container has nothing for it). */
function fieldText(container: ContainerSummary, field: ContainerField, published: readonly string[], now: number): string {
  switch (field) {
    case 'service':
      return container.composeService ?? '';
    case 'name':
      return container.name;
    case 'id':
      return container.id.slice(0, 12);
    case 'image':
      return shortImage(container.image);
    case 'ports':
      return published.length > DESCRIPTION_PORTS
        ? `${published.slice(0, DESCRIPTION_PORTS).join(', ')} +${published.length - DESCRIPTION_PORTS}`
        : published.join(', ');
    case 'ip':
      return Object.values(container.networks).find(Boolean) ?? '';
    case 'state':
      return container.state;
    case 'status':
      return container.status;
    case 'created':
      return formatAge(container.created, now);
    case 'networks':
      return Object.keys(container.networks).join(', ');
  }
}
