// When the language server exits or its start fails: restart it within a budget (as vscode-languageclient's own
// default does: at most 5 restarts within 3 minutes), and tell the user once, with the reason, when it gives up.
// Pure (no vscode import): languageClient.ts wires it to the LanguageClient, and it is unit-tested in plain Node.

/** At most `maxRestarts` restarts within `windowMs`: the next exit in that window is one too many. */
export class RestartPolicy {
  private exits: number[] = [];

  constructor(
    readonly maxRestarts = 5,
    readonly windowMs = 3 * 60_000,
  ) {}

  /** The server stopped at `now` (ms): whether to start it again. */
  onExit(now: number): boolean {
    this.exits = this.exits.filter((at) => now - at < this.windowMs);
    this.exits.push(now);
    return this.exits.length <= this.maxRestarts;
  }

  /** The exits within the window as of the last one. */
  get recentExits(): number {
    return this.exits.length;
  }
}

export type LanguageServerState = 'starting' | 'running' | 'restarting' | 'failed' | 'disposed';

export interface LanguageServerStatus {
  state: LanguageServerState;
  /** Restarts after an exit, since activation. */
  restarts: number;
  /** The one failure message shown, once the server is given up. */
  failure?: string;
}

export interface MonitorHooks {
  /** Starts the client (and its server); resolves once it runs. */
  start(): Promise<void>;
  /** Shows the failure to the user (once), with a way to the output channel. */
  showFailure(message: string): void;
  now(): number;
  /** Runs `run` after `ms`; the answer cancels it. */
  setTimer(run: () => void, ms: number): () => void;
}

/** The server's own last words the client logs ("Server process exited with code 1."), in plain words. */
const EXIT_LOG = /^Server process exited with (code|signal) (\S+?)\.?$/;

/**
 * Follows the language server through starts, exits and restarts. Every failure is shown at most once: the server
 * restarts quietly (the output channel keeps the details) until the budget is spent, and only then is the user told.
 */
export class LanguageServerMonitor {
  private attempt: { closed: boolean } | undefined;
  private state: LanguageServerState = 'starting';
  private restarts = 0;
  private failure: string | undefined;
  private exitReason: string | undefined;
  private cancelTimer: (() => void) | undefined;
  private markReady: () => void = () => undefined;
  /** Resolves when the server first runs (after restarts too); stays pending while it never does. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    private readonly hooks: MonitorHooks,
    private readonly policy = new RestartPolicy(),
    private readonly restartDelayMs = 250,
  ) {}

  /** Starts the server (first start and every restart). */
  start(): void {
    if (this.state === 'disposed') return;
    const attempt = { closed: false };
    this.attempt = attempt;
    this.state = this.restarts > 0 ? 'restarting' : 'starting';
    this.hooks.start().then(
      () => {
        if (this.attempt !== attempt || attempt.closed || this.state === 'disposed') return;
        this.state = 'running';
        this.markReady();
      },
      (error: unknown) => {
        // A start that ended because the server exited is closed() business (restart or give up).
        if (attempt.closed || this.state === 'disposed') return;
        this.fail(`did not start: ${reasonOf(error)}`);
      },
    );
  }

  /** Every error the client logs: keeps the server's exit code or signal as the reason to show. */
  logged(message: string): void {
    const exit = EXIT_LOG.exec(message);
    if (exit) this.exitReason = `its process exited with ${exit[1]} ${exit[2]}`;
  }

  /** The connection to the server closed (it exited or crashed): restart within the budget, else give up and say so. */
  closed(): 'restart' | 'stop' {
    if (this.attempt) this.attempt.closed = true;
    if (this.state === 'disposed' || this.state === 'failed') return 'stop';
    if (this.policy.onExit(this.hooks.now())) {
      this.restarts++;
      this.state = 'restarting';
      this.cancelTimer?.();
      this.cancelTimer = this.hooks.setTimer(() => {
        this.cancelTimer = undefined;
        this.start();
      }, this.restartDelayMs);
      return 'restart';
    }
    const minutes = Math.round(this.policy.windowMs / 60_000);
    const last = this.exitReason ? ` (last time ${this.exitReason})` : '';
    this.fail(`stopped ${plural(this.policy.recentExits, 'time')} within ${plural(minutes, 'minute')}${last} and is not restarted again`);
    return 'stop';
  }

  /** An error on the connection (`count` so far): carry on for the first 3, then stop the server and say why. */
  errored(count: number | undefined, reason: string): 'continue' | 'shutdown' {
    if (count !== undefined && count <= 3) return 'continue';
    this.fail(`was stopped after repeated errors on its connection: ${reason}`);
    return 'shutdown';
  }

  status(): LanguageServerStatus {
    return { state: this.state, restarts: this.restarts, ...(this.failure !== undefined ? { failure: this.failure } : {}) };
  }

  dispose(): void {
    this.state = 'disposed';
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private fail(what: string): void {
    if (this.state === 'disposed') return;
    this.state = 'failed';
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (this.failure !== undefined) return;
    this.failure = `The Docker language server ${what}.`;
    this.hooks.showFailure(this.failure);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[.\s]+$/, '') || 'no reason given';
}
