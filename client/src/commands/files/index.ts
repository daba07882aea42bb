import type { Ctx } from '../../ctx';
import { isFolderRow } from '../../tree/ContainerFilesTree';
import type { Command } from '../command';
import { deleteContainerFiles } from './delete';
import { downloadContainerFile } from './download';
import { newContainerFolder } from './newFolder';
import { openContainerFile } from './open';
import { refreshFolder } from './shared';
import { uploadToContainer } from './upload';

/** The commands of the Files rows under containers, by id (package.json contributes the same ids). */
export const CONTAINER_FILES_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.containerFiles.open': openContainerFile,
  'dockerWorkflows.containerFiles.download': downloadContainerFile,
  'dockerWorkflows.containerFiles.upload': uploadToContainer,
  'dockerWorkflows.containerFiles.newFolder': newContainerFolder,
  'dockerWorkflows.containerFiles.delete': deleteContainerFiles,
  'dockerWorkflows.containerFiles.refresh': (ctx: Ctx, node?: unknown) => (isFolderRow(node) ? refreshFolder(ctx, node) : ctx.views.containers.refresh()),
};
