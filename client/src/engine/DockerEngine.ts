import type { ContainerSummary, EngineEndpoint, EngineEvent, ImageSummary } from './types';

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
  /** Resolves when the engine answers; rejects with an EngineError otherwise. */
  ping(): Promise<void>;
  listContainers(): Promise<ContainerSummary[]>;
  listImages(): Promise<ImageSummary[]>;
  /** Changes a container's state; resolves when the engine has done it. */
  containerAction(id: string, action: ContainerAction): Promise<void>;
  /** The engine's full description of a container (`docker inspect`), as JSON text. */
  inspectContainer(id: string): Promise<string>;
  /**
   * Follows a container's output (stdout and stderr, the last `tail` lines first); `onText` gets the text as it
   * comes, `onEnd` once when the stream stops (the container was removed, the engine went away, or disposed).
   */
  followLogs(id: string, options: { timestamps: boolean; tail: number }, onText: (text: string) => void, onEnd: (error?: Error) => void): Promise<Disposable>;
  /** Removes a container (force: also a running one). */
  removeContainer(id: string, force: boolean): Promise<void>;
  /** Follows the engine's event stream. Resolves once the stream is open. */
  events(handlers: EventHandlers): Promise<Disposable>;
  dispose(): void;
}
