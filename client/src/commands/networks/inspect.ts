import type * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import type { NetworkNode } from '../../tree/resourceNodes';
import { openInspectDocument } from '../containers/inspect';
import { selectedRows } from '../shared';

/** Opens the engine's description of the network as a read-only JSON document. */
export async function inspectNetwork(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<vscode.TextDocument | undefined> {
  const [row] = selectedRows<NetworkNode>('network', node, nodes);
  return row && openInspectDocument(ctx, 'network', row.network.name, row.network.id);
}
