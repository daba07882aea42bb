// The Containers view's orders and its groups other than Compose projects (by image, state or network), for the
// docker-workflows.containers.groupBy and sortBy settings. Pure, no vscode import: tested in plain Node.
import type { ContainerState, ContainerSummary } from '../engine/types';
import { escapeMarkdown, lines, naturalCollator as collator, plural, section } from '../format/text';
import { stateIcon } from './containerIcons';
import type { NodeBase, NodeIcon } from './nodeModel';
import type { ContainerGroupBy, ContainerSortBy } from './viewOptions';

/** The groupings made here (Compose projects and no grouping are containerNodes.ts's). */
export type OtherGroupBy = Exclude<ContainerGroupBy, 'composeProject' | 'none'>;

/** A group of the Containers view other than a Compose project: the containers of one image, state or network. */
export interface ContainerGroupNode<Row extends NodeBase = NodeBase> extends NodeBase {
  kind: 'containerGroup';
  groupBy: OtherGroupBy;
  /** The image, state or network name; "" for the containers on no network. */
  key: string;
  children: Row[];
}

/** Running first, then what may run again soon, then what has stopped; the order `sortBy: state` and state groups follow. */
export const STATE_ORDER: readonly ContainerState[] = ['running', 'restarting', 'paused', 'created', 'exited', 'dead', 'removing', 'unknown'];

const STATE_TITLES: Record<ContainerState, string> = {
  running: 'Running',
  restarting: 'Restarting',
  paused: 'Paused',
  created: 'Created',
  exited: 'Exited',
  dead: 'Dead',
  removing: 'Removing',
  unknown: 'Unknown state',
};

const stateRank = (state: ContainerState): number => STATE_ORDER.indexOf(state);

export function byName(a: ContainerSummary, b: ContainerSummary): number {
  return collator.compare(a.name, b.name) || collator.compare(a.id, b.id);
}

/** "sha256:<64 hex>" (the image of a container whose tag moved on) reads as its short id, like `docker ps`. */
export function shortImage(image: string): string {
  return /^sha256:[0-9a-f]{64}$/.test(image) ? image.slice(7, 19) : image;
}

/** The order of containers for `sortBy`: by name; newest first; or running first (each then by name). */
export function containerOrder(sortBy: ContainerSortBy): (a: ContainerSummary, b: ContainerSummary) => number {
  if (sortBy === 'created') return (a, b) => b.created - a.created || byName(a, b);
  if (sortBy === 'state') return (a, b) => stateRank(a.state) - stateRank(b.state) || byName(a, b);
  return byName;
}

/** Inside a Compose project: by service then name (as `docker compose ps`), after the `sortBy` key when it is another. */
export function projectMemberOrder(sortBy: ContainerSortBy): (a: ContainerSummary, b: ContainerSummary) => number {
  const byService = (a: ContainerSummary, b: ContainerSummary) => collator.compare(a.composeService ?? '', b.composeService ?? '') || byName(a, b);
  if (sortBy === 'created') return (a, b) => b.created - a.created || byService(a, b);
  if (sortBy === 'state') return (a, b) => stateRank(a.state) - stateRank(b.state) || byService(a, b);
  return byService;
}

/** The groups a container belongs to: its image, its state, or each network it is on ("" for none). */
function keysOf(container: ContainerSummary, groupBy: OtherGroupBy): string[] {
  if (groupBy === 'image') return [shortImage(container.image)];
  if (groupBy === 'state') return [container.state];
  const networks = Object.keys(container.networks);
  return networks.length > 0 ? networks : [''];
}

/** The order of the groups: images and networks by name (no network last), states as STATE_ORDER. */
function groupOrder(groupBy: OtherGroupBy): (a: string, b: string) => number {
  if (groupBy === 'state') return (a, b) => stateRank(a as ContainerState) - stateRank(b as ContainerState);
  return (a, b) => Number(a === '') - Number(b === '') || collator.compare(a, b);
}

/**
 * The groups of `containers` by image, state or network, each holding its rows in `sortBy` order. A container on two
 * networks has a row in both groups; its row is made with a `scope` (the group's id) so that the two rows, and the
 * Files rows under them, get ids of their own.
 */
export function containerGroups<Row extends NodeBase>(
  containers: readonly ContainerSummary[],
  groupBy: OtherGroupBy,
  sortBy: ContainerSortBy,
  row: (container: ContainerSummary, scope?: string) => Row,
): ContainerGroupNode<Row>[] {
  const groups = new Map<string, ContainerSummary[]>();
  for (const container of containers) {
    for (const key of keysOf(container, groupBy)) groups.set(key, [...(groups.get(key) ?? []), container]);
  }
  const order = containerOrder(sortBy);
  return [...groups.entries()]
    .sort(([a], [b]) => groupOrder(groupBy)(a, b))
    .map(([key, members]) => {
      const id = `containerGroup:${groupBy}:${key}`;
      const scope = groupBy === 'network' ? `${id}|` : undefined;
      return groupNode(groupBy, key, id, members, [...members].sort(order).map((container) => row(container, scope)));
    });
}

function groupNode<Row extends NodeBase>(groupBy: OtherGroupBy, key: string, id: string, members: readonly ContainerSummary[], children: Row[]): ContainerGroupNode<Row> {
  const running = members.filter((c) => c.state === 'running').length;
  const counts = groupBy === 'state' ? plural(members.length, 'container') : `${running} of ${members.length} running`;
  const label = groupBy === 'state' ? STATE_TITLES[key as ContainerState] : key === '' ? 'No network' : key;
  const what = groupBy === 'image' ? `Image ${escapeMarkdown(key)}` : groupBy === 'state' ? escapeMarkdown(label) : key === '' ? 'On no network' : `Network ${escapeMarkdown(key)}`;
  return {
    kind: 'containerGroup',
    id,
    label,
    description: counts,
    tooltip: section([`**${what}**`, lines([`Containers: ${counts}`])]),
    icon: groupIcon(groupBy, key, running, members.length),
    contextValue: `containerGroup.${groupBy}`,
    groupBy,
    key,
    children,
  };
}

function groupIcon(groupBy: OtherGroupBy, key: string, running: number, total: number): NodeIcon {
  if (groupBy === 'state') return stateIcon(key as ContainerState);
  const id = groupBy === 'image' ? 'package' : 'type-hierarchy';
  return running === 0 ? { id } : running === total ? { id, color: 'charts.green' } : { id, color: 'charts.yellow' };
}
