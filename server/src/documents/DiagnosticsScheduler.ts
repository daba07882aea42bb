// Debounced diagnostics: after an edit, wait a moment for more typing, then compute for the latest version
// only. A version that was superseded before its turn is never computed nor published. The wait adapts to
// the document: as long as its last computation took, within [minDelayMs, maxDelayMs], so a small file
// answers at once while a huge one does not recompute on every keystroke of a fast typist.
// Loaded with the server: Node's global `performance` loads the module at its first use, the first document's check.
import { performance } from 'perf_hooks';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface DiagnosticsSchedulerOptions<T extends object = Diagnostic[]> {
  minDelayMs: number;
  maxDelayMs: number;
  /**
   * The document's diagnostics, or a promise of them (work done elsewhere, e.g. in a worker thread); a promise
   * of undefined means the work was superseded by a newer version and nothing is published.
   */
  compute(document: TextDocument): T | Promise<T | undefined>;
  publish(uri: string, version: number, diagnostics: T): void;
  /** Current document for a uri (undefined once closed). */
  current(uri: string): TextDocument | undefined;
}

export class DiagnosticsScheduler<T extends object = Diagnostic[]> {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** How long the last computation of each document took, in ms. */
  private readonly cost = new Map<string, number>();
  /** The version of each document whose diagnostics were published last. */
  private readonly published = new Map<string, number>();

  constructor(private readonly options: DiagnosticsSchedulerOptions<T>) {}

  /**
   * Computes the document's diagnostics now (`immediately`: on open, or when the settings change) or after the
   * wait. A wait for a version already published does nothing: opening a document also reports it changed.
   */
  schedule(document: TextDocument, immediately = false): void {
    if (!immediately && this.published.get(document.uri) === document.version) return;
    clearTimeout(this.timers.get(document.uri));
    const run = () => {
      this.timers.delete(document.uri);
      const latest = this.options.current(document.uri);
      if (!latest || latest.version !== document.version) return;
      const started = performance.now();
      // The version now: a document object is updated in place by later edits (TextDocument.update).
      const { uri, version } = latest;
      const computed = this.options.compute(latest);
      const publish = (diagnostics: T | undefined) => {
        this.cost.set(uri, performance.now() - started);
        // Work done elsewhere may finish after a newer version came, or after the document closed, also when it was
        // opened again meanwhile (a new document object, whose first version may have the same number).
        const now = this.options.current(uri);
        if (!diagnostics || now !== latest || now.version !== version) return;
        this.published.set(uri, version);
        this.options.publish(uri, version, diagnostics);
      };
      if (computed instanceof Promise) void computed.then(publish, () => undefined);
      else publish(computed);
    };
    if (immediately) return run();
    this.timers.set(document.uri, setTimeout(run, this.delay(document.uri)));
  }

  /** The wait before computing the document's diagnostics after an edit. */
  delay(uri: string): number {
    const { minDelayMs, maxDelayMs } = this.options;
    return Math.min(maxDelayMs, Math.max(minDelayMs, this.cost.get(uri) ?? 0));
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.cost.delete(uri);
    this.published.delete(uri);
  }
}
