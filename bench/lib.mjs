// Shared by the benchmarks: the harness in ../shared/bench (lspbench.mjs, gen.mjs, peers.sh), the peers'
// commands, and the table printer. Timings are noisy on a shared machine: compare ratios of one run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.DW_SHARED ?? path.resolve(root, '..', 'shared');
const harness = path.join(shared, 'bench');
const peersDir = process.env.DW_PEERS ?? path.join(process.env.HOME ?? tmpdir(), '.cache', 'docker-peers');
export const n = Number(process.env.DW_BENCH_N ?? 15);
// As the README says to run it on its own (and as the extension starts it): V8's background threads sized to the machine.
export const ours = `node --v8-pool-size=0 ${path.join(root, 'dist', 'server.js')} --stdio`;
export const work = mkdtempSync(path.join(tmpdir(), 'dw-bench-'));

/** Installs the peers (once, into a cache folder) and returns their stdio commands. */
export function peers() {
  execFileSync('bash', [path.join(harness, 'peers.sh'), peersDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const modules = path.join(peersDir, 'node_modules');
  return {
    rcjsuen: `${path.join(modules, '.bin', 'docker-langserver')} --stdio`,
    microsoftCompose: `node ${path.join(modules, '@microsoft', 'compose-language-service', 'bin', 'docker-compose-langserver')} --stdio`,
    redhatYaml: `node ${path.join(modules, 'yaml-language-server', 'bin', 'yaml-language-server')} --stdio`,
  };
}

/** Writes `gen.mjs KIND SIZE` to a file and returns its path and lines. */
export function generate(kind, size, name) {
  const file = path.join(work, name);
  const text = execFileSync('node', [path.join(harness, 'gen.mjs'), kind, String(size)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(file, text);
  return { file, lines: text.split('\n') };
}

/** One lspbench.mjs run; its JSON result. */
export function bench(server, lang, file, extra) {
  const out = execFileSync('node', [path.join(harness, 'lspbench.mjs'), '--server', server, '--lang', lang, '--file', file, '--json', '--timeout', '180000', ...extra], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

/** How many fresh starts the open -> diagnostics figures take the median of (DW_BENCH_OPENS). */
export const opens = Number(process.env.DW_BENCH_OPENS ?? 5);

/**
 * Open -> diagnostics of each server: the median of `opens` fresh starts, the servers taking turns (one open of each
 * is too noisy to compare on a shared machine, whose speed drifts within minutes).
 */
export function medianOpens(servers, lang, file, extra = []) {
  const times = servers.map(() => []);
  for (let round = 0; round < opens; round++) {
    servers.forEach((server, i) => times[i].push(bench(server, lang, file, [...extra, '--n', '1']).openDiagMs));
  }
  return times.map((list) => list.sort((a, b) => a - b)[list.length >> 1]);
}

/** Prints rows [measure, ours, peer] as a Markdown table with the ratio ours / peer (lower is better). */
export function printTable(peerName, rows) {
  const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
  console.log(`| measure | ours | ${peerName} | ours / peer |`);
  console.log('| --- | ---: | ---: | ---: |');
  for (const [what, o, p] of rows) console.log(`| ${what} | ${fmt(o)} | ${fmt(p)} | ${(o / p).toFixed(3)} |`);
}
