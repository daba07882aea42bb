import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { historyTable } from './historyTable';
import { reasonOf } from '../shared';
import { selectedImageRow } from './rows';
import { shortImageId } from '../../format/text';

/** Read-only documents holding an image's history: docker-history:/<label> history?<image id>#<label>. */
export const HISTORY_SCHEME = 'docker-history';

export function historyContentProvider(ctx: Pick<Ctx, 'session'>): vscode.TextDocumentContentProvider {
  return {
    async provideTextDocumentContent(uri) {
      const engine = ctx.session.engine;
      if (!engine) return 'The Docker engine cannot be reached.\n';
      const id = uri.query;
      const label = uri.fragment || shortImageId(id);
      try {
        const layers = await engine.imageHistory(id);
        return `History of ${label} (${shortImageId(id)}), newest layer first\n\n${historyTable(layers, Date.now())}`;
      } catch (error) {
        return `Cannot show the history of ${label}: ${reasonOf(error)}\n`;
      }
    },
  };
}

/** Opens the image's layers (`docker history`) as a read-only document titled `<label> history`. */
export async function showImageHistory(ctx: Ctx, node?: unknown): Promise<vscode.TextDocument | undefined> {
  const row = await selectedImageRow(ctx, node);
  if (!row) return undefined;
  const label = row.reference ?? shortImageId(row.image.id);
  // The path names the tab (characters that would split it replaced); the fragment keeps the label as it is.
  const uri = vscode.Uri.from({ scheme: HISTORY_SCHEME, path: `/${label.replace(/[/\\]/g, '_')} history`, query: row.image.id, fragment: label });
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true });
  return document;
}
