import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { reasonOf } from '../shared';
import type { Disposable } from '../../engine/DockerEngine';
import { checkedContainer } from './selection';

const TAIL_LINES = 500;

/**
 * Shows a container's output (stdout and stderr) in a terminal and keeps following it through the engine's
 * API (no docker CLI needed), with timestamps when `docker-workflows.logs.timestamps` is on. A row whose id or
 * name no engine could report is refused (the id would become part of the request's path).
 */
export async function followLogs(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<vscode.Terminal | undefined> {
  const container = checkedContainer(ctx, node, nodes);
  const engine = ctx.session.engine;
  if (!container || !engine) return undefined;
  const timestamps = vscode.workspace.getConfiguration('docker-workflows').get<boolean>('logs.timestamps', false);
  const write = new vscode.EventEmitter<string>();
  let stream: Disposable | undefined;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open: () => {
      engine
        .followLogs(
          container.id,
          { timestamps, tail: TAIL_LINES },
          // A terminal needs \r\n to start a line at its left edge.
          (text) => write.fire(text.replace(/\r?\n/g, '\r\n')),
          (error) => write.fire(`\r\n[${error ? `logs stopped: ${error.message}` : `the output of ${container.name} ended`}]\r\n`),
        )
        .then(
          (subscription) => (stream = subscription),
          (error: unknown) => write.fire(`[cannot follow the logs of ${container.name}: ${reasonOf(error)}]\r\n`),
        );
    },
    close: () => {
      stream?.dispose();
      write.dispose();
    },
  };
  const terminal = vscode.window.createTerminal({ name: `Logs: ${container.name}`, pty });
  terminal.show(true);
  return terminal;
}
