// The stdio reader: LSP framing, and recovery from a client's wrong Content-Length at the next header.
import * as assert from 'assert';
import { PassThrough } from 'stream';
import type { Message } from 'vscode-languageserver/node';
import { ResyncingMessageReader } from '../../server/src/stdioReader';

function frame(body: string, length = Buffer.byteLength(body)): string {
  return `Content-Length: ${length}\r\n\r\n${body}`;
}

/** Feeds the chunks (in that order, one write each) and returns the messages read and the lines logged. */
function read(chunks: (string | Buffer)[]): { messages: Message[]; logs: string[] } {
  const input = new PassThrough();
  const logs: string[] = [];
  const messages: Message[] = [];
  new ResyncingMessageReader(input, (line) => logs.push(line)).listen((message) => messages.push(message));
  for (const chunk of chunks) input.emit('data', Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, 'utf8'));
  return { messages, logs };
}

const ping = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' });

describe('stdio message reader', () => {
  it('reads messages whatever the chunks: several in one, one cut anywhere, multi-byte characters cut in two', () => {
    const text = JSON.stringify({ jsonrpc: '2.0', method: 'note', params: { text: 'FROM 🐳 AS é' } });
    const all = Buffer.from(frame(ping(1)) + frame(text) + frame(ping(2)), 'utf8');
    for (const cut of [1, 7, 20, 25, 40, 60, all.length - 1]) {
      const { messages, logs } = read([all.subarray(0, cut), all.subarray(cut)]);
      assert.deepStrictEqual(messages, [JSON.parse(ping(1)), JSON.parse(text), JSON.parse(ping(2))], `cut at ${cut}`);
      assert.deepStrictEqual(logs, []);
    }
  });

  it('takes other header fields and any case of Content-Length', () => {
    const body = ping(3);
    const { messages } = read([`content-length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`]);
    assert.deepStrictEqual(messages, [JSON.parse(body)]);
  });

  it('drops a message whose length is too small and reads the next one', () => {
    const { messages, logs } = read([frame(ping(1), 10) + frame(ping(2))]);
    assert.deepStrictEqual(messages, [JSON.parse(ping(2))]);
    assert.deepStrictEqual(logs, ['A message of Content-Length 10 is not JSON (a wrong length?): it is dropped, reading goes on at the next header.']);
  });

  it('does not wait for the bytes of a length that is too large once the next header has come', () => {
    const { messages, logs } = read([frame(ping(1), 5000), frame(ping(2))]);
    assert.deepStrictEqual(messages, [JSON.parse(ping(2))]);
    assert.deepStrictEqual(logs, ["Content-Length 5000 runs into the next message's header: the message before it is dropped."]);
  });

  it('skips a header without a usable length, and junk between messages', () => {
    const { messages, logs } = read([`Content-Length: lots\r\n\r\n${ping(1)}`, 'junk\r\n\r\n', frame(ping(2))]);
    assert.deepStrictEqual(messages, [JSON.parse(ping(2))]);
    assert.deepStrictEqual(logs, [
      'Skipped a header without a Content-Length; reading goes on at the next Content-Length header.',
      'Skipped a header without a Content-Length; reading goes on at the next Content-Length header.',
    ]);
  });

  it('does not take "Content-Length:" inside a JSON string for a header', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'note', params: { text: 'x\r\nContent-Length: 12\r\n\r\n{}' } });
    const { messages, logs } = read([frame(body)]);
    assert.deepStrictEqual(messages, [JSON.parse(body)]);
    assert.deepStrictEqual(logs, []);
  });

  it('reads a 10 MB message sent in 64 KiB pieces', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'note', params: { text: 'RUN true\n'.repeat(1_200_000) } });
    const bytes = Buffer.from(frame(body) + frame(ping(9)), 'utf8');
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 65536) pieces.push(bytes.subarray(i, i + 65536));
    const { messages } = read(pieces);
    assert.strictEqual(messages.length, 2);
    assert.strictEqual((messages[0] as unknown as { params: { text: string } }).params.text.length, 'RUN true\n'.length * 1_200_000);
    assert.deepStrictEqual(messages[1], JSON.parse(ping(9)));
  });
});
