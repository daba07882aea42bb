// The stdio message writer (server/src/stdioWriter.ts): each message framed and on the stream in the call that sends it.
import * as assert from 'assert';
import { PassThrough } from 'stream';
import type { Message } from 'vscode-languageserver/node';
import { createReusingJsonEncoder } from '../../server/src/jsonEncoder';
import { ImmediateMessageWriter } from '../../server/src/stdioWriter';

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

describe('stdio message writer', () => {
  it('frames each message with its length in bytes, in the order sent, before the call returns', async () => {
    const out = new PassThrough();
    const text = collect(out);
    const { encode, reusable } = createReusingJsonEncoder();
    const writer = new ImmediateMessageWriter(out, encode);
    const kept = [{ name: 'build ✓' }];
    reusable(kept);
    const first = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///é', diagnostics: [] } } as Message;
    const second = { jsonrpc: '2.0', id: 3, result: kept } as Message;
    const sent = [writer.write(first), writer.write(second)];
    // Nothing waits for a later turn of the event loop: the bytes are on the stream already.
    const framed = (msg: Message) => `Content-Length: ${Buffer.byteLength(JSON.stringify(msg))}\r\n\r\n${JSON.stringify(msg)}`;
    await new Promise((resolve) => process.nextTick(resolve));
    assert.strictEqual(text(), framed(first) + framed(second));
    await Promise.all(sent);
  });

  it('rejects a message it cannot encode and reports the error, and goes on with the next', async () => {
    const out = new PassThrough();
    const text = collect(out);
    const writer = new ImmediateMessageWriter(out, createReusingJsonEncoder().encode);
    const errors: string[] = [];
    writer.onError(([error]) => errors.push(error.message));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: cyclic } as Message), /circular/);
    assert.strictEqual(errors.length, 1);
    await writer.write({ jsonrpc: '2.0', id: 2, result: null } as Message);
    assert.strictEqual(text(), 'Content-Length: 38\r\n\r\n{"jsonrpc":"2.0","id":2,"result":null}');
  });

  it('rejects a message after the stream has ended, and tells that it closed', async () => {
    const out = new PassThrough();
    collect(out);
    const writer = new ImmediateMessageWriter(out, createReusingJsonEncoder().encode);
    const closed = new Promise<void>((resolve) => writer.onClose(() => resolve()));
    writer.end();
    await closed;
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: null } as Message), /closed/);
  });
});
