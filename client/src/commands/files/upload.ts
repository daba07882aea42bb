import * as path from 'path';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { ContainerFileError } from '../../engine/containerFiles';
import { localTar, type Skipped } from '../../files/localFiles';
import { plural } from '../../format/text';
import { isFolderRow, type FolderRow } from '../../tree/ContainerFilesTree';
import { cancellableProgress, engineOf } from '../shared';
import { fileMessage, refreshFolder, shownPath } from './shared';

/** Uploads local files or folders picked in the open dialog into a container's folder (see uploadLocal). */
export async function uploadToContainer(ctx: Ctx, node?: unknown): Promise<string[] | undefined> {
  if (!isFolderRow(node)) return undefined;
  const picked = await ctx.notifier.pickPaths(`Upload into ${shownPath(node.path)} of ${shownPath(node.containerName)}`, { files: true, folders: true, many: true, label: 'Upload' });
  if (!picked || picked.length === 0) return undefined;
  return uploadLocal(ctx, node, picked);
}

/** Uploads files dropped from the Explorer (file: URIs only) onto a folder row. */
export function uploadDropped(ctx: Ctx, target: FolderRow, uris: vscode.Uri[]): Promise<string[] | undefined> {
  const local = uris.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath);
  if (local.length === 0) {
    ctx.notifier.error('Only files and folders of this machine can be uploaded into a container.');
    return Promise.resolve(undefined);
  }
  // A drop onto a file row uploads into a folder row the view has not shown: refresh the whole view.
  return uploadLocal(ctx, target, local).finally(() => ctx.views.containers.refresh());
}

/**
 * Uploads local files and folders (with all they hold) into a container's folder, through the archive API. When
 * names are taken there it asks first (modal); folders are then merged and files replaced. Links and special
 * files are left out. Resolves with the paths made in the container, or undefined.
 */
export async function uploadLocal(ctx: Ctx, row: FolderRow, localPaths: string[]): Promise<string[] | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  const paths = localPaths.map((local) => (row.path === '/' ? `/${path.basename(local)}` : `${row.path}/${path.basename(local)}`));
  const taken: string[] = [];
  try {
    for (const target of paths) {
      try {
        await engine.files.stat(row.containerId, target);
        taken.push(target);
      } catch (error) {
        if (!(error instanceof ContainerFileError && error.failure === 'not-found')) throw error;
      }
    }
  } catch (error) {
    ctx.notifier.error(`Could not upload into ${shownPath(row.path)}: ${fileMessage(error)}`);
    return undefined;
  }
  if (taken.length > 0) {
    const answer = await ctx.notifier.confirm(
      taken.length === 1 ? `${shownPath(taken[0])} already exists in ${shownPath(row.containerName)}. Replace it?` : `${plural(taken.length, 'name')} already exist in ${shownPath(row.path)} of ${shownPath(row.containerName)}. Replace them?`,
      `${taken.join('\n')}\n\nFiles are replaced; folders are merged with what is uploaded.`,
      'Replace',
    );
    if (answer !== 'Replace') return undefined;
  }
  const skipped: Skipped = { count: 0 };
  try {
    await cancellableProgress(`Uploading into ${row.path} of ${row.containerName}`, (signal) =>
      engine.files.upload(row.containerId, row.path, localTar(localPaths, skipped), signal),
    );
  } catch (error) {
    ctx.notifier.error(`Could not upload into ${shownPath(row.path)}: ${fileMessage(error)}`);
    return undefined;
  }
  refreshFolder(ctx, row);
  const left = skipped.count > 0 ? ` (${plural(skipped.count, 'link or special file', 'links and special files')} left out)` : '';
  ctx.notifier.info(`Uploaded ${plural(paths.length, 'item')} into ${shownPath(row.path)} of ${shownPath(row.containerName)}${left}.`);
  return paths;
}
