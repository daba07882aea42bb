// One journey through the real UI: the VS Code server with this repository as the extension under
// development, opened by headless Chromium (see DESIGN.md), clicking the Docker view like a user would.
//   node out/test/e2e/runE2E.js
// Environment:
//   DW_E2E_CONTAINER   name of a running container the Containers view must list (required)
//   DW_EXTENSION_PATH  extension under test, default the repository root (built: dist/extension.js)
//   DOCKER_HOST and everything else in the environment reach the extension host unchanged.
// Each check is a test; a check after a failed one is skipped. Ends with `e2e: N passed, M failed`.
//   DW_DOCKERD_DIR     the test engine's folder: the journey stops and restarts that dockerd
//   DW_E2E_STOP_AFTER  for development: run the checks up to the first whose name holds this text, and no more
// Screenshots: test-results/containers-view.png, walkthrough.png, compose-up.png, container-stopped.png, images-view.png, engine-down.png,
// outline.png, rename.png, quick-fix.png, compose-outline.png, compose-rename.png, compose-quick-fix.png, container-files.png,
// compose-lens-not-created.png, compose-lens-running.png, swarm-stack.png, registry-pulled.png, tls-context.png,
// stats-view.png, stats-project.png, stats-stopped.png, and
// test-results/e2e-failure.png on failure, when the
// server, extension host and browser console logs are kept in test-results/e2e-logs/ as well.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import {
  Browsing, CodeServer, extensionMain, interruption, keepLogs, openBrowser, shutDown, startCodeServer, tempWorkspace,
} from '../support/codeServer';
import { startDockerd, stopDockerd } from '../support/dockerd';
import { composeChecks } from './composeJourney';
import { editorChecks } from './editorJourney';
import { filesChecks } from './filesJourney';
import { lensChecks } from './lensJourney';
import { statsChecks } from './statsJourney';
import { beyondChecks } from './beyondJourney';
import { toggleSection } from './editorUi';
import { walkthroughChecks } from './walkthroughJourney';

const root = path.resolve(__dirname, '..', '..', '..');
const resultsDir = path.join(root, 'test-results');
const extensionPath = path.resolve(process.env.DW_EXTENSION_PATH || root);
const container = process.env.DW_E2E_CONTAINER ?? '';
/** The Compose project the journey starts from the explorer (only the test image: no registry is reachable). */
const COMPOSE_PROJECT = 'services:\n  web:\n    image: dw-test/busybox:latest\n    command: ["sleep", "3600"]\n  worker:\n    image: dw-test/busybox:latest\n    command: ["sleep", "3600"]\n';
/** The view container's element id, which VS Code derives from our container id `dockerWorkflows`. */
const VIEWLET = '[id="workbench.view.extension.dockerWorkflows"]';

/** The docker context VS Code starts with: the test engine, chosen by a context rather than DOCKER_HOST. */
const MAIN_CONTEXT = 'dw-e2e-main';

/**
 * The environment of the VS Code server: no DOCKER_HOST, a docker configuration of its own whose current context is
 * the test engine, so that using another context from the Contexts view switches the views (DOCKER_HOST would win).
 */
function contextEnv(tmp: string): NodeJS.ProcessEnv {
  const config = path.join(tmp, 'docker-config');
  fs.mkdirSync(config, { recursive: true });
  const cli = { ...process.env, DOCKER_CONFIG: config };
  execFileSync('docker', ['context', 'create', MAIN_CONTEXT, '--description', 'the test engine', '--docker', `host=${process.env.DOCKER_HOST ?? ''}`], { env: cli, stdio: 'ignore' });
  execFileSync('docker', ['context', 'use', MAIN_CONTEXT], { env: cli, stdio: 'ignore' });
  const env: NodeJS.ProcessEnv = { ...cli };
  delete env.DOCKER_HOST;
  return env;
}

async function main(): Promise<void> {
  const keep = path.join(resultsDir, 'e2e-logs');
  const viewShot = path.join(resultsDir, 'containers-view.png');
  const downShot = path.join(resultsDir, 'engine-down.png');
  const composeShot = path.join(resultsDir, 'compose-up.png');
  const stoppedShot = path.join(resultsDir, 'container-stopped.png');
  const imagesShot = path.join(resultsDir, 'images-view.png');
  const failureShot = path.join(resultsDir, 'e2e-failure.png');
  for (const stale of [keep, viewShot, composeShot, stoppedShot, imagesShot, downShot, failureShot, ...['outline.png', 'rename.png', 'quick-fix.png', 'compose-outline.png', 'compose-rename.png', 'compose-quick-fix.png', 'container-files.png', 'compose-lens-not-created.png', 'compose-lens-running.png', 'swarm-stack.png', 'registry-pulled.png', 'tls-context.png', 'walkthrough.png', 'stats-view.png', 'stats-project.png', 'stats-stopped.png'].map((n) => path.join(resultsDir, n))]) fs.rmSync(stale, { recursive: true, force: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-e2e-'));
  const serverLog = path.join(tmp, 'server.log');
  const consoleLog = path.join(tmp, 'browser-console.log');
  let server: Promise<CodeServer> | undefined;
  let browser: Promise<Browsing> | undefined;
  let page: Page | undefined;
  let stopping = false;
  let workspace = '';
  const ui = (): Page => {
    if (!page) throw new Error('no browser page');
    return page;
  };
  /** An entry of the open context menu (VS Code draws it in a shadow root, which CSS locators pierce). */
  const menuItem = (label: string): Locator => ui().locator('.monaco-menu .action-label').filter({ hasText: new RegExp(`^${label}$`) }).first();
  /** VS Code's menus act on the highlighted entry: point at it, then press Enter, as a keyboard user would. */
  const choose = async (item: Locator): Promise<void> => {
    await item.hover();
    await ui().keyboard.press('Enter');
  };
  const containersTree = (): Locator => ui().locator(VIEWLET).getByRole('tree', { name: 'Containers' });
  const stats = statsChecks(
    {
      ui,
      containersTree,
      contextMenu: async (row, label) => {
        await row.click({ button: 'right' });
        await choose(menuItem(label));
      },
      screenshot: (name) => editorShot(name),
    },
    () => container,
  );

  const checks: [string, () => Promise<void>][] = [
    ['the workbench loads with the extension under development', async () => {
      const code = extensionMain(extensionPath);
      if (!fs.existsSync(code)) throw new Error(`${code} is missing (npm run build makes it)`);
      workspace = tempWorkspace(root, tmp);
      // A small Compose project of the test image, for the Compose Up journey below (project name: "workspace").
      fs.writeFileSync(path.join(workspace, 'compose.yaml'), COMPOSE_PROJECT);
      server = startCodeServer({ workspace, env: contextEnv(tmp), logFile: serverLog });
      const srv = await server;
      if (stopping) throw new Error('stopped');
      browser = openBrowser(consoleLog);
      page = (await browser).page;
      await page.addLocatorHandler(page.locator('.monaco-dialog-box'), answerDialog);
      await page.goto(srv.url(workspace, [['extensionDevelopmentPath', srv.remote(extensionPath)]]));
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    }],
    ['the "Docker" activity-bar item opens the Docker view container', async () => {
      const tab = ui().locator('.part.activitybar').getByRole('tab', { name: 'Docker', exact: true });
      await tab.waitFor({ timeout: 30_000 });
      // Clicking the tab of the view container that is already open would close the side bar.
      if (!(await ui().locator(VIEWLET).isVisible())) await tab.click();
      await containersTree().waitFor({ timeout: 15_000 });
    }],
    // The first run: opening the Docker view activated the extension, which opens its walkthrough once.
    ...walkthroughChecks(() => ui(), (name) => editorShot(name)),
    [`the Containers view lists the container "${container || '$DW_E2E_CONTAINER'}"`, async () => {
      if (!container) throw new Error('DW_E2E_CONTAINER is not set');
      const rows = containersTree().getByRole('treeitem');
      try {
        await rows.filter({ hasText: container }).first().waitFor({ timeout: 60_000 });
      } catch {
        const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
        const text = (await ui().locator(VIEWLET).innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
        throw new Error(`no such row within 60 s; the view shows ${labels.length ? JSON.stringify(labels) : `"${text}"`}`);
      }
      // Move away from the activity bar, whose hover would cover the view, and let that hover fade.
      await ui().mouse.move(700, 450, { steps: 5 });
      const hover = ui().locator('.workbench-hover-container');
      await hover.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
      fs.mkdirSync(resultsDir, { recursive: true });
      await ui().screenshot({ path: viewShot });
      console.log(`e2e: screenshot ${path.relative(root, viewShot)}`);
    }],
    // A container's files: its Files row, a folder, a file opened in the editor.
    ...filesChecks(ui, containersTree, () => container, (name) => editorShot(name)),
    // The stats view of that container, from its context menu.
    ...stats.single,
    ['right-click compose.yaml in the explorer, Compose Up: its containers appear grouped under the project', async () => {
      const explorer = ui().locator('.part.activitybar').getByRole('tab', { name: /^Explorer/ });
      await explorer.click();
      const file = ui().locator('.explorer-folders-view').getByRole('treeitem').filter({ hasText: /^compose\.yaml$/ });
      await file.click({ button: 'right' });
      await choose(menuItem('Compose Up'));
      await ui().locator('.part.activitybar').getByRole('tab', { name: 'Docker', exact: true }).click();
      const group = containersTree().getByRole('treeitem').filter({ hasText: /^workspace/ });
      await group.first().waitFor({ timeout: 60_000 });
      for (const name of ['workspace_web_1', 'workspace_worker_1']) {
        await containersTree().getByRole('treeitem').filter({ hasText: name }).first().waitFor({ timeout: 30_000 });
      }
      // Up is done when the project's row says both run (the rows come as the containers are created).
      await group.filter({ hasText: '2 of 2 running' }).first().waitFor({ timeout: 30_000 });
      await ui().mouse.move(700, 450, { steps: 5 });
      await ui().screenshot({ path: composeShot });
      console.log(`e2e: screenshot ${path.relative(root, composeShot)}`);
    }],
    // The stats view of the project's two containers stays open while one of them is stopped below.
    ...stats.project,
    ['stop a container from its context menu: its icon changes to stopped', async () => {
      const row = containersTree().getByRole('treeitem').filter({ hasText: 'workspace_web_1' }).first();
      await row.locator('.codicon-vm-running').waitFor({ timeout: 15_000 });
      await row.click({ button: 'right' });
      await choose(menuItem('Stop'));
      await row.locator('.codicon-vm-outline').waitFor({ timeout: 30_000 });
      await ui().mouse.move(700, 450, { steps: 5 });
      await ui().screenshot({ path: stoppedShot });
      console.log(`e2e: screenshot ${path.relative(root, stoppedShot)}`);
    }],
    ...stats.stopped,
    ['the Images view lists the test image under its repository, with its tag and size', async () => {
      const viewlet = ui().locator(VIEWLET);
      const tree = viewlet.getByRole('tree', { name: 'Images' });
      // Four views share the side bar; open the Images section when VS Code shows it collapsed.
      if (!(await tree.isVisible())) await toggleSection(viewlet.locator('.pane-header').filter({ hasText: /^Images/ }).first());
      const group = tree.getByRole('treeitem').filter({ hasText: /^dw-test\/busybox/ }).first();
      await group.waitFor({ timeout: 15_000 });
      await group.click();
      await tree.getByRole('treeitem').filter({ hasText: /^latest/ }).first().waitFor({ timeout: 15_000 });
      await ui().mouse.move(700, 450, { steps: 5 });
      await ui().screenshot({ path: imagesShot });
      console.log(`e2e: screenshot ${path.relative(root, imagesShot)}`);
    }],
    ['when the engine stops, the view shows why and a Retry button, and the container comes back with the engine', async () => {
      const dir = process.env.DW_DOCKERD_DIR;
      if (!dir) throw new Error('DW_DOCKERD_DIR is not set: run the e2e suite through `npm test`');
      const viewlet = ui().locator(VIEWLET);
      await stopDockerd(dir);
      // Every view of the container (Containers, Images, Volumes, Networks) shows the message and its Retry button.
      const message = viewlet.getByText('Cannot reach the Docker engine: its socket does not exist. Is the Docker engine running?');
      await message.first().waitFor({ timeout: 15_000 });
      await viewlet.getByRole('button', { name: 'Retry' }).first().waitFor({ timeout: 5_000 });
      const shown = await message.count();
      if (shown !== 4) throw new Error(`the message shows in ${shown} views, not in all 4`);
      await ui().locator('.part.statusbar').getByText(`Docker: ${process.env.DOCKER_HOST}`).waitFor({ timeout: 5_000 });
      await ui().screenshot({ path: downShot });
      console.log(`e2e: screenshot ${path.relative(root, downShot)}`);
      await startDockerd(dir);
      await containersTree().getByRole('treeitem').filter({ hasText: container }).first().waitFor({ timeout: 30_000 });
    }],
  ];
  // The Dockerfile and Compose editor features in the real UI (Outline, F12, F2, the light bulb).
  const editorShot = async (name: string): Promise<void> => {
    const shot = path.join(resultsDir, name);
    await ui().mouse.move(700, 450, { steps: 5 });
    await ui().screenshot({ path: shot });
    console.log(`e2e: screenshot ${path.relative(root, shot)}`);
  };
  checks.push(...editorChecks(ui, () => workspace, editorShot), ...composeChecks(ui, () => workspace, editorShot));
  checks.push(...lensChecks(ui, () => workspace, editorShot));
  // Last: it switches the views to another engine (and back).
  const tlsEnv = { ...process.env, DOCKER_HOST: process.env.DW_TLS_HOST, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: process.env.DW_TLS_CERTS };
  const beyond = beyondChecks(ui, { main: process.env, tls: tlsEnv, mainContext: MAIN_CONTEXT }, editorShot);
  checks.push(...beyond.checks);

  const interrupted = interruption();
  let passed = 0;
  let failed = 0;
  const stopAfter = process.env.DW_E2E_STOP_AFTER;
  const last = stopAfter ? checks.findIndex(([name]) => name.includes(stopAfter)) : checks.length - 1;
  if (last < 0) throw new Error(`no check's name holds DW_E2E_STOP_AFTER=${stopAfter}`);
  for (const [name, check] of checks.slice(0, last + 1)) {
    if (failed > 0) {
      console.log(`  - ${name} (skipped)`);
      continue;
    }
    try {
      await Promise.race([check(), interrupted]);
      passed++;
      console.log(`  ✓ ${name}`);
    } catch (err) {
      failed++;
      // Playwright's errors go on with a long call log; its first line says what failed.
      console.log(`  ✗ ${name}\n      ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    }
  }
  stopping = true;

  if (page) await reportNotifications(page);
  if (failed > 0) {
    if (page) {
      const b = await browser?.catch(() => undefined);
      for (const e of [...new Set(b?.consoleErrors)].slice(-10)) console.log(`  browser console: ${e}`);
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: failureShot, timeout: 10_000 }).then(
        () => console.log(`e2e: screenshot ${path.relative(root, failureShot)}`),
        (err: Error) => console.log(`e2e: no screenshot: ${err.message.split('\n')[0]}`),
      );
    }
    await keepLogs(keep, [serverLog, consoleLog], server);
    console.log(`e2e: logs kept in ${path.relative(root, keep)}/`);
  }
  await beyond.cleanup();
  await shutDown(browser, server, tmp);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(process.exitCode || (failed > 0 ? 1 : 0));
}

/**
 * Playwright calls this whenever a modal dialog would block an action: it trusts the workspace if VS Code
 * asks (the test settings turn that prompt off, but a changed default must not stop the journey) and
 * closes any other dialog with Escape.
 */
async function answerDialog(dialog: Locator): Promise<void> {
  console.log(`e2e: answering dialog: ${await dialog.locator('.dialog-message-text').innerText()}`);
  const trust = dialog.getByRole('button', { name: /^Yes, I trust/ });
  if (await trust.isVisible()) await trust.click();
  else await dialog.press('Escape');
}

/** Prints the notification toasts the workbench shows (an extension's errors end up there). */
async function reportNotifications(page: Page): Promise<void> {
  const toasts = page.locator('.notification-toast .notification-list-item-message');
  const messages = await toasts.allInnerTexts().catch(() => []);
  for (const m of messages) console.log(`e2e: notification: ${m.replace(/\s+/g, ' ').trim()}`);
}

main().catch((err: unknown) => {
  console.log(`e2e: runner error: ${err instanceof Error ? err.stack : String(err)}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
