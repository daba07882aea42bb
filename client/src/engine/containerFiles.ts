// Our own shapes of a container's files, as the Files view and its file system use them, and their failures in
// plain words. The calls are in dockerodeFiles.ts (over the Engine API's archive endpoints).
import type { EntryChoice, TarEntry } from './tar';

export type FileKind = 'file' | 'directory' | 'symlink' | 'other';

export interface ContainerFileStat {
  /** The absolute path inside the container, as asked for. */
  path: string;
  name: string;
  kind: FileKind;
  /** Bytes. */
  size: number;
  /** Permission bits (0o7777). */
  mode: number;
  /** Milliseconds since the epoch. */
  mtime: number;
  /** For a link: the absolute path it resolves to, and what is there (undefined when nothing is). */
  linkTarget?: string;
  targetKind?: FileKind;
  /**
   * Whether the container's user may change it (and the container runs: files of a stopped container are
   * read-only here, since deleting needs a running container), with the reason when not.
   */
  readOnly?: string;
}

export interface ContainerDirEntry {
  name: string;
  kind: FileKind;
  size: number;
  mode: number;
  mtime: number;
  /** Owner and group, when the archive's headers gave them (not for names filled in with ls and HEAD). */
  uid?: number;
  gid?: number;
  /** For a link: what the archive names as its target, and what is there when known. */
  linkTarget?: string;
  targetKind?: FileKind;
}

export interface ContainerListing {
  entries: ContainerDirEntry[];
  /**
   * False when the listing stopped at its bound (see DockerodeFiles.list): the archive of a folder carries its whole
   * tree, so a folder holding more than the bound lists only the entries read until then.
   */
  complete: boolean;
}

export type FileFailure = 'not-found' | 'no-container' | 'permission' | 'exists' | 'not-directory' | 'is-directory' | 'unavailable' | 'other';

/** A failure of a file operation, its message a whole sentence in plain words. */
export class ContainerFileError extends Error {
  constructor(
    readonly failure: FileFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ContainerFileError';
  }
}

/** The bounds of a folder listing. */
export interface ListBounds {
  /** Direct children listed at most (default 5,000). */
  maxEntries?: number;
  /** Bytes of the folder's archive read at most (default 64 MiB). */
  maxBytes?: number;
}

/** The files of containers, through the engine (paths are absolute paths inside the container). */
export interface ContainerFiles {
  stat(id: string, path: string): Promise<ContainerFileStat>;
  /** The direct children of a folder, sorted folders first, then by name. */
  list(id: string, path: string, bounds?: ListBounds): Promise<ContainerListing>;
  /** A file's bytes (the first `limit` of them, when given). */
  read(id: string, path: string, signal?: AbortSignal, limit?: number): Promise<Buffer>;
  /** Writes a file (keeping the owner and mode of the one it replaces; a new one belongs to the container's user). */
  write(id: string, path: string, data: Buffer, options: { create: boolean; overwrite: boolean }): Promise<void>;
  /** Creates a folder (its parent must exist). */
  mkdir(id: string, path: string): Promise<void>;
  /** Extracts a tar archive into a folder (the archive's entries belong to the container's user). */
  upload(id: string, folder: string, archive: AsyncIterable<Buffer>, signal?: AbortSignal): Promise<void>;
  /** Streams the archive of a file or folder: `onEntry` gets each entry and chooses what to do with its data. */
  download(id: string, path: string, onEntry: (entry: TarEntry) => EntryChoice, signal?: AbortSignal): Promise<void>;
  /** Deletes a file or a folder with all it holds. */
  remove(id: string, path: string): Promise<void>;
}
