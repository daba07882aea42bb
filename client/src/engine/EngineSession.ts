import * as vscode from 'vscode';
import { RefreshController, type EngineState } from './RefreshController';
import type { DockerEngine } from './DockerEngine';
import { EngineLists, LIST_KINDS, type ListKind } from './EngineLists';
import { EngineError, type EngineEndpoint, type EngineEvent, type EngineVersion } from './types';

/**
 * The extension's one link to the engine: resolves the address, follows the single event stream, and tells
 * every consumer (views, status bar, the language server's image list) about state changes and events.
 */
export class EngineSession implements vscode.Disposable {
  private readonly stateChanged = new vscode.EventEmitter<EngineState>();
  private readonly eventReceived = new vscode.EventEmitter<EngineEvent>();
  private readonly connected = new vscode.EventEmitter<void>();
  private readonly listsChanged = new vscode.EventEmitter<ReadonlySet<ListKind>>();
  private readonly identified = new vscode.EventEmitter<EngineVersion | undefined>();
  /** Fires on every change of state (connecting, up, down with a new reason). */
  readonly onDidChangeState = this.stateChanged.event;
  /** Fires for every event of the engine's stream. */
  readonly onDidReceiveEvent = this.eventReceived.event;
  /** Fires after every (re)connection: lists must be read again. */
  readonly onDidConnect = this.connected.event;
  /** Fires once per burst of events with the lists that changed (and for all of them on connect and disconnect). */
  readonly onDidChangeLists = this.listsChanged.event;
  /** Fires when the engine's identity was read after a connection (or forgotten when it went down). */
  readonly onDidIdentify = this.identified.event;
  /** The engine's lists, read once per burst and shared by every consumer. */
  readonly lists = new EngineLists({
    engine: () => (this.current.kind === 'up' ? this.currentEngine : undefined),
    onFailure: (error) => this.reportFailure(error),
    onChange: (kinds) => this.listsChanged.fire(kinds),
  });
  private controller: RefreshController | undefined;
  private current: EngineState = { kind: 'connecting' };
  private currentEngine: DockerEngine | undefined;
  private currentIdentity: EngineVersion | undefined;

  constructor(private readonly createEngine: () => DockerEngine) {}

  get state(): EngineState {
    return this.current;
  }

  /** The engine while one could be made from the settings (also while it is down). */
  get engine(): DockerEngine | undefined {
    return this.currentEngine;
  }

  /** Which engine answers (Docker Engine, Podman ...) and its version: read once per connection. */
  get identity(): EngineVersion | undefined {
    return this.currentIdentity;
  }

  get endpoint(): EngineEndpoint | undefined {
    return this.currentEngine?.endpoint;
  }

  /** Resolves the address again (settings, DOCKER_HOST, docker context) and connects. */
  connect(): void {
    this.close();
    try {
      this.currentEngine = this.createEngine();
    } catch (error) {
      // An address that cannot be used at all: nothing to retry until the setting changes.
      const reason = error instanceof Error ? error.message : String(error);
      return this.setState({ kind: 'down', error: new EngineError('the configured address', reason, 'bad-address') });
    }
    this.setState({ kind: 'connecting' });
    this.controller = new RefreshController({
      engine: this.currentEngine,
      onState: (state) => this.setState(state),
      onEvent: (event) => {
        this.lists.handleEvent(event);
        this.eventReceived.fire(event);
      },
      onConnected: () => {
        this.lists.invalidateAll();
        this.connected.fire();
        void this.identify();
      },
    });
    this.controller.start();
  }

  /** A call of a consumer failed with an engine error: treat the engine as gone and reconnect. */
  reportFailure(error: EngineError): void {
    this.controller?.reportFailure(error);
  }

  dispose(): void {
    this.close();
    this.lists.dispose();
    this.listsChanged.dispose();
    this.stateChanged.dispose();
    this.eventReceived.dispose();
    this.connected.dispose();
    this.identified.dispose();
  }

  private close(): void {
    this.controller?.dispose();
    this.currentEngine?.dispose();
    this.controller = undefined;
    this.currentEngine = undefined;
  }

  private async identify(): Promise<void> {
    const engine = this.currentEngine;
    try {
      const identity = await engine?.version();
      if (!identity || engine !== this.currentEngine || this.current.kind !== 'up') return;
      this.currentIdentity = identity;
      this.identified.fire(identity);
    } catch {
      // Unknown: the views treat it as Docker's; the state change that follows a failure says why.
    }
  }

  private setState(state: EngineState): void {
    const wasUp = this.current.kind === 'up';
    this.current = state;
    if (state.kind !== 'up' && this.currentIdentity) {
      this.currentIdentity = undefined;
      this.identified.fire(undefined);
    }
    this.stateChanged.fire(state);
    // While the engine is not up the lists read as empty: tell the consumers.
    if (wasUp && state.kind !== 'up') this.listsChanged.fire(new Set(LIST_KINDS));
  }
}
