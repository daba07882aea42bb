// The only file that touches the LSP connection: capabilities, the document store, settings, the local
// images the client sends, and one dispatch that hands every request to the service of the document's
// language (dockerfile/service.ts, compose/service.ts), adapts the answer to what the client can show
// (service/negotiate.ts), and keeps a failing provider from taking the server down.
import {
  ErrorCodes,
  MessageType,
  PublishDiagnosticsNotification,
  ResponseError,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
  type WorkspaceSymbol,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LocalImagesNotification, type LocalImage } from '../../common/src/protocol';
import { createComposeService } from './compose/service';
import { createDockerfileService } from './dockerfile/service';
import { DiagnosticsScheduler } from './documents/DiagnosticsScheduler';
import { LINE_DOCUMENTS } from './documents/LineDocument';
import { accessSettings, FileAccess } from './documents/FileAccess';
import { DiagnosticsJson, DiagnosticsWorker, LARGE_DOCUMENT_CHARS } from './worker/DiagnosticsWorker';
import { isRefusal, type LanguageService, type ServiceHost } from './service/LanguageService';
import { APPLY_EDIT_COMMAND, clientFeatures, type ClientFeatures } from './service/negotiate';
import { createServed, DOCUMENT_REQUESTS, handleDocumentRequest, REFUSAL_AS_MESSAGE, type DocumentRequest } from './service/requests';
import { LargeDocumentsThread } from './worker/LargeDocumentsThread';
import { fromJsonBytes } from './worker/protocol';
import { RequestsWorker, type WorkerAnswer } from './worker/RequestsWorker';
import { SemanticTokensCache } from './service/semanticDelta';
import { serverCapabilities } from './service/capabilities';
import type { ServerSettings } from './settings';
import { filePathOf } from './util/filePath';
import { existenceChecker } from './util/folderListings';

/** Bounds of the wait after an edit for more typing before diagnostics are computed (see DiagnosticsScheduler). */
const DIAGNOSTICS_MIN_DELAY_MS = 5;
const DIAGNOSTICS_MAX_DELAY_MS = 150;
/** After a file around the documents was read, wait this long for more reads before diagnosing again. */
const FILES_READ_DELAY_MS = 30;
/** How long a request that crosses files (definition, references, rename) waits for the files it reads. */
const FILES_WAIT_MS = 3000;

export interface ServerOptions {
  /** Told of each answer that its service keeps per document version (the transport may reuse its bytes). */
  reusable?: (result: object) => void;
  /** An answer object that the transport sends as these bytes of JSON (answers and diagnostics the worker made). */
  raw?: (json: Uint8Array) => object;
  /**
   * The script of the worker thread (the server's bundle): documents over LARGE_DOCUMENT_CHARS are checked and
   * served there. Without it every document is handled on the server's thread.
   */
  workerScript?: string;
}

export function startDockerLanguageServer(connection: Connection, options: ServerOptions = {}): void {
  // Our own documents (documents/LineDocument.ts): the library's find the line starts of a 200,000-line file slowly.
  const documents = new TextDocuments(LINE_DOCUMENTS);
  let images: readonly LocalImage[] = [];
  let settings: ServerSettings = {};
  let pullsConfiguration = false;
  let watchesFolders = false;
  let features: ClientFeatures = clientFeatures({});
  const tokens = new SemanticTokensCache('m');
  /** The workspace folders (absolute paths): files around a document are read inside them (see FileAccess). */
  let roots: string[] = [];
  let rediagnose: NodeJS.Timeout | undefined;
  const filesRead = () => {
    // A file a document names has been read: its diagnostics may change (once for a burst of reads).
    clearTimeout(rediagnose);
    rediagnose = setTimeout(() => documents.all().forEach((document) => scheduler.schedule(document, true)), FILES_READ_DELAY_MS);
  };
  const files = new FileAccess(() => accessSettings(settings.files, roots), filesRead);
  // Documents over LARGE_DOCUMENT_CHARS are checked and served in one worker thread (one model per version).
  const thread = options.workerScript === undefined ? undefined : new LargeDocumentsThread(options.workerScript, filesRead);
  const worker =
    thread &&
    new DiagnosticsWorker(
      () => ({ settings, images, roots }),
      (why) => connection.console.error(`Diagnostics of very large documents: ${why}`),
      thread,
    );
  const requestsWorker =
    thread &&
    new RequestsWorker(
      () => ({ settings, images, roots }),
      () => features,
      (message) => connection.console.error(`Requests on very large documents: ${message}`),
      thread,
    );

  /** Over LARGE_DOCUMENT_CHARS: checked and served in the worker thread. */
  const isLarge = (document: TextDocument) => document.getText().length > LARGE_DOCUMENT_CHARS;

  const hostFor = (languageId: string): ServiceHost => ({
    files,
    settings: () => settings,
    images: () => images,
    // The very large documents are the worker thread's: this thread never parses them (workspace symbols
    // ask the worker for theirs).
    openDocuments: () => documents.all().filter((d) => d.languageId === languageId && !(requestsWorker && isLarge(d))),
    openDocument: (uri) => documents.get(uri),
    existence: existenceChecker,
  });
  const services: readonly LanguageService[] = [createDockerfileService(hostFor('dockerfile')), createComposeService(hostFor('dockercompose'))];
  const serviceOf = (languageId: string | undefined) => services.find((s) => s.languageId === languageId);

  /** Diagnostics the worker made as JSON go out as they are where the transport can (stdio), else parsed. */
  const publishJson = (uri: string, version: number, { json }: DiagnosticsJson) => {
    const params = Buffer.concat([Buffer.from(`{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":`), json, Buffer.from('}')]);
    void connection.sendNotification(PublishDiagnosticsNotification.type, (options.raw ? options.raw(params) : fromJsonBytes(params)) as PublishDiagnosticsParams);
  };
  const scheduler = new DiagnosticsScheduler<Diagnostic[] | DiagnosticsJson>({
    minDelayMs: DIAGNOSTICS_MIN_DELAY_MS,
    maxDelayMs: DIAGNOSTICS_MAX_DELAY_MS,
    current: (uri) => documents.get(uri),
    compute: (document) =>
      worker && isLarge(document)
        ? worker.diagnose(document)
        : guard('diagnostics', [], () => serviceOf(document.languageId)?.diagnostics(document) ?? []),
    publish: (uri, version, diagnostics) =>
      diagnostics instanceof DiagnosticsJson ? publishJson(uri, version, diagnostics) : void connection.sendDiagnostics({ uri, version, diagnostics }),
  });

  connection.onInitialize((params): InitializeResult => {
    pullsConfiguration = !!params.capabilities.workspace?.configuration;
    features = clientFeatures(params.capabilities);
    roots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []))
      .map((folder) => filePathOf(folder.uri))
      .filter((folder): folder is string => folder !== undefined);
    watchesFolders = !!params.capabilities.workspace?.workspaceFolders;
    settings = (params.initializationOptions as { settings?: ServerSettings } | undefined)?.settings ?? {};
    return { capabilities: serverCapabilities(services, features, watchesFolders), serverInfo: { name: 'docker-workflows-language-server', version: '0.1.0' } };
  });

  const loadSettings = async () => {
    if (!pullsConfiguration) return;
    const [value] = (await connection.workspace.getConfiguration([{ section: 'docker-workflows' }])) as [ServerSettings | null];
    applySettings(value ?? {});
  };
  /** New settings re-diagnose the open documents, only when they differ from the ones in force. */
  const applySettings = (next: ServerSettings) => {
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    settings = next;
    for (const document of documents.all()) scheduler.schedule(document, true);
  };
  connection.onInitialized(() => {
    void loadSettings().catch(() => undefined);
    if (!watchesFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      const gone = new Set(removed.map((folder) => filePathOf(folder.uri)));
      const more = added.map((folder) => filePathOf(folder.uri)).filter((folder): folder is string => folder !== undefined);
      roots = [...roots.filter((root) => !gone.has(root)), ...more];
      for (const document of documents.all()) scheduler.schedule(document, true);
    });
  });
  connection.onDidChangeConfiguration((change) => {
    if (pullsConfiguration) return void loadSettings().catch(() => undefined);
    applySettings((change.settings as { 'docker-workflows'?: ServerSettings } | null)?.['docker-workflows'] ?? settings);
  });

  connection.onNotification(LocalImagesNotification.method, (params: LocalImagesNotification.Params) => {
    images = params.images;
  });

  documents.onDidOpen(({ document }) => scheduler.schedule(document, true));
  documents.onDidChangeContent(({ document }) => scheduler.schedule(document));
  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    worker?.close(document.uri);
    thread?.close(document.uri);
    for (const service of services) service.close?.(document.uri);
    tokens.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const served = createServed({
    document: (uri) => documents.get(uri),
    serviceOf,
    features: () => features,
    tokens,
    files,
    filesWaitMs: FILES_WAIT_MS,
    guard,
    kept: options.reusable,
  });

  /** A refusal becomes an error answer whose message the editor shows (formatting: a message and no edits). */
  const deliver = (method: string, answer: unknown) => {
    if (!isRefusal(answer)) return answer;
    if (!REFUSAL_AS_MESSAGE.has(method)) return new ResponseError(ErrorCodes.InvalidRequest, answer.refused);
    void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: answer.refused });
    return [];
  };

  /** The worker's answer as the transport sends it: its JSON as is when the transport can, else parsed. */
  const fromWorker = (answer: WorkerAnswer): unknown =>
    answer.refused !== undefined ? { refused: answer.refused } : options.raw && answer.json ? options.raw(answer.json) : fromJsonBytes(answer.json);

  for (const method of Object.keys(DOCUMENT_REQUESTS) as DocumentRequest[]) {
    connection.onRequest(method, async (params: { textDocument: { uri: string } }) => {
      const document = documents.get(params.textDocument.uri);
      if (requestsWorker && document && isLarge(document)) {
        try {
          return deliver(method, fromWorker(await requestsWorker.request(document, method, params)));
        } catch {
          // The worker failed (it said why in the log): this thread answers.
        }
      }
      return deliver(method, await handleDocumentRequest(served, method, params));
    });
  }
  connection.onWorkspaceSymbol(async ({ query }) => {
    const own = guard('workspace symbols', [], () => services.flatMap((s) => s.workspaceSymbols?.(query) ?? []));
    const large = requestsWorker ? documents.all().filter(isLarge) : [];
    if (!requestsWorker || large.length === 0) return own;
    try {
      const answer = await requestsWorker.workspaceSymbols(large, query);
      return [...own, ...((fromJsonBytes(answer.json) ?? []) as WorkspaceSymbol[])];
    } catch {
      return own;
    }
  });
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== APPLY_EDIT_COMMAND || !args?.[0] || !features.applyEdit) return;
    await connection.workspace.applyEdit(args[0] as WorkspaceEdit);
  });

  /** A provider that throws must never take the server down: log it and answer with the empty result. */
  function guard<T>(feature: string, empty: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  }

  documents.listen(connection);
  connection.listen();
}
