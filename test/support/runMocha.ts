// Runs the compiled *.test.js files of one folder with mocha and ends with the plain line
// "<suite>: N passed, M failed". Exits non-zero when a test failed or none ran.
//   node out/test/support/runMocha.js <suite> <folder> [--timeout ms]
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

function testFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.resolve(folder, file));
}

export async function runMocha(
  suite: string,
  files: string[],
  options: Mocha.MochaOptions = {},
): Promise<{ passed: number; failed: number; passes: string[]; failures: { title: string; error: string }[] }> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, ...options });
  for (const file of files) mocha.addFile(file);
  const failures: { title: string; error: string }[] = [];
  const passes: string[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => passes.push(test.fullTitle()));
    runner.on('fail', (test, error: Error) =>
      failures.push({ title: test.fullTitle(), error: error?.stack ?? String(error) }),
    );
  });
  if (files.length === 0) failures.push({ title: `${suite}: no test files`, error: 'nothing to run' });
  return { passed: passes.length, failed: failures.length, passes, failures };
}

async function main(): Promise<void> {
  const [suite, folder, ...rest] = process.argv.slice(2);
  if (!suite || !folder) {
    console.error('usage: runMocha <suite> <folder> [--timeout ms]');
    process.exit(2);
  }
  const timeoutIndex = rest.indexOf('--timeout');
  const timeout = timeoutIndex >= 0 ? Number(rest[timeoutIndex + 1]) : undefined;
  const result = await runMocha(suite, testFiles(folder), timeout ? { timeout } : {});
  console.log(`${suite}: ${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
}

if (require.main === module) void main();
