import type {
  ContainerStats,
  ContainerSummary,
  EngineEndpoint,
  EngineEvent,
  EngineVersion,
  ImageLayer,
  ImageRunDefaults,
  ImageSummary,
  NetworkSummary,
  ObjectKind,
  PruneResult,
  PullProgress,
  VolumeSummary,
} from './types';
import type { RegistryAuth } from './registryAuth';
import type { SwarmEngine } from './SwarmEngine';
import type { ContainerFiles } from './containerFiles';
import type { NetworkConnectOptions, RunOptions } from './containerOptions';

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

export interface Disposable {
  dispose(): void;
}

/** Handlers of one event subscription. Exactly one of onEnd is called, once, when the stream stops. */
export interface EventHandlers {
  onEvent(event: EngineEvent): void;
  /** The stream ended: the engine went away or the connection broke. `error` says why when known. */
  onEnd(error?: Error): void;
}

/** What the UI needs from a Docker engine. Errors are EngineError with a plain-words reason. */
export interface DockerEngine {
  readonly endpoint: EngineEndpoint;
  /**
   * The environment the docker CLI and docker-compose need to reach this same engine: DOCKER_HOST, plus the TLS
   * variables of a TCP engine; for an SSH engine a local socket that forwards over the same ssh settings.
   */
  cliEnv(): Record<string, string>;
  /** Resolves when the engine answers; rejects with an EngineError otherwise. */
  ping(): Promise<void>;
  /** Which engine answers (Docker Engine, Podman ...) and its version. */
  version(): Promise<EngineVersion>;
  listContainers(): Promise<ContainerSummary[]>;
  listImages(): Promise<ImageSummary[]>;
  /** Changes a container's state; resolves when the engine has done it. */
  containerAction(id: string, action: ContainerAction): Promise<void>;
  /**
   * Follows a container's output (stdout and stderr, the last `tail` lines first); `onText` gets the text as it
   * comes, `onEnd` once when the stream stops (the container was removed, the engine went away, or disposed).
   */
  followLogs(id: string, options: { timestamps: boolean; tail: number }, onText: (text: string) => void, onEnd: (error?: Error) => void): Promise<Disposable>;
  /** Removes a container (force: also a running one). */
  removeContainer(id: string, force: boolean): Promise<void>;
  listVolumes(): Promise<VolumeSummary[]>;
  listNetworks(): Promise<NetworkSummary[]>;
  /** The engine's full description of any object (`docker inspect`), as indented JSON text. */
  inspect(kind: ObjectKind, id: string): Promise<string>;
  /** Removes an image or one of its tags (`docker rmi`); force also removes it when stopped containers use it. */
  removeImage(reference: string, force: boolean): Promise<void>;
  /** Adds the tag repository:tag to an image. */
  tagImage(reference: string, repository: string, tag: string): Promise<void>;
  /** The image's layers, newest first (`docker history`). */
  imageHistory(reference: string): Promise<ImageLayer[]>;
  /**
   * Pulls an image (`docker pull`); every progress message of the engine goes to onProgress. Rejects with an
   * EngineError when the pull fails (the engine reports that inside the stream) or `signal` aborts it. `auth`:
   * the credentials for the image's registry (registryAuth.ts finds those `docker login` saved).
   */
  pullImage(reference: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal, auth?: RegistryAuth): Promise<void>;
  /**
   * Pushes repository:tag to its registry (`docker push`) with the engine's progress messages, as pullImage; `auth`:
   * the credentials for that registry only.
   */
  pushImage(repository: string, tag: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal, auth?: RegistryAuth): Promise<void>;
  /**
   * Creates and starts a container of the image in the background (`docker run -d`), its exposed ports
   * published on 127.0.0.1 at ports the engine picks. Resolves with the new container's id and name.
   */
  runContainer(image: string, options?: { name?: string }): Promise<{ id: string; name: string }>;
  /** The ports an image exposes and its own command, for Run with Options to offer. */
  imageRunDefaults(reference: string): Promise<ImageRunDefaults>;
  /**
   * Creates and starts a container with these options (`docker run --detach` with them), after checking every value
   * (containerOptions.ts: a bad one rejects with an Error saying which). A container the engine made but could not
   * start is removed again. Resolves with the new container's id and name.
   */
  runWithOptions(options: RunOptions): Promise<{ id: string; name: string }>;
  /** Connects a container (id or name) to a network (id or name), with aliases and a fixed IPv4 address when given. */
  connectNetwork(network: string, container: string, options: NetworkConnectOptions): Promise<void>;
  /** Disconnects a container from a network. */
  disconnectNetwork(network: string, container: string): Promise<void>;
  /** Follows a running container's resource use; one sample a second from the engine's stats stream. */
  followStats(id: string, onStats: (stats: ContainerStats) => void, onEnd: (error?: Error) => void): Promise<Disposable>;
  createVolume(name: string): Promise<void>;
  removeVolume(name: string): Promise<void>;
  createNetwork(name: string, driver: string): Promise<void>;
  removeNetwork(idOrName: string): Promise<void>;
  /** Removes stopped containers. */
  pruneContainers(signal?: AbortSignal): Promise<PruneResult>;
  /** Removes dangling images (untagged and unused). */
  pruneImages(signal?: AbortSignal): Promise<PruneResult>;
  /** Removes volumes no container uses: anonymous ones only, or (all) named ones too. */
  pruneVolumes(all: boolean, signal?: AbortSignal): Promise<PruneResult>;
  /** Removes networks no container uses (never the predefined bridge, host and none). */
  pruneNetworks(signal?: AbortSignal): Promise<PruneResult>;
  /** Removes the build cache that nothing uses. */
  pruneBuildCache(signal?: AbortSignal): Promise<PruneResult>;
  /** Swarm mode: the engine's part in a swarm, and (on a manager) services, tasks, nodes, secrets and configs. */
  readonly swarm: SwarmEngine;
  /** The files of containers, over the archive endpoints (containerFiles.ts). */
  readonly files: ContainerFiles;
  /** Follows the engine's event stream. Resolves once the stream is open. */
  events(handlers: EventHandlers): Promise<Disposable>;
  /** How many of the streams this engine followed (events, logs, stats) are still open: none ended or was disposed. */
  openStreams(): number;
  dispose(): void;
}
