import * as vscode from 'vscode';
import { asTag, type RegistriesCtx } from './context';

/** Copies a tag's full reference ("127.0.0.1:5000/team/app:1.0") to the clipboard. */
export async function copyTagReference(_ctx: RegistriesCtx, node?: unknown): Promise<string | undefined> {
  const row = asTag(node);
  if (!row) return undefined;
  await vscode.env.clipboard.writeText(row.reference);
  return row.reference;
}
