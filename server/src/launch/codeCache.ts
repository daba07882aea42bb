// V8's code cache for the language server's bundle: the bytecode of every function the server ran, kept in a file
// of the user's own cache folder and handed to V8 when the next server starts, so that a start does not compile the
// bundle again (server start 25 % faster) and the first document's check does not compile each parser and check
// function on first use (open -> diagnostics of a 9.6k-line Dockerfile about 7 % faster).
//
// Why not a library: `v8-compile-cache` makes the cache right after compiling (before the lazily compiled functions
// that matter here exist) and keeps it in the shared temporary folder; Node 22's `module.enableCompileCache` is not
// in Node 20, which VS Code's server and the README run.
//
// A cache file is code: it is read only from a folder and a file that belong to this user and that no one else may
// write. V8 checks a cache against its own version and flags, and against the source's length only, so the file
// name carries a hash of the source, Node's version and the process's options; and V8 does not check that the
// bytes are intact (release builds skip its checksum), so the file starts with the SHA-256 of the rest, and a file
// that does not match is not used (a damaged cache must not crash every start of the server).
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Larger files are not caches of this bundle (it is about 1 MB): not read. */
const MAX_BYTES = 64 * 1024 * 1024;
const SUFFIX = '.v8cache';
const DIGEST_BYTES = 32;

function digest(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/**
 * The folder the cache goes to when the server is not told one: the platform's per-user cache folder
 * (`$XDG_CACHE_HOME` or `~/.cache`, `~/Library/Caches`, `%LOCALAPPDATA%`), undefined when there is none.
 */
export function defaultCacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | undefined {
  let base: string | undefined;
  if (platform === 'win32') base = env.LOCALAPPDATA;
  else if (platform === 'darwin') base = home && path.join(home, 'Library', 'Caches');
  else base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && path.join(home, '.cache');
  return base && path.isAbsolute(base) ? path.join(base, 'docker-workflows', 'language-server') : undefined;
}

/**
 * The cache folder from the command line: `--code-cache-dir=DIR`, none with `--no-code-cache`, else the default.
 * (Only the program that starts the server chooses it: the extension passes its global storage folder.)
 */
export function cacheFolderFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string | undefined {
  if (argv.includes('--no-code-cache')) return undefined;
  const given = argv.find((arg) => arg.startsWith('--code-cache-dir='));
  if (given !== undefined) {
    const folder = given.slice('--code-cache-dir='.length);
    return folder ? path.resolve(folder) : undefined;
  }
  return defaultCacheFolder(env, platform, home);
}

/**
 * The cache file's name for this source in this Node with these options: `<source hash>-<runtime hash>.v8cache`.
 * Servers of one version started with other options (the extension's debug launch, an editor's own flags) each keep
 * their file; a new version's server removes the files of older ones (see CodeCache.save).
 */
export function cacheFileName(source: string, nodeVersion = process.version, arch = process.arch, execArgv: readonly string[] = process.execArgv): string {
  const runtime = createHash('sha256');
  for (const part of [nodeVersion, arch, ...execArgv]) runtime.update(part).update('\0');
  return `${digest(source).toString('hex').slice(0, 32)}-${runtime.digest('hex').slice(0, 16)}${SUFFIX}`;
}

/** True when only this user may write `stats`' file or folder (always on Windows, whose folders are per user). */
function ownedAndPrivate(stats: fs.Stats): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

export type CacheState = 'used' | 'absent' | 'rejected' | 'off';

/** One bundle's cache: what was read for it, and writing it back. */
export class CodeCache {
  /** The size of the data `read` gave V8; 0 when there was none. */
  private readBytes = 0;

  private constructor(
    /** The folder, when it can be used. */
    private readonly folder: string | undefined,
    private readonly file: string,
    public state: CacheState,
  ) {}

  /**
   * Opens the cache of `source` in `folder` (made, private, when missing). Its state is 'off' when there is no folder
   * or it may not be used (someone else's, or writable by others), 'absent' when there is no file yet.
   */
  static open(folder: string | undefined, source: string): CodeCache {
    const name = cacheFileName(source);
    if (!folder) return new CodeCache(undefined, name, 'off');
    try {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const stats = fs.lstatSync(folder);
      if (!stats.isDirectory() || !ownedAndPrivate(stats)) return new CodeCache(undefined, name, 'off');
    } catch {
      return new CodeCache(undefined, name, 'off');
    }
    return new CodeCache(folder, path.join(folder, name), 'absent');
  }

  /** The cached data when there is a usable, intact file; undefined otherwise. */
  read(): Buffer | undefined {
    if (!this.folder) return undefined;
    let fd: number | undefined;
    try {
      fd = fs.openSync(this.file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
      const stats = fs.fstatSync(fd);
      if (!stats.isFile() || !ownedAndPrivate(stats) || stats.size > MAX_BYTES) return undefined;
      const bytes = fs.readFileSync(fd);
      const data = bytes.subarray(DIGEST_BYTES);
      if (bytes.length <= DIGEST_BYTES || !digest(data).equals(bytes.subarray(0, DIGEST_BYTES))) return undefined;
      this.readBytes = data.length;
      return data;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  /** Tells what V8 made of the data read (`rejected`: made by another V8, with other flags, or for another source). */
  settle(rejected: boolean | undefined): void {
    if (this.state !== 'off') this.state = this.readBytes === 0 ? 'absent' : rejected ? 'rejected' : 'used';
  }

  /**
   * Writes `data` (V8's cache made now, after the server ran) when there was none, it was rejected, or it now holds
   * clearly more (functions this session ran for the first time, another language's for example). Written to a
   * file of its own and renamed, so that another server never reads half a file; caches of other versions of the
   * bundle in the folder are removed. Never throws.
   */
  save(data: () => Buffer): boolean {
    if (!this.folder) return false;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      const made = data();
      if (this.state === 'used' && made.length <= this.readBytes * 1.05) return false;
      fs.writeFileSync(temporary, Buffer.concat([digest(made), made]), { mode: 0o600, flag: 'wx' });
      fs.renameSync(temporary, this.file);
      // The caches of other versions of the bundle (whatever their options) are of no use any more.
      const mine = path.basename(this.file);
      const version = mine.slice(0, mine.indexOf('-') + 1);
      for (const entry of fs.readdirSync(this.folder)) {
        if (entry.endsWith(SUFFIX) && !entry.startsWith(version)) fs.rmSync(path.join(this.folder, entry), { force: true });
      }
      return true;
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing more to do: the folder is not ours to clean.
      }
      return false;
    }
  }
}
