import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { plural } from '../../format/text';
import { engineOf } from '../shared';
import { fileMessage, fileRows, shownPath } from './shared';

/**
 * Deletes files and folders (with all they hold) inside a container, after asking (modal). The archive API cannot
 * delete: the engine runs `rm -rf -- <path>` in the container as its user. Resolves with the deleted paths.
 */
export async function deleteContainerFiles(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[] | undefined> {
  const rows = fileRows(node, nodes).filter((row) => row.path !== '/');
  if (rows.length === 0) return undefined;
  const container = rows[0].containerName;
  const answer = await ctx.notifier.confirm(
    rows.length === 1 ? `Delete ${shownPath(rows[0].path)} in ${shownPath(container)}?` : `Delete ${plural(rows.length, 'file or folder', 'files and folders')} in ${shownPath(container)}?`,
    `${rows.map((row) => row.path).join('\n')}\n\nA folder goes with everything it holds. This cannot be undone.`,
    'Delete',
  );
  if (answer !== 'Delete') return undefined;
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  const deleted: string[] = [];
  for (const row of rows) {
    try {
      await engine.files.remove(row.containerId, row.path);
      deleted.push(row.path);
      const uri = ctx.views.containerFiles.uriOf(row);
      if (uri) ctx.views.containerFiles.fileSystem.announce(uri, vscode.FileChangeType.Deleted);
    } catch (error) {
      ctx.notifier.error(`Could not delete ${shownPath(row.path)}: ${fileMessage(error)}`);
    }
  }
  ctx.views.containers.refresh();
  return deleted;
}
