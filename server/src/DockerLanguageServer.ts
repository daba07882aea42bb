// The only file that touches the LSP connection: capabilities, the document store, settings, the local
// images the client sends, and one wrapper that keeps a failing provider from taking the server down.
import {
  TextDocumentSyncKind,
  TextDocuments,
  type CompletionItem,
  type Connection,
  type Hover,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LocalImagesNotification, type LocalImage } from '../../common/src/protocol';
import { DiagnosticsScheduler } from './documents/DiagnosticsScheduler';
import { ComposeProjectFiles } from './documents/ComposeProjectFiles';
import { DockerignoreFiles } from './documents/DockerignoreFiles';
import { ParsedDocuments } from './documents/ParsedDocuments';
import { completeCompose, type ComposeContext } from './compose/completion';
import { hoverCompose } from './compose/hover';
import { parseCompose } from './compose/parse';
import { completeDockerfile } from './dockerfile/completion';
import { hoverDockerfile } from './dockerfile/hover';
import { parseDockerfile } from './dockerfile/parser';
import { composeDiagnostics, dockerfileDiagnostics, type ServerSettings } from './settings';

/** Bounds of the wait after an edit for more typing before diagnostics are computed (see DiagnosticsScheduler). */
const DIAGNOSTICS_MIN_DELAY_MS = 5;
const DIAGNOSTICS_MAX_DELAY_MS = 150;

export function startDockerLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const dockerfiles = new ParsedDocuments(parseDockerfile);
  const ignoreFiles = new DockerignoreFiles();
  const composeFiles = new ParsedDocuments(parseCompose);
  const composeProject = new ComposeProjectFiles();
  let images: readonly LocalImage[] = [];
  let settings: ServerSettings = {};
  let pullsConfiguration = false;

  const scheduler = new DiagnosticsScheduler({
    minDelayMs: DIAGNOSTICS_MIN_DELAY_MS,
    maxDelayMs: DIAGNOSTICS_MAX_DELAY_MS,
    current: (uri) => documents.get(uri),
    compute: (document) =>
      guard('diagnostics', [], () => {
        if (document.languageId === 'dockerfile') {
          return dockerfileDiagnostics(dockerfiles.get(document), settings, ignoreFiles.forDockerfile(document.uri));
        }
        if (document.languageId === 'dockercompose') {
          return composeDiagnostics(composeFiles.get(document), settings, composeProject.diagnosticContext(document.uri));
        }
        return [];
      }),
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
  });

  connection.onInitialize((params): InitializeResult => {
    pullsConfiguration = !!params.capabilities.workspace?.configuration;
    settings = (params.initializationOptions as { settings?: ServerSettings } | undefined)?.settings ?? {};
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { resolveProvider: false, triggerCharacters: ['-', '=', ',', '$', '{', ' ', '#', ':'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'docker-workflows-language-server', version: '0.1.0' },
    };
  });

  const loadSettings = async () => {
    if (!pullsConfiguration) return;
    const [value] = (await connection.workspace.getConfiguration([{ section: 'docker-workflows' }])) as [ServerSettings | null];
    settings = value ?? {};
    for (const document of documents.all()) scheduler.schedule(document, true);
  };
  connection.onInitialized(() => void loadSettings().catch(() => undefined));
  connection.onDidChangeConfiguration((change) => {
    if (pullsConfiguration) return void loadSettings().catch(() => undefined);
    settings = (change.settings as { 'docker-workflows'?: ServerSettings } | null)?.['docker-workflows'] ?? settings;
    for (const document of documents.all()) scheduler.schedule(document, true);
  });

  connection.onNotification(LocalImagesNotification.method, (params: LocalImagesNotification.Params) => {
    images = params.images;
  });

  documents.onDidOpen(({ document }) => scheduler.schedule(document, true));
  documents.onDidChangeContent(({ document }) => scheduler.schedule(document));
  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    dockerfiles.delete(document.uri);
    composeFiles.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCompletion((params) =>
    guard('completion', [] as CompletionItem[], () => {
      const document = documents.get(params.textDocument.uri);
      if (document?.languageId === 'dockerfile') return completeDockerfile(dockerfiles.get(document), params.position, { images });
      if (document?.languageId === 'dockercompose') return completeCompose(composeFiles.get(document), params.position, composeContext(document.uri));
      return [];
    }),
  );

  connection.onHover((params) =>
    guard('hover', null as Hover | null, () => {
      const document = documents.get(params.textDocument.uri);
      if (document?.languageId === 'dockerfile') return hoverDockerfile(dockerfiles.get(document), params.position, { images });
      if (document?.languageId === 'dockercompose') return hoverCompose(composeFiles.get(document), params.position, composeContext(document.uri));
      return null;
    }),
  );

  function composeContext(uri: string): ComposeContext {
    return {
      images,
      env: composeProject.env(uri),
      dockerfileStages: (buildContext, dockerfile) => composeProject.dockerfileStages(uri, buildContext, dockerfile),
    };
  }

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
