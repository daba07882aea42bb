// A container's files over the Engine API's archive endpoints: HEAD /containers/{id}/archive?path= (the
// X-Docker-Container-Path-Stat header) to stat, GET (a tar of the path, read as a stream) to list and read, PUT (a
// tar extracted into a folder) to write, create folders and upload. They work on stopped containers too. The
// archive API cannot delete, so deleting runs `rm -rf -- <path>` through the API's exec (an argument array, never
// a shell string), as the container's user. Permissions are those of the container's user (containerUser.ts).
// DockerodeEngine.ts hands over the Docker object and its `call` helper (timeouts, errors in plain words).
import type Docker from 'dockerode';
import type { IncomingMessage } from 'http';
import * as path from 'path';
import { Readable } from 'stream';
import { ContainerFileError, type ContainerDirEntry, type ContainerFiles, type ContainerFileStat, type ContainerListing, type FileKind, type ListBounds } from './containerFiles';
import { mayAccess, resolveUser, ROOT_USER, userName, type Access, type ContainerUser } from './containerUser';
import type { EngineCall } from './dockerodeResources';
import { fileFailure, inspectOf, type ContainerFacts } from './dockerodeFilesContext';
import { TarReader, tarOf, type EntryChoice, type TarEntry } from './tar';
import { EngineError } from './types';
import { displayName as shownPath, isContainerId } from './validate';

const posix = path.posix;
const DEFAULT_MAX_ENTRIES = 5_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Links whose target a listing looks up (one HEAD each), at most. */
const MAX_LINK_LOOKUPS = 64;
const WRITE_TIMEOUT_MS = 60_000;

interface RawStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

/** The kind of a Go os.FileMode, as the path-stat header carries it. */
function kindOfGoMode(mode: number): FileKind {
  const bits = mode >>> 0;
  if (bits & 0x80000000) return 'directory';
  if (bits & (1 << 27)) return 'symlink';
  if (bits & ((1 << 26) | (1 << 25) | (1 << 24) | (1 << 21) | (1 << 19))) return 'other';
  return 'file';
}

const kindOfEntry = (entry: TarEntry): FileKind => (entry.type === 'hardlink' ? 'file' : entry.type);

export class DockerodeFiles implements ContainerFiles {
  private readonly users = new Map<string, Promise<ContainerUser>>();

  constructor(
    private readonly docker: Docker,
    private readonly call: EngineCall,
  ) {}

  async stat(id: string, file: string): Promise<ContainerFileStat> {
    const target = checked(id, file);
    const raw = await this.head(id, target);
    const kind = kindOfGoMode(raw.mode);
    const stat: ContainerFileStat = { path: target, name: raw.name, kind, size: raw.size, mode: raw.mode & 0o7777, mtime: Date.parse(raw.mtime) || 0 };
    let real = target;
    if (kind === 'symlink' && raw.linkTarget) {
      stat.linkTarget = raw.linkTarget;
      real = raw.linkTarget;
      try {
        const to = await this.head(id, raw.linkTarget);
        stat.targetKind = kindOfGoMode(to.mode);
        if (stat.targetKind !== 'directory') stat.size = to.size;
      } catch (error) {
        if (!(error instanceof ContainerFileError && error.failure === 'not-found')) throw error;
      }
    }
    const facts = await this.facts(id);
    const why = facts.readOnly(real);
    if (why) stat.readOnly = why;
    else if (facts.user.uid !== 0) {
      const owner = await this.firstEntry(id, real);
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
    const real = await this.resolved(id, checked(id, folder));
    const facts = await this.facts(id);
    const entries: ContainerDirEntry[] = [];
    let prefix: string | undefined;
    let complete = true;
    const bytes = await this.readArchive(id, real, maxBytes, (entry) => {
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
    if (bytes.stopped && complete) complete = !bytes.overBound;
    await this.resolveLinks(id, real, entries);
    entries.sort((a, b) => Number(isFolder(b)) - Number(isFolder(a)) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { entries, complete };
  }

  async read(id: string, file: string, signal?: AbortSignal, limit?: number): Promise<Buffer> {
    const real = await this.resolved(id, checked(id, file));
    const facts = await this.facts(id);
    const parts: Buffer[] = [];
    let seen = false;
    // With a limit, reading stops soon after it (the bound counts the archive's header blocks too).
    await this.readArchive(id, real, limit === undefined ? Infinity : limit + 4096, (entry) => {
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
    const existing = await this.firstEntry(id, target);
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
    await this.put(id, posix.dirname(target), tarOf([{ entry, data }]));
  }

  async mkdir(id: string, folder: string): Promise<void> {
    const target = checked(id, folder);
    const facts = await this.writableFacts(id, target);
    if (await this.firstEntry(id, target)) throw new ContainerFileError('exists', `${shownPath(target)} already exists.`);
    await this.parentAllows(id, facts.user, target);
    const entry = { name: posix.basename(target), type: 'directory' as const, mode: 0o755, uid: facts.user.uid, gid: facts.user.gid, size: 0, mtime: Date.now() };
    await this.put(id, posix.dirname(target), tarOf([{ entry }]));
  }

  async upload(id: string, folder: string, archive: AsyncIterable<Buffer>, signal?: AbortSignal): Promise<void> {
    const target = await this.resolved(id, checked(id, folder));
    const facts = await this.writableFacts(id, target);
    const dir = await this.firstEntry(id, target);
    if (!dir) throw new ContainerFileError('not-found', `There is no ${shownPath(target)} in the container.`);
    if (dir.type !== 'directory') throw new ContainerFileError('not-directory', `${shownPath(target)} is not a folder.`);
    this.require(facts.user, dir, 'write', target, 'add files to');
    // copyUIDGID: the engine gives what it extracts to the container's user, as `docker cp -a` does.
    await this.put(id, target, Readable.from(archive), { copyUIDGID: facts.user.uid !== 0, signal });
  }

  async download(id: string, file: string, onEntry: (entry: TarEntry) => EntryChoice, signal?: AbortSignal): Promise<void> {
    const real = await this.resolved(id, checked(id, file));
    const facts = await this.facts(id);
    let first = true;
    await this.readArchive(id, real, Infinity, (entry) => {
      if (first) this.require(facts.user, entry, 'read', real, entry.type === 'directory' ? 'list the folder' : 'read');
      first = false;
      return onEntry(entry);
    }, signal);
  }

  async remove(id: string, file: string): Promise<void> {
    const target = checked(id, file);
    if (target === '/') throw new ContainerFileError('permission', 'The root folder of a container cannot be deleted.');
    await this.writableFacts(id, target);
    await this.head(id, target);
    // The archive API has no delete: rm runs inside the container, as its user, with the path as one argument.
    const container = this.docker.getContainer(id);
    const exec = await this.files(() => this.call(() => container.exec({ Cmd: ['rm', '-rf', '--', target], AttachStdout: true, AttachStderr: true })), id, target);
    const stream = (await this.files(() => this.call(() => exec.start({ hijack: true, stdin: false })), id, target)) as NodeJS.ReadableStream;
    let output = '';
    const sink = { write: (chunk: Buffer) => void (output = (output + chunk.toString('utf8')).slice(-2000)) } as unknown as NodeJS.WritableStream;
    this.docker.modem.demuxStream(stream, sink, sink);
    await new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
    const info = await this.call(() => exec.inspect());
    if (info.ExitCode === 0) return;
    const said = output.trim().split('\n').pop() ?? '';
    if (/permission denied/i.test(said)) throw new ContainerFileError('permission', `Permission denied: the container's user cannot delete ${shownPath(target)} (rm said: ${shownPath(said)}).`);
    if (/read-only file system/i.test(said)) throw new ContainerFileError('permission', `${shownPath(target)} is on a read-only file system.`);
    if (/executable file not found|no such file or directory/i.test(said) && info.ExitCode !== 1) {
      throw new ContainerFileError('unavailable', `The container has no rm program, so ${shownPath(target)} cannot be deleted.`);
    }
    throw new ContainerFileError('other', `Could not delete ${shownPath(target)}: ${said ? shownPath(said) : `rm ended with code ${info.ExitCode}`}.`);
  }

  /** The user, state and mounts of the container, read now; the user resolved once per container. */
  private async facts(id: string): Promise<ContainerFacts> {
    const inspected = await this.files(() => this.call(() => this.docker.getContainer(id).inspect()), id);
    let user = this.users.get(id);
    if (!user) {
      const spec = inspected.Config?.User ?? '';
      user = spec === '' || spec === '0' || spec === 'root' ? Promise.resolve(ROOT_USER) : this.readUser(id, spec);
      if (this.users.size > 100) this.users.clear();
      this.users.set(id, user);
      user.catch(() => this.users.delete(id));
    }
    return inspectOf(inspected, await user);
  }

  private async readUser(id: string, spec: string): Promise<ContainerUser> {
    const text = async (file: string) => {
      try {
        const parts: Buffer[] = [];
        await this.readArchive(id, file, 1024 * 1024, (entry) => (entry.type === 'file' ? { data: (chunk) => parts.push(Buffer.from(chunk)) } : 'stop'));
        return Buffer.concat(parts).toString('utf8');
      } catch {
        return undefined;
      }
    };
    try {
      return resolveUser(spec, await text('/etc/passwd'), await text('/etc/group'));
    } catch (error) {
      throw new ContainerFileError('other', `The container's user cannot be worked out: ${(error as Error).message}.`);
    }
  }

  private async writableFacts(id: string, target: string): Promise<ContainerFacts> {
    const facts = await this.facts(id);
    const why = facts.readOnly(target);
    if (why) throw new ContainerFileError('permission', why);
    return facts;
  }

  /** The parent folder exists and the user may add to it; its entry. */
  private async parentAllows(id: string, user: ContainerUser, target: string): Promise<TarEntry> {
    const parent = posix.dirname(target);
    const dir = await this.firstEntry(id, parent);
    if (!dir) throw new ContainerFileError('not-found', `There is no folder ${shownPath(parent)} in the container.`);
    if (dir.type !== 'directory') throw new ContainerFileError('not-directory', `${shownPath(parent)} is not a folder.`);
    this.require(user, dir, 'write', parent, 'add files to');
    return dir;
  }

  private require(user: ContainerUser, entry: TarEntry, access: Access, where: string, doing: string): void {
    if (mayAccess(user, entry, access)) return;
    throw new ContainerFileError('permission', `Permission denied: the container runs as ${userName(user)}, who cannot ${doing} ${shownPath(where)}.`);
  }

  /** A link's target (the engine resolves it inside the container); any other path as it is. */
  private async resolved(id: string, target: string): Promise<string> {
    const raw = await this.head(id, target);
    return kindOfGoMode(raw.mode) === 'symlink' && raw.linkTarget ? raw.linkTarget : target;
  }

  /** The first header of a path's archive (its owner and mode), or undefined when there is no such path. */
  private async firstEntry(id: string, target: string): Promise<TarEntry | undefined> {
    let found: TarEntry | undefined;
    try {
      await this.readArchive(id, target, Infinity, (entry) => {
        found = entry;
        return 'stop';
      });
    } catch (error) {
      if (error instanceof ContainerFileError && error.failure === 'not-found') return undefined;
      throw error;
    }
    return found;
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
            const link = await this.head(id, posix.join(folder, entry.name));
            if (link.linkTarget) entry.targetKind = kindOfGoMode((await this.head(id, link.linkTarget)).mode);
          } catch (error) {
            if (!(error instanceof ContainerFileError) || error.failure === 'no-container') throw error;
          }
        }),
      );
    }
  }

  private async head(id: string, target: string): Promise<RawStat> {
    let response: IncomingMessage;
    try {
      response = await this.request(id, { method: 'HEAD', path: `/containers/${id}/archive?`, options: { path: target }, isStream: true }, target);
    } catch (error) {
      // An answer to HEAD has no body: a 404 says neither "no such path" nor "no such container". Inspect tells.
      if (!(error instanceof ContainerFileError) || !/answered 404$/.test(error.message)) throw error;
      await this.files(() => this.call(() => this.docker.getContainer(id).inspect()), id, target);
      throw new ContainerFileError('not-found', `There is no ${shownPath(target)} in the container.`);
    }
    response.resume();
    const header = response.headers['x-docker-container-path-stat'];
    if (typeof header !== 'string') throw new ContainerFileError('other', `The engine sent no details of ${shownPath(target)}.`);
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as RawStat;
  }

  /** Reads the archive of a path until onEntry stops it, the archive ends, or more than maxBytes came. */
  private async readArchive(
    id: string,
    target: string,
    maxBytes: number,
    onEntry: (entry: TarEntry) => EntryChoice,
    signal?: AbortSignal,
  ): Promise<{ stopped: boolean; overBound: boolean }> {
    const response = await this.request(id, { method: 'GET', path: `/containers/${id}/archive?`, options: { path: target }, isStream: true }, target, signal);
    const reader = new TarReader(onEntry);
    let bytes = 0;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (error: unknown, result?: { stopped: boolean; overBound: boolean }) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        response.destroy();
        if (error) reject(error);
        else resolve(result!);
      };
      const onAbort = () => finish(new ContainerFileError('unavailable', 'Cancelled.'));
      signal?.addEventListener('abort', onAbort, { once: true });
      response.on('data', (chunk: Buffer) => {
        if (settled) return;
        try {
          reader.write(chunk);
        } catch (error) {
          return finish(error);
        }
        bytes += chunk.length;
        if (reader.done) finish(undefined, { stopped: true, overBound: false });
        else if (bytes > maxBytes) finish(undefined, { stopped: true, overBound: true });
      });
      response.on('end', () => finish(undefined, { stopped: false, overBound: false }));
      response.on('error', (error) => finish(error));
      response.on('close', () => finish(undefined, { stopped: false, overBound: false }));
    });
  }

  private async put(id: string, folder: string, body: Buffer | Readable, options: { copyUIDGID?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    const query: Record<string, string> = { path: folder, noOverwriteDirNonDir: 'true' };
    if (options.copyUIDGID) query.copyUIDGID = 'true';
    const request = { method: 'PUT', path: `/containers/${id}/archive?`, options: query, file: body };
    const timeoutMs = Buffer.isBuffer(body) ? WRITE_TIMEOUT_MS : Infinity;
    await this.request(id, request, folder, options.signal, timeoutMs);
  }

  /** One request of the archive endpoints; failures as ContainerFileError where they are about files. */
  private request(id: string, request: Record<string, unknown>, target: string, signal?: AbortSignal, timeoutMs?: number): Promise<IncomingMessage> {
    const modem = this.docker.modem as unknown as { dial(options: object, callback: (error: unknown, data: unknown) => void): void };
    return this.files(
      () =>
        this.call(
          (abortSignal) =>
            new Promise<IncomingMessage>((resolve, reject) =>
              modem.dial({ ...request, abortSignal, statusCodes: { 200: true } }, (error, data) => (error ? reject(error) : resolve(data as IncomingMessage))),
            ),
          { signal, timeoutMs, cancelled: 'the transfer was cancelled' },
        ),
      id,
      target,
    );
  }

  /** Runs an engine call; an engine refusal about a path or the container becomes a ContainerFileError. */
  private async files<T>(work: () => Promise<T>, id = '', target = ''): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof EngineError && error.failure === 'engine-error') throw fileFailure(error.reason, id, target);
      throw error;
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
