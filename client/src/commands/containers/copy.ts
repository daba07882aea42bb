import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { selectedContainers } from './selection';

/** Copies the full ids (one a line) of the selected containers. */
export async function copyContainerId(_ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string> {
  const text = selectedContainers(node, nodes).map((c) => c.id).join('\n');
  await vscode.env.clipboard.writeText(text);
  return text;
}

/** Copies the names (one a line) of the selected containers. */
export async function copyContainerName(_ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string> {
  const text = selectedContainers(node, nodes).map((c) => c.name).join('\n');
  await vscode.env.clipboard.writeText(text);
  return text;
}
