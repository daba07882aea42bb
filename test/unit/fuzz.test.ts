// A short fuzz run in every test run (issue 12): 2,000 mutated corpus files per language, with a fixed seed, through
// the bundled server over stdio (../shared/bench/fuzz.mjs: junk inserted, lines cut, doubled and indented, huge
// repeats, stray characters; four requests per file). No crash, no error answer, and no answer slower than a second
// (that would be a hang). The long run (tens of thousands) is in the benchmarks.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import { corpusFolder } from './support/corpus';

const serverJs = path.resolve(__dirname, '../../../dist/server.js');
const fuzz = path.join(path.dirname(corpusFolder()), 'bench', 'fuzz.mjs');

function run(lang: string, dir: string): Promise<Record<string, number>> {
  const args = [fuzz, '--server', `${process.execPath} ${serverJs} --stdio`, '--lang', lang, '--dir', dir, '--n', '2000', '--seed', '7', '--slow', '1000'];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { timeout: 180_000, maxBuffer: 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>),
    ),
  );
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
