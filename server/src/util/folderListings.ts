// Whether paths exist, answered from one listing per folder: a compose file of hundreds of services names a build
// context and bind mounts for each, mostly in the same few folders, and a check of them all asks the disk once per
// folder instead of once per path. Made for one diagnostics run (a file created later is seen by the next run).
import * as fs from 'fs';
import * as path from 'path';

/** Where a name missing from its folder's listing may still exist under another case, so the disk is asked. */
const CASE_INSENSITIVE = process.platform === 'darwin' || process.platform === 'win32';

/**
 * An `exists(path)` that answers as `fs.existsSync` does: the name of a normal absolute path is looked up in its
 * folder's listing; a missing folder (or a file where a folder should be) answers false for everything under it.
 * Other paths (relative, with `.` or `..` parts, on Windows), symbolic links (whose target may be missing), folders
 * that cannot be listed, roots and, on case-insensitive systems, names not listed are asked of the disk.
 */
export function listedExistence(): (file: string) => boolean {
  /** Per folder: the names listed and whether each is a link; null when the folder does not exist. */
  const listings = new Map<string, Map<string, boolean> | null | 'unlisted'>();
  const listing = (folder: string) => {
    let names = listings.get(folder);
    if (names !== undefined) return names;
    try {
      names = new Map(fs.readdirSync(folder, { withFileTypes: true }).map((entry) => [entry.name, entry.isSymbolicLink()]));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      names = code === 'ENOENT' || code === 'ENOTDIR' ? null : 'unlisted';
    }
    listings.set(folder, names);
    return names;
  };
  return (file) => {
    // A path with `.` or `..` parts is the system's to walk (`missing/..` is no folder); callers mostly pass what
    // path.resolve made.
    if (!isNormalAbsolute(file)) return fs.existsSync(file);
    const folder = path.dirname(file);
    if (folder === file) return fs.existsSync(file);
    const names = listing(folder);
    if (names === null) return false;
    if (names === 'unlisted') return fs.existsSync(file);
    const link = names.get(path.basename(file));
    if (link === undefined) return CASE_INSENSITIVE && fs.existsSync(file);
    return link ? fs.existsSync(file) : true;
  };
}

/** An absolute POSIX path without `.` or `..` parts, doubled or trailing slashes (what path.resolve makes). */
function isNormalAbsolute(file: string): boolean {
  return process.platform !== 'win32' && file.startsWith('/') && !/\/\.{1,2}(?:\/|$)|\/\/|.\/$/.test(file);
}
