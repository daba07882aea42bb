// The stdio transport's JSON encoder: the bytes vscode-jsonrpc would send, with a kept answer serialized once.
import * as assert from 'assert';
import type { Message } from 'vscode-languageserver/node';
import { createReusingJsonEncoder } from '../../server/src/jsonEncoder';

const text = async (bytes: Promise<Uint8Array>) => Buffer.from(await bytes).toString('utf8');

describe('reusing JSON encoder', () => {
  const symbols = [{ name: 'build', kind: 5, detail: 'golang:1.22 ✓', range: { start: { line: 0, character: 0 }, end: { line: 3, character: 9 } } }];

  it('writes any message exactly as JSON.stringify does', async () => {
    const { encoder } = createReusingJsonEncoder();
    const messages = [
      { jsonrpc: '2.0', id: 1, result: symbols },
      { jsonrpc: '2.0', id: 'a"b', result: null },
      { jsonrpc: '2.0', id: 2, error: { code: -32600, message: 'refused' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: [] } },
    ] as unknown as Message[];
    for (const msg of messages) assert.strictEqual(await text(encoder.encode(msg, { charset: 'utf-8' })), JSON.stringify(msg));
  });

  it('answers a kept result with the same bytes for each request id, even after the object changed', async () => {
    const { encoder, reusable } = createReusingJsonEncoder();
    const kept = structuredClone(symbols);
    reusable(kept);
    const first = { jsonrpc: '2.0', id: 7, result: kept } as Message;
    assert.strictEqual(await text(encoder.encode(first, { charset: 'utf-8' })), JSON.stringify(first));
    // The bytes are made once: a change to the (read-only by contract) object no longer shows.
    kept[0].name = 'changed';
    const again = await text(encoder.encode({ jsonrpc: '2.0', id: 'next', result: kept } as Message, { charset: 'utf-8' }));
    assert.deepStrictEqual(JSON.parse(again), { jsonrpc: '2.0', id: 'next', result: symbols });
  });

  it('serializes an answer that was not marked each time', async () => {
    const { encoder, reusable } = createReusingJsonEncoder();
    reusable([]);
    const fresh = structuredClone(symbols);
    await encoder.encode({ jsonrpc: '2.0', id: 1, result: fresh } as Message, { charset: 'utf-8' });
    fresh[0].name = 'renamed';
    const second = await text(encoder.encode({ jsonrpc: '2.0', id: 2, result: fresh } as Message, { charset: 'utf-8' }));
    assert.strictEqual(JSON.parse(second).result[0].name, 'renamed');
  });
});
