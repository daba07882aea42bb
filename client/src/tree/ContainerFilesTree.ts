import * as vscode from 'vscode';
import { ContainerFileError } from '../engine/containerFiles';
import type { EngineSession } from '../engine/EngineSession';
import { ContainerFileSystem } from '../files/ContainerFileSystem';
import { CONTAINER_FILES_SCHEME, engineKey, uriPath } from '../files/containerUri';
import { fileNodes, noteNode, type FileNode, type FileTreeNode, type FilesRootNode, type FolderNode } from './fileNodes';
import type { NodeBase } from './nodeModel';
import type { LazyRows } from './ResourceTreeProvider';
import type { NodeOwners } from './ResourceView';

export type FolderRow = FilesRootNode | FolderNode;

export const OPEN_FILE_COMMAND = 'dockerWorkflows.containerFiles.open';

/** Whether a row is a container's folder (its Files row or a folder under it). */
export function isFolderRow(node: unknown): node is FolderRow {
  const kind = (node as { kind?: unknown } | undefined)?.kind;
  return kind === 'containerFiles' || kind === 'containerFolder';
}

export function isFileRow(node: unknown): node is FileNode {
  return (node as { kind?: unknown } | undefined)?.kind === 'containerFile';
}

/**
 * The Files rows of the Containers view: a folder's rows are read from the engine when it is opened (never kept
 * beyond the view's own cache), a file row opens the file, and files or folders dragged from the Explorer onto a
 * folder row are uploaded into it (through `onDrop`, which the Files commands set).
 */
export class ContainerFilesTree implements LazyRows<NodeBase>, vscode.TreeDragAndDropController<NodeBase> {
  readonly dropMimeTypes = ['text/uri-list'];
  readonly dragMimeTypes: string[] = [];
  /** Uploads local files dropped onto a folder row; set by registerContainerFiles. */
  onDrop: ((target: FolderRow, uris: vscode.Uri[]) => Promise<unknown>) | undefined;
  /** The docker-container file system the rows' files open in (registered by registerContainerFiles). */
  readonly fileSystem: ContainerFileSystem;

  constructor(
    private readonly session: EngineSession,
    /** Several engines at once: which engine a row came from, where to record the rows read, every session shown. */
    private readonly multi?: { sessionOf(node: unknown): EngineSession | undefined; owners: NodeOwners; sessions(): EngineSession[] },
  ) {
    this.fileSystem = new ContainerFileSystem(session, multi ? () => multi.sessions() : undefined);
  }

  /** The session of the engine a row belongs to. */
  private sessionFor(node: unknown): EngineSession {
    return this.multi?.sessionOf(node) ?? this.session;
  }

  /** The URI of a row's file or folder in the docker-container file system, for the engine of the row. */
  uriOf(node: { containerId: string; path: string }): vscode.Uri | undefined {
    const url = this.sessionFor(node).endpoint?.url;
    if (!url) return undefined;
    return vscode.Uri.from({ scheme: CONTAINER_FILES_SCHEME, authority: engineKey(url), path: uriPath(node.containerId, node.path) });
  }

  async children(node: NodeBase): Promise<NodeBase[]> {
    if (!isFolderRow(node)) return [];
    const session = this.sessionFor(node);
    const engine = session.engine;
    if (!engine || session.state.kind !== 'up') return [];
    try {
      const rows = fileNodes(node, await engine.files.list(node.containerId, node.path));
      // The rows read now belong to the engine of their folder (its commands act there).
      if (this.multi?.sessionOf(node)) for (const row of rows) this.multi.owners.set(row, session);
      return rows;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof ContainerFileError)) return [noteNode(node, 'The folder cannot be listed', message, 'warning')];
      return [noteNode(node, message, message, 'warning')];
    }
  }

  item(item: vscode.TreeItem, node: NodeBase): void {
    const row = node as FileTreeNode;
    if (row.kind !== 'containerFile' && row.kind !== 'containerFolder') return;
    item.resourceUri = this.uriOf(row);
    if (row.kind === 'containerFile') item.command = { command: OPEN_FILE_COMMAND, title: 'Open', arguments: [row] };
  }

  /** A drop onto a folder row uploads into it; onto a file row, into the file's folder. */
  async handleDrop(target: NodeBase | undefined, data: vscode.DataTransfer): Promise<void> {
    const text = await data.get('text/uri-list')?.asString();
    const folder = isFileRow(target) ? this.parentOf(target) : target;
    if (!text || !this.onDrop || !isFolderRow(folder)) return;
    const uris = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => vscode.Uri.parse(line, true));
    if (uris.length > 0) await this.onDrop(folder, uris);
  }

  /** The folder a file row sits in, as a row of its own (only its location matters to an upload). */
  private parentOf(file: FileNode): FolderRow {
    const parent = file.path.slice(0, file.path.lastIndexOf('/')) || '/';
    return { ...file, kind: 'containerFolder', lazy: true, id: `${file.scope ?? ''}files:${file.containerId}:${parent}`, label: parent, path: parent };
  }
}
