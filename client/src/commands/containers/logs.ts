import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { showLogsTerminal } from '../logsTerminal';
import { checkedContainer } from './selection';

/**
 * Shows a container's output (stdout and stderr) in a terminal and keeps following it through the engine's
 * API (no docker CLI needed), with timestamps when `docker-workflows.logs.timestamps` is on. A row whose id or
 * name no engine could report is refused (the id would become part of the request's path).
 */
export async function followLogs(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<vscode.Terminal | undefined> {
  const container = checkedContainer(ctx, node, nodes);
  const engine = ctx.session.engine;
  if (!container || !engine) return undefined;
  return showLogsTerminal(`Logs: ${container.name}`, container.name, (options, onText, onEnd) => engine.followLogs(container.id, options, onText, onEnd));
}
