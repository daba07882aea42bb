// Whether paths exist and what folders hold, answered from one listing per folder: a compose file of hundreds of
// services names a build context and bind mounts for each, mostly in the same few folders, and a check of them all
// asks the disk once per folder instead of once per path. Made for one diagnostics run (later files: the next run).
import * as fs from 'fs';
import * as path from 'path';

/** Where a name missing from its folder's listing may still exist under another case, so the disk is asked. */
const CASE_INSENSITIVE = process.platform === 'darwin' || process.platform === 'win32';

/** Per folder: the names listed and whether each is a link; null when the folder does not exist. */
type Listing = Map<string, boolean> | null | 'unlisted';

/**
 * Existence of paths and the names in folders, each folder read once. `exists` answers as `fs.existsSync` does: the
 * name of a normal absolute path is looked up in its folder's listing; a missing folder (or a file where a folder
 * should be) answers false for everything under it. Other paths (relative, with `.` or `..` parts, on Windows),
 * symbolic links (whose target may be missing), folders that cannot be listed, roots and, on case-insensitive
 * systems, names not listed are asked of the disk.
 */
export class FolderListings {
  private readonly listings = new Map<string, Listing>();

  exists(file: string): boolean {
    // A path with `.` or `..` parts is the system's to walk (`missing/..` is no folder); callers mostly pass what
    // path.resolve made.
    if (!isNormalAbsolute(file)) return fs.existsSync(file);
    const folder = path.dirname(file);
    if (folder === file) return fs.existsSync(file);
    const names = this.listing(folder);
    if (names === null) return false;
    if (names === 'unlisted') return fs.existsSync(file);
    const link = names.get(path.basename(file));
    if (link === undefined) return CASE_INSENSITIVE && fs.existsSync(file);
    return link ? fs.existsSync(file) : true;
  }

  /** The names in a folder; none when it cannot be read. */
  names(folder: string): string[] {
    const names = this.listing(folder);
    return names === null || names === 'unlisted' ? [] : [...names.keys()];
  }

  private listing(folder: string): Listing {
    let names = this.listings.get(folder);
    if (names !== undefined) return names;
    names = this.absentByParent(folder) ? null : read(folder);
    this.listings.set(folder, names);
    // A missing folder often has missing siblings (`./data/svc1`, `./data/svc2` ... under a missing `./data`): its
    // parent's listing then answers for them without asking the disk for each.
    if (names === null && isNormalAbsolute(folder) && path.dirname(folder) !== folder) this.listing(path.dirname(folder));
    return names;
  }

  /**
   * True when the folder's parent was already listed (or found missing) and the folder is certainly not there: only
   * after a miss nearby, so that no parent is read for a folder that exists.
   */
  private absentByParent(folder: string): boolean {
    if (!isNormalAbsolute(folder)) return false;
    const parent = this.listings.get(path.dirname(folder));
    if (parent === null) return true;
    return parent instanceof Map && !CASE_INSENSITIVE && !parent.has(path.basename(folder));
  }
}

function read(folder: string): Listing {
  try {
    return new Map(fs.readdirSync(folder, { withFileTypes: true }).map((entry) => [entry.name, entry.isSymbolicLink()]));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : 'unlisted';
  }
}

/** Whether paths exist, from a FolderListings of its own: for one request (a later one asks for a new checker). */
export function existenceChecker(): (file: string) => boolean {
  const listings = new FolderListings();
  return (file) => listings.exists(file);
}

/** An absolute POSIX path without `.` or `..` parts, doubled or trailing slashes (what path.resolve makes). */
function isNormalAbsolute(file: string): boolean {
  return process.platform !== 'win32' && file.startsWith('/') && !/\/\.{1,2}(?:\/|$)|\/\/|.\/$/.test(file);
}
