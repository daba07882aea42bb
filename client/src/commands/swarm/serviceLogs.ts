import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { displayName } from '../../engine/validate';
import { showLogsTerminal } from '../logsTerminal';
import { selectedServices } from './shared';

/**
 * Follows the output of all of a service's tasks in a terminal (through the engine's API, as container logs do),
 * with timestamps when `docker-workflows.logs.timestamps` is on.
 */
export async function followServiceLogs(ctx: Ctx, node?: unknown): Promise<vscode.Terminal | undefined> {
  const [row] = selectedServices(ctx, node);
  const engine = ctx.session.engine;
  if (!row || !engine) return undefined;
  const name = displayName(row.service.name);
  return showLogsTerminal(`Service logs: ${name}`, `the service ${name}`, (options, onText, onEnd) =>
    engine.swarm.followServiceLogs(row.service.id, options, onText, onEnd),
  );
}
