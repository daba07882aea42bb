// The one worker thread of the very large documents (LARGE_DOCUMENT_CHARS), on the server's side: their diagnostics
// (DiagnosticsWorker) and every request on them (RequestsWorker) are computed there, on one model per document
// version (a thread per role would hold a model each: 45 MB each for a 2,000-service compose file, and parse every
// version twice). The thread is started when first needed and never holds the process open; one that fails or ends
// is started again by the next message.
import { Worker } from 'worker_threads';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FromRequestsWorker, FromWorker, ToThread, ToWorker } from './protocol';

/** What the thread sends back, for diagnostics or for a request. */
export type FromThread = FromWorker | FromRequestsWorker;

/**
 * Told of every message of the thread (each takes the kinds it knows; `filesRead` is the thread's own), and of its
 * failure.
 */
export interface ThreadListener {
  message(message: FromThread): void;
  failed(why: string): void;
}

/**
 * The young generation of the thread's heap at most (MiB). With V8's default, 48, the server took 250 MiB after
 * opening, editing and asking completion and hover on a 2,000-service compose file (bench/compose.mjs); with 24 it
 * takes 200, and open and edit to diagnostics take the same time within noise (3 interleaved rounds).
 */
const YOUNG_GENERATION_MB = 24;

export class LargeDocumentsThread {
  private worker: Worker | undefined;
  private readonly listeners: ThreadListener[] = [];
  /** The version of each document the thread has (absent: it has none). */
  private readonly synced = new Map<string, number>();

  constructor(
    /** The server's own bundle, which runs the thread's loop when it is started as a worker. */
    private readonly script: string,
    /** A file around a document was read in the thread: diagnostics computed before may change. */
    private readonly onFilesRead: () => void,
  ) {}

  listen(listener: ThreadListener): void {
    this.listeners.push(listener);
  }

  /** Sends a message, starting the thread when none is running. */
  post(message: ToThread): void {
    this.thread().postMessage(message);
  }

  /** Sends the document's text to the thread, once per version (before a check of it or a request on it). */
  sync(document: TextDocument): void {
    if (this.synced.get(document.uri) === document.version) return;
    const { uri, languageId, version } = document;
    this.post({ kind: 'sync', uri, languageId, version, text: document.getText() });
    this.synced.set(uri, version);
  }

  /** The document was closed: the thread forgets it (a new thread knows nothing to forget). */
  close(uri: string): void {
    if (!this.synced.delete(uri)) return;
    this.worker?.postMessage({ kind: 'close', uri } satisfies ToWorker);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { role: 'large' }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.on('message', (message: FromThread) => {
      if (message.kind === 'filesRead') return this.onFilesRead();
      for (const listener of this.listeners) listener.message(message);
    });
    const failed = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.synced.clear();
      for (const listener of this.listeners) listener.failed(why);
    };
    worker.on('error', (error) => failed(`the worker thread failed: ${error.message}`));
    worker.on('exit', (code) => failed(`the worker thread ended (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
