// The server's side of the diagnostics of the worker thread (LargeDocumentsThread.ts, diagnosticsThread.ts). Very
// large documents (see LARGE_DOCUMENT_CHARS) have their diagnostics computed there, in parallel, so that a
// 200,000-line file does not keep the server from answering completion or hover for the second or so a full check
// takes. One computation per document is under way at a time; versions that arrive meanwhile wait, and only the
// newest of them is computed next (the ones it replaced resolve with undefined: nothing to publish). A version the
// document has left by the time its turn comes is not computed either: the newer one is on its way.
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
  document: TextDocument;
  /** The version asked for (a TextDocument object is updated in place by later edits). */
  version: number;
  resolve: (diagnostics: DiagnosticsJson | undefined) => void;
}

export class DiagnosticsWorker {
  /** Per uri: the job the worker is doing, and the newest one waiting for it. */
  private readonly running = new Map<string, Job>();
  private readonly waiting = new Map<string, Job>();

  constructor(
    private readonly context: () => WorkerContext,
    private readonly onError: (message: string) => void,
    private readonly thread: LargeDocumentsThread,
  ) {
    thread.listen({
      message: (message) => {
        if (message.kind === 'diagnostics') this.finished(message.uri, message.json && new DiagnosticsJson(message.json));
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
      const job: Job = { document, version: document.version, resolve };
      if (this.running.has(document.uri)) {
        this.waiting.get(document.uri)?.resolve(undefined);
        this.waiting.set(document.uri, job);
      } else {
        this.start(job);
      }
    });
  }

  /** The document was closed: a version waiting is not computed (the thread is told by LargeDocumentsThread.close). */
  close(uri: string): void {
    this.waiting.get(uri)?.resolve(undefined);
    this.waiting.delete(uri);
  }

  private start(job: Job): void {
    const { document, version } = job;
    if (document.version !== version) {
      job.resolve(undefined);
      return;
    }
    this.running.set(document.uri, job);
    this.thread.sync(document);
    this.thread.post({ kind: 'diagnose', uri: document.uri, version, context: this.context() } satisfies ToWorker);
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
