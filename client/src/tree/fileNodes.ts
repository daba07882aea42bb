// Pure mapping from a container and the listings of its folders to the rows of its "Files" node in the Containers
// view. No vscode import: tested in plain Node.
import type { ContainerDirEntry, ContainerListing } from '../engine/containerFiles';
import type { ContainerState, ContainerSummary } from '../engine/types';
import { code, escapeMarkdown, formatBytes, isoDate, lines, plural, section } from '../format/text';
import type { NodeBase } from './nodeModel';

/** Where a Files row is: which container, its state when the view was built, and the path inside it. */
export interface FileLocation {
  containerId: string;
  containerName: string;
  /** Files of a container that does not run are read-only here (deleting needs a running container). */
  running: boolean;
  /** Absolute path inside the container ("/" for the Files node itself). */
  path: string;
  /** What the rows' ids start with when the container has rows in several groups of the view (one per network). */
  scope?: string;
}

/** The "Files" row under a container: its root folder. */
export interface FilesRootNode extends NodeBase, FileLocation {
  kind: 'containerFiles';
  lazy: true;
}

export interface FolderNode extends NodeBase, FileLocation {
  kind: 'containerFolder';
  lazy: true;
  entry: ContainerDirEntry;
}

export interface FileNode extends NodeBase, FileLocation {
  kind: 'containerFile';
  entry: ContainerDirEntry;
}

/** A row that says something about a folder's listing: it stopped at its bound, or it failed and why. */
export interface NoteNode extends NodeBase {
  kind: 'containerFilesNote';
}

export type FileTreeNode = FilesRootNode | FolderNode | FileNode | NoteNode;

/** States whose containers have a root file system to read (not while the engine removes it, not dead). */
const READABLE: ReadonlySet<ContainerState> = new Set(['running', 'paused', 'restarting', 'created', 'exited']);

const stateSuffix = (running: boolean) => (running ? 'running' : 'stopped');

/** The Files row of a container, or undefined when its files cannot be read in its state. */
export function filesRootNode(container: Pick<ContainerSummary, 'id' | 'name' | 'state'>, scope?: string): FilesRootNode | undefined {
  if (!READABLE.has(container.state)) return undefined;
  const running = container.state === 'running';
  return {
    kind: 'containerFiles',
    id: `${scope ?? ''}files:${container.id}:/`,
    label: 'Files',
    description: running ? '' : container.state === 'paused' ? 'read-only while paused' : 'read-only while stopped',
    tooltip: running
      ? `The files of ${escapeMarkdown(container.name)}, read and written through the engine.`
      : `The files of ${escapeMarkdown(container.name)}. The container does not run: its files can be read, and changed once it is started.`,
    icon: { id: 'files' },
    contextValue: `containerFiles.${stateSuffix(running)}`,
    lazy: true,
    containerId: container.id,
    containerName: container.name,
    running,
    path: '/',
    ...(scope !== undefined && { scope }),
  };
}

/** The rows of a folder's listing (folders first, as listed), and a last row when the listing is not complete. */
export function fileNodes(parent: FileLocation, listing: ContainerListing): FileTreeNode[] {
  const rows: FileTreeNode[] = listing.entries.map((entry) => fileNode(parent, entry));
  if (!listing.complete) {
    rows.push(
      noteNode(
        parent,
        `Only the first ${plural(listing.entries.length, 'entry', 'entries')} are shown`,
        `The engine sends a folder with everything under it; the listing stopped after ${plural(listing.entries.length, 'entry', 'entries')}. Open a shell in the container to see the rest.`,
        'info',
      ),
    );
  }
  return rows;
}

/** A row under a folder saying something about its listing (why it failed, that it stopped early). */
export function noteNode(parent: FileLocation, label: string, tooltip: string, icon: 'info' | 'warning'): NoteNode {
  return {
    kind: 'containerFilesNote',
    id: `${parent.scope ?? ''}files-note:${parent.containerId}:${parent.path}`,
    label,
    description: '',
    tooltip: escapeMarkdown(tooltip),
    icon: icon === 'warning' ? { id: 'warning', color: 'list.warningForeground' } : { id: 'info' },
    contextValue: 'containerFilesNote',
  };
}

export function fileNode(parent: FileLocation, entry: ContainerDirEntry): FolderNode | FileNode {
  const path = parent.path === '/' ? `/${entry.name}` : `${parent.path}/${entry.name}`;
  const folder = entry.kind === 'directory' || (entry.kind === 'symlink' && entry.targetKind === 'directory');
  const link = entry.kind === 'symlink';
  const where = { containerId: parent.containerId, containerName: parent.containerName, running: parent.running, path, ...(parent.scope !== undefined && { scope: parent.scope }) };
  const base = {
    id: `${parent.scope ?? ''}files:${parent.containerId}:${path}`,
    label: entry.name,
    description: link ? `→ ${entry.linkTarget ?? '?'}` : folder ? '' : formatBytes(entry.size),
    tooltip: section([
      `${code(path)}`,
      lines([
        link && `Link to ${code(entry.linkTarget ?? '?')}${entry.targetKind === undefined ? ' (nothing there)' : ''}`,
        !folder && !link && `Size: ${formatBytes(entry.size)} (${entry.size} bytes)`,
        `Mode: ${modeText(entry)}${entry.uid !== undefined ? `, owner ${entry.uid}:${entry.gid}` : ''}`,
        `Modified: ${isoDate(entry.mtime)}`,
      ]),
    ]),
    ...where,
    entry,
  };
  if (folder) {
    return { ...base, kind: 'containerFolder', lazy: true, icon: { id: link ? 'file-symlink-directory' : 'folder' }, contextValue: `containerFolder.${stateSuffix(parent.running)}` };
  }
  return { ...base, kind: 'containerFile', icon: { id: link ? 'file-symlink-file' : 'file' }, contextValue: `containerFile.${stateSuffix(parent.running)}` };
}

/** "drwxr-xr-x" as `ls -l` shows it. */
export function modeText(entry: Pick<ContainerDirEntry, 'kind' | 'mode'>): string {
  const type = entry.kind === 'directory' ? 'd' : entry.kind === 'symlink' ? 'l' : entry.kind === 'other' ? '?' : '-';
  const bits = ['r', 'w', 'x'];
  let text = type;
  for (let shift = 6; shift >= 0; shift -= 3) for (let i = 0; i < 3; i++) text += (entry.mode >> shift) & (4 >> i) ? bits[i] : '-';
  return text;
}

/** Puts a Files row under every container row that has one, at the top level or in a group (the rows stay collapsed until opened). */
export function withFilesNodes<N extends NodeBase & { kind: string }>(rows: N[]): N[] {
  type Row = NodeBase & { kind: string; container?: ContainerSummary; scope?: string };
  for (const row of rows) {
    const groupChildren = row.kind === 'project' || row.kind === 'containerGroup' ? (row.children as Row[] | undefined) : undefined;
    for (const child of groupChildren ?? [row as Row]) {
      if (child.kind !== 'container' || !child.container) continue;
      const files = filesRootNode(child.container, child.scope);
      if (!files) continue;
      child.children = [files];
      child.expanded = false;
    }
  }
  return rows;
}
