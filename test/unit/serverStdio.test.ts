// The bundled server (dist/server.js) as another editor would use it: spawned with --stdio.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  CompletionRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const serverJs = path.resolve(__dirname, '../../../dist/server.js');

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
});
