import type * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { openInspectDocument } from '../containers/inspect';
import { selectedImageRow } from './rows';
import { shortImageId } from '../../format/text';

/** Opens the engine's description of the image (`docker image inspect`) as a read-only JSON document. */
export async function inspectImage(ctx: Ctx, node?: unknown): Promise<vscode.TextDocument | undefined> {
  const row = await selectedImageRow(ctx, node);
  return row && openInspectDocument(ctx, 'image', row.reference ?? shortImageId(row.image.id), row.image.id);
}
