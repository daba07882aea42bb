// Entry of the suite that runs INSIDE a VS Code extension host (code-server's VS Code server here,
// @vscode/test-electron on desktop). Runs every *.test.js beside it with mocha and writes the result
// as JSON to $DW_SUITE_RESULT, which the runner outside reads; also prints the plain summary line.
import * as fs from 'fs';
import * as path from 'path';
import { runMocha } from '../support/runMocha';

export async function run(): Promise<void> {
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    // DW_SUITE_FILES=images,volumes runs only the files whose names contain one of these words (for development).
    .filter((file) => !process.env.DW_SUITE_FILES || process.env.DW_SUITE_FILES.split(',').some((word) => file.includes(word)))
    .sort()
    .map((file) => path.join(__dirname, file));
  const result = await runMocha('vscode', files, { timeout: 60_000 });
  console.log(`vscode: ${result.passed} passed, ${result.failed} failed`);
  if (process.env.DW_SUITE_RESULT) fs.writeFileSync(process.env.DW_SUITE_RESULT, JSON.stringify(result));
  if (result.failed > 0 || result.passed === 0) throw new Error(`${result.failed} test(s) failed`);
}
