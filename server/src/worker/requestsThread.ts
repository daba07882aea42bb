// The requests of the worker thread of the very large documents: it answers every document request (completion,
// hover, outline, semantic tokens ...) on the documents the server hands over, with the same handlers as the server's
// own thread (service/requests.ts), so that parsing a 200,000-line file after each edit never holds up the server's
// thread. Answers go back as JSON made here; an answer the service keeps per version (outline, folding) is serialized
// once.
import type { MessagePort } from 'worker_threads';
import { isRefusal } from '../service/LanguageService';
import { clientFeatures, type ClientFeatures } from '../service/negotiate';
import { createServed, handleDocumentRequest } from '../service/requests';
import { SemanticTokensCache } from '../service/semanticDelta';
import { jsonBytes, type FromRequestsWorker, type ToThread } from './protocol';
import type { ThreadServices } from './threadServices';

const FILES_WAIT_MS = 3000;

/** Handles a message of the requests (`sync`, `request`, `workspaceSymbols`); false for any other message. */
export function requestsHandler(port: MessagePort, thread: ThreadServices): (message: ToThread) => boolean {
  const post = (message: FromRequestsWorker) => port.postMessage(message);
  let features: ClientFeatures = clientFeatures({});
  const keptJson = new WeakMap<object, string | null>();
  const served = createServed({
    document: (uri) => thread.documents.get(uri),
    serviceOf: (languageId) => thread.serviceOf(languageId),
    features: () => features,
    tokens: new SemanticTokensCache('w'),
    files: thread.files,
    filesWaitMs: FILES_WAIT_MS,
    guard: (feature, empty, run) => {
      try {
        return run();
      } catch (error) {
        post({ kind: 'log', message: `${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
        return empty;
      }
    },
    kept: (result) => {
      if (!keptJson.has(result)) keptJson.set(result, null);
    },
  });
  const json = (result: unknown): string => {
    if (typeof result !== 'object' || result === null || !keptJson.has(result)) return JSON.stringify(result ?? null);
    let text = keptJson.get(result);
    if (!text) keptJson.set(result, (text = JSON.stringify(result)));
    return text;
  };
  const answer = async (id: number, compute: () => unknown) => {
    try {
      const result = await compute();
      if (isRefusal(result)) return post({ kind: 'answer', id, refused: result.refused });
      const bytes = jsonBytes(json(result));
      port.postMessage({ kind: 'answer', id, json: bytes } satisfies FromRequestsWorker, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      post({ kind: 'log', message: `a request failed: ${error instanceof Error ? error.message : String(error)}` });
      post({ kind: 'answer', id, json: jsonBytes('null') });
    }
  };

  return (message) => {
    switch (message.kind) {
      case 'sync':
        thread.update(message.uri, message.languageId, message.version, message.text);
        return true;
      case 'request':
        thread.setContext(message.context);
        features = message.features;
        void answer(message.id, () => handleDocumentRequest(served, message.method, message.params));
        return true;
      case 'workspaceSymbols':
        thread.setContext(message.context);
        void answer(message.id, () => thread.services.flatMap((s) => s.workspaceSymbols?.(message.query) ?? []));
        return true;
      default:
        return false;
    }
  };
}
