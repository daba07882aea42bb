import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { isContainerName } from '../../engine/validate';
import { LocalExtractor } from '../../files/localFiles';
import { plural } from '../../format/text';
import { cancellableProgress, engineOf } from '../shared';
import { fileMessage, fileRows, shownPath } from './shared';

/**
 * Downloads a container's file or folder (with all it holds) into a local folder the user picks, the workspace's
 * by default; asks before replacing what is there. Links and special files are left out, and the message says how
 * many. Resolves with the local path, or undefined.
 */
export async function downloadContainerFile(ctx: Ctx, node?: unknown): Promise<string | undefined> {
  const [row] = fileRows(node);
  if (!row) return undefined;
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await ctx.notifier.pickPaths(`Download ${shownPath(row.path)} into`, {
    files: false,
    folders: true,
    many: false,
    label: 'Download Here',
    defaultPath: workspace?.scheme === 'file' ? workspace.fsPath : undefined,
  });
  if (!picked?.[0]) return undefined;
  // A container's name from the engine is checked before it becomes a local folder's name.
  const name = row.path === '/' ? `${isContainerName(row.containerName) ? row.containerName : 'container'}-files` : path.posix.basename(row.path);
  const target = path.join(picked[0], name);
  if (fs.existsSync(target)) {
    const answer = await ctx.notifier.confirm(`${shownPath(target)} already exists. Replace it?`, 'What is there now is deleted first.', 'Replace');
    if (answer !== 'Replace') return undefined;
    fs.rmSync(target, { recursive: true, force: true });
  }
  const extractor = new LocalExtractor(target);
  try {
    await cancellableProgress(`Downloading ${row.path}`, (signal) =>
      engine.files.download(row.containerId, row.path, (entry) => extractor.onEntry(entry), signal),
    );
  } catch (error) {
    ctx.notifier.error(`Could not download ${shownPath(row.path)}: ${fileMessage(error)}`);
    return undefined;
  } finally {
    extractor.finish();
  }
  const left = extractor.skipped.count;
  ctx.notifier.info(`Downloaded ${shownPath(row.path)} to ${shownPath(target)}${left > 0 ? ` (${plural(left, 'link or special file', 'links and special files')} left out)` : ''}.`);
  return target;
}
