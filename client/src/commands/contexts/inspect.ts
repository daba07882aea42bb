import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { contextArgs } from '../../engine/contexts';
import { dockerCli, messageOf, selectedContext } from './cli';

/** Read-only documents holding `docker context inspect` output: docker-context:/<name>.json. */
export const CONTEXT_INSPECT_SCHEME = 'docker-context';

export function contextInspectProvider(): vscode.TextDocumentContentProvider {
  return {
    async provideTextDocumentContent(uri) {
      const name = uri.path.replace(/^\//, '').replace(/\.json$/, '');
      try {
        return await dockerCli(contextArgs('inspect', name));
      } catch (error) {
        return `// ${messageOf(error)}`;
      }
    },
  };
}

/** Opens `docker context inspect -- <name>` as a read-only JSON document. */
export async function inspectContext(_ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<vscode.TextDocument | undefined> {
  const row = selectedContext(node, nodes);
  if (!row) return undefined;
  const uri = vscode.Uri.from({ scheme: CONTEXT_INSPECT_SCHEME, path: `/${row.context.name}.json` });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'json');
  await vscode.window.showTextDocument(document, { preview: true });
  return document;
}
