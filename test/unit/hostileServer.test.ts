// The bundled server (dist/server.js over stdio) against hostile requests and files (issue 12): each answer must
// come, and come within a second (a slower one is a hang, not a timing question), and the server must keep
// answering afterwards.
import * as assert from 'assert';
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const serverJs = path.resolve(__dirname, '../../../dist/server.js');
const HANG_MS = 1000;

async function within<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe('language server against hostile requests and files', () => {
  let child: ChildProcess;
  let connection: ProtocolConnection;
  let workspace: string;
  const diagnostics = new Map<string, Diagnostic[]>();
  const diagnosticsOf = (uri: string, until: (d: Diagnostic[]) => boolean) =>
    new Promise<Diagnostic[]>((resolve) => {
      const poll = () => {
        const found = diagnostics.get(uri);
        if (found && until(found)) resolve(found);
        else setTimeout(poll, 20);
      };
      poll();
    });
  const open = (uri: string, languageId: string, text: string) =>
    connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-hostile-'));
    child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics: found }) => diagnostics.set(uri, found));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'w' }],
      capabilities: {},
    });
  });
  after(() => {
    connection.dispose();
    child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('completes at line 1e9 and 2^53 as at the end of the document, at -1 and NaN as at its start, at once', async () => {
    const uri = 'file:///hostile/Dockerfile';
    await open(uri, 'dockerfile', 'FROM alpine\n');
    const labels = async (line: number, character: number) => {
      const items = (await within(`completion at ${line}`, HANG_MS, connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }))) as CompletionItem[];
      return items.map((i) => i.label).slice(0, 3);
    };
    const atEnd = await labels(1, 0);
    assert.deepStrictEqual(atEnd, ['FROM', 'RUN', 'CMD']);
    assert.deepStrictEqual(await labels(1e9, 5), atEnd);
    assert.deepStrictEqual(await labels(2 ** 53, 2 ** 53), atEnd);
    // Before the first line's keyword: the keywords that may replace it, as at (0, 0).
    assert.deepStrictEqual(await labels(0, 0), ['FROM', 'RUN', 'CMD']);
    assert.deepStrictEqual(await labels(-1, -1), ['FROM', 'RUN', 'CMD']);
    assert.deepStrictEqual(await labels(Number.NaN, 0), ['FROM', 'RUN', 'CMD']);
  });

  it('answers the next request after a message with a Content-Length that is too large', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: {} });
    child.stdin!.write(`Content-Length: ${body.length + 100000}\r\n\r\n${body}`);
    const hover = await within('hover after a bad frame', HANG_MS * 3, connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///hostile/Dockerfile' }, position: { line: 0, character: 1 } }));
    assert.match(JSON.stringify(hover), /FROM/);
  });

  it('does not read an extended FIFO, a 1.5 GB file or /etc/passwd, and says why', async () => {
    execFileSync('mkfifo', [path.join(workspace, 'pipe.yaml')]);
    const huge = path.join(workspace, 'huge.yaml');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 1.5 * 1024 ** 3); // sparse: no disk used
    const uri = pathToFileURL(path.join(workspace, 'compose.yaml')).href;
    const text = 'include:\n  - pipe.yaml\n  - huge.yaml\n  - /etc/passwd\nservices:\n  web:\n    image: nginx\n';
    await open(uri, 'dockercompose', text);
    const found = await within('diagnostics', HANG_MS * 5, diagnosticsOf(uri, (d) => d.some((x) => x.code === 'file-not-read')));
    assert.deepStrictEqual(
      found.filter((d) => d.code === 'file-not-read').map((d) => `${d.range.start.line} ${d.message}`),
      [
        '1 The included file "pipe.yaml" is not read: it is not a regular file.',
        '2 The included file "huge.yaml" is not read: it is 1.5 GiB, over the 4 MiB limit of the docker-workflows.files.maxSizeMiB setting.',
        "3 The included file \"/etc/passwd\" is not read: it is outside the workspace folders and the compose file's folder (the docker-workflows.files.readOutsideWorkspace setting allows it).",
      ],
    );
    const hover = await within('hover', HANG_MS, connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 6, character: 6 } }));
    assert.match(JSON.stringify(hover), /image/i);
  });
});

describe('language server with a 50,000-line Dockerfile (checked in its worker thread)', () => {
  it('publishes its diagnostics, answers hover meanwhile, and publishes again after an edit', async () => {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published: { version?: number; codes: string[] }[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, ({ version, diagnostics }) =>
      published.push({ version, codes: diagnostics.map((d) => `${d.range.start.line}:${d.code}`) }),
    );
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      const stage = (k: number) => `FROM alpine:3.20 AS s${k}\nRUN echo ${k} \\\n    && true\nCOPY --from=s${k === 0 ? 0 : k - 1} /a /b\n`;
      let text = '';
      for (let k = 0; text.length <= 1024 * 1024; k++) text += stage(k);
      const lines = text.split('\n').length;
      const uri = 'file:///large/Dockerfile';
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
      const hover = await within('hover while the worker checks', HANG_MS * 5, connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } }));
      assert.match(JSON.stringify(hover), /FROM/);
      const until = async (version: number) => {
        const deadline = Date.now() + 60_000;
        while (!published.some((p) => p.version === version) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        return published.find((p) => p.version === version);
      };
      // Stage 0 copies from itself: the one finding of the file.
      assert.deepStrictEqual(await until(1), { version: 1, codes: ['3:self-stage-reference'] });
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } }, text: 'RUNN x\n' }],
      });
      assert.deepStrictEqual(await until(2), { version: 2, codes: ['3:self-stage-reference', `${lines - 1}:unknown-instruction`] });
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
