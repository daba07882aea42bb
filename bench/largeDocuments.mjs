// Very large documents (issue 12): a 200,000-line Dockerfile and a 200,000-line compose file (gen.mjs), each opened
// in our server beside a small document of the same language. Reports the time to the large document's first
// diagnostics, then edits it 12 times and after each edit asks, all at once, a hover and the outline of the large
// document and a hover and a completion on the small one. The small document's answers show how long the server's
// thread is held up; since the client reads the large answers too, the server's own figure is also taken: the
// longest time its thread did not come back to its event loop after the open (bench/support/threadBlocks.cjs).
// Goal: first diagnostics within a few seconds, the server's thread never held up for more than 100 ms.
// Needs `npm run build`. DW_BENCH_VERBOSE=1 also prints every hold-up over 20 ms (ms since the server started, ms).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate, root, work } from './lib.mjs';
import { lspClient } from './support/lspClient.mjs';

const EDITS = 12;

async function run(lang, file, smallText) {
  const blocksFile = path.join(work, `blocks-${lang}.txt`);
  const server = lspClient(`node --v8-pool-size=0 -r ${path.join(root, 'bench', 'support', 'threadBlocks.cjs')} ${path.join(root, 'dist', 'server.js')} --stdio`, { env: { ...process.env, DW_BLOCKS_FILE: blocksFile } });
  const uri = `file:///bench/large/${path.basename(file)}`;
  const small = `file:///bench/small/${lang === 'dockerfile' ? 'Dockerfile' : 'compose.yaml'}`;
  await server.request('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
  server.send({ method: 'initialized', params: {} });
  server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: small, languageId: lang, version: 1, text: smallText } } });
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  const column = lines[line].length;
  const started = performance.now();
  const opened = performance.now();
  const diagnosed = server.notified('textDocument/publishDiagnostics', uri);
  server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: lang, version: 1, text } } });
  const firstDiagnostics = (await diagnosed).diagnostics.length;
  const openMs = performance.now() - opened;
  const smallMs = [];
  for (let version = 2; version < 2 + EDITS; version++) {
    const at = { line, character: column };
    const change = version % 2 === 0 ? { range: { start: at, end: at }, text: ' ' } : { range: { start: at, end: { line, character: column + 1 } }, text: '' };
    server.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [change] } });
    const t = performance.now();
    const answered = () => performance.now() - t;
    const asked = [
      server.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 2 } }),
      server.request('textDocument/documentSymbol', { textDocument: { uri } }),
      server.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 1 } }).then(answered),
      server.request('textDocument/completion', { textDocument: { uri: small }, position: { line: 1, character: 0 } }).then(answered),
    ];
    const [, , hover, completion] = await Promise.all(asked);
    smallMs.push(Math.max(hover, completion));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await server.close();
  // Blocks after the server's start-up (its own loading is not an answer being held up).
  const recorded = readFileSync(blocksFile, 'utf8');
  if (process.env.DW_BENCH_VERBOSE) console.log(recorded);
  const afterStart = recorded.split('\n').filter(Boolean).map((row) => row.split(' ').map(Number)).filter(([at]) => at > 1000);
  const longest = Math.max(0, ...afterStart.map(([, ms]) => ms));
  const sorted = [...smallMs].sort((a, b) => a - b);
  console.log(
    `| ${lang}, ${lines.length} lines | ${openMs.toFixed(0)} (${firstDiagnostics} findings) | ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} / ${sorted.at(-1).toFixed(0)} | ${longest.toFixed(0)} |`,
  );
  return performance.now() - started;
}

console.log('| document | open -> first diagnostics ms | small document\'s answers after an edit, median / worst ms (as the client sees them) | longest hold-up of the server\'s thread ms |');
console.log('| --- | ---: | ---: | ---: |');
await run('dockerfile', generate('dockerfile', 8_334, 'large.Dockerfile').file, 'FROM alpine:3.20 AS base\nRUN echo hi\n');
await run('dockercompose', generate('compose', 6_650, 'large-compose.yaml').file, 'services:\n  web:\n    image: nginx\n');
