// Very large documents are checked and served by the bundled server's worker thread (dist/server.js over stdio):
// every request answers exactly what the same handler answers on the server's own thread for the same text, before
// and after edits, refusals included; the diagnostics published for the last of quick edits, made among requests, are
// the server thread's; workspace symbols include the large documents' stages.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceSymbolRequest,
  type ClientCapabilities,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createComposeService } from '../../server/src/compose/service';
import { createDockerfileService } from '../../server/src/dockerfile/service';
import { accessSettings, FileAccess } from '../../server/src/documents/FileAccess';
import type { LanguageService } from '../../server/src/service/LanguageService';
import { clientFeatures } from '../../server/src/service/negotiate';
import { createServed, handleDocumentRequest, type DocumentRequest, type Served } from '../../server/src/service/requests';
import { SemanticTokensCache } from '../../server/src/service/semanticDelta';
import { LARGE_DOCUMENT_CHARS } from '../../server/src/worker/DiagnosticsWorker';

const serverJs = path.resolve(__dirname, '../../../dist/server.js');

const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
    rename: { prepareSupport: true },
  },
};

/** A multi-stage Dockerfile over the large-document size: stage i builds FROM stage i-1. */
function largeDockerfile(): string {
  const parts = ['# syntax=docker/dockerfile:1', 'ARG BASE=debian:bookworm-slim', ''];
  for (let i = 0; parts.join('\n').length <= LARGE_DOCUMENT_CHARS; i++) {
    parts.push(
      `FROM ${i === 0 ? '${BASE}' : `stage${i - 1}`} as stage${i}`,
      `ARG VERSION=${i}`,
      `ENV APP_HOME=/opt/app${i} \\`,
      '    PATH=/opt/bin:$PATH',
      'WORKDIR $APP_HOME',
      `COPY --from=stage${Math.max(0, i - 1)} /opt /opt`,
      'RUN <<EOF',
      `echo building $VERSION`,
      'EOF',
      'CMD ["/opt/bin/run"]',
      '',
    );
  }
  return parts.join('\n');
}

function largeCompose(): string {
  const parts = ['services:'];
  for (let i = 0; parts.join('\n').length <= LARGE_DOCUMENT_CHARS; i++) {
    parts.push(`  svc${i}:`, `    image: nginx:1.${i % 30}`, '    depends_on:', `      - svc${Math.max(0, i - 1)}`, '    ports:', `      - "127.0.0.1:${10000 + (i % 50000)}:80"`, '    volumes:', '      - data:/data');
  }
  parts.push('volumes:', '  data: {}', '');
  return parts.join('\n');
}

/** What the server's own thread gives the services, over one document (no files around it). */
function localHost(document: () => TextDocument) {
  return {
    files: new FileAccess(() => accessSettings(undefined, []), () => undefined),
    settings: () => ({}),
    images: () => [],
    openDocuments: () => [document()],
    openDocument: (uri: string) => (uri === document().uri ? document() : undefined),
    existence: () => () => false,
  };
}

/** The handlers as the server's own thread runs them, over one document. */
function localServed(document: () => TextDocument): Served {
  const host = localHost(document);
  const files = host.files;
  const services: LanguageService[] = [createDockerfileService(host), createComposeService(host)];
  return createServed({
    document: (uri) => (uri === document().uri ? document() : undefined),
    serviceOf: (languageId) => services.find((s) => s.languageId === languageId),
    features: () => clientFeatures(CAPABILITIES),
    tokens: new SemanticTokensCache('local'),
    files,
    filesWaitMs: 3000,
    guard: (_feature, _empty, run) => run(),
  });
}

describe('very large documents, served by the worker thread', function () {
  this.timeout(120_000);
  let child: ChildProcess;
  let connection: ProtocolConnection;
  /** The diagnostics published last, per uri and version. */
  const published = new Map<string, { version?: number; diagnostics: unknown[] }>();

  before(async () => {
    child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, version, diagnostics }) => published.set(uri, { version, diagnostics }));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: CAPABILITIES });
  });

  after(async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await new Promise((resolve) => child.once('exit', resolve));
    connection.dispose();
  });

  /** Asks the server and the local handler the same, and compares (semantic tokens: the data, ids differ). */
  async function same(served: Served, method: DocumentRequest, params: object): Promise<unknown> {
    const remote = await connection.sendRequest(method, params);
    const local = await handleDocumentRequest(served, method, params);
    const data = (answer: unknown) =>
      method.startsWith('textDocument/semanticTokens') ? ((answer as { data?: number[] }).data ?? (answer as { edits: unknown }).edits) : answer;
    // As JSON text (both sides make it from the same handler, so the key order is the same): a fast comparison.
    const [got, want] = [JSON.stringify(data(remote)), JSON.stringify(data(local))];
    if (got !== want) {
      let at = 0;
      while (got[at] === want[at]) at++;
      assert.fail(`${method}: answers differ at ${at}: ${got.slice(Math.max(0, at - 80), at + 80)} <> ${want.slice(Math.max(0, at - 80), at + 80)}`);
    }
    return remote;
  }

  it('answers every Dockerfile request exactly as the server thread would, before and after an edit', async () => {
    const uri = 'file:///large/Dockerfile';
    let document = TextDocument.create(uri, 'dockerfile', 1, largeDockerfile());
    assert.ok(document.getText().length > LARGE_DOCUMENT_CHARS);
    const served = localServed(() => document);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text: document.getText() } });
    const td = { textDocument: { uri } };
    const stageName = { line: 3, character: 18 };
    const checks = async () => {
      await same(served, 'textDocument/hover', { ...td, position: { line: 3, character: 1 } });
      await same(served, 'textDocument/completion', { ...td, position: { line: 12, character: 0 } });
      await same(served, 'textDocument/documentSymbol', td);
      await same(served, 'textDocument/foldingRange', td);
      await same(served, 'textDocument/definition', { ...td, position: { line: 14, character: 7 } });
      await same(served, 'textDocument/references', { ...td, position: stageName, context: { includeDeclaration: true } });
      await same(served, 'textDocument/documentHighlight', { ...td, position: stageName });
      await same(served, 'textDocument/prepareRename', { ...td, position: stageName });
      await same(served, 'textDocument/rename', { ...td, position: stageName, newName: 'first' });
      await same(served, 'textDocument/formatting', { ...td, options: { tabSize: 4, insertSpaces: true } });
      await same(served, 'textDocument/codeAction', { ...td, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      await same(served, 'textDocument/documentLink', td);
      await same(served, 'textDocument/semanticTokens/full', td);
      await same(served, 'textDocument/inlayHint', { ...td, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
      await same(served, 'textDocument/signatureHelp', { ...td, position: { line: 12, character: 4 } });
    };
    await checks();
    // An edit: the stage of line 3 gets another name; the answers follow the new version.
    const edit = { range: { start: { line: 3, character: 16 }, end: { line: 3, character: 22 } }, text: 'base' };
    document = TextDocument.update(document, [edit], 2);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [edit] });
    await same(served, 'textDocument/hover', { ...td, position: { line: 3, character: 1 } });
    await same(served, 'textDocument/rename', { ...td, position: stageName, newName: 'first' });
    await same(served, 'textDocument/semanticTokens/full', td);
    const symbols = (await connection.sendRequest('textDocument/documentSymbol', td)) as { name: string }[];
    assert.strictEqual(symbols.find((s) => s.name === 'base')?.name, 'base');
  });

  it('refuses an invalid new name through the worker with the reason', async () => {
    const uri = 'file:///large/Dockerfile';
    await assert.rejects(
      connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 3, character: 18 }, newName: 'Not Valid' }),
      (error: Error) => /stage name/i.test(error.message),
    );
  });

  it('answers compose requests exactly as the server thread would', async () => {
    const uri = 'file:///large/compose.yaml';
    const document = TextDocument.create(uri, 'dockercompose', 1, largeCompose());
    const served = localServed(() => document);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockercompose', version: 1, text: document.getText() } });
    const td = { textDocument: { uri } };
    await same(served, 'textDocument/hover', { ...td, position: { line: 2, character: 6 } });
    await same(served, 'textDocument/completion', { ...td, position: { line: 2, character: 4 } });
    await same(served, 'textDocument/documentSymbol', td);
    await same(served, 'textDocument/foldingRange', td);
    await same(served, 'textDocument/definition', { ...td, position: { line: 12, character: 10 } });
    await same(served, 'textDocument/references', { ...td, position: { line: 1, character: 3 }, context: { includeDeclaration: true } });
    await same(served, 'textDocument/rename', { ...td, position: { line: 1, character: 3 }, newName: 'first' });
    await same(served, 'textDocument/semanticTokens/full', td);
    await same(served, 'textDocument/documentLink', td);
  });

  it('publishes the diagnostics of the last of quick edits made among requests, as the server thread computes them', async () => {
    const uri = 'file:///large/edited.compose.yaml';
    let document = TextDocument.create(uri, 'dockercompose', 1, largeCompose());
    const served = localServed(() => document);
    const compose = createComposeService(localHost(() => document));
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockercompose', version: 1, text: document.getText() } });
    const td = { textDocument: { uri } };
    // `image:` of svc1 misspelt, then put back, then `ports:` of svc2 misspelt: each edit sent at once after a request.
    const edits = [
      { range: { start: { line: 10, character: 4 }, end: { line: 10, character: 9 } }, text: 'imag' },
      { range: { start: { line: 10, character: 4 }, end: { line: 10, character: 8 } }, text: 'image' },
      { range: { start: { line: 21, character: 4 }, end: { line: 21, character: 9 } }, text: 'prts' },
    ];
    for (const [i, edit] of edits.entries()) {
      document = TextDocument.update(document, [edit], i + 2);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: i + 2 }, contentChanges: [edit] });
      await same(served, 'textDocument/hover', { ...td, position: { line: 10, character: 6 } });
    }
    const last = edits.length + 1;
    const deadline = Date.now() + 60_000;
    while (published.get(uri)?.version !== last && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const want = compose.diagnostics(document);
    // svc0 depends on itself in every version (the generated file's first service).
    assert.deepStrictEqual(want.map((d) => [d.range.start.line, d.code]), [[4, 'dependency-cycle'], [21, 'unknown-key']]);
    assert.deepStrictEqual(published.get(uri), { version: last, diagnostics: JSON.parse(JSON.stringify(want)) });
  });

  it('includes the stages of the large Dockerfile in workspace symbols', async () => {
    const symbols = await connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'stage12' });
    assert.deepStrictEqual(
      (symbols ?? []).map((s) => s.name).filter((name) => /^stage12\d*$/.test(name)).slice(0, 3),
      ['stage12', 'stage120', 'stage121'],
    );
  });
});
