// The diagnostics worker thread: the same two language services as the server, computing the diagnostics of the
// documents the server hands over (the very large ones), so that the server's own thread stays free to answer
// completion, hover and the rest meanwhile. It keeps the last model of each document it was given (the parsers
// reuse what an edit did not touch) and reads the files around them through its own FileAccess.
import type { MessagePort } from 'worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { jsonBytes, type FromWorker, type ToWorker } from './protocol';
import { createThreadServices } from './threadServices';

export function runDiagnosticsThread(port: MessagePort): void {
  const post = (message: FromWorker) => port.postMessage(message);
  const thread = createThreadServices(() => post({ kind: 'filesRead' }));

  port.on('message', (message: ToWorker) => {
    if (message.kind === 'close') return thread.close(message.uri);
    thread.setContext(message.context);
    const document = thread.update(message.uri, message.languageId, message.version, message.text);
    let diagnostics: Diagnostic[] = [];
    try {
      diagnostics = thread.serviceOf(message.languageId)?.diagnostics(document) ?? [];
    } catch {
      // As on the server's thread: a failing computation publishes nothing rather than ending the worker.
    }
    const json = jsonBytes(JSON.stringify(diagnostics));
    port.postMessage({ kind: 'diagnostics', uri: message.uri, version: message.version, json } satisfies FromWorker, [json.buffer as ArrayBuffer]);
  });
}
