// V8's code cache of the language server (server/src/launch/): where it lives, when it is read, used and written,
// and the real server started twice over stdio with it.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
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
import { CodeCache, cacheFileName, cacheFolderFromArgs, defaultCacheFolder } from '../../server/src/launch/codeCache';

const dist = path.resolve(__dirname, '../../../dist');
const SOURCE = 'function greet(name) { return "hello " + name; }\nmodule.exports = greet("cache");\n';

/**
 * Compiles the source (SOURCE, or a variant of it) with the cache's data and runs it, as launch/main.ts does, in a thread of its own: a new V8
 * isolate, as a new server process is (an isolate that compiled the same source before would not read the data).
 * V8's verdict goes to the cache; the result is the cache V8 makes after the run.
 */
/** `made` is written by `cache`, and the next server of the source in `folder` uses it. */
async function savedAndUsedNext(cache: CodeCache, made: Buffer, folder: string): Promise<void> {
  assert.strictEqual(cache.save(() => made), true);
  const next = CodeCache.open(folder, SOURCE);
  await compileWith(next);
  assert.strictEqual(next.state, 'used');
}

async function compileWith(cache: CodeCache, source = SOURCE): Promise<Buffer> {
  const data = cache.read();
  const worker = new Worker(
    `const { parentPort, workerData } = require('worker_threads');
     const vm = require('vm');
     const script = new vm.Script(workerData.source, { filename: 'sample.js', cachedData: workerData.data });
     const sandbox = { module: {} };
     vm.createContext(sandbox);
     script.runInContext(sandbox);
     parentPort.postMessage({ rejected: script.cachedDataRejected, exports: sandbox.module.exports, made: script.createCachedData() });`,
    { eval: true, workerData: { source, data } },
  );
  const result = await new Promise<{ rejected?: boolean; exports: unknown; made: Uint8Array }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.strictEqual(result.exports, 'hello cache');
  cache.settle(result.rejected);
  return Buffer.from(result.made);
}

describe('the language server\'s code cache', () => {
  let folder: string;

  beforeEach(() => {
    folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dw-code-cache-')), 'cache');
  });

  afterEach(() => fs.rmSync(path.dirname(folder), { recursive: true, force: true }));

  it('lives in the folder given on the command line, the per-user cache folder, or nowhere when told so', () => {
    assert.strictEqual(cacheFolderFromArgs(['--stdio', '--code-cache-dir=/data/cc']), '/data/cc');
    assert.strictEqual(cacheFolderFromArgs(['--code-cache-dir=rel/cc']), path.resolve('rel/cc'));
    assert.strictEqual(cacheFolderFromArgs(['--stdio', '--no-code-cache', '--code-cache-dir=/data/cc']), undefined);
    assert.strictEqual(cacheFolderFromArgs(['--stdio'], {}, 'linux', '/home/u'), '/home/u/.cache/docker-workflows/language-server');
    assert.strictEqual(defaultCacheFolder({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/u'), '/xdg/docker-workflows/language-server');
    // A relative XDG_CACHE_HOME is invalid (the XDG base directory rules): the default is used.
    assert.strictEqual(defaultCacheFolder({ XDG_CACHE_HOME: 'xdg' }, 'linux', '/home/u'), '/home/u/.cache/docker-workflows/language-server');
    assert.strictEqual(defaultCacheFolder({}, 'darwin', '/Users/u'), '/Users/u/Library/Caches/docker-workflows/language-server');
    assert.strictEqual(defaultCacheFolder({}, 'linux', ''), undefined);
    assert.strictEqual(defaultCacheFolder({}, 'win32', 'C:\\Users\\u'), undefined);
  });

  it('is one file per source, Node version, architecture and process options', () => {
    const name = cacheFileName(SOURCE, 'v20.20.2', 'x64', ['--v8-pool-size=1']);
    assert.match(name, /^[0-9a-f]{32}-[0-9a-f]{16}\.v8cache$/);
    assert.strictEqual(cacheFileName(SOURCE, 'v20.20.2', 'x64', ['--v8-pool-size=1']), name);
    // The same length, another text: V8 itself would take the other source's cache (it checks the length only).
    assert.notStrictEqual(cacheFileName(SOURCE.replace('hello', 'howdy'), 'v20.20.2', 'x64', ['--v8-pool-size=1']), name);
    assert.notStrictEqual(cacheFileName(SOURCE, 'v22.11.0', 'x64', ['--v8-pool-size=1']), name);
    assert.notStrictEqual(cacheFileName(SOURCE, 'v20.20.2', 'arm64', ['--v8-pool-size=1']), name);
    assert.notStrictEqual(cacheFileName(SOURCE, 'v20.20.2', 'x64', ['--nolazy']), name);
  });

  it('is written after the first run, used by the next, and not written again when it holds as much', async () => {
    const first = CodeCache.open(folder, SOURCE);
    const made = await compileWith(first);
    assert.strictEqual(first.state, 'absent');
    assert.strictEqual(first.save(() => made), true);
    const file = path.join(folder, cacheFileName(SOURCE));
    assert.deepStrictEqual(fs.readdirSync(folder), [path.basename(file)]);
    if (process.platform !== 'win32') {
      assert.strictEqual(fs.statSync(folder).mode & 0o777, 0o700);
      assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    }

    const second = CodeCache.open(folder, SOURCE);
    const again = await compileWith(second);
    assert.strictEqual(second.state, 'used');
    assert.strictEqual(second.save(() => again), false);
    // A session that compiled clearly more writes it again.
    assert.strictEqual(second.save(() => Buffer.alloc(fs.statSync(file).size * 2)), true);
  });

  it('is not used when its bytes are damaged, and a good cache replaces it', async () => {
    const first = CodeCache.open(folder, SOURCE);
    const made = await compileWith(first);
    first.save(() => made);
    const file = path.join(folder, cacheFileName(SOURCE));
    const bytes = fs.readFileSync(file);
    bytes[bytes.length >> 1] ^= 0xff;
    fs.writeFileSync(file, bytes);

    const damaged = CodeCache.open(folder, SOURCE);
    assert.strictEqual(damaged.read(), undefined);
    const remade = await compileWith(damaged);
    assert.strictEqual(damaged.state, 'absent');
    await savedAndUsedNext(damaged, remade, folder);
  });

  it('is rejected by V8 when it was made for another source, the source still runs, and it is made anew', async () => {
    // An intact file under this source's name whose code V8 made for another text (of another length).
    const other = `${SOURCE}// another version\n`;
    const elsewhere = CodeCache.open(path.join(path.dirname(folder), 'other'), other);
    const foreign = await compileWith(elsewhere, other);
    assert.strictEqual(elsewhere.save(() => foreign), true);
    fs.mkdirSync(folder, { mode: 0o700 });
    fs.copyFileSync(path.join(path.dirname(folder), 'other', cacheFileName(other)), path.join(folder, cacheFileName(SOURCE)));

    const cache = CodeCache.open(folder, SOURCE);
    const made = await compileWith(cache);
    assert.strictEqual(cache.state, 'rejected');
    await savedAndUsedNext(cache, made, folder);
  });

  it('removes the caches of other versions of the source when it writes, and keeps those of other options', async () => {
    fs.mkdirSync(folder, { mode: 0o700 });
    const otherOptions = cacheFileName(SOURCE, process.version, process.arch, ['--nolazy', '--inspect=6019']);
    for (const name of ['0123456789abcdef0123456789abcdef-0123456789abcdef.v8cache', '0123456789abcdef0123456789abcdef.v8cache', otherOptions]) {
      fs.writeFileSync(path.join(folder, name), 'a cache');
    }
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'kept');
    const cache = CodeCache.open(folder, SOURCE);
    const made = await compileWith(cache);
    cache.save(() => made);
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), [cacheFileName(SOURCE), otherOptions, 'notes.txt'].sort());
  });

  if (process.platform !== 'win32') {
    it('is neither read nor written in a folder that others may write to', async () => {
      fs.mkdirSync(folder, { mode: 0o700 });
      fs.chmodSync(folder, 0o777);
      const cache = CodeCache.open(folder, SOURCE);
      const made = await compileWith(cache);
      assert.strictEqual(cache.state, 'off');
      assert.strictEqual(cache.save(() => made), false);
      assert.deepStrictEqual(fs.readdirSync(folder), []);
    });

    it('is not read from a file that others may write to, nor through a symbolic link', async () => {
      const first = CodeCache.open(folder, SOURCE);
      const made = await compileWith(first);
      first.save(() => made);
      const file = path.join(folder, cacheFileName(SOURCE));
      fs.chmodSync(file, 0o666);
      assert.strictEqual(CodeCache.open(folder, SOURCE).read(), undefined);

      fs.chmodSync(file, 0o600);
      const elsewhere = path.join(path.dirname(folder), 'elsewhere.v8cache');
      fs.renameSync(file, elsewhere);
      fs.symlinkSync(elsewhere, file);
      const linked = CodeCache.open(folder, SOURCE);
      assert.strictEqual(linked.read(), undefined);
      await compileWith(linked);
      assert.strictEqual(linked.state, 'absent');
    });
  }
});

describe('the bundled server with its code cache', () => {
  let folder: string;

  before(() => {
    folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dw-server-cache-')), 'cache');
  });

  after(() => fs.rmSync(path.dirname(folder), { recursive: true, force: true }));

  /** Starts the server, opens a Dockerfile, and ends the server as an editor does: its diagnostics. */
  async function session(args: string[]): Promise<string[]> {
    const child = spawn(process.execPath, [path.join(dist, 'server.js'), '--stdio', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///work/Dockerfile', languageId: 'dockerfile', version: 1, text: 'FROM alpine as build\nRUN make\n' },
    });
    const diagnostics = (await published).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
    await connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendNotification(ExitNotification.type);
    assert.strictEqual(await exited, 0);
    connection.dispose();
    return diagnostics;
  }

  it('writes the cache when it ends, starts from it the next time, and writes a damaged one anew', async () => {
    const expected = ['0:12 FromAsCasing'];
    // The name the server gives its cache: this Node, no node options, the bundle's source.
    const file = path.join(folder, cacheFileName(fs.readFileSync(path.join(dist, 'languageServer.js'), 'utf8'), process.version, process.arch, []));
    assert.deepStrictEqual(await session([`--code-cache-dir=${folder}`]), expected);
    const written = fs.statSync(file);
    assert.ok(written.size > 100_000, `a cache of the bundle's functions (${written.size} bytes)`);

    assert.deepStrictEqual(await session([`--code-cache-dir=${folder}`]), expected);
    // Used as it was: not written again.
    assert.strictEqual(fs.statSync(file).mtimeMs, written.mtimeMs);

    fs.writeFileSync(file, 'not a cache');
    assert.deepStrictEqual(await session([`--code-cache-dir=${folder}`]), expected);
    assert.ok(fs.statSync(file).size > 100_000);
  });

  it('writes nothing with --no-code-cache', async () => {
    const none = path.join(path.dirname(folder), 'none');
    assert.deepStrictEqual(await session(['--no-code-cache', `--code-cache-dir=${none}`]), ['0:12 FromAsCasing']);
    assert.strictEqual(fs.existsSync(none), false);
  });
});
