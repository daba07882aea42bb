// V8's code cache for the language server's bundle. A language server starts cold: the first Dockerfile it sees is
// parsed and checked by functions V8 has not compiled yet, and compiling them lazily is about a tenth of the time
// to the first diagnostics. The bytecode of every function the server ran is kept in a file of the user's cache
// folder and given to V8 when the bundle is loaded again, as Node 22's module.enableCompileCache and VS Code's own
// start-up do (Node 20, which the extension supports, has no such switch, so vm.Script's cachedData does it).
//
// V8 checks its own version and flags and rejects a cache made by another; it checks the source only by length,
// so the file name holds a hash of the bundle's text, and the file a SHA-256 of its bytecode (a damaged file is
// ignored, never run). The folder is the user's own (0700) and a cache file is used only when it is a regular file
// that this user owns and nobody else can write: bytecode is code.
import { createHash } from 'crypto';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

/** Caches kept in the folder: this bundle's, and a few of other versions or of another Node (VS Code's own). */
const KEEP = 4;
/** A cache file larger than this is not read (the server's is about 1 MB). */
const MAX_BYTES = 64 * 1024 * 1024;
const PREFIX = 'server-';
const SUFFIX = '.v8cache';
const DIGEST_BYTES = 32;

/**
 * The cache folder: `DOCKER_WORKFLOWS_SERVER_CACHE` (a folder, or `off`), else docker-workflows in the user's cache
 * folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%).
 */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string | undefined {
  const chosen = env.DOCKER_WORKFLOWS_SERVER_CACHE;
  if (chosen === 'off') return undefined;
  if (chosen) return path.resolve(chosen);
  if (!home) return undefined;
  const xdg = env.XDG_CACHE_HOME;
  const base =
    platform === 'win32' ? env.LOCALAPPDATA || path.join(home, 'AppData', 'Local')
    : platform === 'darwin' ? path.join(home, 'Library', 'Caches')
    : xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
  return path.join(base, 'docker-workflows');
}

/** The cache file's name for a bundle's text under this Node (V8 rejects another's anyway; the name keeps both). */
export function cacheFileName(source: string, runtime = `${process.version} ${process.arch}`): string {
  return PREFIX + createHash('sha256').update(runtime).update('\0').update(source).digest('hex').slice(0, 32) + SUFFIX;
}

/** The cache's bytes, or undefined when it is missing or not safe to use. */
export function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size === 0 || stat.size > MAX_BYTES) return undefined;
    if (process.platform !== 'win32' && (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0)) return undefined;
    const data = Buffer.alloc(stat.size);
    let read = 0;
    while (read < data.length) {
      const n = fs.readSync(fd, data, read, data.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    // The file is the SHA-256 of the bytecode, then the bytecode: V8 checks lengths and versions, not every byte.
    if (data.length <= DIGEST_BYTES) return undefined;
    const payload = data.subarray(DIGEST_BYTES);
    return createHash('sha256').update(payload).digest().equals(data.subarray(0, DIGEST_BYTES)) ? payload : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes the cache atomically (a private temporary file renamed over it) and drops the oldest other caches. */
export function writeCache(file: string, data: Buffer): boolean {
  const dir = path.dirname(file);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, Buffer.concat([createHash('sha256').update(data).digest(), data]), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, file);
  } catch {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Never made.
    }
    return false;
  }
  try {
    const others = fs.readdirSync(dir)
      .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name !== path.basename(file))
      .map((name) => ({ name, time: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const old of others.slice(KEEP - 1)) fs.unlinkSync(path.join(dir, old.name));
  } catch {
    // Another server may be cleaning up at the same time.
  }
  return true;
}

export interface LoadedBundle {
  /** The bundle's module.exports. */
  exports: unknown;
  /** The cache file (undefined when caching is off). */
  cacheFile?: string;
  /** True when V8 took the cache. */
  cacheAccepted: boolean;
}

/**
 * Runs a CommonJS bundle as `require` would, with V8's code cache from `cacheDir`. The bundle's text is one function
 * expression, `(function (exports, require, module, __filename, __dirname) { ... })` (esbuild's banner and footer),
 * so that V8 keeps the text as it was read. When there was no usable cache and `write` is true, one is written as
 * the process exits, holding the bytecode of every function the process compiled by then.
 */
export function runWithCodeCache(bundle: string, cacheDir: string | undefined, write = true): LoadedBundle {
  const source = fs.readFileSync(bundle, 'utf8');
  const cacheFile = cacheDir ? path.join(cacheDir, cacheFileName(source)) : undefined;
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const script = new vm.Script(source, { filename: bundle, cachedData });
  const cacheAccepted = cachedData !== undefined && !script.cachedDataRejected;
  if (cacheFile && !cacheAccepted && write) {
    process.once('exit', () => {
      try {
        writeCache(cacheFile, script.createCachedData());
      } catch {
        // The next start compiles lazily again.
      }
    });
  }
  const module = { exports: {} as unknown, id: bundle, filename: bundle, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  module.loaded = true;
  return { exports: module.exports, cacheFile, cacheAccepted };
}
