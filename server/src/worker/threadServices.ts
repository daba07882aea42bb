// What the worker thread of the very large documents holds (its diagnostics and requests handlers, diagnosticsThread.ts
// and requestsThread.ts, share it): the documents the server handed over, the same two language services as the
// server's thread, and its own FileAccess under the server's settings.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createComposeService } from '../compose/service';
import { createDockerfileService } from '../dockerfile/service';
import { accessSettings, FileAccess } from '../documents/FileAccess';
import type { LanguageService, ServiceHost } from '../service/LanguageService';
import { existenceChecker } from '../util/folderListings';
import type { WorkerContext } from './protocol';

export interface ThreadServices {
  readonly documents: Map<string, TextDocument>;
  readonly services: readonly LanguageService[];
  readonly files: FileAccess;
  /** The settings, images and folders in force: every message from the server brings them. */
  setContext(context: WorkerContext): void;
  /**
   * Version `version` of the document: the one kept when it is that version, else made from `text` and kept unless a
   * newer version is (the server sends each version once and in order; an older one must still never take a newer
   * one's place, since the thread's checks and requests both read what is kept).
   */
  update(uri: string, languageId: string, version: number, text: string): TextDocument;
  close(uri: string): void;
  serviceOf(languageId: string): LanguageService | undefined;
}

export function createThreadServices(onFilesRead: () => void): ThreadServices {
  let context: WorkerContext = { settings: {}, images: [], roots: [] };
  const documents = new Map<string, TextDocument>();
  const files = new FileAccess(() => accessSettings(context.settings.files, context.roots), onFilesRead);
  const hostFor = (languageId: string): ServiceHost => ({
    files,
    settings: () => context.settings,
    images: () => context.images,
    openDocuments: () => [...documents.values()].filter((d) => d.languageId === languageId),
    openDocument: (uri) => documents.get(uri),
    existence: existenceChecker,
  });
  const services = [createDockerfileService(hostFor('dockerfile')), createComposeService(hostFor('dockercompose'))];
  return {
    documents,
    services,
    files,
    setContext: (next) => (context = next),
    update(uri, languageId, version, text) {
      const kept = documents.get(uri);
      if (kept && kept.version === version && kept.languageId === languageId) return kept;
      const document = TextDocument.create(uri, languageId, version, text);
      if (!kept || kept.version < version || kept.languageId !== languageId) documents.set(uri, document);
      return document;
    },
    close(uri) {
      documents.delete(uri);
      for (const service of services) service.close?.(uri);
    },
    serviceOf: (languageId) => services.find((s) => s.languageId === languageId),
  };
}
