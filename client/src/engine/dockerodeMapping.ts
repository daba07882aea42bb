// Pure mapping of what the Engine API answers (in dockerode's shapes) to our own types. It imports dockerode's
// type definitions only; DockerodeEngine.ts stays the one file that loads dockerode.
import type Docker from 'dockerode';
import * as path from 'path';
import { familiarReference } from '../../../common/src/imageReference';
import type { ContainerState, ContainerSummary, EngineEvent, EngineVersion, ImageSummary, PortBinding } from './types';

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export function toContainerSummary(info: Docker.ContainerInfo): ContainerSummary {
  const labels = info.Labels ?? {};
  const state = (info.State ?? '').toLowerCase() as ContainerState;
  // Engines of API 1.52 and later also report the health in the list; older ones only in the status text.
  const reported = (info as { Health?: { Status?: string } }).Health?.Status;
  return {
    id: info.Id,
    name: containerName(info),
    image: familiarReference(info.Image ?? ''),
    imageId: info.ImageID,
    command: info.Command ?? '',
    created: (info.Created ?? 0) * 1000,
    state: STATES.includes(state) ? state : 'unknown',
    status: info.Status ?? '',
    ports: (info.Ports ?? []).map(
      (p): PortBinding => ({
        privatePort: p.PrivatePort,
        publicPort: p.PublicPort || undefined,
        hostIp: p.IP || undefined,
        protocol: (p.Type as PortBinding['protocol']) ?? 'tcp',
      }),
    ),
    labels,
    // podman-compose before 1.0 wrote only its own project label.
    composeProject: labels['com.docker.compose.project'] || labels['io.podman.compose.project'] || undefined,
    health: toHealth(reported) ?? healthFromStatus(info.Status ?? ''),
    networks: toNetworks(info.NetworkSettings?.Networks),
    mounts: (info.Mounts ?? []).map(toMount).sort((a, b) => compareStrings(a.destination, b.destination)),
    composeService: labels['com.docker.compose.service'] || undefined,
    composeWorkingDir: labels['com.docker.compose.project.working_dir'] || undefined,
    composeConfigFiles: configFiles(labels['com.docker.compose.project.config_files'], labels['com.docker.compose.project.working_dir']),
  };
}

/**
 * The container's own name, as `docker ps` picks it: legacy links add names like "/web/db" to the list, so the one
 * with a single slash; else the first; else the short id. Kept as the engine wrote it (no check here): the views
 * show every row, and the commands refuse a name no engine could report (validate.ts).
 */
function containerName(info: Docker.ContainerInfo): string {
  const names = (info.Names ?? []).filter((name): name is string => typeof name === 'string');
  const own = names.find((name) => name.split('/').length === 2) ?? names[0];
  return (own ?? String(info.Id ?? '').slice(0, 12)).replace(/^\//, '');
}

type Health = ContainerSummary['health'];
type Mount = ContainerSummary['mounts'][number];
const MOUNT_TYPES: readonly Mount['type'][] = ['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'];

/**
 * The health in the engine's status text: "Up 3 minutes (healthy)", "Up 3 minutes (unhealthy)",
 * "Up 2 seconds (health: starting)"; undefined without a health check (or while the container does not run).
 */
export function healthFromStatus(status: string): Health {
  const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  return match ? toHealth(match[1].replace('health: ', '')) : undefined;
}

function toHealth(status: string | undefined): Health {
  return status === 'healthy' || status === 'unhealthy' || status === 'starting' ? status : undefined;
}

/** Network name -> IP address (IPv4, else the global IPv6 address, else ""), sorted by network name. */
function toNetworks(networks: Docker.ContainerInfo['NetworkSettings']['Networks'] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(networks ?? {}).sort(compareStrings)) {
    const network = networks?.[name];
    result[name] = network?.IPAddress || network?.GlobalIPv6Address || '';
  }
  return result;
}

function toMount(mount: Docker.ContainerInfo['Mounts'][number]): Mount {
  const type = (mount.Type ?? '').toLowerCase() as Mount['type'];
  return {
    type: MOUNT_TYPES.includes(type) ? type : 'unknown',
    // A volume's Source is its folder inside the engine's data root; its name is what users know it by.
    source: (type === 'volume' && mount.Name) || mount.Source || '',
    destination: mount.Destination ?? '',
    readOnly: mount.RW === false,
  };
}

/**
 * The config_files label, "a.yml,b.yml", as paths; relative ones (docker-compose v1 writes them) joined to the
 * working folder. Undefined without the label.
 */
function configFiles(value: string | undefined, workingDir: string | undefined): string[] | undefined {
  const files = (value ?? '').split(',').map((file) => file.trim()).filter(Boolean);
  const resolved = files.map((file) => (workingDir && !path.isAbsolute(file) ? path.join(workingDir, file) : file));
  return resolved.length ? resolved : undefined;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toImageSummary(info: Docker.ImageInfo): ImageSummary {
  return {
    id: info.Id,
    // The engine reports "<none>:<none>" for dangling images.
    repoTags: (info.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>').map(familiarReference),
    size: info.Size,
    created: info.Created * 1000,
    labels: info.Labels ?? {},
  };
}

/** GET /version: the engine's component names the product: "Engine" for Docker, "Podman Engine" for Podman. */
export function toEngineVersion(raw: {
  Version?: string;
  ApiVersion?: string;
  Components?: { Name?: string; Version?: string }[] | null;
}): EngineVersion {
  const main = (raw.Components ?? []).find((component) => /engine$/i.test(component.Name ?? ''));
  const product = !main?.Name || main.Name === 'Engine' ? 'Docker Engine' : main.Name;
  return { product, version: main?.Version || raw.Version || '', apiVersion: raw.ApiVersion ?? '', podman: /podman/i.test(product) };
}

/** One line of the engine's /events stream; undefined for a line that is not an event. */
export function parseEvent(line: string): EngineEvent | undefined {
  try {
    const raw = JSON.parse(line) as {
      Type?: string;
      Action?: string;
      Actor?: { ID?: string; Attributes?: Record<string, string> };
      time?: number;
      timeNano?: number;
    };
    if (!raw.Type || !raw.Action) return undefined;
    return {
      type: raw.Type,
      action: raw.Action,
      id: raw.Actor?.ID ?? '',
      time: raw.timeNano ? Math.floor(raw.timeNano / 1e6) : (raw.time ?? 0) * 1000,
      attributes: raw.Actor?.Attributes ?? {},
    };
  } catch {
    return undefined;
  }
}
