// The stdio transport's JSON encoder: the bytes vscode-jsonrpc would send, with a kept answer serialized once.
import * as assert from 'assert';
import type { Message } from 'vscode-languageserver/node';
import { createReusingJsonEncoder } from '../../server/src/jsonEncoder';

const text = (pieces: Uint8Array[]) => Buffer.concat(pieces).toString('utf8');

describe('reusing JSON encoder', () => {
  const symbols = [{ name: 'build', kind: 5, detail: 'golang:1.22 ✓', range: { start: { line: 0, character: 0 }, end: { line: 3, character: 9 } } }];

  it('writes any message exactly as JSON.stringify does', () => {
    const { encode } = createReusingJsonEncoder();
    const messages = [
      { jsonrpc: '2.0', id: 1, result: symbols },
      { jsonrpc: '2.0', id: 'a"b', result: null },
      { jsonrpc: '2.0', id: 2, error: { code: -32600, message: 'refused' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: [] } },
    ] as unknown as Message[];
    for (const msg of messages) assert.strictEqual(text(encode(msg)), JSON.stringify(msg));
  });

  it('answers a kept result with the same bytes for each request id, even after the object changed', () => {
    const { encode, reusable } = createReusingJsonEncoder();
    const kept = structuredClone(symbols);
    reusable(kept);
    const first = { jsonrpc: '2.0', id: 7, result: kept } as Message;
    assert.strictEqual(text(encode(first)), JSON.stringify(first));
    // The bytes are made once: a change to the (read-only by contract) object no longer shows.
    kept[0].name = 'changed';
    const again = text(encode({ jsonrpc: '2.0', id: 'next', result: kept } as Message));
    assert.deepStrictEqual(JSON.parse(again), { jsonrpc: '2.0', id: 'next', result: symbols });
  });

  it('serializes an answer that was not marked each time', () => {
    const { encode, reusable } = createReusingJsonEncoder();
    reusable([]);
    const fresh = structuredClone(symbols);
    encode({ jsonrpc: '2.0', id: 1, result: fresh } as Message);
    fresh[0].name = 'renamed';
    const second = text(encode({ jsonrpc: '2.0', id: 2, result: fresh } as Message));
    assert.strictEqual(JSON.parse(second).result[0].name, 'renamed');
  });
});
