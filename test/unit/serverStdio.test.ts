// The bundled server (dist/server.js) as another editor would use it: spawned with --stdio.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type DocumentSymbol,
  type SymbolInformation,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const serverJs = path.resolve(__dirname, '../../../dist/server.js');
const languageServerJs = path.resolve(__dirname, '../../../dist/languageServer.js');

describe('the bundled server\'s text', () => {
  it('has no character above U+00FF, so V8 keeps it in one byte per character (two would double its 750 KB)', () => {
    const text = fs.readFileSync(languageServerJs, 'latin1') + fs.readFileSync(serverJs, 'latin1');
    // UTF-8 lead bytes of characters above U+00FF are 0xc4 and up. esbuild escapes such characters except in regular
    // expression literals, which must write them as \\u escapes.
    assert.deepStrictEqual([...text.matchAll(/[\u00c4-\u00ff]/g)].map((m) => text.slice(m.index! - 30, m.index! + 5)), []);
  });
});

describe('language server over stdio', () => {
  let child: ChildProcess;
  let connection: ProtocolConnection;

  before(async () => {
    child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
  });

  after(async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await new Promise((resolve) => child.once('exit', resolve));
    connection.dispose();
  });

  it('initializes and completes Dockerfile instructions at the start of a line', async () => {
    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.deepStrictEqual(init.serverInfo, { name: 'docker-workflows-language-server', version: '0.1.0' });
    assert.deepStrictEqual(init.capabilities.completionProvider, { resolveProvider: false, triggerCharacters: ['-', '=', ',', '$', '{', ' ', '#', ':'] });
    assert.strictEqual(init.capabilities.hoverProvider, true);
    const uri = 'file:///work/Dockerfile';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.20\n\nRUN echo hi\n' },
    });
    const items = (await connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 0 },
    })) as CompletionItem[];
    assert.deepStrictEqual(items.slice(0, 3).map((i) => i.label), ['FROM', 'RUN', 'CMD']);
    const afterKeyword = (await connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 9 },
    })) as CompletionItem[];
    assert.deepStrictEqual(afterKeyword, []);
  });

  it('answers the outline of one version the same each time, and the next version anew (flat for this client)', async () => {
    const uri = 'file:///work/stages/Dockerfile';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine AS base\nRUN true\n' },
    });
    // The client declared no hierarchical symbols: a flat list with container names.
    const outline = (symbols: SymbolInformation[]) => symbols.map((s) => `${s.containerName ?? ''}/${s.name} ${s.location.range.start.line}`);
    const first = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as SymbolInformation[];
    const second = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as SymbolInformation[];
    assert.deepStrictEqual(outline(first), ['/base 0', 'base/RUN 1']);
    assert.deepStrictEqual(second, first);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 15 }, end: { line: 0, character: 19 } }, text: 'runtime' }],
    });
    const renamed = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as SymbolInformation[];
    assert.deepStrictEqual(outline(renamed), ['/runtime 0', 'runtime/RUN 1']);
  });

  it('ends when its client closes stdin without a shutdown (exit code 1)', async () => {
    const orphan = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const code = new Promise((resolve) => orphan.once('exit', resolve));
    orphan.stdin!.end();
    assert.strictEqual(await code, 1);
  });

  it('sends a kept hierarchical outline again, byte for byte, to a client that asks twice', async () => {
    const other = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = createProtocolConnection(new StreamMessageReader(other.stdout!), new StreamMessageWriter(other.stdin!));
    client.listen();
    try {
      await client.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: null, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
      });
      const uri = 'file:///work/tree/Dockerfile';
      await client.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'ARG V=1\nFROM alpine:$V AS base\nRUN true\nFROM base\nCOPY --from=base / /\n' },
      });
      const ask = async () => (await client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      const tree = (symbols: DocumentSymbol[]): unknown[] => symbols.map((s) => [s.name, s.detail ?? '', tree(s.children ?? [])]);
      const expected = [
        ['ARG', 'V=1', [['V', '1', []]]],
        ['base', 'alpine:$V', [['RUN', 'true', []]]],
        ['base (stage 1)', '', [['COPY', '--from=base / /', []]]],
      ];
      assert.deepStrictEqual(tree(await ask()), expected);
      assert.deepStrictEqual(tree(await ask()), expected);
    } finally {
      client.dispose();
      other.kill();
    }
  });
});
