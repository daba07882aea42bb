// Keeps the extension in step with the engine: follows the event stream (no polling), hands every event on,
// and when the engine goes away reports why and reconnects with backoff until it is back.
// Free of the vscode API so that it is tested against a real dockerd in plain Node.
import type { Disposable, DockerEngine } from './DockerEngine';
import { EngineError, type EngineEvent } from './types';

export type EngineState = { kind: 'connecting' } | { kind: 'up' } | { kind: 'down'; error: EngineError };

export interface RefreshControllerOptions {
  engine: DockerEngine;
  /** Called on every change of state. */
  onState(state: EngineState): void;
  /** Called for every event of the engine's stream. */
  onEvent(event: EngineEvent): void;
  /** Called after every (re)connection: what was missed while away must be listed again. */
  onConnected(): void;
  /** Delays between reconnection attempts; the last one repeats. */
  retryDelaysMs?: number[];
}

/** Container events that do not change what a container list shows. */
const QUIET_ACTIONS = /^(exec_|attach$|detach$|resize$|top$|archive-path$|extract-to-dir$|export$|commit$)/;

export function isContainerChange(event: EngineEvent): boolean {
  return event.type === 'container' && !QUIET_ACTIONS.test(event.action);
}

export class RefreshController {
  private current: EngineState = { kind: 'connecting' };
  private subscription: Disposable | undefined;
  private retry: NodeJS.Timeout | undefined;
  private attempt = 0;
  /** Bumped by start/stop so that a connection attempt that outlived its run is dropped. */
  private generation = 0;
  private running = false;

  constructor(private readonly options: RefreshControllerOptions) {}

  get state(): EngineState {
    return this.current;
  }

  get engine(): DockerEngine {
    return this.options.engine;
  }

  /** Starts following the engine. Safe to call when already started. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.generation++;
    void this.connect(this.generation);
  }

  /** Stops following: closes the stream and all timers. */
  stop(): void {
    this.running = false;
    this.generation++;
    this.clearTimers();
    this.subscription?.dispose();
    this.subscription = undefined;
  }

  /** A call outside the controller (a list) failed: treat the engine as gone and start reconnecting. */
  reportFailure(error: EngineError): void {
    if (!this.running) return;
    this.subscription?.dispose();
    this.subscription = undefined;
    this.fail(error, this.generation);
  }

  dispose(): void {
    this.stop();
  }

  private async connect(generation: number): Promise<void> {
    try {
      await this.options.engine.ping();
      const subscription = await this.options.engine.events({
        onEvent: (event) => this.options.onEvent(event),
        onEnd: () => {
          if (generation !== this.generation || this.subscription !== subscription) return;
          this.subscription = undefined;
          // The stream broke. Reconnect at once: the ping tells whether the engine is really gone, and why.
          this.generation++;
          void this.connect(this.generation);
        },
      });
      if (generation !== this.generation) return subscription.dispose();
      this.subscription = subscription;
      this.attempt = 0;
      this.setState({ kind: 'up' });
      this.options.onConnected();
    } catch (error) {
      if (generation !== this.generation) return;
      const engineError =
        error instanceof EngineError ? error : new EngineError(this.options.engine.endpoint.url, String(error));
      this.fail(engineError, generation);
    }
  }

  private fail(error: EngineError, generation: number): void {
    this.setState({ kind: 'down', error });
    const delays = this.options.retryDelaysMs ?? [500, 1000, 2000, 3000];
    const delay = delays[Math.min(this.attempt, delays.length - 1)];
    this.attempt++;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      if (generation === this.generation && this.running) void this.connect(generation);
    }, delay);
  }

  private setState(state: EngineState): void {
    const same =
      state.kind === this.current.kind &&
      (state.kind !== 'down' || (this.current.kind === 'down' && this.current.error.reason === state.error.reason));
    this.current = state;
    if (!same) this.options.onState(state);
  }

  private clearTimers(): void {
    clearTimeout(this.retry);
  }
}
