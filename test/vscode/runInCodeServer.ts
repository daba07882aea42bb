// Runs the extension test suite (out/test/suite/index.js) inside the real VS Code extension host, the way
// @vscode/test-electron does, but in the VS Code server opened by headless Chromium (see DESIGN.md).
//   node out/test/vscode/runInCodeServer.js
// Environment:
//   DW_SUITE_TIMEOUT_MS  how long the suite may take, default 900000 (it runs 4 to 6 minutes: a hang detector)
//   DW_EXTENSION_PATH    extension under test, default the repository root
//   DW_SUITE_PATH        suite module exporting run(), default <root>/out/test/suite/index.js
//   DOCKER_HOST and everything else in the environment reach the extension host unchanged.
// The suite writes {passed, failed, failures: [{title, error}]} to the file named by DW_SUITE_RESULT.
// Ends with the line `vscode: N passed, M failed`; exit code 0 only if M is 0 and N is not.
// On failure the server, extension host and browser console logs are kept in test-results/vscode-logs/.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  Browsing, CodeServer, extensionMain, interruption, keepLogs, openBrowser, shutDown, startCodeServer, tempWorkspace,
} from '../support/codeServer';

interface SuiteResult {
  passed: number;
  failed: number;
  /** Titles of the tests that passed (the suite's own output stays in the browser console). */
  passes?: string[];
  failures: { title: string; error: string }[];
}

const root = path.resolve(__dirname, '..', '..', '..');
const resultsDir = path.join(root, 'test-results');
const extensionPath = path.resolve(process.env.DW_EXTENSION_PATH || root);
const suitePath = path.resolve(process.env.DW_SUITE_PATH || path.join(root, 'out', 'test', 'suite', 'index.js'));
const timeoutMs = Number(process.env.DW_SUITE_TIMEOUT_MS) || 900_000;
/** The suite's name in the summary line: the Restricted Mode pass (DW_RESTRICTED=1) is a suite of its own. */
const label = process.env.DW_RESTRICTED === '1' ? 'vscode-restricted' : 'vscode';
/** What the server logs when an extension host process ends. */
const HOST_EXIT = /Extension Host Process exited with code: (\S+), signal: (\S+)\./;

async function main(): Promise<void> {
  const keep = path.join(resultsDir, `${label}-logs`);
  const failureShot = path.join(resultsDir, `${label}-failure.png`);
  for (const stale of [keep, failureShot]) fs.rmSync(stale, { recursive: true, force: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-vscode-'));
  const resultFile = path.join(tmp, 'result.json');
  const serverLog = path.join(tmp, 'server.log');
  const consoleLog = path.join(tmp, 'browser-console.log');
  let server: Promise<CodeServer> | undefined;
  let browser: Promise<Browsing> | undefined;
  let stopping = false;

  const run = async (): Promise<SuiteResult> => {
    for (const file of [extensionMain(extensionPath), suitePath]) {
      if (!fs.existsSync(file)) throw new Error(`${file} is missing (npm run build makes it)`);
    }
    const workspace = tempWorkspace(root, tmp);
    const env = { ...process.env, DW_SUITE_RESULT: resultFile };
    server = startCodeServer({ workspace, env, logFile: serverLog });
    const srv = await server;
    if (stopping) throw new Error('stopped');
    browser = openBrowser(consoleLog);
    const { page } = await browser;
    const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Error('the page crashed'))));
    await page.goto(srv.url(workspace, [
      ['extensionDevelopmentPath', srv.remote(extensionPath)],
      ['extensionTestsPath', srv.remote(suitePath)],
    ]));
    return await Promise.race([
      waitForResult(resultFile, serverLog),
      srv.exited.then((how): never => { throw new Error(`VS Code server ${how}`); }),
      crashed,
    ]);
  };

  let result: SuiteResult | undefined;
  let reason = '';
  try {
    result = await Promise.race([run(), interruption()]);
  } catch (err) {
    reason = err instanceof Error ? err.message : String(err);
  }
  stopping = true;
  const ok = result !== undefined && result.failed === 0 && result.passed > 0;
  if (!result) {
    console.log(`${label}: the suite could not run: ${reason}`);
    const b = await browser?.catch(() => undefined);
    for (const e of [...new Set(b?.consoleErrors)].slice(-10)) console.log(`  browser console: ${e}`);
    await screenshot(browser, failureShot);
  } else {
    for (const title of result.passes ?? []) console.log(`  ✔ ${title}`);
    result.failures.forEach((f, i) => console.log(`  ${i + 1}) ${f.title}\n${indent(f.error)}\n`));
    if (result.passed + result.failed === 0) console.log(`${label}: the suite ran no tests`);
  }
  if (!ok) {
    await keepLogs(keep, [serverLog, consoleLog], server);
    console.log(`${label}: logs kept in ${path.relative(root, keep)}/`);
  }
  await shutDown(browser, server, tmp);
  console.log(result ? `${label}: ${result.passed} passed, ${result.failed} failed` : `${label}: 0 passed, 1 failed`);
  process.exit(process.exitCode || (ok ? 0 : 1));
}

/**
 * Polls for the suite's result file. Fails after DW_SUITE_TIMEOUT_MS, or soon after the extension host
 * exits without having written a readable result (the server logs every extension host exit).
 */
async function waitForResult(file: string, serverLog: string): Promise<SuiteResult> {
  const deadline = Date.now() + timeoutMs;
  let hostExitedAt: number | undefined;
  let lastError = 'no result file';
  for (;;) {
    if (fs.existsSync(file)) {
      try {
        const r = JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResult;
        if (typeof r.passed !== 'number' || typeof r.failed !== 'number' || !Array.isArray(r.failures)) {
          throw new Error(`result file lacks passed/failed/failures: ${JSON.stringify(r).slice(0, 200)}`);
        }
        return r;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err); // may be half written; read again
      }
    }
    const exit = HOST_EXIT.exec(fs.readFileSync(serverLog, 'utf8'));
    if (exit && hostExitedAt === undefined) hostExitedAt = Date.now();
    if (exit && Date.now() - (hostExitedAt ?? 0) > 3000) {
      throw new Error(`the extension host exited (code ${exit[1]}, signal ${exit[2]}) without a result: ${lastError}`);
    }
    if (Date.now() > deadline) throw new Error(`no result after ${timeoutMs} ms (DW_SUITE_TIMEOUT_MS): ${lastError}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function screenshot(browser: Promise<Browsing> | undefined, file: string): Promise<void> {
  const b = await browser?.catch(() => undefined);
  if (!b) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await b.page.screenshot({ path: file, timeout: 10_000 }).then(
    () => console.log(`vscode: screenshot ${path.relative(root, file)}`),
    (err: Error) => console.log(`vscode: no screenshot: ${err.message.split('\n')[0]}`),
  );
}

function indent(text: string): string {
  return text.split('\n').map((l) => `     ${l}`).join('\n');
}

main().catch((err: unknown) => {
  console.log(`vscode: runner error: ${err instanceof Error ? err.stack : String(err)}`);
  console.log(`${label}: 0 passed, 1 failed`);
  process.exit(1);
});
