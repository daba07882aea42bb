// What the Files commands share: the rows they act on, failures in plain words, the setting of the open size.
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { ContainerFileError } from '../../engine/containerFiles';
import { displayName } from '../../engine/validate';
import { isFileRow, isFolderRow, type FolderRow } from '../../tree/ContainerFilesTree';
import type { FileNode } from '../../tree/fileNodes';
import { reasonOf } from '../shared';

export const MAX_OPEN_SETTING = 'containerFiles.maxOpenSizeMiB';
const DEFAULT_MAX_OPEN_MIB = 10;

/** A path or name from the engine as a message shows it: itself when plain, else quoted and escaped. */
export const shownPath = displayName;

/** A file operation's failure as a sentence: our own for file failures, the engine's reason otherwise. */
export function fileMessage(error: unknown): string {
  if (error instanceof ContainerFileError) return error.message;
  const reason = reasonOf(error);
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}

/** The file and folder rows a command applies to: the multi-selection when there is one, else the clicked row. */
export function fileRows(node?: unknown, nodes?: unknown[]): (FileNode | FolderRow)[] {
  const picked = nodes && nodes.length > 0 ? nodes : node ? [node] : [];
  return picked.filter((n): n is FileNode | FolderRow => isFileRow(n) || isFolderRow(n));
}

/** Files over this many bytes ask before they open. */
export function maxOpenBytes(): number {
  const mib = vscode.workspace.getConfiguration('docker-workflows').get<number>(MAX_OPEN_SETTING, DEFAULT_MAX_OPEN_MIB);
  return Math.max(0, Number.isFinite(mib) ? mib : DEFAULT_MAX_OPEN_MIB) * 1024 * 1024;
}

/** Shows a folder row's rows again, read anew from the engine. */
export function refreshFolder(ctx: Ctx, row: FolderRow): void {
  (ctx.views.containers.provider as unknown as { refreshRow(node: unknown): void }).refreshRow(row);
}

/** The URI of a row, or undefined after saying why there is none. */
export function uriOf(ctx: Ctx, row: { containerId: string; path: string }): vscode.Uri | undefined {
  const uri = ctx.views.containerFiles.uriOf(row);
  if (!uri) ctx.notifier.error('The Docker engine cannot be reached.');
  return uri;
}
