#!/usr/bin/env node
// The long fuzz runs (the test suite runs 2,000 and 1,000 files per language with one seed): DW_FUZZ_N mutated
// corpus files per language (default 20,000) through the bundled server, four requests each, with
// ../shared/bench/fuzz.mjs (completion, hover, outline); then as many with fuzzRequests.mjs (every other request kind,
// eight each). Prints their counts (crashes, timeouts, answers over a second, error answers and exceptions the
// server logged, the slowest answer) per language.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ours, root } from './lib.mjs';

const shared = process.env.DW_SHARED ?? path.resolve(root, '..', 'shared');
const n = process.env.DW_FUZZ_N ?? '20000';
const seed = process.env.DW_FUZZ_SEED ?? '11';
console.log(`Fuzzing, ${n} mutated files per language, seed ${seed}`);
console.log('| language | files | requests | crashes | timeouts | over 1 s | errors | slowest ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [lang, dir] of [['dockerfile', 'dockerfiles'], ['dockercompose', 'compose']]) {
  const corpus = path.join(shared, 'corpus', dir);
  const runs = [
    ['completion, hover, outline', [path.join(shared, 'bench', 'fuzz.mjs'), '--server', ours, '--lang', lang, '--dir', corpus, '--n', n, '--seed', seed]],
    ['every other request', [path.join(root, 'bench', 'fuzzRequests.mjs'), '--lang', lang, '--dir', corpus, '--n', n, '--seed', seed]],
  ];
  for (const [what, args] of runs) {
    const out = execFileSync('node', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const s = JSON.parse(out.trim().split('\n').pop());
    console.log(`| ${lang}: ${what} | ${s.docs} | ${s.requests} | ${s.crashes} | ${s.timeouts} | ${s.slow} | ${s.errors} | ${Math.round(s.worstMs)} |`);
  }
}
