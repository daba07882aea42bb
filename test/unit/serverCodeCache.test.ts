// The language server's launcher (server/src/launch/): V8's code cache of the bundle in the user's cache folder, and
// the lower priority of V8's helper threads. Each load runs in a child Node process, as the server does.
import * as assert from 'assert';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { cacheDirectory, cacheFileName } from '../../server/src/launch/codeCache';

const codeCache = path.resolve(__dirname, '../../server/src/launch/codeCache.js');
const threadPriority = path.resolve(__dirname, '../../server/src/launch/threadPriority.js');
const serverJs = path.resolve(__dirname, '../../../dist/server.js');

/** Loads `bundle` with the cache folder `dir` in a child process; its report, and the bundle's own output. */
function load(bundle: string, dir: string): { accepted: boolean; exported: unknown; file: string } {
  const script = `const r = require(${JSON.stringify(codeCache)}).runWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(dir)});
    process.stdout.write(JSON.stringify({ accepted: r.cacheAccepted, exported: r.exports, file: r.cacheFile }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { accepted: boolean; exported: unknown; file: string };
}

describe('language server launcher: code cache', () => {
  let root: string;
  let bundle: string;
  let dir: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-codecache-'));
    bundle = path.join(root, 'bundle.js');
    dir = path.join(root, 'cache');
    // A bundle as esbuild makes the server's: CommonJS in one function expression, with functions that run only
    // when called.
    fs.writeFileSync(bundle, [
      '(function (exports, require, module, __filename, __dirname) {',
      "const path = require('path');",
      'function twice(x) { return x * 2; }',
      'function words(s) { return s.split(/\\s+/).filter(Boolean).length; }',
      'module.exports = { name: path.basename(__filename), dir: path.basename(__dirname), value: twice(21), words: words("a b  c") };',
      '})',
    ].join('\n'));
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes a private cache on the first run and V8 takes it on the next', () => {
    const first = load(bundle, dir);
    assert.deepStrictEqual(first.exported, { name: 'bundle.js', dir: path.basename(root), value: 42, words: 3 });
    assert.strictEqual(first.accepted, false);
    assert.strictEqual(path.dirname(first.file), dir);
    assert.strictEqual(fs.statSync(dir).mode & 0o777, 0o700);
    assert.strictEqual(fs.statSync(first.file).mode & 0o777, 0o600);
    assert.ok(fs.statSync(first.file).size > 0);
    const second = load(bundle, dir);
    assert.deepStrictEqual(second, { ...first, accepted: true });
  });

  it('ignores a damaged cache and replaces it', () => {
    const { file } = load(bundle, dir);
    const good = fs.readFileSync(file);
    const exported = { name: 'bundle.js', dir: path.basename(root), value: 42, words: 3 };
    for (const damage of [Buffer.from('not bytecode at all'), good.subarray(0, good.length - 1)]) {
      fs.writeFileSync(file, damage, { mode: 0o600 });
      const damaged = load(bundle, dir);
      assert.deepStrictEqual([damaged.accepted, damaged.exported], [false, exported]);
      assert.strictEqual(load(bundle, dir).accepted, true);
    }
    // One byte changed in the middle, same length: V8 itself would not notice; the file's digest does.
    const flipped = Buffer.from(fs.readFileSync(file));
    flipped[flipped.length >> 1] ^= 0xff;
    fs.writeFileSync(file, flipped, { mode: 0o600 });
    assert.strictEqual(load(bundle, dir).accepted, false);
    assert.strictEqual(load(bundle, dir).accepted, true);
  });

  it('never reads a cache that others can write, or a symbolic link', () => {
    const { file } = load(bundle, dir);
    fs.chmodSync(file, 0o666);
    assert.strictEqual(load(bundle, dir).accepted, false);
    const real = path.join(root, 'elsewhere.v8cache');
    fs.renameSync(file, real);
    fs.chmodSync(real, 0o600);
    fs.symlinkSync(real, file);
    assert.strictEqual(load(bundle, dir).accepted, false);
    // The link was replaced by the server's own file.
    assert.strictEqual(fs.lstatSync(file).isSymbolicLink(), false);
  });

  it('names the cache by the bundle text, so that a bundle of the same length never gets another one\'s bytecode', () => {
    const a = load(bundle, dir).file;
    fs.writeFileSync(bundle, fs.readFileSync(bundle, 'utf8').replace('x * 2', 'x + x'));
    const b = load(bundle, dir);
    assert.notStrictEqual(b.file, a);
    assert.deepStrictEqual([b.accepted, (b.exported as { value: number }).value], [false, 42]);
    assert.strictEqual(cacheFileName('same text'), cacheFileName('same text'));
    assert.notStrictEqual(cacheFileName('same text', 'v20.0.0 x64'), cacheFileName('same text', 'v22.0.0 x64'));
  });

  it('keeps four caches in the folder, dropping the oldest', () => {
    fs.mkdirSync(dir, { mode: 0o700 });
    for (let k = 0; k < 6; k++) {
      const old = path.join(dir, `server-old${k}.v8cache`);
      fs.writeFileSync(old, 'x', { mode: 0o600 });
      fs.utimesSync(old, 1000 + k, 1000 + k);
    }
    fs.writeFileSync(path.join(dir, 'unrelated.txt'), 'kept');
    const { file } = load(bundle, dir);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), [path.basename(file), 'server-old3.v8cache', 'server-old4.v8cache', 'server-old5.v8cache', 'unrelated.txt'].sort());
  });

  it('the server\'s bundle is one function expression whose text V8 can keep in one byte per character', () => {
    const text = fs.readFileSync(path.join(path.dirname(serverJs), 'serverMain.js'), 'latin1');
    assert.ok(text.startsWith('(function (exports, require, module, __filename, __dirname) {\n'));
    // No UTF-8 lead byte of a character above U+00FF (0xc4 and up): esbuild escapes them, except in regular
    // expression literals, which must write them as \\u escapes.
    assert.deepStrictEqual([...text.matchAll(/[\u00c4-\u00ff]/g)].map((m) => text.slice(m.index! - 30, m.index! + 5)), []);
  });

  it('finds the folder: the variable, off, or the platform\'s user cache folder', () => {
    assert.strictEqual(cacheDirectory({ DOCKER_WORKFLOWS_SERVER_CACHE: '/tmp/x' }, 'linux', '/home/u'), '/tmp/x');
    assert.strictEqual(cacheDirectory({ DOCKER_WORKFLOWS_SERVER_CACHE: 'off' }, 'linux', '/home/u'), undefined);
    assert.strictEqual(cacheDirectory({}, 'linux', '/home/u'), '/home/u/.cache/docker-workflows');
    assert.strictEqual(cacheDirectory({ XDG_CACHE_HOME: '/var/cache/u' }, 'linux', '/home/u'), '/var/cache/u/docker-workflows');
    assert.strictEqual(cacheDirectory({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u'), '/home/u/.cache/docker-workflows');
    assert.strictEqual(cacheDirectory({}, 'darwin', '/Users/u'), '/Users/u/Library/Caches/docker-workflows');
    assert.strictEqual(cacheDirectory({}, 'linux', ''), undefined);
  });

  it('the bundled server makes its cache on the first start and answers the same from it on the next', async () => {
    const diagnosticsOf = async (): Promise<string> => {
      const child = spawn(process.execPath, [serverJs, '--stdio'], { env: { ...process.env, DOCKER_WORKFLOWS_SERVER_CACHE: dir }, stdio: ['pipe', 'pipe', 'inherit'] });
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
      connection.listen();
      await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: 'file:///w/Dockerfile', languageId: 'dockerfile', version: 1, text: 'FROM alpine as build\nRUN echo hi\n' },
      });
      const diagnostics = JSON.stringify(await published);
      await connection.sendRequest(ShutdownRequest.type);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendNotification(ExitNotification.type);
      await exited;
      connection.dispose();
      return diagnostics;
    };
    const first = await diagnosticsOf();
    const files = fs.readdirSync(dir).filter((name) => name.endsWith('.v8cache'));
    assert.strictEqual(files.length, 1);
    const made = fs.statSync(path.join(dir, files[0])).mtimeMs;
    assert.match(first, /FromAsCasing/);
    assert.strictEqual(await diagnosticsOf(), first);
    // Taken, so not written again.
    assert.strictEqual(fs.statSync(path.join(dir, files[0])).mtimeMs, made);
  });
});

describe('language server launcher: thread priority', () => {
  it('lowers every thread of the process but the main one by 10 on Linux', () => {
    const script = `const lowered = require(${JSON.stringify(threadPriority)}).lowerHelperThreadPriority();
      const fs = require('fs');
      const nice = (t) => Number(fs.readFileSync('/proc/self/task/' + t + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
      const tasks = fs.readdirSync('/proc/self/task');
      process.stdout.write(JSON.stringify({ lowered, others: tasks.length - 1, main: nice(process.pid), helpers: [...new Set(tasks.filter((t) => +t !== process.pid).map(nice))] }));`;
    const report = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { lowered: number; others: number; main: number; helpers: number[] };
    assert.ok(report.lowered >= 1);
    assert.deepStrictEqual(report, { lowered: report.others, others: report.others, main: 0, helpers: [10] });
  });

  it('does nothing elsewhere', () => {
    const { lowerHelperThreadPriority } = require('../../server/src/launch/threadPriority') as typeof import('../../server/src/launch/threadPriority');
    assert.strictEqual(lowerHelperThreadPriority(10, 'darwin'), 0);
  });
});
