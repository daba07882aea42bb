// The worker thread of the very large documents (the server's side: LargeDocumentsThread.ts): one ThreadServices, so
// one model per document version, behind both its diagnostics (diagnosticsThread.ts) and its requests
// (requestsThread.ts). Messages are handled in the order they come.
import type { MessagePort } from 'worker_threads';
import { diagnosticsHandler } from './diagnosticsThread';
import type { FromWorker, ToThread } from './protocol';
import { requestsHandler } from './requestsThread';
import { createThreadServices } from './threadServices';

export function runLargeDocumentsThread(port: MessagePort): void {
  const thread = createThreadServices(() => port.postMessage({ kind: 'filesRead' } satisfies FromWorker));
  const handlers = [diagnosticsHandler(port, thread), requestsHandler(port, thread)];
  port.on('message', (message: ToThread) => {
    if (message.kind === 'close') return thread.close(message.uri);
    for (const handle of handlers) if (handle(message)) return;
  });
}
