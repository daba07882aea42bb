#!/usr/bin/env node
// The Dockerfile editor features side by side with rcjsuen's Dockerfile language server, in one run, on the
// 9.6k-line generated Dockerfile (400 stages): outline, folding, formatting, links, highlight, definition,
// references and rename (on a stage name and on a global ARG), semantic tokens; then semantic tokens on files of
// about 1k, 4k and 12k lines, to show how they grow. A peer answer that is an error (no such feature) is shown.
import { bench, generate, ours, peers } from './lib.mjs';

const n = process.env.DW_BENCH_N ?? '15';
const { rcjsuen } = peers();
const { file, lines } = generate('dockerfile', 400, 'features400.Dockerfile');
// A stage referenced by the next stage's FROM, in the middle of the file, and the global ARG VERSION.
const from = lines.findIndex((l) => l.startsWith('FROM stage199 '));
const stageAt = `${from}:7`;
const argLine = lines.findIndex((l) => l.startsWith('ARG VERSION='));
const argAt = `${argLine}:6`;
const kinds = [
  'symbols', 'folding', 'formatting', 'links', 'semanticTokens',
  `highlight@${stageAt}`, `definition@${stageAt}`, `references@${stageAt}`, `rename@${stageAt}`,
  `highlight@${argAt}`, `references@${argAt}`, `rename@${argAt}`,
];
const args = kinds.flatMap((k) => ['--request', k]).concat(['--n', n]);
const [o, p] = [ours, rcjsuen].map((server) => bench(server, 'dockerfile', file, args));

const fmt = (v) => (v == null ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(2));
const label = (r) => `${r.kind}${r.at ? ` @${r.at === stageAt ? 'stage name' : 'global ARG'}` : ''}`;
console.log(`Dockerfile editor features, ${lines.length} lines (p50 ms; results = items in the answer)`);
console.log('| request | ours | results | rcjsuen | results | ours / peer |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
o.requests.forEach((mine, i) => {
  const peer = p.requests[i];
  const peerCell = peer.error ? `no (${peer.error.slice(0, 40)})` : fmt(peer.medMs);
  const ratio = peer.error || !peer.medMs ? '-' : (mine.medMs / peer.medMs).toFixed(3);
  console.log(`| ${label(mine)} | ${mine.error ? `error: ${mine.error}` : fmt(mine.medMs)} | ${mine.results} | ${peerCell} | ${peer.results} | ${ratio} |`);
});
console.log(`| memory MiB | ${o.rssMiB} | | ${p.rssMiB} | | ${(o.rssMiB / p.rssMiB).toFixed(3)} |`);

// Semantic tokens as the file grows (gen.mjs writes about 24 lines per stage).
console.log('\nSemantic tokens by file size (p50 ms)');
console.log('| lines | ours | ours per 1k lines | rcjsuen |');
console.log('| ---: | ---: | ---: | ---: |');
for (const stages of [42, 167, 500]) {
  const sized = generate('dockerfile', stages, `tokens${stages}.Dockerfile`);
  const request = ['--request', 'semanticTokens', '--n', stages > 200 ? '3' : n];
  const mine = bench(ours, 'dockerfile', sized.file, request).requests[0];
  // The peer's semantic tokens grow quadratically: at 12k lines one answer takes minutes, so it is measured up to 4k.
  const peer = stages <= 167 ? bench(rcjsuen, 'dockerfile', sized.file, ['--request', 'semanticTokens', '--n', '3']).requests[0] : undefined;
  console.log(`| ${sized.lines.length} | ${fmt(mine.medMs)} | ${fmt((mine.medMs * 1000) / sized.lines.length)} | ${peer ? fmt(peer.medMs) : 'not run'} |`);
}
