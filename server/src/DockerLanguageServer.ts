// The only file that touches the LSP connection: capabilities, the document store, settings, the local
// images the client sends, and one dispatch that hands every request to the service of the document's
// language (dockerfile/service.ts, compose/service.ts), adapts the answer to what the client can show
// (service/negotiate.ts), and keeps a failing provider from taking the server down.
import {
  ErrorCodes,
  MessageType,
  ResponseError,
  TextDocuments,
  type Connection,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'fs';
import { LocalImagesNotification, type LocalImage } from '../../common/src/protocol';
import { createComposeService } from './compose/service';
import { createDockerfileService } from './dockerfile/service';
import { DiagnosticsScheduler } from './documents/DiagnosticsScheduler';
import { accessSettings, FileAccess } from './documents/FileAccess';
import { DiagnosticsWorker, LARGE_DOCUMENT_CHARS } from './worker/DiagnosticsWorker';
import { isRefusal, type LanguageService, type Refusal, type ServiceHost } from './service/LanguageService';
import {
  APPLY_EDIT_COMMAND, actionsAsCommands, adaptCompletion, adaptHover, adaptSignatureHelp, clientFeatures, flattenSymbols,
  type ClientFeatures,
} from './service/negotiate';
import { SemanticTokensCache } from './service/semanticDelta';
import { serverCapabilities } from './service/capabilities';
import type { ServerSettings } from './settings';
import { clampPosition, clampRange } from './util/clamp';
import { filePathOf } from './util/filePath';

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
  /**
   * The script of the diagnostics worker thread (the server's bundle): documents over LARGE_DOCUMENT_CHARS are
   * checked there. Without it every document is checked on the server's thread.
   */
  workerScript?: string;
}

export function startDockerLanguageServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let images: readonly LocalImage[] = [];
  let settings: ServerSettings = {};
  let pullsConfiguration = false;
  let watchesFolders = false;
  let features: ClientFeatures = clientFeatures({});
  const tokens = new SemanticTokensCache();
  /** The workspace folders (absolute paths): files around a document are read inside them (see FileAccess). */
  let roots: string[] = [];
  let rediagnose: NodeJS.Timeout | undefined;
  const filesRead = () => {
    // A file a document names has been read: its diagnostics may change (once for a burst of reads).
    clearTimeout(rediagnose);
    rediagnose = setTimeout(() => documents.all().forEach((document) => scheduler.schedule(document, true)), FILES_READ_DELAY_MS);
  };
  const files = new FileAccess(() => accessSettings(settings.files, roots), filesRead);
  const worker =
    options.workerScript === undefined
      ? undefined
      : new DiagnosticsWorker(
          () => ({ settings, images, roots }),
          filesRead,
          (why) => connection.console.error(`Diagnostics of very large documents: ${why}`),
          options.workerScript,
        );

  const hostFor = (languageId: string): ServiceHost => ({
    files,
    settings: () => settings,
    images: () => images,
    openDocuments: () => documents.all().filter((d) => d.languageId === languageId),
    openDocument: (uri) => documents.get(uri),
    fileExists: (path) => fs.existsSync(path),
  });
  const services: readonly LanguageService[] = [createDockerfileService(hostFor('dockerfile')), createComposeService(hostFor('dockercompose'))];
  const serviceOf = (languageId: string | undefined) => services.find((s) => s.languageId === languageId);

  const scheduler = new DiagnosticsScheduler({
    minDelayMs: DIAGNOSTICS_MIN_DELAY_MS,
    maxDelayMs: DIAGNOSTICS_MAX_DELAY_MS,
    current: (uri) => documents.get(uri),
    compute: (document) =>
      worker && document.getText().length > LARGE_DOCUMENT_CHARS
        ? worker.diagnose(document)
        : guard('diagnostics', [], () => serviceOf(document.languageId)?.diagnostics(document) ?? []),
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
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
    for (const service of services) service.close?.(document.uri);
    tokens.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /**
   * Runs `run` with the service and document of `uri` (the empty answer when the document is not open or its
   * language has no such feature), guarded.
   */
  function serve<T>(feature: string, uri: string, empty: T, run: (service: LanguageService, document: TextDocument) => T | undefined): T {
    const document = documents.get(uri);
    const service = document && serviceOf(document.languageId);
    if (!document || !service) return empty;
    return guard(feature, empty, () => run(service, document) ?? empty);
  }

  /**
   * `serve` for the requests that read other files (definition, references, rename, inlay hints): when the
   * answer started a read of a file not read yet, it is computed again once the reads are done, so that a
   * rename never misses the overlay file that was still loading.
   */
  async function serveAcrossFiles<T>(feature: string, uri: string, empty: T, run: (service: LanguageService, document: TextDocument) => T | undefined): Promise<T> {
    const first = serve(feature, uri, empty, run);
    if (!files.busy) return first;
    await files.settled(FILES_WAIT_MS);
    return serve(feature, uri, empty, run);
  }

  /** An answer the service keeps for the document's version (documentSymbols, foldingRanges): see ServerOptions. */
  function kept<T extends object>(result: T | undefined): T | undefined {
    if (result) options.reusable?.(result);
    return result;
  }

  /** Positions and ranges as the providers get them: inside the document (see util/clamp.ts). */
  const at = clampPosition;
  const span = clampRange;

  /** A refusal becomes an error answer whose message the editor shows. */
  const refuse = (refusal: Refusal) => new ResponseError(ErrorCodes.InvalidRequest, refusal.refused);

  connection.onCompletion(({ textDocument, position }) =>
    serve('completion', textDocument.uri, [], (s, d) => s.completion && adaptCompletion(s.completion(d, at(d, position)), features)),
  );
  connection.onHover(({ textDocument, position }) => serve('hover', textDocument.uri, null, (s, d) => s.hover && adaptHover(s.hover(d, at(d, position)), features)));
  connection.onDocumentSymbol(({ textDocument }) =>
    serve('symbols', textDocument.uri, [], (s, d) => {
      const symbols = s.documentSymbols?.(d);
      return symbols && (features.hierarchicalSymbols ? kept(symbols) : flattenSymbols(symbols, d.uri));
    }),
  );
  connection.onWorkspaceSymbol(({ query }) =>
    guard('workspace symbols', [], () => services.flatMap((s) => s.workspaceSymbols?.(query) ?? [])),
  );
  connection.onDefinition(({ textDocument, position }) => serveAcrossFiles('definition', textDocument.uri, [], (s, d) => s.definition?.(d, at(d, position))));
  connection.onReferences(({ textDocument, position, context }) =>
    serveAcrossFiles('references', textDocument.uri, [], (s, d) => s.references?.(d, at(d, position), context.includeDeclaration)),
  );
  connection.onDocumentHighlight(({ textDocument, position }) =>
    serve('highlight', textDocument.uri, [], (s, d) => s.documentHighlights?.(d, at(d, position))),
  );
  connection.onPrepareRename(async ({ textDocument, position }) => {
    const answer = await serveAcrossFiles('prepare rename', textDocument.uri, null, (s, d) => s.prepareRename?.(d, at(d, position)));
    return isRefusal(answer) ? refuse(answer) : answer;
  });
  connection.onRenameRequest(async ({ textDocument, position, newName }) => {
    const answer = await serveAcrossFiles<WorkspaceEdit | Refusal | null>('rename', textDocument.uri, null, (s, d) => s.rename?.(d, at(d, position), newName));
    return isRefusal(answer) ? refuse(answer) : answer;
  });
  connection.onFoldingRanges(({ textDocument }) => serve('folding', textDocument.uri, [], (s, d) => kept(s.foldingRanges?.(d))));
  const format = (uri: string, run: (s: LanguageService, d: TextDocument) => ReturnType<NonNullable<LanguageService['formatting']>> | undefined) => {
    const answer = serve('formatting', uri, [], run);
    if (!isRefusal(answer)) return answer;
    void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: answer.refused });
    return [];
  };
  connection.onDocumentFormatting(({ textDocument, options }) => format(textDocument.uri, (s, d) => s.formatting?.(d, options)));
  connection.onDocumentRangeFormatting(({ textDocument, options, range }) => format(textDocument.uri, (s, d) => s.formatting?.(d, options, span(d, range))));
  connection.onDocumentOnTypeFormatting(({ textDocument, position, ch, options }) =>
    serve('on-type formatting', textDocument.uri, [], (s, d) => s.onTypeFormatting?.(d, at(d, position), ch, options)),
  );
  connection.onCodeAction(({ textDocument, range, context }) =>
    serve('code actions', textDocument.uri, [], (s, d) => {
      const actions = s.codeActions?.(d, span(d, range), context);
      return actions && (features.codeActionLiterals ? actions : actionsAsCommands(actions));
    }),
  );
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== APPLY_EDIT_COMMAND || !args?.[0]) return;
    await connection.workspace.applyEdit(args[0] as WorkspaceEdit);
  });
  connection.onDocumentLinks(({ textDocument }) => serve('links', textDocument.uri, [], (s, d) => s.documentLinks?.(d)));
  connection.languages.semanticTokens.on(({ textDocument }) =>
    serve('semantic tokens', textDocument.uri, { data: [] }, (s, d) => s.semanticTokens && tokens.full(d.uri, s.semanticTokens(d))),
  );
  connection.languages.semanticTokens.onDelta(({ textDocument, previousResultId }) =>
    serve('semantic tokens', textDocument.uri, { edits: [] }, (s, d) => s.semanticTokens && tokens.delta(d.uri, previousResultId, s.semanticTokens(d))),
  );
  connection.languages.inlayHint.on(({ textDocument, range }) => serveAcrossFiles('inlay hints', textDocument.uri, [], (s, d) => s.inlayHints?.(d, span(d, range))));
  connection.onSignatureHelp(({ textDocument, position, context }) =>
    serve('signature help', textDocument.uri, null, (s, d) => s.signatureHelp && adaptSignatureHelp(s.signatureHelp(d, at(d, position), context), features)),
  );

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
