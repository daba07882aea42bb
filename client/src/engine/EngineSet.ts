// Several engines at once: the docker contexts that the docker-workflows.engines setting names, each with a session
// of its own (its own event stream, its own shared lists). With fewer than two names the set is empty and every view
// shows the one engine of the main session, as before. A context whose address is the main session's shares that
// session (one event stream per engine, never two).
import * as vscode from 'vscode';
import type { DockerEngine } from './DockerEngine';
import { EngineSession } from './EngineSession';

export interface EngineEntry {
  /** The context's name, as the setting names it. */
  readonly name: string;
  readonly session: EngineSession;
  /** The context cannot be used (no such context, an address that cannot be read): why, in plain words. */
  readonly problem?: string;
}

/** What the set needs from the extension: the names wanted, and an engine for a context. */
export interface EngineSetSource {
  /** The context names of docker-workflows.engines (in Restricted Mode only the user's own value). */
  names(): string[];
  /** The context's engine, or a problem with the context. */
  engineFor(name: string): { engine: () => DockerEngine; address: string } | { problem: string };
  /** The address of the main session's engine (a context at that address shares the main session). */
  mainAddress(): string | undefined;
}

export class EngineSet implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the engines shown change (the setting changed). */
  readonly onDidChange = this.changed.event;
  private current: EngineEntry[] = [];
  /** Sessions this set made (not the main one), to dispose. */
  private owned: EngineSession[] = [];

  constructor(
    private readonly main: EngineSession,
    private readonly source: EngineSetSource,
  ) {}

  /** The engines shown side by side; empty when the views show only the main session's engine. */
  get entries(): readonly EngineEntry[] {
    return this.current;
  }

  get multiple(): boolean {
    return this.current.length > 1;
  }

  /** Every session the views read: the main one alone, or the set's. */
  sessions(): EngineSession[] {
    return this.multiple ? this.current.map((entry) => entry.session) : [this.main];
  }

  /** Reads the setting again and makes the sessions it names (one context: today's single layout). */
  reload(): void {
    for (const session of this.owned) session.dispose();
    this.owned = [];
    const names = [...new Set(this.source.names().map((name) => name.trim()).filter(Boolean))];
    this.current =
      names.length < 2
        ? []
        : names.map((name) => {
            const made = this.source.engineFor(name);
            if ('problem' in made) {
              const session = new EngineSession(() => {
                throw new Error(made.problem);
              });
              this.owned.push(session);
              session.connect();
              return { name, session, problem: made.problem };
            }
            if (made.address === this.source.mainAddress()) return { name, session: this.main };
            const session = new EngineSession(made.engine);
            this.owned.push(session);
            session.connect();
            return { name, session };
          });
    this.changed.fire();
  }

  dispose(): void {
    for (const session of this.owned) session.dispose();
    this.owned = [];
    this.current = [];
    this.changed.dispose();
  }
}
