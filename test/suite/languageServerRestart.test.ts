// The language server is restarted when it dies, quietly (no message), and answers again.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { v8PoolSize } from '../../client/src/serverThreads';
import { activateExtension, waitFor, workspaceFile } from './helpers';

/** The language server processes this extension host forked (node .../dist/server.js). */
function serverProcesses(): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (ppid === process.pid && cmdline.some((arg) => arg.endsWith('dist/server.js'))) found.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.filter((item) => item.detail !== undefined).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('the language server after a crash', () => {
  let api: ExtensionApi;
  let document: vscode.TextDocument;

  before(async function () {
    if (process.platform !== 'linux') this.skip();
    api = await activateExtension();
    document = await vscode.workspace.openTextDocument(workspaceFile('Dockerfile'));
    await vscode.window.showTextDocument(document);
    await waitFor('the language server', async () => (await completionLabels(document.uri, new vscode.Position(4, 0))).includes('FROM'), 30_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs with V8\'s background threads sized to the machine, and its code cache in the extension\'s storage', () => {
    const [pid] = serverProcesses();
    assert.ok(pid, 'the language server process');
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    assert.deepStrictEqual(args.filter((arg) => arg.startsWith('--v8-pool-size')), [`--v8-pool-size=${v8PoolSize(os.availableParallelism())}`]);
    const cacheArgs = args.filter((arg) => arg.startsWith('--code-cache-dir='));
    assert.strictEqual(cacheArgs.length, 1);
    const folder = cacheArgs[0].slice('--code-cache-dir='.length);
    assert.strictEqual(path.basename(folder), 'language-server');
    assert.strictEqual(path.basename(path.dirname(folder)), 'docker-workflows.docker-workflows');
    assert.strictEqual(path.basename(path.dirname(path.dirname(folder))), 'globalStorage');
    // Made by the server when it started, for this user only.
    assert.strictEqual(fs.statSync(folder).mode & 0o777, 0o700);
  });

  it('is restarted without a message and answers again', async () => {
    const before = api.languageServer();
    assert.strictEqual(before.state, 'running');
    const [pid] = serverProcesses();
    assert.ok(pid, 'the language server process');
    process.kill(pid, 'SIGKILL');
    await waitFor('the restart', () => api.languageServer().restarts === before.restarts + 1 && api.languageServer().state === 'running', 20_000);
    assert.deepStrictEqual(api.languageServer(), { state: 'running', restarts: before.restarts + 1 });
    const [again] = serverProcesses();
    assert.ok(again && again !== pid, 'a new server process');
    await waitFor('completion from the new server', async () => (await completionLabels(document.uri, new vscode.Position(4, 0))).includes('FROM'), 20_000);
  });
});
