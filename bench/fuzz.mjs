#!/usr/bin/env node
// The long fuzz run (the test suite runs 2,000 files per language with one seed): DW_FUZZ_N mutated corpus files
// per language (default 20,000) through the bundled server, four requests each, with ../shared/bench/fuzz.mjs.
// Prints its counts (crashes, timeouts, answers over a second, error answers, the slowest answer) per language.
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
  const out = execFileSync('node', [path.join(shared, 'bench', 'fuzz.mjs'), '--server', ours, '--lang', lang, '--dir', path.join(shared, 'corpus', dir), '--n', n, '--seed', seed], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const s = JSON.parse(out.trim().split('\n').pop());
  console.log(`| ${lang} | ${s.docs} | ${s.requests} | ${s.crashes} | ${s.timeouts} | ${s.slow} | ${s.errors} | ${Math.round(s.worstMs)} |`);
}
