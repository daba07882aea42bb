// One stats view: a webview panel with the graphs of one or several containers, fed from the engine's stats stream
// (one stream per container, no polling). Streams run only while the panel is visible; a container that stops, is
// removed or whose stream fails shows so, and one that starts again is followed again. Only this side talks to the
// engine; the webview gets postMessage'd data (statsMessages.ts) and draws it (media/statsView.js).
import * as vscode from 'vscode';
import type { DockerEngine, Disposable } from '../engine/DockerEngine';
import type { ContainerSummary, EngineEvent } from '../engine/types';
import { reasonOf } from '../commands/shared';
import { newNonce, statsHtml } from './statsHtml';
import { containerMessage, parseWebviewMessage, STATUS_OF_EVENT, statusOf, STREAMING, type ContainerMessage, type StatsStatus, type ToWebview } from './statsMessages';
import { StatsWindow, type StatsPoint } from './statsWindow';

/** What a panel needs of the engine session whose rows it shows. */
export interface StatsSource {
  readonly engine: DockerEngine | undefined;
  readonly onDidReceiveEvent: vscode.Event<EngineEvent>;
  readonly onDidConnect: vscode.Event<void>;
  readonly onDidChangeState: vscode.Event<unknown>;
}

/** A container of the panel and its stream. */
interface Followed {
  readonly id: string;
  readonly name: string;
  status: StatsStatus;
  reason?: string;
  readonly window: StatsWindow;
  /** Samples of the stream followed now; all samples since the panel opened. */
  samples: number;
  received: number;
  stream?: Disposable;
  /** The engine of the stream (the session makes a new engine when its address changes). */
  engine?: DockerEngine;
  opening: boolean;
  /** Bumped whenever a stream starts or stops: the callbacks of an older stream are ignored. */
  generation: number;
  /** How many line points the webview said it drew last for this container. */
  drawn: number;
  /** Bumped whenever its status is set: what the engine said before is older news. */
  changes: number;
}

/** The panel as tests see it. */
export interface StatsPanelState {
  title: string;
  visible: boolean;
  /** Whether the webview said it is ready for data (again after it was shown again). */
  ready: boolean;
  containers: {
    id: string;
    name: string;
    status: StatsStatus;
    /** Whether a stats stream of the engine is open (or opening) for it. */
    streaming: boolean;
    samples: number;
    received: number;
    drawn: number;
    latest?: StatsPoint;
    message: ContainerMessage;
  }[];
}

export class StatsPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly followed: Followed[];
  private readonly listeners: vscode.Disposable[] = [];
  private readonly closed = new vscode.EventEmitter<void>();
  /** Fires once, when the panel is closed. */
  readonly onDidDispose = this.closed.event;
  private ready = false;
  private disposed = false;

  constructor(
    private readonly source: StatsSource,
    extensionUri: vscode.Uri,
    readonly title: string,
    containers: readonly ContainerSummary[],
  ) {
    this.followed = containers.map((container) => ({
      id: container.id,
      name: container.name,
      status: statusOf(container.state),
      window: new StatsWindow(),
      samples: 0,
      received: 0,
      opening: false,
      generation: 0,
      drawn: 0,
      changes: 0,
    }));
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('dockerWorkflows.stats', title, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media],
    });
    this.panel.iconPath = vscode.Uri.joinPath(media, 'docker.svg');
    const webview = this.panel.webview;
    webview.html = statsHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'statsView.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'statsView.css')).toString(),
      title,
    });
    this.listeners.push(
      webview.onDidReceiveMessage((message: unknown) => this.received(message)),
      // Hidden, the webview's page is thrown away (no retainContextWhenHidden) and the streams stop; shown again, the
      // page loads anew, says it is ready and gets the window kept meanwhile, and the streams start again.
      this.panel.onDidChangeViewState(() => (this.panel.visible ? this.resume() : this.pause())),
      this.panel.onDidDispose(() => this.dispose()),
      source.onDidReceiveEvent((event) => this.onEvent(event)),
      // The session connects anew (Retry, another address, trust): the streams of the engine it replaced ended with it
      // without a word.
      source.onDidChangeState(() => {
        for (const followed of this.followed) {
          if ((followed.stream || followed.opening) && followed.engine !== source.engine) this.setStatus(followed, 'failed', 'the connection to the engine was closed');
        }
      }),
      // The engine back: follow again what had failed (it may have stopped meanwhile: the stream says).
      source.onDidConnect(() => {
        for (const followed of this.followed) if (followed.status === 'failed') this.setStatus(followed, 'running');
        this.resume();
      }),
    );
    if (this.panel.visible) this.resume();
    void this.checkStates();
  }

  /**
   * The rows the panel opened from can be older than the engine's events (a container Compose Up started a moment
   * ago still shows as created, and its start event came before the panel listened): the engine's own list says how
   * each container is now, unless an event or its stream said so meanwhile. A failed list leaves things as they are.
   */
  private async checkStates(): Promise<void> {
    const engine = this.source.engine;
    if (!engine) return;
    const before = this.followed.map((followed) => followed.changes);
    const now = await engine.listContainers().catch(() => undefined);
    if (!now || this.disposed) return;
    this.followed.forEach((followed, i) => {
      if (followed.changes !== before[i] || followed.status === 'failed') return;
      const container = now.find((c) => c.id === followed.id);
      const status = container ? statusOf(container.state) : 'removed';
      if (status === followed.status) return;
      this.setStatus(followed, status);
      this.follow(followed);
    });
  }

  reveal(): void {
    this.panel.reveal();
  }

  state(): StatsPanelState {
    return {
      title: this.title,
      visible: this.panel.visible,
      ready: this.ready,
      containers: this.followed.map((followed) => ({
        id: followed.id,
        name: followed.name,
        status: followed.status,
        streaming: followed.stream !== undefined || followed.opening,
        samples: followed.samples,
        received: followed.received,
        drawn: followed.drawn,
        latest: followed.window.latest,
        message: this.messageOf(followed),
      })),
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.pause();
    for (const listener of this.listeners) listener.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
  }

  private messageOf(followed: Followed): ContainerMessage {
    return containerMessage({ ...followed, points: followed.window.points });
  }

  private post(message: ToWebview): void {
    if (this.ready && this.panel.visible && !this.disposed) void this.panel.webview.postMessage(message);
  }

  private update(followed: Followed): void {
    this.post({ type: 'container', container: this.messageOf(followed) });
  }

  private received(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (message?.type === 'ready') {
      this.ready = true;
      this.post({ type: 'containers', containers: this.followed.map((followed) => this.messageOf(followed)) });
    } else if (message?.type === 'drawn') {
      const followed = this.followed.find((f) => f.id === message.id);
      if (followed) followed.drawn = message.points;
    }
  }

  private onEvent(event: EngineEvent): void {
    const status = event.type === 'container' ? STATUS_OF_EVENT[event.action] : undefined;
    const followed = status && this.followed.find((f) => f.id === event.id);
    if (!status || !followed || followed.status === 'removed') return;
    this.setStatus(followed, status);
    if (STREAMING.has(status)) this.follow(followed);
  }

  private setStatus(followed: Followed, status: StatsStatus, reason?: string): void {
    if (!STREAMING.has(status)) this.unfollow(followed);
    followed.status = status;
    followed.reason = reason;
    followed.changes++;
    this.update(followed);
  }

  private resume(): void {
    for (const followed of this.followed) this.follow(followed);
  }

  private pause(): void {
    // The hidden page is thrown away: nothing is drawn until it loads again.
    this.ready = false;
    for (const followed of this.followed) {
      followed.drawn = 0;
      this.unfollow(followed);
    }
  }

  /** Opens the container's stats stream, unless one is open, the container does not run or the panel is hidden. */
  private follow(followed: Followed): void {
    if (followed.stream || followed.opening || !STREAMING.has(followed.status) || !this.panel.visible || this.disposed) return;
    const engine = this.source.engine;
    if (!engine) return this.setStatus(followed, 'failed', 'the engine cannot be reached');
    const generation = ++followed.generation;
    const current = () => followed.generation === generation;
    followed.engine = engine;
    followed.opening = true;
    followed.samples = 0;
    followed.window.startStream();
    engine
      .followStats(
        followed.id,
        (stats) => {
          if (!current()) return;
          followed.samples++;
          followed.received++;
          followed.window.add(stats, Date.now());
          this.update(followed);
        },
        (error) => {
          if (!current()) return;
          followed.stream = undefined;
          followed.generation++;
          // The stream of a container ends when it stops (engine/dockerodeStreams.ts); otherwise the engine went away.
          this.setStatus(followed, error ? 'failed' : 'stopped', error ? reasonOf(error) : undefined);
        },
      )
      .then(
        (subscription) => {
          followed.opening = false;
          if (current()) {
            followed.stream = subscription;
            return;
          }
          // Stopped while it opened; the panel may have been shown again meanwhile.
          subscription.dispose();
          this.follow(followed);
        },
        (error: unknown) => {
          followed.opening = false;
          if (!current()) return this.follow(followed);
          followed.generation++;
          const reason = reasonOf(error);
          if (reason.startsWith('there is no container')) this.setStatus(followed, 'removed');
          else this.setStatus(followed, 'failed', reason);
        },
      );
  }

  /** Ends the container's stream (the engine's HTTP stream is closed); a stream still opening is closed once open. */
  private unfollow(followed: Followed): void {
    followed.generation++;
    followed.stream?.dispose();
    followed.stream = undefined;
  }
}
