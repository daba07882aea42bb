import type { ContainerSummary, EngineEndpoint, EngineEvent, ImageSummary } from './types';

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
  /** Follows the engine's event stream. Resolves once the stream is open. */
  events(handlers: EventHandlers): Promise<Disposable>;
  dispose(): void;
}
