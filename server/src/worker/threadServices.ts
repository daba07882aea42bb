// What both worker threads (diagnosticsThread.ts, requestsThread.ts) hold: the documents the server handed over,
// the same two language services as the server's thread, and their own FileAccess under the server's settings.
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
  /** Keeps `text` as version `version` of the document (the services reuse what the last version parsed). */
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
      const document = TextDocument.create(uri, languageId, version, text);
      documents.set(uri, document);
      return document;
    },
    close(uri) {
      documents.delete(uri);
      for (const service of services) service.close?.(uri);
    },
    serviceOf: (languageId) => services.find((s) => s.languageId === languageId),
  };
}
