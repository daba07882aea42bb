// Local files in and out of a container's archives: a tar stream of files and folders picked or dropped from the
// Explorer (uploads), and the safe extraction of a downloaded archive into a local folder. Node only, no vscode.
import * as fs from 'fs';
import * as path from 'path';
import { padding, TAR_END, tarHeader, type EntryChoice, type TarEntry } from '../engine/tar';

const CHUNK = 256 * 1024;

/** What an upload or download left out: links and special files (devices, pipes, sockets). */
export interface Skipped {
  count: number;
}

/**
 * A tar of local files and folders, each under its own name, folders with all they hold; links and special
 * files are left out (counted in `skipped`). Files are read in chunks as the upload sends them.
 */
export async function* localTar(paths: readonly string[], skipped: Skipped): AsyncIterable<Buffer> {
  for (const local of paths) yield* entryOf(local, path.basename(local), skipped);
  yield TAR_END;
}

async function* entryOf(local: string, name: string, skipped: Skipped): AsyncIterable<Buffer> {
  const stat = fs.lstatSync(local);
  const common = { name, mode: stat.mode & 0o777, uid: 0, gid: 0, mtime: stat.mtimeMs };
  if (stat.isDirectory()) {
    yield tarHeader({ ...common, type: 'directory', size: 0 });
    for (const child of fs.readdirSync(local).sort()) yield* entryOf(path.join(local, child), `${name}/${child}`, skipped);
    return;
  }
  if (!stat.isFile()) {
    skipped.count++;
    return;
  }
  yield tarHeader({ ...common, type: 'file', size: stat.size });
  // Exactly the size the header announced, even if the file changes while it is read.
  const fd = fs.openSync(local, 'r');
  try {
    let sent = 0;
    while (sent < stat.size) {
      const buffer = Buffer.alloc(Math.min(CHUNK, stat.size - sent));
      const read = fs.readSync(fd, buffer, 0, buffer.length, sent);
      if (read === 0) break;
      sent += read;
      yield buffer.subarray(0, read);
    }
    if (sent < stat.size) yield Buffer.alloc(stat.size - sent);
  } finally {
    fs.closeSync(fd);
  }
  yield Buffer.alloc(padding(stat.size));
}

/**
 * Writes a downloaded archive under `target` (the archive's top entry becomes `target` itself): folders and
 * regular files only; links and special files are left out (counted), and no entry may leave `target` (names
 * with ".." or absolute ones are refused, as a hostile engine could send them).
 */
export class LocalExtractor {
  readonly skipped: Skipped = { count: 0 };
  private root: string | undefined;
  private fd: number | undefined;

  constructor(private readonly target: string) {}

  onEntry(entry: TarEntry): EntryChoice {
    this.closeFile();
    const local = this.localPath(entry.name);
    if (entry.type === 'directory') {
      fs.mkdirSync(local, { recursive: true });
      return 'skip';
    }
    if (entry.type !== 'file') {
      this.skipped.count++;
      return 'skip';
    }
    fs.mkdirSync(path.dirname(local), { recursive: true });
    const fd = fs.openSync(local, 'w', (entry.mode & 0o777) | 0o600);
    this.fd = fd;
    return { data: (chunk) => void fs.writeSync(fd, chunk) };
  }

  /** Closes the last file; call when the archive ended (or failed). */
  finish(): void {
    this.closeFile();
  }

  private closeFile(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private localPath(name: string): string {
    const parts = name.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..')) throw new Error(`The archive holds a name that leaves its folder: ${JSON.stringify(name.slice(0, 80))}`);
    // The first entry names the top of the archive (the file or folder downloaded, or "/" for a root folder).
    this.root ??= parts[0] ?? '';
    if (this.root !== '' && parts[0] !== this.root) throw new Error(`The archive holds an entry outside what was asked for: ${JSON.stringify(name.slice(0, 80))}`);
    const local = path.join(this.target, ...parts.slice(this.root === '' ? 0 : 1));
    if (local !== this.target && !local.startsWith(this.target + path.sep)) throw new Error('The archive holds a name that leaves its folder.');
    return local;
  }
}
