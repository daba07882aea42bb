import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { EngineError } from '../../engine/types';
import { selectedContainers } from './selection';

/** Read-only documents holding `docker inspect` output: docker-inspect:/container/<name>.json?<id>. */
export const INSPECT_SCHEME = 'docker-inspect';

export function inspectContentProvider(ctx: Pick<Ctx, 'session'>): vscode.TextDocumentContentProvider {
  return {
    async provideTextDocumentContent(uri) {
      const engine = ctx.session.engine;
      if (!engine) return '// The Docker engine cannot be reached.';
      try {
        return await engine.inspectContainer(uri.query);
      } catch (error) {
        return `// ${error instanceof EngineError ? error.message : String(error)}`;
      }
    },
  };
}

/** Opens the engine's description of the container as a read-only JSON document. */
export async function inspectContainer(_ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<vscode.TextDocument | undefined> {
  const [container] = selectedContainers(node, nodes);
  if (!container) return undefined;
  const uri = vscode.Uri.from({ scheme: INSPECT_SCHEME, path: `/container/${container.name}.json`, query: container.id });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'json');
  await vscode.window.showTextDocument(document, { preview: true });
  return document;
}
