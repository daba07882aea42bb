// The diagnostics worker thread: the same two language services as the server, computing the diagnostics of the
// documents the server hands over (the very large ones), so that the server's own thread stays free to answer
// completion, hover and the rest meanwhile. It keeps the last model of each document it was given (the parsers
// reuse what an edit did not touch) and reads the files around them through its own FileAccess.
import * as fs from 'fs';
import type { MessagePort } from 'worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createComposeService } from '../compose/service';
import { createDockerfileService } from '../dockerfile/service';
import { accessSettings, FileAccess } from '../documents/FileAccess';
import type { ServiceHost } from '../service/LanguageService';
import type { FromWorker, ToWorker, WorkerContext } from './protocol';

export function runDiagnosticsThread(port: MessagePort): void {
  let context: WorkerContext = { settings: {}, images: [], roots: [] };
  const documents = new Map<string, TextDocument>();
  const post = (message: FromWorker) => port.postMessage(message);
  const files = new FileAccess(() => accessSettings(context.settings.files, context.roots), () => post({ kind: 'filesRead' }));
  const hostFor = (languageId: string): ServiceHost => ({
    files,
    settings: () => context.settings,
    images: () => context.images,
    openDocuments: () => [...documents.values()].filter((d) => d.languageId === languageId),
    openDocument: (uri) => documents.get(uri),
    fileExists: (path) => fs.existsSync(path),
  });
  const services = [createDockerfileService(hostFor('dockerfile')), createComposeService(hostFor('dockercompose'))];

  port.on('message', (message: ToWorker) => {
    if (message.kind === 'close') {
      documents.delete(message.uri);
      for (const service of services) service.close?.(message.uri);
      return;
    }
    context = message.context;
    const document = TextDocument.create(message.uri, message.languageId, message.version, message.text);
    documents.set(message.uri, document);
    let diagnostics: ReturnType<(typeof services)[number]['diagnostics']> = [];
    try {
      diagnostics = services.find((s) => s.languageId === message.languageId)?.diagnostics(document) ?? [];
    } catch {
      // As on the server's thread: a failing computation publishes nothing rather than ending the worker.
    }
    post({ kind: 'diagnostics', uri: message.uri, version: message.version, diagnostics });
  });
}
