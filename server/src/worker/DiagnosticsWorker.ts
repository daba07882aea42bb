// The server's side of the diagnostics worker thread (diagnosticsThread.ts). Very large documents (see
// LARGE_DOCUMENT_CHARS) have their diagnostics computed there, in parallel, so that a 200,000-line file does not
// keep the server from answering completion or hover for the second or so a full check takes. One computation
// per document is under way at a time; versions that arrive meanwhile wait, and only the newest of them is
// computed next (the ones it replaced resolve with undefined: nothing to publish).
import { Worker } from 'worker_threads';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FromWorker, ToWorker, WorkerContext } from './protocol';

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
  private worker: Worker | undefined;
  /** Per uri: the job the worker is doing, and the newest one waiting for it. */
  private readonly running = new Map<string, Job>();
  private readonly waiting = new Map<string, Job>();

  constructor(
    private readonly context: () => WorkerContext,
    private readonly onFilesRead: () => void,
    private readonly onError: (message: string) => void,
    /** The script the worker runs: the server's own bundle, which starts the worker's loop off the main thread. */
    private readonly script: string,
  ) {}

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
    this.worker?.postMessage({ kind: 'close', uri } satisfies ToWorker);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(job: Job): void {
    this.running.set(job.message.uri, job);
    this.thread().postMessage(job.message);
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

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { role: 'diagnostics' } });
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'filesRead') this.onFilesRead();
      else this.finished(message.uri, new DiagnosticsJson(message.json));
    });
    // A worker that fails ends its jobs without diagnostics; the next large document starts a new one.
    const failed = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.onError(why);
      for (const uri of [...this.running.keys()]) this.finished(uri, undefined);
    };
    worker.on('error', (error) => failed(`the diagnostics worker failed: ${error.message}`));
    worker.on('exit', (code) => failed(`the diagnostics worker ended (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
