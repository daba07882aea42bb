import * as vscode from 'vscode';
import { uploadDropped } from '../commands/files/upload';
import type { Ctx } from '../ctx';
import { CONTAINER_FILES_SCHEME } from './containerUri';

/**
 * The docker-container file system (container files open in editors through it) and uploads by drag and drop from
 * the Explorer onto a folder of the Containers view. The Files commands are in commands/files/.
 */
export function registerContainerFiles(ctx: Ctx): void {
  const files = ctx.views.containerFiles;
  files.onDrop = (target, uris) => uploadDropped(ctx, target, uris);
  ctx.extension.subscriptions.push(
    files.fileSystem,
    vscode.workspace.registerFileSystemProvider(CONTAINER_FILES_SCHEME, files.fileSystem, { isCaseSensitive: true }),
  );
}
