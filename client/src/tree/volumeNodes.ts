// Pure mapping from volume summaries to the Volumes view's rows. No vscode import: tested in plain Node.
//
// Named volumes first, sorted naturally, then the anonymous ones (64 hex digits the engine picked, e.g. for a
// VOLUME of an image), labelled by their first 12 digits: names a user gave come before names nobody reads.
// docker-workflows.volumes.* sort them by creation instead, group them by driver, and pick the description's fields.
import { isAnonymousVolume, type ContainerSummary, type VolumeSummary } from '../engine/types';
import { code, escapeMarkdown, formatAge, isoDate, labelList, lines, naturalCollator as collator, plural, section } from '../format/text';
import { driverGroups } from './driverGroups';
import type { VolumeNode, VolumeNodeModel } from './resourceNodes';
import { DEFAULT_VOLUME_OPTIONS, type VolumeField, type VolumeViewOptions } from './viewOptions';

/** The view's settings, and the moment ages are counted from (ms since the epoch). */
export interface VolumeTreeOptions extends VolumeViewOptions {
  now: number;
}

const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_VOLUME = 'com.docker.compose.volume';


/** The volumes' rows, in the order `sortBy` says (see the top of this file); without groups. */
export function volumeTree(volumes: readonly VolumeSummary[], containers: readonly ContainerSummary[], options: Partial<VolumeTreeOptions> = {}): VolumeNode[] {
  const byName = (a: VolumeSummary, b: VolumeSummary) => Number(isAnonymousVolume(a.name)) - Number(isAnonymousVolume(b.name)) || collator.compare(a.name, b.name);
  // Newest first; volumes whose engine does not say when they were made come last.
  const byCreated = (a: VolumeSummary, b: VolumeSummary) => (b.created ?? -Infinity) - (a.created ?? -Infinity) || byName(a, b);
  return [...volumes].sort(options.sortBy === 'created' ? byCreated : byName).map((volume) => volumeNode(volume, containers, options));
}

/** The view's top-level rows: the volumes, or with `groupBy: driver` one group per driver holding its volumes. */
export function volumeView(volumes: readonly VolumeSummary[], containers: readonly ContainerSummary[], options: Partial<VolumeTreeOptions> = {}): VolumeNodeModel[] {
  const rows = volumeTree(volumes, containers, options);
  return options.groupBy === 'driver' ? driverGroups('volumeGroup', rows, (row) => row.volume.driver, 'volume', { id: 'server' }) : rows;
}

export function volumeNode(volume: VolumeSummary, containers: readonly ContainerSummary[], options: Partial<VolumeTreeOptions> = {}): VolumeNode {
  const usedBy = [
    ...new Set(
      containers
        .filter((container) => container.mounts.some((mount) => mount.type === 'volume' && mount.source === volume.name))
        .map((container) => container.name),
    ),
  ].sort((a, b) => collator.compare(a, b));
  const anonymous = isAnonymousVolume(volume.name);
  const use = usedBy.length > 0 ? `in use by ${plural(usedBy.length, 'container')}` : 'unused';
  const project = volume.labels[COMPOSE_PROJECT];
  return {
    kind: 'volume',
    id: `volume:${volume.name}`,
    label: anonymous ? volume.name.slice(0, 12) : volume.name,
    // "anonymous" always leads: it says why the label is a row of hex digits.
    description: [anonymous && 'anonymous', ...(options.description ?? DEFAULT_VOLUME_OPTIONS.description).map((field) => fieldText(volume, field, use, options.now ?? Date.now()))]
      .filter(Boolean)
      .join(' · '),
    tooltip: section([
      `**${escapeMarkdown(volume.name)}**${anonymous ? ' (anonymous)' : ''}`,
      lines([
        project !== undefined && `Compose: volume ${escapeMarkdown(volume.labels[COMPOSE_VOLUME] ?? '?')} of project ${escapeMarkdown(project)}`,
        `Driver: ${escapeMarkdown(volume.driver)}`,
        `Scope: ${escapeMarkdown(volume.scope)}`,
        volume.mountpoint && `Mount point: ${code(volume.mountpoint)}`,
        volume.created !== undefined && `Created: ${isoDate(volume.created)}`,
        `Used by: ${usedBy.length > 0 ? usedBy.map(escapeMarkdown).join(', ') : 'no container'}`,
      ]),
      labelList(volume.labels),
    ]),
    icon: { id: 'database' },
    contextValue: usedBy.length > 0 ? 'volume.used' : 'volume.unused',
    volume,
    usedBy,
  };
}

function fieldText(volume: VolumeSummary, field: VolumeField, use: string, now: number): string {
  switch (field) {
    case 'driver':
      return volume.driver;
    case 'usage':
      return use;
    case 'scope':
      return volume.scope;
    case 'created':
      return volume.created === undefined ? '' : formatAge(volume.created, now);
    case 'project':
      return volume.labels[COMPOSE_PROJECT] ?? '';
  }
}
