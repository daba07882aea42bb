import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { looksBinary, SNIFF_BYTES } from '../../files/sniff';
import { formatBytes } from '../../format/text';
import { isFileRow } from '../../tree/ContainerFilesTree';
import { engineOf } from '../shared';
import { fileMessage, maxOpenBytes, MAX_OPEN_SETTING, uriOf, shownPath } from './shared';

/** The hex editor VS Code offers for binary files, when it is installed. */
const HEX_EDITOR = { extension: 'ms-vscode.hexeditor', viewType: 'hexEditor.hexedit' };

/**
 * Opens a container's file in an editor (read-only when the file or the container says so; saving writes it back).
 * A file over docker-workflows.containerFiles.maxOpenSizeMiB asks first; a binary one (a NUL byte in its first
 * KiB) opens in the hex editor when there is one, else VS Code's own binary notice, and says so. Resolves with the
 * text document, "binary", or undefined when nothing opened.
 */
export async function openContainerFile(ctx: Ctx, node?: unknown): Promise<vscode.TextDocument | 'binary' | undefined> {
  if (!isFileRow(node)) return undefined;
  const engine = engineOf(ctx);
  const uri = engine && uriOf(ctx, node);
  if (!engine || !uri) return undefined;
  let head: Buffer;
  try {
    const stat = await engine.files.stat(node.containerId, node.path);
    const limit = maxOpenBytes();
    if (stat.size > limit) {
      const answer = await ctx.notifier.confirm(
        `${shownPath(node.path)} is ${formatBytes(stat.size)}. Open it anyway?`,
        `Files over ${limit / 1024 / 1024} MiB (the setting docker-workflows.${MAX_OPEN_SETTING}) are read whole from the engine to open.`,
        'Open',
      );
      if (answer !== 'Open') return undefined;
    }
    head = await engine.files.read(node.containerId, node.path, undefined, SNIFF_BYTES);
  } catch (error) {
    ctx.notifier.error(`Could not open ${shownPath(node.path)}: ${fileMessage(error)}`);
    return undefined;
  }
  if (looksBinary(head)) {
    if (vscode.extensions.getExtension(HEX_EDITOR.extension)) {
      await vscode.commands.executeCommand('vscode.openWith', uri, HEX_EDITOR.viewType);
    } else {
      ctx.notifier.info(`${shownPath(node.path)} is a binary file, so it opens as binary. A hex editor (such as ${HEX_EDITOR.extension}) shows its bytes.`);
      await vscode.commands.executeCommand('vscode.open', uri);
    }
    return 'binary';
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true });
  return document;
}
