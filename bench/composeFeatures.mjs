#!/usr/bin/env node
// The Compose editor features side by side with Red Hat's YAML language server (the outline, folding and
// formatting most compose authors have today) and Microsoft's compose language service, in one run, on the
// 15k-line generated compose file (500 services): outline, folding, formatting, links, and highlight,
// definition, references and rename on a service named in `depends_on`, on a network and on an anchor. A peer
// answer that is an error (no such feature) is shown as such.
import { bench, generate, ours, peers } from './lib.mjs';

const n = process.env.DW_BENCH_N ?? '15';
const { redhatYaml, microsoftCompose } = peers();
const { file, lines } = generate('compose', 500, 'features500.yaml');
// In svc250: its `depends_on` entry `svc249:`, its `networks: [backend]`, and the `<<: *common` alias.
const svc = lines.findIndex((l) => l === '  svc250:');
const dependsOn = lines.findIndex((l, i) => i > svc && l === '      svc249:');
const network = lines.findIndex((l, i) => i > svc && l.trim().startsWith('networks: [backend'));
const alias = lines.findIndex((l, i) => i > svc && l.trim() === '<<: *common');
const at = { service: `${dependsOn}:8`, network: `${network}:17`, anchor: `${alias}:10` };
const kinds = ['symbols', 'folding', 'formatting', 'links'];
for (const [what, where] of Object.entries(at)) for (const k of ['highlight', 'definition', 'references', 'rename']) kinds.push(`${k}@${where}`);
const args = kinds.flatMap((k) => ['--request', k]).concat(['--n', n, '--uri-name', 'compose.yaml']);
const servers = [['ours', ours, 'dockercompose'], ['Red Hat YAML', redhatYaml, 'yaml'], ['Microsoft compose', microsoftCompose, 'dockercompose']];
const results = servers.map(([, server, lang]) => bench(server, lang, file, args));

const fmt = (v) => (v == null ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(2));
const cell = (r) => (r.error ? `no (${r.error.slice(0, 30)})` : `${fmt(r.medMs)} (${r.results})`);
const label = (r) => `${r.kind}${r.at ? ` @${Object.keys(at).find((k) => at[k] === r.at)}` : ''}`;
console.log(`Compose editor features, ${lines.length} lines (p50 ms, items in the answer in parentheses)`);
console.log(`| request | ${servers.map(([name]) => name).join(' | ')} | ours / Red Hat |`);
console.log(`| --- | ${servers.map(() => '---:').join(' | ')} | ---: |`);
results[0].requests.forEach((mine, i) => {
  const peer = results[1].requests[i];
  const ratio = peer.error || !peer.medMs || mine.error ? '-' : (mine.medMs / peer.medMs).toFixed(3);
  console.log(`| ${label(mine)} | ${results.map((r) => cell(r.requests[i])).join(' | ')} | ${ratio} |`);
});
console.log(`| memory MiB | ${results.map((r) => r.rssMiB).join(' | ')} | ${(results[0].rssMiB / results[1].rssMiB).toFixed(3)} |`);
