#!/usr/bin/env node
// Every request kind of the language server on mutated corpus files: ../shared/bench/fuzz.mjs asks for completion,
// hover and the outline; this asks for everything else too (definition, references, highlight, prepareRename and
// rename, the three formattings, code actions and fix-all, semantic tokens, folding, links, inlay hints, signature
// help), eight random requests per file at random places, through the bundled server over stdio.
//   node bench/fuzzRequests.mjs --lang dockerfile|dockercompose --dir CORPUS_DIR [--n 300] [--seed 1] [--slow 1000]
// Prints the failures (a crash with the server's stderr, an error answer, an exception the server caught and logged
// as an error, no answer within 20 s, an answer slower than --slow ms) and, last, one JSON line of counts. A refusal
// (rename or formatting answering a clear message) is an answer, not an error.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lspClient } from './support/lspClient.mjs';

const args = process.argv.slice(2);
const opt = { n: 300, seed: 1, slow: 1000 };
for (let i = 0; i < args.length; i++) {
  const key = args[i].replace(/^--/, '');
  opt[key] = ['n', 'seed', 'slow'].includes(key) ? Number(args[++i]) : args[++i];
}
const server = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server.js');
const REFUSED = -32600; // InvalidRequest: how the server answers a rename or formatting it refuses, with its reason

let state = opt.seed >>> 0;
const random = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const below = (n) => Math.floor(random() * n);
const pick = (items) => items[below(items.length)];

const JUNK = ['\\', '`', '$', '${', '}', '"', "'", '[', ']', '{', ':', '- ', '&a', '*a', '<<', '<<EOF', '#', '\t', '\0', '\u2028',
  '🐳', '\r', '\n', '\r\n', ' ', '--', '=', ',', 'FROM', 'RUN', 'services:', ' AS ', '--from=', '--mount=type=bind,from=', 'ARG X=1',
  '${X:-', '!!str ', '<<: *a', '? ', '|', '>-', '%YAML 1.2\n---\n'];

/** One to five edits: junk inserted or repeated, characters cut, lines removed, doubled or indented, the end cut. */
function mutate(text) {
  let t = text;
  for (let k = 1 + below(5); k > 0; k--) {
    const at = below(t.length + 1);
    const lines = t.split('\n');
    const line = below(lines.length);
    switch (below(8)) {
      case 0: t = t.slice(0, at) + pick(JUNK) + t.slice(at); break;
      case 1: t = t.slice(0, at) + t.slice(at + 1 + below(20)); break;
      case 2: lines.splice(line, 1); t = lines.join('\n'); break;
      case 3: lines.splice(line, 0, lines[below(lines.length)] ?? ''); t = lines.join('\n'); break;
      case 4: t = t.slice(0, at); break;
      case 5: t = t.slice(0, at) + pick(JUNK).repeat(1 + below(50)) + t.slice(at); break;
      case 6: lines[line] = '  '.repeat(below(6)) + (lines[line] ?? ''); t = lines.join('\n'); break;
      default: t = t.slice(0, at) + String.fromCharCode(below(0xffff)) + t.slice(at);
    }
  }
  return t;
}

/** The server over stdio, initialized with the capabilities of a full editor; errors it logs are collected. */
async function startServer() {
  const client = lspClient(`"${process.execPath}" "${server}" --stdio`, { stderr: true });
  /** Errors the server logged (a provider's exception, caught: the request got an empty answer). */
  const logged = [];
  client.onNotification((message) => {
    if (message.method === 'window/logMessage' && message.params.type === 1) logged.push(message.params.message);
  });
  const capabilities = {
    textDocument: {
      completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true }, rename: { prepareSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      semanticTokens: { requests: { full: { delta: true } }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
      foldingRange: {}, inlayHint: {}, documentLink: {}, signatureHelp: {},
    },
    workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
  };
  await client.request('initialize', { processId: process.pid, rootUri: null, capabilities });
  client.send({ method: 'initialized', params: {} });
  return { ...client, logged };
}

/** The requests, each made for a document of `lines` at a random place. */
function requestKinds(textDocument, lines) {
  const position = () => {
    const line = below(lines.length + 1);
    return { line, character: below((lines[line]?.length ?? 0) + 2) };
  };
  const range = () => {
    const [a, b] = [position(), position()].sort((x, y) => x.line - y.line || x.character - y.character);
    return { start: a, end: b };
  };
  const whole = () => ({ start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } });
  const options = () => ({ tabSize: pick([2, 4]), insertSpaces: random() < 0.8 });
  return [
    () => ['textDocument/definition', { textDocument, position: position() }],
    () => ['textDocument/references', { textDocument, position: position(), context: { includeDeclaration: random() < 0.5 } }],
    () => ['textDocument/documentHighlight', { textDocument, position: position() }],
    () => ['textDocument/prepareRename', { textDocument, position: position() }],
    () => ['textDocument/rename', { textDocument, position: position(), newName: pick(['x', 'new-name', 'A_B', 'bad name', '', '$x']) }],
    () => ['textDocument/formatting', { textDocument, options: options() }],
    () => ['textDocument/rangeFormatting', { textDocument, range: range(), options: options() }],
    () => ['textDocument/onTypeFormatting', { textDocument, position: position(), ch: '\n', options: options() }],
    () => ['textDocument/codeAction', { textDocument, range: range(), context: { diagnostics: [] } }],
    () => ['textDocument/codeAction', { textDocument, range: whole(), context: { diagnostics: [], only: ['source.fixAll'] } }],
    () => ['textDocument/semanticTokens/full', { textDocument }],
    () => ['textDocument/foldingRange', { textDocument }],
    () => ['textDocument/documentLink', { textDocument }],
    () => ['textDocument/inlayHint', { textDocument, range: whole() }],
    () => ['textDocument/signatureHelp', { textDocument, position: position() }],
    () => ['textDocument/documentSymbol', { textDocument }],
    () => ['textDocument/completion', { textDocument, position: position() }],
    () => ['textDocument/hover', { textDocument, position: position() }],
  ];
}

const files = readdirSync(opt.dir).filter((name) => !name.endsWith('.md')).map((name) => [name, readFileSync(path.join(opt.dir, name), 'utf8')]);
const stats = { docs: 0, requests: 0, crashes: 0, timeouts: 0, slow: 0, errors: 0, worstMs: 0 };
let srv = await startServer();
for (let d = 0; d < opt.n; d++) {
  const [name, original] = pick(files);
  const text = mutate(original);
  const uri = `file:///fuzz/${d}/${opt.lang === 'dockerfile' ? 'Dockerfile' : 'compose.yaml'}`;
  srv.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: opt.lang, version: 1, text } } });
  stats.docs++;
  const kinds = requestKinds({ uri }, text.split('\n'));
  for (let r = 0; r < 8; r++) {
    const [method, params] = pick(kinds)();
    const started = performance.now();
    const answer = await srv.request(method, params, 20_000);
    const ms = performance.now() - started;
    stats.requests++;
    const where = `${name} (mutation ${d}) ${method} ${JSON.stringify(params.position ?? params.range ?? '')}`;
    if (answer.crashed) {
      stats.crashes++;
      console.log(`crash: ${where}\n${srv.stderr()}`);
      srv = await startServer();
      break;
    }
    if (answer.timeout) {
      stats.timeouts++;
      console.log(`no answer: ${where}`);
      continue;
    }
    stats.worstMs = Math.max(stats.worstMs, ms);
    if (ms > opt.slow) {
      stats.slow++;
      console.log(`slow (${Math.round(ms)} ms): ${where}`);
    }
    if (answer.error && answer.error.code !== REFUSED) {
      stats.errors++;
      console.log(`error: ${where}: ${JSON.stringify(answer.error).slice(0, 300)}`);
    }
    for (const logged of srv.logged.splice(0)) {
      stats.errors++;
      console.log(`logged error: ${where}: ${logged.slice(0, 600)}`);
    }
  }
  srv.send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
}
srv.kill();
console.log(JSON.stringify(stats));
