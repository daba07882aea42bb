// Debounced diagnostics: after an edit, wait a moment for more typing, then compute for the latest version
// only. A version that was superseded before its turn is never computed nor published.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface DiagnosticsSchedulerOptions {
  delayMs: number;
  compute(document: TextDocument): Diagnostic[];
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  /** Current document for a uri (undefined once closed). */
  current(uri: string): TextDocument | undefined;
}

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: DiagnosticsSchedulerOptions) {}

  schedule(document: TextDocument, immediately = false): void {
    clearTimeout(this.timers.get(document.uri));
    const run = () => {
      this.timers.delete(document.uri);
      const latest = this.options.current(document.uri);
      if (!latest || latest.version !== document.version) return;
      this.options.publish(latest.uri, latest.version, this.options.compute(latest));
    };
    if (immediately) return run();
    this.timers.set(document.uri, setTimeout(run, this.options.delayMs));
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }
}
