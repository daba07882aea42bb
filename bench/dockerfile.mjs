#!/usr/bin/env node
// `npm run bench`: our language server side by side with rcjsuen's Dockerfile language server (the one
// Microsoft's Container Tools ships), through the shared harness in ../shared/bench, on the same generated
// documents in one run. Prints a table of medians and ratios (ours / peer; lower is better).
// Timings are noisy on a shared machine: compare the ratios of one run, not absolute numbers across runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.DW_SHARED ?? path.resolve(root, '..', 'shared');
const harness = path.join(shared, 'bench');
const peersDir = process.env.DW_PEERS ?? path.join(process.env.HOME ?? tmpdir(), '.cache', 'docker-peers');
const sizes = (process.env.DW_BENCH_STAGES ?? '100,400,1600').split(',').map(Number);
const n = Number(process.env.DW_BENCH_N ?? 15);

execFileSync('bash', [path.join(harness, 'peers.sh'), peersDir], { stdio: ['ignore', 'ignore', 'inherit'] });
const servers = {
  ours: `node ${path.join(root, 'dist', 'server.js')} --stdio`,
  rcjsuen: `${path.join(peersDir, 'node_modules', '.bin', 'docker-langserver')} --stdio`,
};
const work = mkdtempSync(path.join(tmpdir(), 'dw-bench-'));

function bench(server, file, extra) {
  const out = execFileSync('node', [path.join(harness, 'lspbench.mjs'), '--server', server, '--lang', 'dockerfile', '--file', file, '--json', '--timeout', '180000', ...extra], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const rows = [];
const row = (what, ours, peer) => rows.push([what, ours, peer, ours / peer]);
for (const stages of sizes) {
  const file = path.join(work, `stages${stages}.Dockerfile`);
  writeFileSync(file, execFileSync('node', [path.join(harness, 'gen.mjs'), 'dockerfile', String(stages)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
  const lines = readFileSync(file, 'utf8').split('\n');
  const lastFrom = lines.findLastIndex((l) => l.startsWith('FROM '));
  const copy = lines.findLastIndex((l) => l.startsWith('COPY ["'));
  const at = `${lastFrom}:5`;
  // Just inside the second string of the array: where the peer is slowest (seconds).
  const inJson = `${copy}:${lines[copy].indexOf(', "') + 3}`;
  const common = ['--edit-line', String(lastFrom + 6), '--complete', at, '--hover', `${lastFrom}:1`, '--n', String(n)];
  const [ours, peer] = [servers.ours, servers.rcjsuen].map((s) => bench(s, file, common));
  const label = `${stages} stages (${lines.length} lines)`;
  row(`${label}: open -> diagnostics`, ours.openDiagMs, peer.openDiagMs);
  row(`${label}: edit -> diagnostics p50`, ours.editDiagMedMs, peer.editDiagMedMs);
  row(`${label}: completion p50`, ours.completion[0].medMs, peer.completion[0].medMs);
  row(`${label}: hover p50`, ours.hover[0].medMs, peer.hover[0].medMs);
  row(`${label}: memory MiB`, ours.rssMiB, peer.rssMiB);
  if (stages === 100) {
    const json = ['--complete', inJson, '--n', '3'];
    const [o, p] = [servers.ours, servers.rcjsuen].map((s) => bench(s, file, json));
    row(`${label}: completion in COPY JSON array p50`, o.completion[0].medMs, p.completion[0].medMs);
  }
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
console.log('| measure | ours (ms) | rcjsuen (ms) | ours / peer |');
console.log('| --- | ---: | ---: | ---: |');
for (const [what, o, p, r] of rows) console.log(`| ${what} | ${fmt(o)} | ${fmt(p)} | ${r.toFixed(3)} |`);
