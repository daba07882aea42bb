// The diagnostics of the worker thread of the very large documents: it computes the diagnostics of the documents the
// server hands over, with the same two language services as the server, so that the server's own thread stays free
// to answer meanwhile. The thread keeps the last model of each document (the parsers reuse what an edit did not
// touch), shared with the requests it answers (requestsThread.ts), and reads the files around them through its own
// FileAccess.
import type { MessagePort } from 'worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { jsonBytes, type FromWorker, type ToThread } from './protocol';
import type { ThreadServices } from './threadServices';

/** Handles a diagnostics message (`diagnose`); false for any other message. */
export function diagnosticsHandler(port: MessagePort, thread: ThreadServices): (message: ToThread) => boolean {
  return (message) => {
    if (message.kind !== 'diagnose') return false;
    thread.setContext(message.context);
    const document = thread.documents.get(message.uri);
    if (document?.version !== message.version) {
      // A newer version came meanwhile (its own check follows), or the document was closed: nothing to publish.
      port.postMessage({ kind: 'diagnostics', uri: message.uri, version: message.version } satisfies FromWorker);
      return true;
    }
    let diagnostics: Diagnostic[] = [];
    try {
      diagnostics = thread.serviceOf(document.languageId)?.diagnostics(document) ?? [];
    } catch {
      // As on the server's thread: a failing computation publishes nothing rather than ending the worker.
    }
    const json = jsonBytes(JSON.stringify(diagnostics));
    port.postMessage({ kind: 'diagnostics', uri: message.uri, version: message.version, json } satisfies FromWorker, [json.buffer as ArrayBuffer]);
    return true;
  };
}
