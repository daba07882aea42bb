// A short fuzz run in every test run (issue 12): 2,000 mutated corpus files per language, with a fixed seed, through
// the bundled server over stdio (../shared/bench/fuzz.mjs: junk inserted, lines cut, doubled and indented, huge
// repeats, stray characters; four requests per file). No crash, no error answer, and no answer slower than a second
// (that would be a hang). Then every other request kind (bench/fuzzRequests.mjs: definition, rename, formatting,
// code actions, semantic tokens ... eight per file) on 1,000 mutated files per language, with the same rules, and no
// exception caught and logged by the server either. The long runs (tens of thousands) are in the benchmarks.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import { corpusFolder } from './support/corpus';

const serverJs = path.resolve(__dirname, '../../../dist/server.js');
const fuzz = path.join(path.dirname(corpusFolder()), 'bench', 'fuzz.mjs');

const fuzzRequests = path.resolve(__dirname, '../../../bench/fuzzRequests.mjs');

/** Runs a fuzz script; its counts (the last line) and the failures it printed before them. */
function counts(args: string[]): Promise<{ stats: Record<string, number>; failures: string }> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      const lines = stdout.trim().split('\n');
      resolve({ stats: JSON.parse(lines.pop() ?? '{}') as Record<string, number>, failures: lines.join('\n').slice(0, 4000) });
    }),
  );
}

async function run(lang: string, dir: string): Promise<Record<string, number>> {
  const args = [fuzz, '--server', `${process.execPath} ${serverJs} --stdio`, '--lang', lang, '--dir', dir, '--n', '2000', '--seed', '7', '--slow', '1000'];
  return (await counts(args)).stats;
}

describe('fuzzing the language server (2,000 mutated files per language, seed 7)', function () {
  this.timeout(200_000);
  for (const [lang, sub] of [['dockerfile', 'dockerfiles'], ['dockercompose', 'compose']]) {
    it(`${lang}: no crash, no error, no answer over a second`, async () => {
      const stats = await run(lang, corpusFolder(sub));
      const { docs, requests, crashes, timeouts, slow, errors } = stats;
      assert.deepStrictEqual({ docs, requests, crashes, timeouts, slow, errors }, { docs: 2000, requests: 8000, crashes: 0, timeouts: 0, slow: 0, errors: 0 });
    });
  }
});

describe('fuzzing every other request of the language server (1,000 mutated files per language, seed 7)', function () {
  this.timeout(200_000);
  for (const [lang, sub] of [['dockerfile', 'dockerfiles'], ['dockercompose', 'compose']]) {
    it(`${lang}: no crash, no error, no logged exception, no answer over a second`, async () => {
      const { stats, failures } = await counts([fuzzRequests, '--lang', lang, '--dir', corpusFolder(sub), '--n', '1000', '--seed', '7', '--slow', '1000']);
      const { docs, requests, crashes, timeouts, slow, errors } = stats;
      assert.deepStrictEqual({ docs, requests, crashes, timeouts, slow, errors }, { docs: 1000, requests: 8000, crashes: 0, timeouts: 0, slow: 0, errors: 0 }, failures);
    });
  }
});
