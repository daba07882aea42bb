// The JSON encoder of the stdio transport: the same bytes as vscode-jsonrpc's own encoder (JSON.stringify of the
// message), except that an answer the server marked as reusable is serialized once. The services keep one
// answer per document version for the requests that clients repeat without an edit in between (outline,
// folding: VS Code, Neovim and Helix ask again for breadcrumbs, sticky scroll and status lines), so that a repeat
// costs only copying its bytes. Answers are read-only once sent (the services never change a kept answer).
import type { Message } from 'vscode-languageserver/node';

export interface ReusingJsonEncoder {
  /** The message's JSON as UTF-8, in pieces to be written one after another (a kept answer's bytes are not copied). */
  encode(msg: Message): Buffer[];
  /** Marks an answer as kept by its service: its JSON is made once and reused while the answer lives. */
  reusable(result: object): void;
  /**
   * An answer (or a notification's params) that is sent as `json`, made elsewhere (the workers' answers and
   * diagnostics): no parsing, no serializing.
   */
  raw(json: Uint8Array): object;
}

const CLOSE = Buffer.from('}', 'utf8');

export function createReusingJsonEncoder(): ReusingJsonEncoder {
  // Keyed by the answer object itself: when a service drops an answer (a new version), its bytes go with it.
  const bytes = new WeakMap<object, Buffer | null>();
  const encode = (msg: Message): Buffer[] => {
    // An answer's result or a notification's params (diagnostics the worker made as JSON).
    const field = 'result' in msg ? 'result' : 'params';
    const value = (msg as { result?: unknown; params?: unknown })[field];
    if (typeof value !== 'object' || value === null || !bytes.has(value)) return [Buffer.from(JSON.stringify(msg), 'utf8')];
    let body = bytes.get(value);
    if (!body) bytes.set(value, (body = Buffer.from(JSON.stringify(value), 'utf8')));
    // The envelope without it (`{"jsonrpc":"2.0","id":7}`), opened again to take it last.
    const head = JSON.stringify({ ...msg, [field]: undefined });
    return [Buffer.from(`${head.slice(0, -1)},"${field}":`, 'utf8'), body, CLOSE];
  };
  return {
    encode,
    reusable: (result) => {
      if (!bytes.has(result)) bytes.set(result, null);
    },
    raw: (json) => {
      const answer = {};
      // The bytes themselves, not a copy.
      bytes.set(answer, Buffer.from(json.buffer, json.byteOffset, json.byteLength));
      return answer;
    },
  };
}
