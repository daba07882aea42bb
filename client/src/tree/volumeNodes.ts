// Pure mapping from volume summaries to the Volumes view's rows. No vscode import: tested in plain Node.
//
// Named volumes first, sorted naturally, then the anonymous ones (64 hex digits the engine picked, e.g. for a
// VOLUME of an image), labelled by their first 12 digits: names a user gave come before names nobody reads.
import { isAnonymousVolume, type ContainerSummary, type VolumeSummary } from '../engine/types';
import { code, escapeMarkdown, isoDate, labelList, lines, naturalCollator as collator, plural, section } from '../format/text';
import type { VolumeNode } from './resourceNodes';

const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_VOLUME = 'com.docker.compose.volume';


export function volumeTree(volumes: readonly VolumeSummary[], containers: readonly ContainerSummary[]): VolumeNode[] {
  return [...volumes]
    .sort((a, b) => Number(isAnonymousVolume(a.name)) - Number(isAnonymousVolume(b.name)) || collator.compare(a.name, b.name))
    .map((volume) => volumeNode(volume, containers));
}

export function volumeNode(volume: VolumeSummary, containers: readonly ContainerSummary[]): VolumeNode {
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
    description: [anonymous && 'anonymous', volume.driver, use].filter(Boolean).join(' · '),
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
