#!/usr/bin/env node
// Our language server side by side with rcjsuen's Dockerfile language server (the one Microsoft's Container
// Tools ships) on generated Dockerfiles of 100, 400 and 1600 stages (DW_BENCH_STAGES), in one run.
import { bench, generate, medianOpens, opens, ours, peers, printTable } from './lib.mjs';

const sizes = (process.env.DW_BENCH_STAGES ?? '100,400,1600').split(',').map(Number);
const n = process.env.DW_BENCH_N ?? '15';
const { rcjsuen } = peers();
const rows = [];
for (const stages of sizes) {
  const { file, lines } = generate('dockerfile', stages, `stages${stages}.Dockerfile`);
  const lastFrom = lines.findLastIndex((l) => l.startsWith('FROM '));
  const copy = lines.findLastIndex((l) => l.startsWith('COPY ["'));
  const common = ['--edit-line', String(lastFrom + 6), '--complete', `${lastFrom}:5`, '--hover', `${lastFrom}:1`, '--n', n];
  const [o, p] = [ours, rcjsuen].map((server) => bench(server, 'dockerfile', file, common));
  const label = `${stages} stages (${lines.length} lines)`;
  rows.push([`${label}: open -> diagnostics ms (median of ${opens} starts)`, ...medianOpens([ours, rcjsuen], 'dockerfile', file)]);
  rows.push([`${label}: edit -> diagnostics p50 ms`, o.editDiagMedMs, p.editDiagMedMs]);
  rows.push([`${label}: completion p50 ms`, o.completion[0].medMs, p.completion[0].medMs]);
  rows.push([`${label}: hover p50 ms`, o.hover[0].medMs, p.hover[0].medMs]);
  rows.push([`${label}: memory MiB`, o.rssMiB, p.rssMiB]);
  if (stages === 100) {
    // Just inside the second string of the COPY JSON array: where the peer is slowest (seconds).
    const json = ['--complete', `${copy}:${lines[copy].indexOf(', "') + 3}`, '--n', '3'];
    const [oj, pj] = [ours, rcjsuen].map((server) => bench(server, 'dockerfile', file, json));
    rows.push([`${label}: completion in COPY JSON array p50 ms`, oj.completion[0].medMs, pj.completion[0].medMs]);
  }
}
printTable('rcjsuen', rows);
