import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { isSwarmId } from '../../engine/swarmValidate';
import type { SwarmObjectKind } from '../../engine/swarmTypes';
import { EngineError } from '../../engine/types';
import type { SwarmNodeModel } from '../../tree/swarmNodes';
import { inspectAuthority, inspectedEngine } from '../containers/inspect';

/** Read-only documents of swarm objects: docker-swarm-inspect:/<kind>/<label>.json?<id>. A secret's has no value. */
export const SWARM_INSPECT_SCHEME = 'docker-swarm-inspect';
const KINDS: readonly SwarmObjectKind[] = ['service', 'task', 'node', 'secret', 'config'];

export function swarmInspectProvider(ctx: Pick<Ctx, 'session' | 'views'>): vscode.TextDocumentContentProvider {
  return {
    async provideTextDocumentContent(uri) {
      // With several engines the URI names the row's engine (a lookup among the engines shown, never an address).
      const engine = inspectedEngine(ctx, uri);
      if (typeof engine === 'string') return engine;
      const kind = KINDS.find((k) => uri.path.startsWith(`/${k}/`));
      if (!kind || !isSwarmId(uri.query)) return `// Nothing to inspect at ${uri.toString()}.`;
      try {
        return await engine.swarm.inspect(kind, uri.query);
      } catch (error) {
        return `// ${error instanceof EngineError ? error.message : String(error)}`;
      }
    },
  };
}

/** What a row of the Swarm view is, for inspect: its kind, id and a label for the tab. */
function target(row: SwarmNodeModel): { kind: SwarmObjectKind; id: string; label: string } | undefined {
  switch (row.kind) {
    case 'swarmService':
      return { kind: 'service', id: row.service.id, label: row.service.name };
    case 'swarmTask':
      return { kind: 'task', id: row.task.id, label: row.label };
    case 'swarmNode':
      return { kind: 'node', id: row.node.id, label: row.node.hostname || row.node.id };
    case 'swarmSecret':
      return { kind: 'secret', id: row.data.id, label: row.data.name };
    case 'swarmConfig':
      return { kind: 'config', id: row.data.id, label: row.data.name };
    default:
      return undefined;
  }
}

/** Opens the engine's description of a service, task, node, secret (metadata only) or config as read-only JSON. */
export async function inspectSwarmObject(ctx: Ctx, node?: unknown): Promise<vscode.TextDocument | undefined> {
  const found = node && typeof node === 'object' ? target(node as SwarmNodeModel) : undefined;
  if (!found) return undefined;
  if (!isSwarmId(found.id)) {
    ctx.notifier.error(`The engine returned an id that is not a ${found.kind} id.`);
    return undefined;
  }
  const uri = vscode.Uri.from({ scheme: SWARM_INSPECT_SCHEME, authority: inspectAuthority(ctx), path: `/${found.kind}/${found.label.replace(/[/\\]/g, '_')}.json`, query: found.id });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'json');
  await vscode.window.showTextDocument(document, { preview: true });
  return document;
}
