// The server's side of the diagnostics of the worker thread (LargeDocumentsThread.ts, diagnosticsThread.ts). Very
// large documents (see LARGE_DOCUMENT_CHARS) have their diagnostics computed there, in parallel, so that a 200,000-line file does not
// keep the server from answering completion or hover for the second or so a full check takes. One computation
// per document is under way at a time; versions that arrive meanwhile wait, and only the newest of them is
// computed next (the ones it replaced resolve with undefined: nothing to publish).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LargeDocumentsThread } from './LargeDocumentsThread';
import type { ToWorker, WorkerContext } from './protocol';

/** Documents longer than this (about 40,000 lines) are checked in the worker. */
export const LARGE_DOCUMENT_CHARS = 1024 * 1024;

/** A document's diagnostics as the UTF-8 bytes of their array's JSON, made by the worker (sent as is over stdio). */
export class DiagnosticsJson {
  constructor(readonly json: Uint8Array) {}
}

interface Job {
  /** What to check, taken when asked (a TextDocument object is updated in place by later edits). */
  message: Extract<ToWorker, { kind: 'diagnose' }>;
  resolve: (diagnostics: DiagnosticsJson | undefined) => void;
}

export class DiagnosticsWorker {
  /** Per uri: the job the worker is doing, and the newest one waiting for it. */
  private readonly running = new Map<string, Job>();
  private readonly waiting = new Map<string, Job>();

  constructor(
    private readonly context: () => WorkerContext,
    private readonly onFilesRead: () => void,
    private readonly onError: (message: string) => void,
    private readonly thread: LargeDocumentsThread,
  ) {
    thread.listen({
      message: (message) => {
        if (message.kind === 'filesRead') this.onFilesRead();
        else if (message.kind === 'diagnostics') this.finished(message.uri, new DiagnosticsJson(message.json));
      },
      // A thread that fails ends its jobs without diagnostics; the next large document starts a new one.
      failed: (why) => {
        this.onError(why);
        for (const uri of [...this.running.keys()]) this.finished(uri, undefined);
      },
    });
  }

  /** The document's diagnostics computed in the worker, as JSON; undefined when a newer version replaced this one. */
  diagnose(document: TextDocument): Promise<DiagnosticsJson | undefined> {
    return new Promise((resolve) => {
      const { uri, languageId, version } = document;
      const job: Job = { message: { kind: 'diagnose', uri, languageId, version, text: document.getText(), context: this.context() }, resolve };
      if (this.running.has(document.uri)) {
        this.waiting.get(document.uri)?.resolve(undefined);
        this.waiting.set(document.uri, job);
      } else {
        this.start(job);
      }
    });
  }

  close(uri: string): void {
    this.waiting.get(uri)?.resolve(undefined);
    this.waiting.delete(uri);
    this.thread.postIfRunning({ kind: 'close', uri } satisfies ToWorker);
  }

  private start(job: Job): void {
    this.running.set(job.message.uri, job);
    this.thread.post(job.message);
  }

  private finished(uri: string, diagnostics: DiagnosticsJson | undefined): void {
    this.running.get(uri)?.resolve(diagnostics);
    this.running.delete(uri);
    const next = this.waiting.get(uri);
    if (next) {
      this.waiting.delete(uri);
      this.start(next);
    }
  }
}
