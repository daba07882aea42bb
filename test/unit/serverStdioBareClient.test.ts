// The bundled server (dist/server.js) driven over stdio by a bare client that declares no capability but applying
// the server's edits (as a minimal editor plugin would): it must still answer every feature in a form such a client
// can show: flat symbols, commands instead of code-action literals, plain text instead of markdown and snippets,
// signature parameters as text.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RenameRequest,
  ShutdownRequest,
  SignatureHelpRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type Command,
  type CompletionItem,
  type Diagnostic,
  type InitializeResult,
  type MarkupContent,
  type ProtocolConnection,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

const serverJs = path.resolve(__dirname, '../../../dist/server.js');
const uri = 'file:///work/bare/Dockerfile';
const TEXT = [
  'ARG BASE=alpine:3.20',
  'FROM ${BASE} as build',
  'RUN echo hi > /out',
  '',
  'FROM alpine:3.20 AS runtime',
  '   COPY --from=build /out /out   ',
  '',
].join('\n');

describe('language server over stdio, for a client that declares no capabilities', () => {
  let child: ChildProcess;
  let connection: ProtocolConnection;
  let init: InitializeResult;
  let diagnostics: Promise<Diagnostic[]>;
  const applied: ApplyWorkspaceEditParams[] = [];

  before(async () => {
    child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    diagnostics = new Promise((resolve) =>
      connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.uri === uri && params.diagnostics.length > 0) resolve(params.diagnostics);
      }),
    );
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
    connection.listen();
    init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { workspace: { applyEdit: true } } });
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: TEXT },
    });
  });

  after(async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await new Promise((resolve) => child.once('exit', resolve));
    connection.dispose();
  });

  it('advertises every editor feature, rename without prepare and code actions without literal kinds', () => {
    const c = init.capabilities;
    assert.deepStrictEqual(
      {
        symbols: !!c.documentSymbolProvider,
        workspaceSymbols: c.workspaceSymbolProvider,
        definition: c.definitionProvider,
        references: c.referencesProvider,
        highlight: c.documentHighlightProvider,
        rename: c.renameProvider,
        folding: c.foldingRangeProvider,
        formatting: c.documentFormattingProvider,
        rangeFormatting: c.documentRangeFormattingProvider,
        onType: c.documentOnTypeFormattingProvider,
        codeActions: c.codeActionProvider,
        commands: c.executeCommandProvider,
        links: c.documentLinkProvider,
        semanticTokens: !!c.semanticTokensProvider,
        inlayHints: c.inlayHintProvider,
        signatureHelp: !!c.signatureHelpProvider,
      },
      {
        symbols: true,
        workspaceSymbols: true,
        definition: true,
        references: true,
        highlight: true,
        rename: true,
        folding: true,
        formatting: true,
        rangeFormatting: true,
        onType: { firstTriggerCharacter: '\n', moreTriggerCharacter: [] },
        codeActions: true,
        commands: { commands: ['dockerWorkflows.server.applyEdit'] },
        links: { resolveProvider: false },
        semanticTokens: true,
        inlayHints: { resolveProvider: false },
        signatureHelp: true,
      },
    );
  });

  it('answers the outline as a flat list, each instruction naming its stage as container', async () => {
    const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as SymbolInformation[];
    for (const symbol of symbols) {
      assert.ok(!('children' in symbol) && !('selectionRange' in symbol), `${symbol.name} is a SymbolInformation`);
      assert.strictEqual(symbol.location.uri, uri);
    }
    const stages = symbols.filter((s) => s.containerName === undefined && ['build', 'runtime'].includes(s.name));
    assert.deepStrictEqual(stages.map((s) => [s.name, s.location.range.start.line, s.location.range.end.line]), [['build', 1, 2], ['runtime', 4, 5]]);
    assert.deepStrictEqual(
      symbols.filter((s) => s.containerName === 'build' || s.containerName === 'runtime').map((s) => [s.containerName, s.location.range.start.line]),
      [['build', 2], ['runtime', 5]],
    );
  });

  it('completes without snippets and hovers in plain text', async () => {
    const items = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 0 } })) as CompletionItem[];
    assert.ok(items.length > 10, 'instructions are offered');
    assert.deepStrictEqual(items.filter((i) => i.insertTextFormat === 2).map((i) => i.label), []);
    for (const item of items) {
      if (typeof item.documentation === 'object') assert.strictEqual(item.documentation.kind, 'plaintext', item.label);
    }
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 1 } });
    const contents = hover?.contents as MarkupContent;
    assert.strictEqual(contents.kind, 'plaintext');
    assert.match(contents.value, /^RUN\n/);
    assert.doesNotMatch(contents.value, /\*\*|```/);
  });

  it('gives signature help with parameter labels as text and the active parameter on the answer', async () => {
    const help = await connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position: { line: 1, character: 14 } });
    const [signature] = help!.signatures;
    assert.deepStrictEqual(signature.parameters?.map((p) => p.label), ['[--platform=<platform>]', '<image>[:<tag>|@<digest>]', '[AS <name>]']);
    assert.strictEqual(signature.activeParameter, undefined);
    assert.strictEqual(help!.activeParameter, 2);
    assert.strictEqual((signature.documentation as MarkupContent).kind, 'plaintext');
  });

  it('goes to a stage from COPY --from, and finds its references', async () => {
    const at = { textDocument: { uri }, position: { line: 5, character: 17 } };
    const definition = await connection.sendRequest(DefinitionRequest.type, at);
    assert.deepStrictEqual(definition, [{ uri, range: { start: { line: 1, character: 16 }, end: { line: 1, character: 21 } } }]);
    const references = await connection.sendRequest(ReferencesRequest.type, { ...at, context: { includeDeclaration: true } });
    assert.deepStrictEqual(references?.map((r) => [r.range.start.line, r.range.start.character, r.range.end.character]), [[1, 16, 21], [5, 15, 20]]);
  });

  it('renames a stage, and refuses an invalid name with a message', async () => {
    const edit = await connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 1, character: 17 }, newName: 'compile' });
    assert.deepStrictEqual(edit?.changes?.[uri]?.map((e) => [e.range.start.line, e.range.start.character, e.newText]), [[1, 16, 'compile'], [5, 15, 'compile']]);
    await assert.rejects(
      connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 1, character: 17 }, newName: 'Not Valid' }),
      (error: Error) => /stage name/i.test(error.message),
    );
  });

  it('offers quick fixes as commands, and the command applies the edit through the client', async () => {
    const fromAs = (await diagnostics).find((d) => d.code === 'FromAsCasing');
    assert.ok(fromAs, 'FromAsCasing is reported');
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: fromAs.range,
      context: { diagnostics: [fromAs] },
    })) as Command[];
    assert.ok(actions.length > 0, 'a fix is offered');
    for (const action of actions) assert.strictEqual(action.command, 'dockerWorkflows.server.applyEdit', action.title);
    const fix = actions[0];
    await connection.sendRequest(ExecuteCommandRequest.type, { command: fix.command, arguments: fix.arguments });
    assert.strictEqual(applied.length, 1);
    assert.deepStrictEqual(applied[0].edit.changes?.[uri], [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 15 } }, newText: 'AS' }]);
  });

  it('formats the document: the indented COPY starts at column 0 and loses its trailing blanks', async () => {
    const edits = (await connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    assert.strictEqual(apply(TEXT, edits).split('\n')[5], 'COPY --from=build /out /out');
  });
});

/** `text` with non-overlapping edits applied. */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
