// Pure mapping of what the Engine API answers about volumes, networks, image history, prunes and pulls to
// our own types. The raw shapes are declared here as the Engine API documents them (only the fields we read):
// dockerode's type definitions leave several of them out.
import type { ImageLayer, ImageRunDefaults, NetworkSummary, PruneResult, PullProgress, VolumeSummary } from './types';

export interface RawVolume {
  Name: string;
  Driver?: string;
  Mountpoint?: string;
  Scope?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
}

export interface RawNetwork {
  Id: string;
  Name: string;
  Driver?: string;
  Scope?: string;
  Internal?: boolean;
  Created?: string;
  Labels?: Record<string, string> | null;
  IPAM?: { Config?: { Subnet?: string }[] | null } | null;
  /** Only in Podman's list (and in inspect). */
  Containers?: Record<string, { IPv4Address?: string; IPv6Address?: string }> | null;
}

/** The part of GET /images/{name}/json that running an image needs. */
export interface RawImageConfig {
  Config?: { ExposedPorts?: Record<string, unknown> | null; Cmd?: unknown; Entrypoint?: unknown } | null;
}

export interface RawHistoryItem {
  Id: string;
  Created: number;
  CreatedBy?: string;
  Tags?: string[] | null;
  Size?: number;
  Comment?: string;
}

/** Every prune endpoint answers with one of these lists (images: untagged references and deleted ids). */
export interface RawPrune {
  ContainersDeleted?: string[] | null;
  ImagesDeleted?: { Untagged?: string; Deleted?: string }[] | null;
  VolumesDeleted?: string[] | null;
  NetworksDeleted?: string[] | null;
  CachesDeleted?: string[] | null;
  SpaceReclaimed?: number;
}

/** The engine's volume list ({ Volumes, Warnings }), sorted by name. */
export function toVolumeSummaries(answer: { Volumes?: RawVolume[] | null }): VolumeSummary[] {
  return (answer.Volumes ?? []).map(toVolumeSummary).sort((a, b) => compareStrings(a.name, b.name));
}

export function toVolumeSummary(volume: RawVolume): VolumeSummary {
  return {
    name: volume.Name,
    driver: volume.Driver ?? '',
    mountpoint: volume.Mountpoint ?? '',
    scope: volume.Scope ?? '',
    created: parseTime(volume.CreatedAt),
    labels: volume.Labels ?? {},
  };
}

/** The engine's network list, sorted by name. */
export function toNetworkSummaries(list: RawNetwork[]): NetworkSummary[] {
  return list.map(toNetworkSummary).sort((a, b) => compareStrings(a.name, b.name));
}

export function toNetworkSummary(network: RawNetwork): NetworkSummary {
  return {
    id: network.Id,
    name: network.Name,
    driver: network.Driver ?? '',
    scope: network.Scope ?? '',
    internal: network.Internal === true,
    created: parseTime(network.Created) ?? 0,
    labels: network.Labels ?? {},
    subnet: (network.IPAM?.Config ?? []).find((config) => config.Subnet)?.Subnet,
    // Docker's list has an empty record here (its containers are in inspect only); Podman's list names them.
    ...(network.Containers && Object.keys(network.Containers).length > 0 ? { containers: attachedContainers(network.Containers) } : {}),
  };
}

/** Container id -> address without its prefix length ("10.88.0.10/16" -> "10.88.0.10"), IPv4 else IPv6. */
function attachedContainers(containers: NonNullable<RawNetwork['Containers']>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [id, endpoint] of Object.entries(containers)) {
    result[id] = (endpoint?.IPv4Address || endpoint?.IPv6Address || '').replace(/\/\d+$/, '');
  }
  return result;
}

/**
 * The exposed ports and command of an image. An engine's answer is untrusted: keys that are not `port/protocol` with a
 * port from 1 to 65535 are left out, and so are a command's words that are not strings.
 */
export function toImageRunDefaults(raw: RawImageConfig): ImageRunDefaults {
  const exposedPorts: ImageRunDefaults['exposedPorts'] = [];
  for (const key of Object.keys(raw.Config?.ExposedPorts ?? {})) {
    const match = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(key);
    const port = Number(match?.[1]);
    if (match && port >= 1 && port <= 65535) exposedPorts.push({ port, protocol: (match[2] ?? 'tcp') as 'tcp' | 'udp' | 'sctp' });
  }
  exposedPorts.sort((a, b) => a.port - b.port || compareStrings(a.protocol, b.protocol));
  const words = (value: unknown) => (Array.isArray(value) ? value.filter((word): word is string => typeof word === 'string') : []);
  return { exposedPorts, command: words(raw.Config?.Cmd), entrypoint: words(raw.Config?.Entrypoint) };
}

export function toImageLayer(item: RawHistoryItem): ImageLayer {
  return {
    id: item.Id,
    created: item.Created * 1000,
    createdBy: item.CreatedBy ?? '',
    size: item.Size ?? 0,
    tags: item.Tags ?? [],
    comment: item.Comment ?? '',
  };
}

/**
 * What any prune removed, in the engine's order. For images that is what `docker image prune` lists: the
 * references it untagged and the ids of the images and layers it deleted.
 */
export function toPruneResult(answer: RawPrune): PruneResult {
  const images = (answer.ImagesDeleted ?? []).map((item) => item.Untagged || item.Deleted || '').filter(Boolean);
  return {
    removed: [
      ...(answer.ContainersDeleted ?? []),
      ...images,
      ...(answer.VolumesDeleted ?? []),
      ...(answer.NetworksDeleted ?? []),
      ...(answer.CachesDeleted ?? []),
    ],
    spaceReclaimed: answer.SpaceReclaimed ?? 0,
  };
}

/** One line of a pull's progress stream: a progress message, or the error the engine reports inside the stream. */
export type PullMessage = { kind: 'progress'; progress: PullProgress } | { kind: 'error'; message: string };

export function parsePullLine(line: string): PullMessage | undefined {
  let raw: {
    status?: unknown;
    id?: unknown;
    progressDetail?: { current?: unknown; total?: unknown };
    error?: unknown;
    errorDetail?: { message?: unknown };
  };
  try {
    raw = JSON.parse(line) as typeof raw;
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;
  if (raw.errorDetail !== undefined || raw.error !== undefined) {
    const message = typeof raw.errorDetail?.message === 'string' ? raw.errorDetail.message : raw.error;
    return { kind: 'error', message: (typeof message === 'string' && message.trim()) || 'the pull failed' };
  }
  if (typeof raw.status !== 'string') return undefined;
  const progress: PullProgress = { status: raw.status };
  if (typeof raw.id === 'string' && raw.id) progress.id = raw.id;
  const { current, total } = raw.progressDetail ?? {};
  if (typeof current === 'number') progress.current = current;
  if (typeof total === 'number' && total > 0) progress.total = total;
  return { kind: 'progress', progress };
}

/**
 * Milliseconds since the epoch of an RFC 3339 time as the engine writes it ("2024-05-01T10:00:00.123456789Z",
 * "2024-05-01T12:00:00+02:00"); undefined when missing, unreadable, or Go's zero time.
 */
export function parseTime(text: string | undefined): number | undefined {
  if (!text || text.startsWith('0001-01-01')) return undefined;
  const time = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(time) ? undefined : time;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
