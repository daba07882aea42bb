// Activation time (issue 15): our extension's figure against the built-in Git extension's, read the way a user reads
// them, from VS Code's own "Developer: Show Running Extensions" editor (its figure is the code's loading plus the
// activate() call), in the real VS Code server opened by headless Chromium, in the same extension host.
// Each round starts a fresh server on a workspace that is a git repository with a Dockerfile; opening the Dockerfile
// activates ours (onLanguage:dockerfile), Git activates at startup. Needs `npm run build` and scripts/setup.sh's
// VS Code server and Chromium. Uses DOCKER_HOST when set, else a private dockerd of its own (started and stopped here).
// Environment: DW_BENCH_ROUNDS (5); DW_EXTENSION_PATH, the extension to measure (default this repository).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);
const { startCodeServer, openBrowser } = require(path.join(root, 'out', 'test', 'support', 'codeServer.js'));
const dockerd = require(path.join(root, 'out', 'test', 'support', 'dockerd.js'));

const ROUNDS = Number(process.env.DW_BENCH_ROUNDS ?? 5);
const extensionPath = path.resolve(process.env.DW_EXTENSION_PATH || root);
/** How the editor names ours: by its identifier, since an extension under development has no marketplace name. */
const OURS = 'docker-workflows.docker-workflows';
const GIT = 'Git';

/** The figures of the Running Extensions editor: display name -> activation ms. */
async function runningExtensions(page) {
  const rows = page.locator('.runtime-extensions-editor .extension');
  // The first-run walkthrough may open meanwhile and take the focus: ask again until the editor shows.
  for (let attempt = 1; !(await rows.first().isVisible()); attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('>Developer: Show Running Extensions');
    await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Show Running Extensions' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    try {
      await rows.first().waitFor({ timeout: 10_000 });
    } catch (error) {
      if (attempt === 3) {
        await page.screenshot({ path: path.join(root, 'test-results', 'activation-bench-failure.png') });
        throw error;
      }
    }
  }
  const figures = new Map();
  for (let tries = 0; tries < 100; tries++) {
    figures.clear();
    for (const row of await rows.all()) {
      const name = (await row.locator('.name').innerText()).trim();
      const time = (await row.locator('.activation-time').innerText()).trim();
      const ms = /(\d+)ms/.exec(time);
      if (ms) figures.set(name, Number(ms[1]));
    }
    if (figures.has(OURS) && figures.has(GIT)) return figures;
    await page.waitForTimeout(200);
  }
  throw new Error(`the Running Extensions editor shows no figure for ${OURS} or ${GIT}: ${JSON.stringify([...figures])}`);
}

async function round(env, tmp) {
  const workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM busybox AS base\nRUN echo hello\n');
  execFileSync('git', ['init', '-q', workspace]);
  const server = await startCodeServer({ workspace, env, logFile: path.join(tmp, 'server.log') });
  const { browser, page } = await openBrowser();
  try {
    await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(extensionPath)]]));
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    // Open the Dockerfile as a user would (Quick Open): that activates ours.
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('Dockerfile');
    await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Dockerfile' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor').first().waitFor({ timeout: 15_000 });
    return await runningExtensions(page);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const tmp = mkdtempSync(path.join(tmpdir(), 'dw-bench-activation-'));
let engineDir;
const env = { ...process.env };
try {
  if (!env.DOCKER_HOST) {
    engineDir = path.join(tmp, 'engine');
    process.env.DW_DOCKERD_BRIDGE ??= 'dwbench1:10.231.91.1/24';
    env.DOCKER_HOST = await dockerd.startDockerd(engineDir);
  }
  const ours = [];
  const git = [];
  for (let k = 0; k < ROUNDS; k++) {
    const dir = path.join(tmp, `round${k}`);
    const figures = await round(env, dir);
    ours.push(figures.get(OURS));
    git.push(figures.get(GIT));
    console.log(`round ${k + 1}: ours ${figures.get(OURS)} ms, ${GIT} ${figures.get(GIT)} ms`);
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  const [o, g] = [median(ours), median(git)];
  console.log(`\nactivation (Running Extensions), median of ${ROUNDS}: ours ${o} ms, ${GIT} ${g} ms, ratio ${(o / g).toFixed(2)}x (goal at most 0.5x)`);
} finally {
  if (engineDir) await dockerd.stopDockerd(engineDir).catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
}
