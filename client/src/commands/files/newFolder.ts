import type { Ctx } from '../../ctx';
import { isFolderRow } from '../../tree/ContainerFilesTree';
import { engineOf } from '../shared';
import { fileMessage, refreshFolder, shownPath } from './shared';

/** Why a folder name cannot be used, or undefined when it can. */
export function folderNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Type a name for the folder.';
  if (name.includes('/') || name.includes('\0')) return 'A folder name cannot hold "/".';
  if (name === '.' || name === '..') return 'A folder cannot be named "." or "..".';
  return undefined;
}

/** Creates a folder inside a container's folder. Resolves with its path, or undefined. */
export async function newContainerFolder(ctx: Ctx, node?: unknown): Promise<string | undefined> {
  if (!isFolderRow(node)) return undefined;
  const name = await ctx.notifier.input(`Name of the new folder in ${shownPath(node.path)}`, '', folderNameProblem);
  if (name === undefined) return undefined;
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  const target = node.path === '/' ? `/${name}` : `${node.path}/${name}`;
  try {
    await engine.files.mkdir(node.containerId, target);
  } catch (error) {
    ctx.notifier.error(`Could not create ${shownPath(target)}: ${fileMessage(error)}`);
    return undefined;
  }
  refreshFolder(ctx, node);
  return target;
}
