// The server's side of the requests of the worker thread (LargeDocumentsThread.ts, requestsThread.ts). Very large
// documents (LARGE_DOCUMENT_CHARS) are served there: the server's thread never parses them, so an edit to a
// 200,000-line file costs it only the hand-over of the new text, and requests on every other document stay answered
// at once. The text of a version goes over once, before the first request or check of it; requests run in the order
// they were asked.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientFeatures } from '../service/negotiate';
import type { DocumentRequest } from '../service/requests';
import type { LargeDocumentsThread } from './LargeDocumentsThread';
import type { ToRequestsWorker, WorkerContext } from './protocol';

/** What the worker answered: the UTF-8 bytes of the answer's JSON, or a refusal with its reason. */
export interface WorkerAnswer {
  json?: Uint8Array;
  refused?: string;
}

export class RequestsWorker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (answer: WorkerAnswer) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly context: () => WorkerContext,
    private readonly features: () => ClientFeatures,
    private readonly onLog: (message: string) => void,
    private readonly thread: LargeDocumentsThread,
  ) {
    thread.listen({
      message: (message) => {
        if (message.kind === 'log') return this.onLog(message.message);
        if (message.kind !== 'answer') return;
        const request = this.pending.get(message.id);
        this.pending.delete(message.id);
        request?.resolve({ json: message.json, refused: message.refused });
      },
      // A thread that fails hands its requests back to the server's thread; the next large document starts a new one.
      failed: (why) => {
        this.onLog(why);
        this.fail(why);
      },
    });
  }

  /** Answers `method` on `document` in the worker; rejects when the worker failed (the caller answers itself). */
  request(document: TextDocument, method: DocumentRequest, params: unknown): Promise<WorkerAnswer> {
    return this.ask((id) => {
      this.thread.sync(document);
      return { kind: 'request', id, method, params, features: this.features(), context: this.context() };
    });
  }

  /** Workspace symbols among `documents` (their current versions). */
  workspaceSymbols(documents: readonly TextDocument[], query: string): Promise<WorkerAnswer> {
    return this.ask((id) => {
      for (const document of documents) this.thread.sync(document);
      return { kind: 'workspaceSymbols', id, query, context: this.context() };
    });
  }

  private ask(message: (id: number) => ToRequestsWorker): Promise<WorkerAnswer> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      try {
        this.thread.post(message(id));
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private fail(why: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) request.reject(new Error(why));
  }
}
