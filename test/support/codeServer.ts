// Starts the real VS Code server (the one shipped inside the npm package code-server, installed by
// scripts/setup.sh) on a loopback port, and opens Debian's Chromium through playwright-core.
// See DESIGN.md, "Real components in tests".
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import { freePort, sleep } from './processes';

export interface CodeServer {
  port: number;
  /** Workbench address that opens `folder` (absolute, on this machine) with the given startup payload. */
  url(folder: string, payload?: [string, string][]): string;
  /** `vscode-remote://` URI of a path on this machine, as startup payloads name files. */
  remote(file: string): string;
  /** Copies the server's log folder (extension host, extensions' output channels) to `dest`. */
  saveLogs(dest: string): void;
  /** Settles with a description (exit code or signal) when the server process ends. */
  exited: Promise<string>;
  /** Kills the server and every process it started, then removes its temporary folders. */
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Folder the workbench opens when the address names none (also the server's working directory). */
  workspace?: string;
  /** Environment of the server; the extension host it spawns inherits it. Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Receives the server's stdout and stderr. */
  logFile: string;
  /** A .vsix installed into the fresh extensions folder before the server starts. */
  installVsix?: string;
}

export function vscodeDir(): string {
  if (process.env.DW_VSCODE_DIR) return process.env.DW_VSCODE_DIR;
  const cache = process.env.DW_CACHE || path.join(os.homedir(), '.cache', 'docker-workflows');
  const version = process.env.DW_CODE_SERVER_VERSION || '4.100.3';
  return path.join(cache, `code-server-${version}`, 'node_modules', 'code-server', 'lib', 'vscode');
}

/**
 * User settings that keep first-run prompts (workspace trust, welcome page, tips) and telemetry out. With
 * DW_RESTRICTED=1 workspace trust is on and the test folder is not trusted: the workbench opens it in Restricted Mode.
 */
const TEST_SETTINGS = {
  'security.workspace.trust.enabled': process.env.DW_RESTRICTED === '1',
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  // No "your application is available" toasts over the views when a test engine listens (swarm's port 2377).
  'remote.autoForwardPorts': false,
};

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const dir = vscodeDir();
  const main = path.join(dir, 'out', 'server-main.js');
  if (!fs.existsSync(main)) throw new Error(`VS Code server not found at ${main}; run scripts/setup.sh first`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-code-server-'));
  const userData = path.join(tmp, 'user-data');
  const serverData = path.join(tmp, 'server-data');
  const extensions = path.join(tmp, 'extensions');
  // code-server's build keeps the browser's user settings on the server, in --user-data-dir/User.
  for (const d of [path.join(userData, 'User'), serverData, extensions]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(TEST_SETTINGS, null, 2));
  const dirs = ['--accept-server-license-terms', '--user-data-dir', userData, '--server-data-dir', serverData,
    '--extensions-dir', extensions];
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.openSync(opts.logFile, 'w');
  const stdio: ['ignore', number, number] = ['ignore', log, log];
  // An empty gallery keeps the workbench from querying open-vsx.org (the tests run offline, loopback only).
  const env = { ...(opts.env ?? process.env), EXTENSIONS_GALLERY: '{}' };
  if (opts.installVsix) {
    // Installs and exits; with --start-server the install would race the first workbench instead.
    const vsix = path.resolve(opts.installVsix);
    const install = spawnSync(process.execPath, [main, ...dirs, '--install-extension', vsix], { env, stdio });
    if (install.status !== 0) {
      fs.closeSync(log);
      fs.rmSync(tmp, { recursive: true, force: true });
      const how = install.error?.message ?? `exit code ${install.status}`;
      throw new Error(`installing ${vsix} failed (${how}); see ${opts.logFile}`);
    }
  }
  const port = await freePort();
  const args = [main, ...dirs, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--telemetry-level', 'off'];
  if (opts.workspace) args.push('--default-folder', path.resolve(opts.workspace));
  // detached: the server leads its own process group, so stop() can signal everything it forked.
  const child = spawn(process.execPath, args, { cwd: opts.workspace ?? dir, env, stdio, detached: true });
  fs.closeSync(log);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exited with code ${code}`));
    child.once('error', (err) => resolve(`could not start: ${err.message}`));
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= killTree(child, exited).then(() => {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  }));
  try {
    await Promise.race([
      waitForHttp(port, 60_000),
      exited.then((how) => { throw new Error(`VS Code server ${how} before answering; see ${opts.logFile}`); }),
    ]);
  } catch (err) {
    await stop();
    throw err;
  }
  const url = (folder: string, payload?: [string, string][]): string => {
    const query = new URLSearchParams({ folder: path.resolve(folder) });
    if (payload) query.set('payload', JSON.stringify(payload));
    return `http://127.0.0.1:${port}/?${query.toString()}`;
  };
  const remote = (file: string): string =>
    `vscode-remote://127.0.0.1:${port}${path.resolve(file).split('/').map(encodeURIComponent).join('/')}`;
  const saveLogs = (dest: string): void => {
    if (fs.existsSync(path.join(userData, 'logs'))) fs.cpSync(path.join(userData, 'logs'), dest, { recursive: true });
  };
  return { port, url, remote, saveLogs, exited, stop };
}

/** Console errors this server's workbench prints on every start (files it does not ship). */
const CONSOLE_NOISE = /Failed to load resource|bad HTTP response code \(404\)|\[Service Worker\] registration/;

export interface Browsing {
  browser: Browser;
  page: Page;
  /** First line of each console error of the page that is not known noise, in order. */
  consoleErrors: string[];
}

/** Opens Chromium; the page's console (the extension host's console included) goes to `consoleLog`. */
export async function openBrowser(consoleLog?: string): Promise<Browsing> {
  // playwright-core gives every launch a fresh temporary profile and deletes it on close.
  const browser = await chromium.launch({
    executablePath: process.env.DW_CHROMIUM || '/usr/bin/chromium',
    // The runners handle signals themselves (interruption()) and close the browser while cleaning up.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    // The resolver rule answers every name but 127.0.0.1 locally: Debian's Chromium looks up Google hosts
    // (accounts, updates) even with background networking off, and the tests stay on loopback.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const write = (line: string): void => void (consoleLog && fs.appendFileSync(consoleLog, `${line}\n`));
    page.on('console', (m) => {
      const text = m.text().replace(/^%c\s*(\w+)\s+color: #\w+\s*/, '$1 '); // drop the log service's CSS
      write(`[${m.type()}] ${text}`);
      if (m.type() === 'error' && !CONSOLE_NOISE.test(text)) consoleErrors.push(text.split('\n')[0]);
    });
    page.on('pageerror', (err) => write(`[pageerror] ${err.stack ?? err.message}`));
    return { browser, page, consoleErrors };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** A temporary copy of the repository's test/fixtures/workspace (an empty folder if there is none). */
export function tempWorkspace(repoRoot: string, parent: string): string {
  const dest = path.join(parent, 'workspace');
  const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspace');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, dest, { recursive: true });
  else fs.mkdirSync(dest, { recursive: true });
  return dest;
}

/** The code an extension's package.json names as `main` (ours: dist/extension.js, which npm run build makes). */
export function extensionMain(extensionPath: string): string {
  const manifest = path.join(extensionPath, 'package.json');
  const { main } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { main?: string };
  return main ? path.resolve(extensionPath, main) : manifest; // no main: a declarative extension
}

/** Copies the given log files and the server's own logs into `keep` (kept when a run failed). */
export async function keepLogs(keep: string, files: string[], server: Promise<CodeServer> | undefined): Promise<void> {
  fs.mkdirSync(keep, { recursive: true });
  for (const f of files) {
    if (fs.existsSync(f)) fs.copyFileSync(f, path.join(keep, path.basename(f)));
  }
  (await server?.catch(() => undefined))?.saveLogs(path.join(keep, 'server-logs'));
}

/** Closes the browser and stops the server, whichever of them started, and removes the run's temp folder. */
export async function shutDown(browser: Promise<Browsing> | undefined, server: Promise<CodeServer> | undefined, tmp: string): Promise<void> {
  await browser?.then((b) => b.browser.close(), () => undefined);
  await server?.then((s) => s.stop(), () => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Rejects on the first SIGINT, SIGTERM or SIGHUP, so a runner can clean up; a second one ends it at once. */
export function interruption(): Promise<never> {
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  return new Promise<never>((_, reject) => {
    const on = (sig: NodeJS.Signals): void => {
      for (const s of Object.keys(codes)) process.off(s, on);
      process.exitCode = codes[sig];
      reject(new Error(`interrupted by ${sig}`));
    };
    for (const s of Object.keys(codes)) process.on(s, on);
  });
}

async function waitForHttp(port: number, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(250)) {
    const answered = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) }).then(
      (res) => res.body?.cancel().then(() => true) ?? true,
      () => false,
    );
    if (answered) return;
  }
  throw new Error(`VS Code server did not answer on port ${port} within ${timeoutMs} ms`);
}

/** Every process below `pid`, read from /proc (children that moved to another process group included). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    const stat = /^\d+$/.test(entry) ? readStat(Number(entry)) : undefined;
    if (stat) parents.set(Number(entry), stat.ppid);
  }
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    for (const [child, parent] of parents) if (parent === found[i]) found.push(child);
  }
  return found.slice(1);
}

/** State letter and parent of a process, or undefined once it is gone. */
function readStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** Running and not a zombie (an orphan's zombie stays until PID 1 reaps it). */
function alive(pid: number): boolean {
  return (readStat(pid)?.state ?? 'Z') !== 'Z';
}

async function killTree(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.pid === undefined) return;
  const pid = child.pid;
  const tree = descendants(pid);
  const signal = (sig: NodeJS.Signals): void => {
    for (const target of [-pid, ...tree]) {
      try {
        process.kill(target, sig);
      } catch {
        // Already gone.
      }
    }
  };
  let serverGone = false;
  void exited.then(() => (serverGone = true));
  signal('SIGTERM');
  for (let waited = 0; waited < 5000 && !(serverGone && !tree.some(alive)); waited += 100) await sleep(100);
  // Whatever ignored SIGTERM within 5 s is killed for good.
  if (!serverGone || tree.some(alive)) signal('SIGKILL');
  await exited;
}
