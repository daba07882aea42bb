// Which files the language server may read around a document, and how large: the files a document names
// (.dockerignore, .env, included and extended compose files, the Dockerfile of a build context) are read only
// when they are regular files (no device, FIFO or socket, which could block a read), no larger than a limit,
// and, unless the user allows more, inside the workspace folders or the document's own folder (the compose
// project directory). Symbolic links are followed before the check, so a link cannot lead outside.
import * as fs from 'fs';
import * as path from 'path';

export const DEFAULT_MAX_FILE_MIB = 4;

export interface FileAccessSettings {
  /** Largest file read, in bytes. */
  maxBytes: number;
  readOutsideWorkspace: boolean;
  /** The workspace folders (absolute paths). */
  roots: readonly string[];
}

/** Why a file was not read; the message completes "The included file "x" is not read: ...". */
export type FileRefusal =
  | { refused: 'missing' }
  | { refused: 'not-a-file' }
  | { refused: 'too-large'; size: number; maxBytes: number }
  | { refused: 'outside' };

export type FileCheck = { file: string; size: number; mtimeMs: number } | FileRefusal;

export function refusalText(refusal: FileRefusal): string {
  switch (refusal.refused) {
    case 'missing':
      return 'it does not exist';
    case 'not-a-file':
      return 'it is not a regular file';
    case 'too-large':
      return `it is ${sizeText(refusal.size)}, over the ${sizeText(refusal.maxBytes)} limit of the docker-workflows.files.maxSizeMiB setting`;
    case 'outside':
      return "it is outside the workspace folders and the compose file's folder (the docker-workflows.files.readOutsideWorkspace setting allows it)";
  }
}

/** The `files` settings (see settings.ts) and the workspace folders as FileAccess reads them. */
export function accessSettings(files: { maxSizeMiB?: unknown; readOutsideWorkspace?: unknown } | undefined, roots: readonly string[]): FileAccessSettings {
  const mib = typeof files?.maxSizeMiB === 'number' && files.maxSizeMiB > 0 ? Math.min(files.maxSizeMiB, 1024) : DEFAULT_MAX_FILE_MIB;
  return { maxBytes: Math.round(mib * 1024 * 1024), readOutsideWorkspace: files?.readOutsideWorkspace === true, roots };
}

function sizeText(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1024) return `${(mib / 1024).toFixed(1)} GiB`;
  if (mib >= 1) return `${mib >= 10 ? Math.round(mib) : Number(mib.toFixed(1))} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export class FileAccess {
  /** Grows by one each time a file finished loading: answers computed before may have missed it. */
  generation = 0;

  constructor(
    private readonly settings: () => FileAccessSettings,
    private readonly onLoaded: () => void = () => undefined,
  ) {}

  get maxBytes(): number {
    return this.settings().maxBytes;
  }

  /**
   * Whether `file` may be read for a document in `documentFolder`: its real path, size and modification time,
   * or why not. Only stats the file (never opens it), so it cannot block on a special file.
   */
  check(file: string, documentFolder: string | undefined): FileCheck {
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync.native(file);
      stat = fs.statSync(real);
    } catch {
      return { refused: 'missing' };
    }
    if (!stat.isFile()) return { refused: 'not-a-file' };
    const settings = this.settings();
    if (!settings.readOutsideWorkspace) {
      const folders = documentFolder ? [...settings.roots, documentFolder] : settings.roots;
      if (!folders.some((folder) => inside(real, folder) || inside(real, realFolder(folder)))) return { refused: 'outside' };
    }
    if (stat.size > settings.maxBytes) return { refused: 'too-large', size: stat.size, maxBytes: settings.maxBytes };
    return { file: real, size: stat.size, mtimeMs: stat.mtimeMs };
  }

  /** Reads under way in every cache. */
  private readonly reads = new Set<Promise<unknown>>();

  /** Called by a cache for each read it starts. */
  reading(read: Promise<unknown>): void {
    this.reads.add(read);
    void read.finally(() => {
      this.reads.delete(read);
      this.generation++;
      this.onLoaded();
    });
  }

  get busy(): boolean {
    return this.reads.size > 0;
  }

  /** Resolves when no read is under way, or after `timeoutMs` (a slow disk must not hold a request forever). */
  async settled(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.reads.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline - Date.now())));
      await Promise.race([Promise.allSettled([...this.reads]), timeout]);
      clearTimeout(timer);
    }
  }
}

/** A folder's real path (the workspace itself may sit behind a symbolic link, e.g. /tmp on macOS). */
function realFolder(folder: string): string {
  try {
    return fs.realpathSync.native(folder);
  } catch {
    return folder;
  }
}
