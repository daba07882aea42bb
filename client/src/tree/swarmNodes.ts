// Pure mapping from a swarm manager's lists to the Swarm view's rows. No vscode import: tested in plain Node.
//
// Four sections: Services (grouped by stack, the com.docker.stack.namespace label; services outside a stack after
// the stacks), each service with its tasks below it; Nodes; Secrets; Configs. Secrets show their metadata only.
import type { ServicePort, ServiceSummary, SwarmDataSummary, SwarmNodeSummary, TaskSummary } from '../engine/swarmTypes';
import { code, escapeMarkdown, formatAge, isoDate, labelList, lines, naturalCollator as collator, plural, section } from '../format/text';
import { withLazyTooltip, type NodeBase } from './nodeModel';

export interface SwarmLists {
  services: readonly ServiceSummary[];
  tasks: readonly TaskSummary[];
  nodes: readonly SwarmNodeSummary[];
  secrets: readonly SwarmDataSummary[];
  configs: readonly SwarmDataSummary[];
  /** This engine's node id (its row is marked). */
  selfNodeId: string;
  now: number;
}

export interface SwarmSectionNode extends NodeBase {
  kind: 'swarmSection';
  section: 'services' | 'nodes' | 'secrets' | 'configs';
  children: readonly SwarmNodeModel[];
}
export interface SwarmStackNode extends NodeBase {
  kind: 'swarmStack';
  stack: string;
  /** The stack's services, as rows. */
  children: readonly ServiceNode[];
}
export interface ServiceNode extends NodeBase {
  kind: 'swarmService';
  service: ServiceSummary;
  running: number;
  desired: number;
  children: readonly TaskNode[];
}
export interface TaskNode extends NodeBase {
  kind: 'swarmTask';
  task: TaskSummary;
  /** The hostname of the task's node ("" before it is scheduled). */
  node: string;
}
export interface SwarmNodeRow extends NodeBase {
  kind: 'swarmNode';
  node: SwarmNodeSummary;
  self: boolean;
}
export interface SwarmDataNode extends NodeBase {
  kind: 'swarmSecret' | 'swarmConfig';
  data: SwarmDataSummary;
}
export type SwarmNodeModel = SwarmSectionNode | SwarmStackNode | ServiceNode | TaskNode | SwarmNodeRow | SwarmDataNode;

const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
/** Task states after which a task does not run again. */
const ENDED = new Set(['complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned']);

export function swarmTree(lists: SwarmLists): SwarmSectionNode[] {
  const hostnames = new Map(lists.nodes.map((n) => [n.id, n.hostname]));
  const tasksOf = new Map<string, TaskSummary[]>();
  for (const task of lists.tasks) {
    const list = tasksOf.get(task.serviceId);
    if (list) list.push(task);
    else tasksOf.set(task.serviceId, [task]);
  }
  const services = [...lists.services].sort(byName).map((s) => serviceNode(s, tasksOf.get(s.id) ?? [], hostnames, lists.now));
  const stacks = new Map<string, ServiceNode[]>();
  for (const row of services) {
    const stack = row.service.stack;
    if (stack === undefined) continue;
    const list = stacks.get(stack);
    if (list) list.push(row);
    else stacks.set(stack, [row]);
  }
  const stackRows = [...stacks.keys()].sort((a, b) => collator.compare(a, b)).map((stack) => stackNode(stack, stacks.get(stack)!));
  const loose = services.filter((row) => row.service.stack === undefined);
  const nodes = [...lists.nodes].sort((a, b) => collator.compare(a.hostname, b.hostname) || collator.compare(a.id, b.id));
  return [
    sectionNode('services', 'Services', plural(lists.services.length, 'service'), 'server-process', [...stackRows, ...loose]),
    sectionNode('nodes', 'Nodes', plural(lists.nodes.length, 'node'), 'server', nodes.map((n) => nodeRow(n, n.id === lists.selfNodeId))),
    sectionNode('secrets', 'Secrets', plural(lists.secrets.length, 'secret'), 'lock', [...lists.secrets].sort(byName).map((d) => dataNode('swarmSecret', d, lists.now))),
    sectionNode('configs', 'Configs', plural(lists.configs.length, 'config'), 'file-code', [...lists.configs].sort(byName).map((d) => dataNode('swarmConfig', d, lists.now))),
  ];
}

/**
 * A section's row. An empty section has an id of its own: VS Code keeps a row's folded state by id, and a row first
 * drawn without children is kept folded when its first child comes (a stack deployed while the view shows), so the
 * section that fills is a new row, drawn open; a section that stays filled keeps the state the user gave it.
 */
function sectionNode(kind: SwarmSectionNode['section'], label: string, description: string, icon: string, children: SwarmNodeModel[]): SwarmSectionNode {
  const id = children.length > 0 ? `swarm-section:${kind}` : `swarm-section:${kind}.empty`;
  return { kind: 'swarmSection', section: kind, id, label, description, tooltip: `**${label}**: ${description}`, icon: { id: icon }, contextValue: `swarmSection.${kind}`, children };
}

function stackNode(stack: string, services: ServiceNode[]): SwarmStackNode {
  const running = services.reduce((sum, s) => sum + s.running, 0);
  const desired = services.reduce((sum, s) => sum + s.desired, 0);
  return {
    kind: 'swarmStack',
    id: `swarm-stack:${stack}`,
    label: stack,
    description: `stack · ${plural(services.length, 'service')} · ${running}/${desired}`,
    tooltip: section([`**${escapeMarkdown(stack)}** (stack)`, lines(services.map((s) => `${escapeMarkdown(s.service.name)}: ${s.running}/${s.desired}`))]),
    icon: { id: 'layers', ...(running < desired ? { color: 'list.warningForeground' } : {}) },
    contextValue: 'swarmStack',
    stack,
    children: services,
  };
}

/** "8080:80/tcp" (published on every node), "8080:80/tcp (host)", or "80/tcp" when not published. */
export function portText(port: ServicePort): string {
  const inside = `${port.target}/${port.protocol}`;
  if (port.published === undefined) return inside;
  return `${port.published}:${inside}${port.publishMode === 'host' ? ' (host)' : ''}`;
}

/** Running and desired tasks as `docker service ls` counts them. */
export function replicaCounts(service: ServiceSummary, tasks: readonly TaskSummary[]): { running: number; desired: number } {
  const running = tasks.filter((t) => t.state === 'running' && t.desiredState === 'running').length;
  if (service.mode === 'replicated') return { running, desired: service.replicas ?? 0 };
  if (service.mode === 'replicated-job') return { running: tasks.filter((t) => t.state === 'complete').length, desired: service.replicas ?? 0 };
  if (service.mode === 'global-job') return { running: tasks.filter((t) => t.state === 'complete').length, desired: tasks.filter((t) => t.desiredState === 'complete').length };
  return { running, desired: tasks.filter((t) => t.desiredState === 'running').length };
}

function serviceNode(service: ServiceSummary, tasks: TaskSummary[], hostnames: ReadonlyMap<string, string>, now: number): ServiceNode {
  const { running, desired } = replicaCounts(service, tasks);
  const ports = service.ports.map(portText);
  // Current tasks first (by slot), then the history (newest first), as `docker service ps` lists them.
  const ordered = [...tasks].sort(
    (a, b) =>
      Number(ENDED.has(a.desiredState)) - Number(ENDED.has(b.desiredState)) ||
      (a.slot ?? 0) - (b.slot ?? 0) ||
      collator.compare(hostnames.get(a.nodeId) ?? '', hostnames.get(b.nodeId) ?? '') ||
      b.timestamp - a.timestamp,
  );
  const problem = running < desired;
  const node = {
    kind: 'swarmService' as const,
    id: `swarm-service:${service.id}`,
    label: service.name,
    description: [service.mode, `${running}/${desired}`, service.image, ports.join(', '), service.updateState && `update ${service.updateState.replace(/_/g, ' ')}`].filter(Boolean).join(' · '),
    icon: { id: 'server-process', ...(problem ? { color: 'list.warningForeground' } : running > 0 ? { color: 'charts.green' } : {}) },
    contextValue: ['swarmService', service.mode.includes('replicated') ? 'replicated' : 'global', service.canRollBack && 'rollback'].filter(Boolean).join('.'),
    expanded: false,
    service,
    running,
    desired,
    children: ordered.map((task) => taskNode(service, task, hostnames.get(task.nodeId) ?? '', now)),
  };
  return withLazyTooltip(node, () =>
    section([
      `**${escapeMarkdown(service.name)}**${service.stack ? ` (stack ${escapeMarkdown(service.stack)})` : ''}`,
      lines([
        `Mode: ${service.mode}`,
        `Tasks: ${running} running of ${desired}`,
        `Image: ${code(service.image)}`,
        ports.length > 0 && `Ports: ${ports.join(', ')}`,
        service.updateState && `Last update: ${service.updateState.replace(/_/g, ' ')}`,
        service.created > 0 && `Created: ${isoDate(service.created)}`,
        service.updated > 0 && `Updated: ${isoDate(service.updated)}`,
      ]),
      labelList(service.labels),
    ]),
  );
}

function taskNode(service: ServiceSummary, task: TaskSummary, node: string, now: number): TaskNode {
  const name = `${service.name}.${task.slot ?? (task.nodeId || task.id).slice(0, 12)}`;
  const state = task.desiredState !== task.state && !ENDED.has(task.state) && task.desiredState === 'shutdown' ? `${task.state} (shutting down)` : task.state;
  const age = task.timestamp > 0 ? formatAge(task.timestamp, now) : '';
  const row = {
    kind: 'swarmTask' as const,
    id: `swarm-task:${task.id}`,
    label: name,
    description: [node || 'not scheduled', state, task.error, age].filter(Boolean).join(' · '),
    icon:
      task.error || task.state === 'failed' || task.state === 'rejected'
        ? { id: 'error', color: 'list.errorForeground' }
        : task.state === 'running'
          ? { id: 'vm-running', color: 'charts.green' }
          : { id: ENDED.has(task.state) ? 'vm-outline' : 'loading' },
    contextValue: 'swarmTask',
    task,
    node,
  };
  return withLazyTooltip(row, () =>
    section([
      `**${escapeMarkdown(name)}** (task ${escapeMarkdown(task.id)})`,
      lines([
        `Node: ${escapeMarkdown(node || 'not scheduled yet')}`,
        `State: ${escapeMarkdown(task.state)}, desired ${escapeMarkdown(task.desiredState)}`,
        task.message && `Message: ${escapeMarkdown(task.message)}`,
        task.error && `Error: ${escapeMarkdown(task.error)}`,
        task.timestamp > 0 && `Since: ${isoDate(task.timestamp)}`,
        task.containerId && `Container: ${code(task.containerId.slice(0, 12))}`,
      ]),
    ]),
  );
}

function nodeRow(node: SwarmNodeSummary, self: boolean): SwarmNodeRow {
  return {
    kind: 'swarmNode',
    id: `swarm-node:${node.id}`,
    label: node.hostname || node.id.slice(0, 12),
    description: [node.role, node.availability, node.status, node.engineVersion, node.leader && 'leader', self && 'this engine'].filter(Boolean).join(' · '),
    tooltip: section([
      `**${escapeMarkdown(node.hostname)}** (node ${escapeMarkdown(node.id)})`,
      lines([
        `Role: ${node.role}${node.leader ? ' (leader)' : ''}${node.reachability ? `, ${escapeMarkdown(node.reachability)}` : ''}`,
        `Availability: ${node.availability}`,
        `Status: ${escapeMarkdown(node.status)}`,
        node.addr && `Address: ${code(node.addr)}`,
        node.engineVersion && `Engine: ${escapeMarkdown(node.engineVersion)}`,
        self && 'The engine the views use',
      ]),
      labelList(node.labels),
    ]),
    icon: node.status !== 'ready' ? { id: 'debug-disconnect', color: 'list.errorForeground' } : node.availability !== 'active' ? { id: 'debug-pause', color: 'list.warningForeground' } : { id: 'server', color: 'charts.green' },
    contextValue: ['swarmNode', node.role, node.availability, node.leader && 'leader', self && 'self'].filter(Boolean).join('.'),
    node,
    self,
  };
}

function dataNode(kind: 'swarmSecret' | 'swarmConfig', data: SwarmDataSummary, now: number): SwarmDataNode {
  const what = kind === 'swarmSecret' ? 'secret' : 'config';
  return {
    kind,
    id: `${kind}:${data.id}`,
    label: data.name,
    description: [data.stack && `stack ${data.stack}`, data.created > 0 && `created ${formatAge(data.created, now)}`].filter(Boolean).join(' · '),
    tooltip: section([
      `**${escapeMarkdown(data.name)}** (${what} ${escapeMarkdown(data.id)})`,
      lines([
        data.created > 0 && `Created: ${isoDate(data.created)}`,
        data.updated > 0 && data.updated !== data.created && `Updated: ${isoDate(data.updated)}`,
        kind === 'swarmSecret' && 'The value stays in the swarm: it is never shown.',
      ]),
      labelList(data.labels),
    ]),
    icon: { id: kind === 'swarmSecret' ? 'key' : 'file-code' },
    contextValue: kind,
    data,
  };
}
