// A minimal LSP client over stdio for the benchmarks (largeDocuments.mjs, fuzzRequests.mjs): requests (with a
// deadline when asked), notifications sent and listened to, the server's own requests answered as an editor without
// settings would, and the server's end noticed (its pending requests then resolve with `{ crashed: true }`).
import { spawn } from 'node:child_process';

/**
 * Starts `command` in a shell. `stderr`: keep the last 4,000 characters the server wrote there (`client.stderr()`),
 * else they are dropped.
 */
export function lspClient(command, { env = process.env, stderr = false } = {}) {
  const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'pipe', stderr ? 'pipe' : 'ignore'], env });
  const chunks = [];
  let length = 0;
  let pendingBody = -1;
  const waiting = new Map();
  const listeners = [];
  let nextId = 1;
  let exited = false;
  let errorText = '';
  child.stderr?.on('data', (data) => (errorText = (errorText + data).slice(-4000)));
  child.stdin.on('error', () => undefined);
  child.on('exit', () => {
    exited = true;
    for (const settle of waiting.values()) settle({ crashed: true });
    waiting.clear();
  });
  /** The first `n` bytes received, taken off the buffer (one copy per message, however many chunks it came in). */
  const take = (n) => {
    const all = Buffer.concat(chunks);
    chunks.length = 0;
    chunks.push(all.subarray(n));
    length = all.length - n;
    return all.subarray(0, n);
  };
  const send = (message) => {
    if (exited) return;
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  child.stdout.on('data', (data) => {
    chunks.push(data);
    length += data.length;
    for (;;) {
      if (pendingBody < 0) {
        const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        chunks.length = 0;
        chunks.push(all);
        const end = all.indexOf('\r\n\r\n');
        if (end < 0) return;
        pendingBody = Number(/Content-Length: (\d+)/i.exec(all.subarray(0, end).toString())[1]);
        take(end + 4);
      }
      if (length < pendingBody) return;
      const message = JSON.parse(take(pendingBody).toString());
      pendingBody = -1;
      if (message.id !== undefined && waiting.has(message.id)) {
        waiting.get(message.id)(message);
        waiting.delete(message.id);
      } else if (message.id !== undefined && message.method) {
        send({ id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null });
      } else if (message.method) {
        for (const listener of [...listeners]) listener(message);
      }
    }
  });
  /** The answer message; `{ timeout: true }` after `timeoutMs` when given, `{ crashed: true }` when the server ended. */
  const request = (method, params, timeoutMs) =>
    new Promise((resolve) => {
      if (exited) return resolve({ crashed: true });
      const id = nextId++;
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
        waiting.delete(id);
        resolve({ timeout: true });
      }, timeoutMs);
      waiting.set(id, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      send({ id, method, params });
    });
  /** Calls `listener` with every notification from the server. */
  const onNotification = (listener) => listeners.push(listener);
  /** The params of the next notification `method` about `uri`. */
  const notified = (method, uri) =>
    new Promise((resolve) => {
      const listener = (message) => {
        if (message.method !== method || message.params.uri !== uri) return;
        listeners.splice(listeners.indexOf(listener), 1);
        resolve(message.params);
      };
      listeners.push(listener);
    });
  const close = async () => {
    await request('shutdown', null);
    send({ method: 'exit' });
    if (!exited) await new Promise((resolve) => child.on('exit', resolve));
  };
  const kill = () => child.kill();
  return { send, request, onNotification, notified, close, kill, stderr: () => errorText };
}
