// Files of the user's project that the server reads from disk (.dockerignore, .env, a service's Dockerfile, a
// base, included or extended compose file), each parsed once per modification time. Reading never blocks the
// server: a file not read yet (or changed since) is read asynchronously, and until it is, `read` says
// 'loading' and the features treat it as unknown; when it arrives, FileAccess lets the server compute the open
// documents' diagnostics again (and requests that cross files wait for it, see FileAccess.settled). What may be read at all is FileAccess's decision (regular files, a
// size limit, the workspace). The cache keeps the most recently used files, up to a count and a total size.
import * as fs from 'fs';
import type { FileAccess, FileRefusal } from './FileAccess';

export type FileRead<T> = { value: T } | FileRefusal | { refused: 'loading' } | { refused: 'unreadable' };

interface Entry<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

export interface FileCacheLimits {
  maxEntries: number;
  /** Sum of the sizes of the files kept. */
  maxBytes: number;
}

const DEFAULT_LIMITS: FileCacheLimits = { maxEntries: 200, maxBytes: 64 * 1024 * 1024 };

export class FileCache<T> {
  /** In order of use, the least recently used first. */
  private readonly entries = new Map<string, Entry<T>>();
  private bytes = 0;
  /** Reads under way, by real path, with the modification time they read. */
  private readonly loading = new Map<string, { mtimeMs: number; done: Promise<void> }>();
  /** Files that failed to read or parse at this modification time (not tried again until they change). */
  private readonly failed = new Map<string, number>();

  constructor(
    private readonly parse: (text: string, file: string) => T,
    private readonly access: FileAccess,
    private readonly limits: FileCacheLimits = DEFAULT_LIMITS,
  ) {}

  /** The parsed file, or why there is none (yet). Never reads the file synchronously. */
  read(file: string, documentFolder: string | undefined): FileRead<T> {
    const check = this.access.check(file, documentFolder);
    if ('refused' in check) return check;
    const hit = this.entries.get(check.file);
    if (hit && hit.mtimeMs === check.mtimeMs && hit.size === check.size) {
      this.entries.delete(check.file);
      this.entries.set(check.file, hit);
      return { value: hit.value };
    }
    if (this.failed.get(check.file) === check.mtimeMs) return { refused: 'unreadable' };
    const pending = this.loading.get(check.file);
    if (!pending || pending.mtimeMs !== check.mtimeMs) this.load(check.file, check.mtimeMs);
    return { refused: 'loading' };
  }

  /** The parsed file when it is read and allowed; undefined otherwise. */
  get(file: string, documentFolder: string | undefined): T | undefined {
    const read = this.read(file, documentFolder);
    return 'value' in read ? read.value : undefined;
  }

  private load(file: string, mtimeMs: number): void {
    const done = this.readLimited(file)
      .then((text) => {
        const value = this.parse(text, file);
        this.remember(file, { mtimeMs, size: Buffer.byteLength(text), value });
      })
      .catch(() => {
        this.failed.set(file, mtimeMs);
      })
      .finally(() => {
        if (this.loading.get(file)?.done === done) this.loading.delete(file);
      });
    this.loading.set(file, { mtimeMs, done });
    this.access.reading(done);
  }

  /**
   * The file's text, read without blocking: opened with O_NONBLOCK (a FIFO swapped in after the check does not
   * hang the read), checked again to be a regular file, and read to at most the size limit.
   */
  private async readLimited(file: string): Promise<string> {
    const handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      const max = this.access.maxBytes;
      if (!stat.isFile() || stat.size > max) throw new Error('not a regular file within the limit');
      const buffer = Buffer.alloc(Math.min(stat.size, max));
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.toString('utf8', 0, filled);
    } finally {
      await handle.close();
    }
  }

  private remember(file: string, entry: Entry<T>): void {
    const old = this.entries.get(file);
    if (old) {
      this.bytes -= old.size;
      this.entries.delete(file);
    }
    this.failed.delete(file);
    this.entries.set(file, entry);
    this.bytes += entry.size;
    for (const [oldest, kept] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      if (oldest === file) continue;
      this.entries.delete(oldest);
      this.bytes -= kept.size;
    }
  }
}
