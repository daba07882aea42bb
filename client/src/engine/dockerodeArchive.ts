// The Engine API's archive endpoints for one engine: HEAD /containers/{id}/archive?path= (the
// X-Docker-Container-Path-Stat header), GET (a tar of the path, read as a stream and never held whole) and PUT (a
// tar extracted into a folder); what a container is (its user, whether it runs); the engine's refusals as
// ContainerFileError. dockerodeFiles.ts builds the file operations on these. They work on stopped containers too.
import type Docker from 'dockerode';
import type { IncomingMessage } from 'http';
import type { Readable } from 'stream';
import { ContainerFileError, type FileKind } from './containerFiles';
import { resolveUser, ROOT_USER, type ContainerUser } from './containerUser';
import type { EngineCall } from './dockerodeResources';
import { fileFailure, inspectOf, type ContainerFacts } from './dockerodeFilesContext';
import { TarReader, type EntryChoice, type TarEntry } from './tar';
import { EngineError } from './types';
import { displayName as shownPath } from './validate';

const WRITE_TIMEOUT_MS = 60_000;

export interface RawStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

/** The kind of a Go os.FileMode, as the path-stat header carries it. */
export function kindOfGoMode(mode: number): FileKind {
  const bits = mode >>> 0;
  if (bits & 0x80000000) return 'directory';
  if (bits & (1 << 27)) return 'symlink';
  if (bits & ((1 << 26) | (1 << 25) | (1 << 24) | (1 << 21) | (1 << 19))) return 'other';
  return 'file';
}

export class DockerodeArchive {
  private readonly users = new Map<string, Promise<ContainerUser>>();

  constructor(
    private readonly docker: Docker,
    private readonly call: EngineCall,
  ) {}


  /** The user, state and mounts of the container, read now; the user resolved once per container. */
  async facts(id: string): Promise<ContainerFacts> {
    const inspected = await this.guard(() => this.call(() => this.docker.getContainer(id).inspect()), id);
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

  async readUser(id: string, spec: string): Promise<ContainerUser> {
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


  /** A link's target (the engine resolves it inside the container); any other path as it is. */
  async resolved(id: string, target: string): Promise<string> {
    const raw = await this.head(id, target);
    return kindOfGoMode(raw.mode) === 'symlink' && raw.linkTarget ? raw.linkTarget : target;
  }


  /** The first header of a path's archive (its owner and mode), or undefined when there is no such path. */
  async firstEntry(id: string, target: string): Promise<TarEntry | undefined> {
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

  async head(id: string, target: string): Promise<RawStat> {
    let response: IncomingMessage;
    try {
      response = await this.request(id, { method: 'HEAD', path: `/containers/${id}/archive?`, options: { path: target }, isStream: true }, target);
    } catch (error) {
      // An answer to HEAD has no body: a 404 says neither "no such path" nor "no such container". Inspect tells.
      if (!(error instanceof ContainerFileError) || !/answered 404$/.test(error.message)) throw error;
      await this.guard(() => this.call(() => this.docker.getContainer(id).inspect()), id, target);
      throw new ContainerFileError('not-found', `There is no ${shownPath(target)} in the container.`);
    }
    response.resume();
    const header = response.headers['x-docker-container-path-stat'];
    if (typeof header !== 'string') throw new ContainerFileError('other', `The engine sent no details of ${shownPath(target)}.`);
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as RawStat;
  }


  /** Reads the archive of a path until onEntry stops it, the archive ends, or more than maxBytes came. */
  async readArchive(
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

  async put(id: string, folder: string, body: Buffer | Readable, options: { copyUIDGID?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    const query: Record<string, string> = { path: folder, noOverwriteDirNonDir: 'true' };
    if (options.copyUIDGID) query.copyUIDGID = 'true';
    const request = { method: 'PUT', path: `/containers/${id}/archive?`, options: query, file: body };
    const timeoutMs = Buffer.isBuffer(body) ? WRITE_TIMEOUT_MS : Infinity;
    await this.request(id, request, folder, options.signal, timeoutMs);
  }


  /** One request of the archive endpoints; failures as ContainerFileError where they are about files. */
  request(id: string, request: Record<string, unknown>, target: string, signal?: AbortSignal, timeoutMs?: number): Promise<IncomingMessage> {
    const modem = this.docker.modem as unknown as { dial(options: object, callback: (error: unknown, data: unknown) => void): void };
    return this.guard(
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
  async guard<T>(work: () => Promise<T>, id = '', target = ''): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof EngineError && error.failure === 'engine-error') throw fileFailure(error.reason, id, target);
      throw error;
    }
  }
}
