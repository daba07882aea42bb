// A container's files over the Engine API's archive endpoints (dockerodeArchive.ts): HEAD to stat, GET (a tar of
// the path, read as a stream) to list and read, PUT (a tar extracted into a folder) to write, create folders and
// upload. They work on stopped containers too. The archive API cannot delete, so deleting runs `rm -rf -- <path>`
// through the API's exec (dockerodeExec.ts: an argument array, never a shell string), as the container's user.
// Permissions are those of the container's user (containerUser.ts). DockerodeEngine.ts hands over the Docker
// object and its `call` helper (timeouts, errors in plain words).
import type Docker from 'dockerode';
import * as path from 'path';
import { Readable } from 'stream';
import { ContainerFileError, type ContainerDirEntry, type ContainerFiles, type ContainerFileStat, type ContainerListing, type FileKind, type ListBounds } from './containerFiles';
import { mayAccess, userName, type Access, type ContainerUser } from './containerUser';
import type { EngineCall } from './dockerodeResources';
import type { ContainerFacts } from './dockerodeFilesContext';
import { DockerodeArchive, kindOfGoMode } from './dockerodeArchive';
import { execIn } from './dockerodeExec';
import { tarOf, type EntryChoice, type TarEntry } from './tar';
import { displayName as shownPath, isContainerId } from './validate';

const posix = path.posix;
const DEFAULT_MAX_ENTRIES = 5_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Links whose target a listing looks up (one HEAD each), at most. */
const MAX_LINK_LOOKUPS = 64;



const kindOfEntry = (entry: TarEntry): FileKind => (entry.type === 'hardlink' ? 'file' : entry.type);

export class DockerodeFiles implements ContainerFiles {
  private readonly archive: DockerodeArchive;

  constructor(
    private readonly docker: Docker,
    private readonly call: EngineCall,
  ) {
    this.archive = new DockerodeArchive(docker, call);
  }

  async stat(id: string, file: string): Promise<ContainerFileStat> {
    const target = checked(id, file);
    const raw = await this.archive.head(id, target);
    const kind = kindOfGoMode(raw.mode);
    const stat: ContainerFileStat = { path: target, name: raw.name, kind, size: raw.size, mode: raw.mode & 0o7777, mtime: Date.parse(raw.mtime) || 0 };
    let real = target;
    if (kind === 'symlink' && raw.linkTarget) {
      stat.linkTarget = raw.linkTarget;
      real = raw.linkTarget;
      try {
        const to = await this.archive.head(id, raw.linkTarget);
        stat.targetKind = kindOfGoMode(to.mode);
        if (stat.targetKind !== 'directory') stat.size = to.size;
      } catch (error) {
        if (!(error instanceof ContainerFileError && error.failure === 'not-found')) throw error;
      }
    }
    const facts = await this.archive.facts(id);
    const why = facts.readOnly(real);
    if (why) stat.readOnly = why;
    else if (facts.user.uid !== 0) {
      const owner = await this.archive.firstEntry(id, real);
      if (owner && !mayAccess(facts.user, owner, 'write')) stat.readOnly = `${capital(userName(facts.user))} cannot change ${shownPath(real)}.`;
    }
    return stat;
  }

  /**
   * The archive of a folder carries its whole tree, file contents included, depth first: only the headers of the
   * direct children are kept and the data is read past, never held. A folder whose tree holds more than
   * `maxBytes` (or more than `maxEntries` children) lists the entries read until then (complete: false), rather
   * than reading, say, a whole root file system to list "/".
   */
  async list(id: string, folder: string, bounds: ListBounds = {}): Promise<ContainerListing> {
    const { maxEntries = DEFAULT_MAX_ENTRIES, maxBytes = DEFAULT_MAX_BYTES } = bounds;
    const real = await this.archive.resolved(id, checked(id, folder));
    const facts = await this.archive.facts(id);
    const entries: ContainerDirEntry[] = [];
    let prefix: string | undefined;
    let complete = true;
    const bytes = await this.archive.readArchive(id, real, maxBytes, (entry) => {
      if (prefix === undefined) {
        if (entry.type !== 'directory') throw new ContainerFileError('not-directory', `${shownPath(real)} is not a folder.`);
        this.require(facts.user, entry, 'read', real, 'list the folder');
        prefix = entry.name === '/' ? '/' : `${entry.name}/`;
        return 'skip';
      }
      const rest = entry.name.startsWith(prefix) ? entry.name.slice(prefix.length) : '';
      // Only direct children; never "." or ".." (a hostile engine could send them, and they would name other folders).
      if (rest === '' || rest.includes('/') || rest === '.' || rest === '..') return 'skip';
      if (entries.length >= maxEntries) {
        complete = false;
        return 'stop';
      }
      entries.push({
        name: rest,
        kind: kindOfEntry(entry),
        size: entry.size,
        mode: entry.mode,
        mtime: entry.mtime,
        uid: entry.uid,
        gid: entry.gid,
        ...(entry.type === 'symlink' ? { linkTarget: entry.linkName } : {}),
      });
      return 'skip';
    });
    if (bytes.overBound) complete = facts.running && (await this.fillFromLs(id, real, entries, maxEntries));
    await this.resolveLinks(id, real, entries);
    entries.sort((a, b) => Number(isFolder(b)) - Number(isFolder(a)) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { entries, complete };
  }

  /**
   * The rest of a listing that stopped at its byte bound (a big file early in the folder's tree would otherwise hide
   * every name after it): the names from `ls -1A -- <folder>` run in the container (the archive API cannot list
   * a folder without sending its whole tree), each one stat'ed with HEAD. False when that cannot be done (no ls,
   * more names than the bound); the listing then stays as read.
   */
  private async fillFromLs(id: string, folder: string, entries: ContainerDirEntry[], maxEntries: number): Promise<boolean> {
    let result;
    try {
      result = await execIn(this.docker, this.call, id, ['ls', '-1A', '--', folder], 1024 * 1024);
    } catch {
      return false;
    }
    if (result.exitCode !== 0 || result.cut) return false;
    const known = new Set(entries.map((entry) => entry.name));
    const names = result.stdout.split('\n').filter((name) => name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !known.has(name));
    if (entries.length + names.length > maxEntries) return false;
    for (let i = 0; i < names.length; i += 8) {
      await Promise.all(
        names.slice(i, i + 8).map(async (name) => {
          try {
            const raw = await this.archive.head(id, posix.join(folder, name));
            const kind = kindOfGoMode(raw.mode);
            const entry: ContainerDirEntry = { name, kind, size: raw.size, mode: raw.mode & 0o7777, mtime: Date.parse(raw.mtime) || 0 };
            if (kind === 'symlink') entry.linkTarget = raw.linkTarget;
            entries.push(entry);
          } catch (error) {
            // Gone meanwhile (or a name ls printed oddly): left out.
            if (!(error instanceof ContainerFileError) || error.failure === 'no-container') throw error;
          }
        }),
      );
    }
    return true;
  }

  async read(id: string, file: string, signal?: AbortSignal, limit?: number): Promise<Buffer> {
    const real = await this.archive.resolved(id, checked(id, file));
    const facts = await this.archive.facts(id);
    const parts: Buffer[] = [];
    let seen = false;
    // With a limit, reading stops soon after it (the bound counts the archive's header blocks too).
    await this.archive.readArchive(id, real, limit === undefined ? Infinity : limit + 4096, (entry) => {
      if (seen) return 'stop';
      seen = true;
      if (entry.type === 'directory') throw new ContainerFileError('is-directory', `${shownPath(real)} is a folder, not a file.`);
      this.require(facts.user, entry, 'read', real, 'read');
      return { data: (chunk) => parts.push(Buffer.from(chunk)) };
    }, signal);
    const data = Buffer.concat(parts);
    return limit === undefined ? data : data.subarray(0, limit);
  }

  async write(id: string, file: string, data: Buffer, options: { create: boolean; overwrite: boolean }): Promise<void> {
    const target = checked(id, file);
    const facts = await this.writableFacts(id, target);
    const existing = await this.archive.firstEntry(id, target);
    if (existing && !options.overwrite) throw new ContainerFileError('exists', `${shownPath(target)} already exists.`);
    if (!existing && !options.create) throw new ContainerFileError('not-found', `There is no ${shownPath(target)} in the container.`);
    if (existing?.type === 'directory') throw new ContainerFileError('is-directory', `${shownPath(target)} is a folder, not a file.`);
    if (existing) this.require(facts.user, existing, 'write', target, 'change');
    else await this.parentAllows(id, facts.user, target);
    const entry = {
      name: posix.basename(target),
      type: 'file' as const,
      mode: existing ? existing.mode : 0o644,
      uid: existing ? existing.uid : facts.user.uid,
      gid: existing ? existing.gid : facts.user.gid,
      size: data.length,
      mtime: Date.now(),
    };
    await this.archive.put(id, posix.dirname(target), tarOf([{ entry, data }]));
  }

  async mkdir(id: string, folder: string): Promise<void> {
    const target = checked(id, folder);
    const facts = await this.writableFacts(id, target);
    if (await this.archive.firstEntry(id, target)) throw new ContainerFileError('exists', `${shownPath(target)} already exists.`);
    await this.parentAllows(id, facts.user, target);
    const entry = { name: posix.basename(target), type: 'directory' as const, mode: 0o755, uid: facts.user.uid, gid: facts.user.gid, size: 0, mtime: Date.now() };
    await this.archive.put(id, posix.dirname(target), tarOf([{ entry }]));
  }

  async upload(id: string, folder: string, archive: AsyncIterable<Buffer>, signal?: AbortSignal): Promise<void> {
    const target = await this.archive.resolved(id, checked(id, folder));
    const facts = await this.writableFacts(id, target);
    const dir = await this.archive.firstEntry(id, target);
    if (!dir) throw new ContainerFileError('not-found', `There is no ${shownPath(target)} in the container.`);
    if (dir.type !== 'directory') throw new ContainerFileError('not-directory', `${shownPath(target)} is not a folder.`);
    this.require(facts.user, dir, 'write', target, 'add files to');
    // copyUIDGID: the engine gives what it extracts to the container's user, as `docker cp -a` does.
    await this.archive.put(id, target, Readable.from(archive), { copyUIDGID: facts.user.uid !== 0, signal });
  }

  async download(id: string, file: string, onEntry: (entry: TarEntry) => EntryChoice, signal?: AbortSignal): Promise<void> {
    const real = await this.archive.resolved(id, checked(id, file));
    const facts = await this.archive.facts(id);
    let first = true;
    await this.archive.readArchive(id, real, Infinity, (entry) => {
      if (first) this.require(facts.user, entry, 'read', real, entry.type === 'directory' ? 'list the folder' : 'read');
      first = false;
      return onEntry(entry);
    }, signal);
  }

  async remove(id: string, file: string): Promise<void> {
    const target = checked(id, file);
    if (target === '/') throw new ContainerFileError('permission', 'The root folder of a container cannot be deleted.');
    await this.writableFacts(id, target);
    await this.archive.head(id, target);
    // The archive API has no delete: rm runs inside the container, as its user, with the path as one argument.
    const result = await this.archive.guard(() => execIn(this.docker, this.call, id, ['rm', '-rf', '--', target]), id, target);
    if (result.exitCode === 0) return;
    const output = `${result.stdout}${result.stderr}`;
    const info = { ExitCode: result.exitCode };
    const said = output.trim().split('\n').pop() ?? '';
    if (/permission denied/i.test(said)) throw new ContainerFileError('permission', `Permission denied: the container's user cannot delete ${shownPath(target)} (rm said: ${shownPath(said)}).`);
    if (/read-only file system/i.test(said)) throw new ContainerFileError('permission', `${shownPath(target)} is on a read-only file system.`);
    if (/executable file not found|no such file or directory/i.test(said) && info.ExitCode !== 1) {
      throw new ContainerFileError('unavailable', `The container has no rm program, so ${shownPath(target)} cannot be deleted.`);
    }
    throw new ContainerFileError('other', `Could not delete ${shownPath(target)}: ${said ? shownPath(said) : `rm ended with code ${info.ExitCode}`}.`);
  }


  private async writableFacts(id: string, target: string): Promise<ContainerFacts> {
    const facts = await this.archive.facts(id);
    const why = facts.readOnly(target);
    if (why) throw new ContainerFileError('permission', why);
    return facts;
  }

  /** The parent folder exists and the user may add to it; its entry. */
  private async parentAllows(id: string, user: ContainerUser, target: string): Promise<TarEntry> {
    const parent = posix.dirname(target);
    const dir = await this.archive.firstEntry(id, parent);
    if (!dir) throw new ContainerFileError('not-found', `There is no folder ${shownPath(parent)} in the container.`);
    if (dir.type !== 'directory') throw new ContainerFileError('not-directory', `${shownPath(parent)} is not a folder.`);
    this.require(user, dir, 'write', parent, 'add files to');
    return dir;
  }

  private require(user: ContainerUser, entry: TarEntry, access: Access, where: string, doing: string): void {
    if (mayAccess(user, entry, access)) return;
    throw new ContainerFileError('permission', `Permission denied: the container runs as ${userName(user)}, who cannot ${doing} ${shownPath(where)}.`);
  }

  /** Looks up what the links of a listing point to: a sibling of the listing, else (bounded) with HEAD. */
  private async resolveLinks(id: string, folder: string, entries: ContainerDirEntry[]): Promise<void> {
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const unknown: ContainerDirEntry[] = [];
    for (const entry of entries) {
      if (entry.kind !== 'symlink' || entry.linkTarget === undefined) continue;
      const sibling = byName.get(entry.linkTarget);
      if (sibling && sibling.kind !== 'symlink') entry.targetKind = sibling.kind;
      else unknown.push(entry);
    }
    const batch = unknown.slice(0, MAX_LINK_LOOKUPS);
    for (let i = 0; i < batch.length; i += 8) {
      await Promise.all(
        batch.slice(i, i + 8).map(async (entry) => {
          try {
            const link = await this.archive.head(id, posix.join(folder, entry.name));
            if (link.linkTarget) entry.targetKind = kindOfGoMode((await this.archive.head(id, link.linkTarget)).mode);
          } catch (error) {
            if (!(error instanceof ContainerFileError) || error.failure === 'no-container') throw error;
          }
        }),
      );
    }
  }


}

function isFolder(entry: ContainerDirEntry): boolean {
  return entry.kind === 'directory' || (entry.kind === 'symlink' && entry.targetKind === 'directory');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The path, normalized, when the id is a container id and the path absolute; a plain-words error otherwise. */
function checked(id: string, file: string): string {
  if (!isContainerId(id)) throw new ContainerFileError('other', 'That is not a container id.');
  if (!file.startsWith('/') || file.includes('\0')) throw new ContainerFileError('other', 'A path inside a container must be absolute.');
  const normalized = posix.normalize(file);
  return normalized.length > 1 ? normalized.replace(/\/+$/, '') : normalized;
}
