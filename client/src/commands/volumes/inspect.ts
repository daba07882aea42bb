import type * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import type { VolumeNode } from '../../tree/resourceNodes';
import { openInspectDocument } from '../containers/inspect';
import { selectedRows } from '../shared';

/** Opens the engine's description of the volume as a read-only JSON document. */
export async function inspectVolume(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<vscode.TextDocument | undefined> {
  const [row] = selectedRows<VolumeNode>('volume', node, nodes);
  return row && openInspectDocument(ctx, 'volume', row.volume.name, row.volume.name);
}
