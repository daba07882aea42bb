#!/usr/bin/env node
// Our language server side by side with Microsoft's compose language service on generated compose files of
// 125, 500 and 2000 services (DW_BENCH_SERVICES), in one run.
import { bench, generate, medianOpens, opens, ours, peers, printTable } from './lib.mjs';

const sizes = (process.env.DW_BENCH_SERVICES ?? '125,500,2000').split(',').map(Number);
const n = process.env.DW_BENCH_N ?? '15';
const { microsoftCompose } = peers();
const rows = [];
for (const services of sizes) {
  const { file, lines } = generate('compose', services, `compose${services}.yaml`);
  // The last generated service: `  svcN:`, then `<<: *common`, `image: ...`, ... `environment:` / `LOG_LEVEL: info`.
  const last = lines.findIndex((l) => l === `  svc${services - 1}:`);
  const logLevel = lines.findIndex((l, i) => i > last && l.trim().startsWith('LOG_LEVEL:'));
  const common = ['--uri-name', 'compose.yaml', '--edit-line', String(logLevel), '--complete', `${last + 2}:4`, '--hover', `${last + 2}:6`, '--n', n];
  const [o, p] = [ours, microsoftCompose].map((server) => bench(server, 'dockercompose', file, common));
  const label = `${services} services (${lines.length} lines)`;
  rows.push([`${label}: open -> diagnostics ms (median of ${opens} starts)`, ...medianOpens([ours, microsoftCompose], 'dockercompose', file, ['--uri-name', 'compose.yaml'])]);
  rows.push([`${label}: edit -> diagnostics p50 ms`, o.editDiagMedMs, p.editDiagMedMs]);
  rows.push([`${label}: completion p50 ms`, o.completion[0].medMs, p.completion[0].medMs]);
  rows.push([`${label}: hover p50 ms`, o.hover[0].medMs, p.hover[0].medMs]);
  rows.push([`${label}: memory MiB`, o.rssMiB, p.rssMiB]);
}
printTable('Microsoft compose', rows);
