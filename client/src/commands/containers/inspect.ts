import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import type { DockerEngine } from '../../engine/DockerEngine';
import { EngineError, type ObjectKind } from '../../engine/types';
import { selectedContainers } from './selection';

/**
 * Read-only documents holding `docker inspect` output: docker-inspect:/<kind>/<label>.json?<id>; with several engines
 * in the views, docker-inspect://<context>/... names the engine (only a lookup among the engines shown: a URI never
 * brings an address).
 */
export const INSPECT_SCHEME = 'docker-inspect';
const KINDS: readonly ObjectKind[] = ['container', 'image', 'volume', 'network'];

/**
 * The engine an inspect document's URI names (its authority: a context shown beside others; none: the main engine),
 * or the comment the document shows instead. Shared by the docker-inspect and docker-swarm-inspect documents.
 */
export function inspectedEngine(ctx: Pick<Ctx, 'session' | 'views'>, uri: vscode.Uri): DockerEngine | string {
  const session = uri.authority ? ctx.views.sessionNamed(uri.authority) : ctx.session;
  if (!session) return `// No engine named ${uri.authority} is shown in the views.`;
  return session.engine ?? '// The Docker engine cannot be reached.';
}

/** The authority of an inspect document's URI for the engine of `ctx` (empty for the single engine). */
export function inspectAuthority(ctx: Pick<Ctx, 'session' | 'views'>): string {
  return ctx.views.engineNameOf(ctx.session) ?? '';
}

export function inspectContentProvider(ctx: Pick<Ctx, 'session' | 'views'>): vscode.TextDocumentContentProvider {
  return {
    async provideTextDocumentContent(uri) {
      const engine = inspectedEngine(ctx, uri);
      if (typeof engine === 'string') return engine;
      const kind = KINDS.find((k) => uri.path.startsWith(`/${k}/`));
      if (!kind) return `// Nothing to inspect at ${uri.toString()}.`;
      try {
        return await engine.inspect(kind, uri.query);
      } catch (error) {
        return `// ${error instanceof EngineError ? error.message : String(error)}`;
      }
    },
  };
}

/** Opens the engine's description of an object as a read-only JSON document titled `<label>.json`. */
export async function openInspectDocument(ctx: Pick<Ctx, 'session' | 'views'>, kind: ObjectKind, label: string, id: string): Promise<vscode.TextDocument> {
  // The label names the tab; characters that would split the path are replaced.
  const uri = vscode.Uri.from({ scheme: INSPECT_SCHEME, authority: inspectAuthority(ctx), path: `/${kind}/${label.replace(/[/\\]/g, '_')}.json`, query: id });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'json');
  await vscode.window.showTextDocument(document, { preview: true });
  return document;
}

/** Opens the engine's description of the container as a read-only JSON document. */
export async function inspectContainer(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<vscode.TextDocument | undefined> {
  const [container] = selectedContainers(node, nodes);
  return container && openInspectDocument(ctx, 'container', container.name, container.id);
}
