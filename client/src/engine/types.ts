// Our own shapes of what the engine reports. No dockerode type leaves engine/DockerodeEngine.ts.

export type ContainerState =
  | 'created'
  | 'running'
  | 'paused'
  | 'restarting'
  | 'removing'
  | 'exited'
  | 'dead'
  | 'unknown';

export interface PortBinding {
  /** Port inside the container. */
  privatePort: number;
  /** Port on the host, when published. */
  publicPort?: number;
  /** Host address the port is published on, when published. */
  hostIp?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface ContainerSummary {
  id: string;
  /** Name without the leading slash. */
  name: string;
  image: string;
  imageId: string;
  command: string;
  /** Milliseconds since the epoch. */
  created: number;
  state: ContainerState;
  /** The engine's human-readable status, e.g. "Up 3 minutes (healthy)". */
  status: string;
  ports: PortBinding[];
  labels: Record<string, string>;
  /** The Compose project this container belongs to, from its com.docker.compose.project label. */
  composeProject?: string;
  /** Health of a container with a health check, from the engine's status text ("Up 3 minutes (healthy)"). */
  health?: ContainerHealth;
  /** Network name -> the container's IP address on it ("" while it has none, e.g. when stopped); sorted by name. */
  networks: Record<string, string>;
  /** Sorted by destination. */
  mounts: MountSummary[];
  /** From the com.docker.compose.service label. */
  composeService?: string;
  /** From the com.docker.compose.project.working_dir label. */
  composeWorkingDir?: string;
  /** From the comma-separated com.docker.compose.project.config_files label; relative paths joined to the working folder. */
  composeConfigFiles?: string[];
}

export type ContainerHealth = 'healthy' | 'unhealthy' | 'starting';

export type MountType = 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image' | 'unknown';

export interface MountSummary {
  type: MountType;
  /** The volume's name for a volume, the host path for a bind mount; "" for tmpfs. */
  source: string;
  /** Path inside the container. */
  destination: string;
  readOnly: boolean;
}

export interface ImageSummary {
  /** sha256:... */
  id: string;
  /** e.g. ["python:3.12-slim"]; empty for a dangling image. */
  repoTags: string[];
  /** Bytes. */
  size: number;
  /** Milliseconds since the epoch. */
  created: number;
  labels: Record<string, string>;
}

export interface EngineEvent {
  /** container, image, volume, network ... */
  type: string;
  /** start, stop, die, destroy, create ... (for health: "health_status: healthy"). */
  action: string;
  /** Id of the object the event is about. */
  id: string;
  /** Milliseconds since the epoch. */
  time: number;
  attributes: Record<string, string>;
}

/** Where the extension talks to the engine, in a form to show the user. */
export interface EngineEndpoint {
  /** e.g. unix:///var/run/docker.sock or tcp://127.0.0.1:2376 */
  url: string;
  /** Where the choice came from: the setting, DOCKER_HOST, a docker context, or the default. */
  source: 'setting' | 'DOCKER_HOST' | 'context' | 'default';
  /** Name of the docker context, when source is "context". */
  context?: string;
}

/** What kind of failure: the view's welcome message picks its advice by this (see package.json viewsWelcome). */
export type EngineFailure =
  | 'no-socket'
  | 'refused'
  | 'permission'
  | 'closed'
  | 'host-not-found'
  | 'timeout'
  | 'engine-error'
  | 'bad-address'
  | 'other'
  /** ssh: the server's host key is unknown or not the saved one. */
  | 'host-key'
  /** ssh: the server refused the login (key, user). */
  | 'login-refused'
  /** ssh: no ssh program, no docker on the remote host, an unusable ssh configuration. */
  | 'ssh'
  /** TLS: a certificate was refused (expired, another CA, another host name) or its files are missing. */
  | 'certificate'
  /** Not a failure of the engine: the user cancelled the call (a pull, a prune). */
  | 'cancelled';

/** An engine failure in plain words. `reason` is short enough for a view message. */
export class EngineError extends Error {
  constructor(
    readonly endpoint: string,
    readonly reason: string,
    readonly failure: EngineFailure = 'other',
  ) {
    super(
      failure === 'engine-error'
        ? `The Docker engine at ${endpoint} refused: ${reason}`
        : failure === 'cancelled'
          ? `Cancelled: ${reason}`
          : `Cannot reach the Docker engine at ${endpoint}: ${reason}`,
    );
    this.name = 'EngineError';
  }
}

export interface VolumeSummary {
  name: string;
  /** e.g. "local". */
  driver: string;
  mountpoint: string;
  /** "local" or "global". */
  scope: string;
  /** Milliseconds since the epoch, when the engine reports it. */
  created?: number;
  labels: Record<string, string>;
}

/** Who answers the Engine API: Docker's engine, or a Docker-compatible one such as Podman. */
export interface EngineVersion {
  /** "Docker Engine", "Podman Engine" ... as the engine names itself. */
  product: string;
  version: string;
  apiVersion: string;
  /** Podman's Docker-compatible API: no Swarm, no network events, Compose labels from podman-compose. */
  podman: boolean;
}

export interface NetworkSummary {
  id: string;
  name: string;
  /** bridge, host, null, overlay, macvlan ... */
  driver: string;
  /** local, swarm or global. */
  scope: string;
  internal: boolean;
  /** Milliseconds since the epoch. */
  created: number;
  labels: Record<string, string>;
  /** First IPAM subnet, e.g. "172.18.0.0/16", when it has one. */
  subnet?: string;
  /**
   * Container id -> address on this network, when the engine's network list carries them (Podman's does; Docker's
   * only in inspect). Podman names its default network "bridge" in the list and "podman" in the containers' own
   * records, so this is how they are matched there.
   */
  containers?: Record<string, string>;
}

/** One layer of an image's history (`docker history`), newest first. */
export interface ImageLayer {
  /** The layer's image id, or "<missing>" for layers built elsewhere. */
  id: string;
  /** Milliseconds since the epoch. */
  created: number;
  /** The instruction that made the layer. */
  createdBy: string;
  /** Bytes. */
  size: number;
  tags: string[];
  comment: string;
}

/** What a prune removed and how many bytes it freed. */
export interface PruneResult {
  /** Ids or names of what was removed. */
  removed: string[];
  spaceReclaimed: number;
}

/** One sample of a container's resource use (`docker stats`). */
export interface ContainerStats {
  /** When the engine took the sample (milliseconds since the epoch, the engine's clock), when it says. */
  read?: number;
  /** Per cent of one CPU (200 = two CPUs busy), as `docker stats` computes it. */
  cpuPercent: number;
  /** Bytes in use (without the page cache, as `docker stats` shows it). */
  memoryUsage: number;
  /** Bytes the container may use. */
  memoryLimit: number;
  /** memoryUsage as a share of memoryLimit, in per cent (0 without a limit). */
  memoryPercent: number;
  /** Bytes received and sent since the container started, over all its interfaces. */
  networkRx: number;
  networkTx: number;
  /** Bytes read from and written to block devices since the container started. */
  blockRead: number;
  blockWrite: number;
  pids: number;
}

/** One progress message of a pull, as the engine streams it. */
export interface PullProgress {
  /** Layer id, when the message is about one layer. */
  id?: string;
  /** e.g. "Downloading", "Pull complete", "Status: Downloaded newer image for busybox:latest". */
  status: string;
  /** Bytes done and total of the layer, while it downloads or extracts. */
  current?: number;
  total?: number;
}

/** Kinds of objects the engine can describe with inspect. */
export type ObjectKind = 'container' | 'image' | 'volume' | 'network';

/** Docker's own networks, which always exist and cannot be removed (by exact name, as the engine compares). */
const PREDEFINED_NETWORKS: ReadonlySet<string> = new Set(['bridge', 'host', 'none']);

export function isPredefinedNetwork(name: string): boolean {
  return PREDEFINED_NETWORKS.has(name);
}

/** A name the engine made up for a volume created without one. */
export function isAnonymousVolume(name: string): boolean {
  return /^[0-9a-f]{64}$/.test(name);
}

/** What an image brings for running it: the ports it exposes and its own command, as Run with Options offers them. */
export interface ImageRunDefaults {
  /** From EXPOSE, sorted by port then protocol. */
  exposedPorts: { port: number; protocol: 'tcp' | 'udp' | 'sctp' }[];
  /** The image's CMD ([] when it has none). */
  command: string[];
  /** The image's ENTRYPOINT ([] when it has none). */
  entrypoint: string[];
}
