import * as vscode from 'vscode';
import { ContainerFileError, type ContainerFileStat, type FileKind } from '../engine/containerFiles';
import type { DockerEngine } from '../engine/DockerEngine';
import type { EngineSession } from '../engine/EngineSession';
import { EngineError } from '../engine/types';
import { engineKey, parseUri } from './containerUri';

/**
 * The docker-container file system: the files of the containers of the engine the views use, through the Engine
 * API's archive endpoints (engine/dockerodeFiles.ts). Editors open these URIs; a file the container's user cannot
 * change, or any file of a container that does not run, opens read-only; saving writes it back. The engine
 * does not report changes made inside a container, so nothing is watched: our own changes are announced.
 */
export class ContainerFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  /** `sessions`: every engine the views show (several with docker-workflows.engines); the URI's key picks one. */
  constructor(
    private readonly session: EngineSession,
    private readonly sessions: () => EngineSession[] = () => [session],
  ) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    return this.run(uri, async (engine, id, file) => toFileStat(await engine.files.stat(id, file)));
  }

  readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    return this.run(uri, async (engine, id, file) => {
      const listing = await engine.files.list(id, file);
      return listing.entries.map((entry): [string, vscode.FileType] => [entry.name, fileType(entry.kind, entry.targetKind)]);
    });
  }

  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return this.run(uri, (engine, id, file) => engine.files.read(id, file));
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    return this.run(uri, async (engine, id, file) => {
      await engine.files.write(id, file, Buffer.from(content), options);
      this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    });
  }

  createDirectory(uri: vscode.Uri): Promise<void> {
    return this.run(uri, async (engine, id, file) => {
      await engine.files.mkdir(id, file);
      this.changed.fire([{ type: vscode.FileChangeType.Created, uri }]);
    });
  }

  delete(uri: vscode.Uri): Promise<void> {
    return this.run(uri, async (engine, id, file) => {
      await engine.files.remove(id, file);
      this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
    });
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Files inside a container cannot be renamed from VS Code.');
  }

  /** Announces a change made through the engine outside this provider (an upload, a delete from the view). */
  announce(uri: vscode.Uri, type: vscode.FileChangeType): void {
    this.changed.fire([{ type, uri }]);
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** Maps the URI to an engine the views show (refusing any other), runs `work`, and puts failures in VS Code's terms. */
  private async run<T>(uri: vscode.Uri, work: (engine: DockerEngine, id: string, file: string) => Promise<T>): Promise<T> {
    const keyOf = (session: EngineSession) => (session.endpoint?.url === undefined ? undefined : engineKey(session.endpoint.url));
    const session = this.sessions().find((candidate) => keyOf(candidate) === uri.authority) ?? this.session;
    const parsed = parseUri(uri.authority, uri.path, keyOf(session));
    if ('problem' in parsed) throw vscode.FileSystemError.Unavailable(parsed.problem);
    const engine = session.engine;
    if (!engine) throw vscode.FileSystemError.Unavailable('The Docker engine cannot be reached.');
    try {
      return await work(engine, parsed.containerId, parsed.path);
    } catch (error) {
      throw toFileSystemError(error);
    }
  }
}

export function toFileSystemError(error: unknown): Error {
  if (error instanceof ContainerFileError) {
    switch (error.failure) {
      case 'not-found':
        return vscode.FileSystemError.FileNotFound(error.message);
      case 'exists':
        return vscode.FileSystemError.FileExists(error.message);
      case 'not-directory':
        return vscode.FileSystemError.FileNotADirectory(error.message);
      case 'is-directory':
        return vscode.FileSystemError.FileIsADirectory(error.message);
      case 'permission':
        return vscode.FileSystemError.NoPermissions(error.message);
      default:
        return vscode.FileSystemError.Unavailable(error.message);
    }
  }
  if (error instanceof EngineError) return vscode.FileSystemError.Unavailable(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

function fileType(kind: FileKind, targetKind: FileKind | undefined): vscode.FileType {
  if (kind === 'directory') return vscode.FileType.Directory;
  if (kind === 'file') return vscode.FileType.File;
  if (kind === 'symlink') return vscode.FileType.SymbolicLink | (targetKind === 'directory' ? vscode.FileType.Directory : vscode.FileType.File);
  return vscode.FileType.Unknown;
}

function toFileStat(stat: ContainerFileStat): vscode.FileStat {
  return {
    type: fileType(stat.kind, stat.targetKind),
    ctime: stat.mtime,
    mtime: stat.mtime,
    size: stat.size,
    ...(stat.readOnly ? { permissions: vscode.FilePermission.Readonly } : {}),
  };
}
