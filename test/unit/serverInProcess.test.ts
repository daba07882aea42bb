// The language server's handlers over an in-process connection: what an editor sees, without a process.
import * as assert from 'assert';
import { PassThrough } from 'stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LocalImagesNotification } from '../../common/src/protocol';
import { startDockerLanguageServer } from '../../server/src/DockerLanguageServer';

describe('language server over an in-process connection', () => {
  let client: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  const uri = 'file:///project/Dockerfile';

  before(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startDockerLanguageServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification(PublishDiagnosticsNotification.type, (params) => published.push(params));
    client.listen();
    // A client like VS Code: markdown and snippets (what a bare client gets is tested over stdio).
    const capabilities = {
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      },
    } as const;
    await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: capabilities as never });
    await client.sendNotification(InitializedNotification.type, {});
  });

  after(() => client.dispose());

  async function diagnosticsFor(version: number): Promise<PublishDiagnosticsParams> {
    for (let i = 0; i < 200; i++) {
      const found = published.find((p) => p.uri === uri && p.version === version);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no diagnostics for version ${version}`);
  }

  it('publishes diagnostics on open and after an edit, for that version', async () => {
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM python:3.12-slim as build\nRUN echo hi\n' },
    });
    const opened = await diagnosticsFor(1);
    assert.deepStrictEqual(opened.diagnostics.map((d) => [d.code, d.range.start.line]), [['FromAsCasing', 0]]);
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 22 }, end: { line: 0, character: 24 } }, text: 'AS' }],
    });
    assert.deepStrictEqual((await diagnosticsFor(2)).diagnostics, []);
  });

  it('serves Compose documents: diagnostics, completion and hover', async () => {
    const composeUri = 'file:///project/compose.yaml';
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: composeUri, languageId: 'dockercompose', version: 1, text: 'services:\n  web:\n    image: nginx\n    restart: sometimes\n    depends_on: [db]\n' },
    });
    let found: PublishDiagnosticsParams | undefined;
    for (let i = 0; i < 200 && !found; i++) {
      found = published.find((p) => p.uri === composeUri && p.version === 1);
      if (!found) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.deepStrictEqual(found?.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]).sort(), [['invalid-value', 1, 3], ['undefined-service', 1, 4]]);
    const items = (await client.sendRequest(CompletionRequest.type, { textDocument: { uri: composeUri }, position: { line: 3, character: 13 } })) as CompletionItem[];
    assert.deepStrictEqual(items.map((i) => i.label), ['no', 'always', 'on-failure', 'unless-stopped']);
    const hover = (await client.sendRequest(HoverRequest.type, { textDocument: { uri: composeUri }, position: { line: 2, character: 5 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /^\*\*image\*\*/);
  });

  it('completes and hovers local images that the client sent', async () => {
    await client.sendNotification(LocalImagesNotification.method, {
      images: [{ repoTags: ['python:3.12-slim'], id: 'sha256:0123456789abcdef', size: 2_000_000, created: Date.UTC(2026, 10, 1) }],
    } satisfies LocalImagesNotification.Params);
    const items = (await client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 5 } })) as CompletionItem[];
    assert.deepStrictEqual(items.map((i) => i.label), ['python:3.12-slim', 'scratch']);
    const hover = (await client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 8 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /^\*\*python:3\.12-slim\*\* \(local image\)/);
  });
});
