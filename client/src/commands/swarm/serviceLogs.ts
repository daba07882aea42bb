import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import type { Disposable } from '../../engine/DockerEngine';
import { displayName } from '../../engine/validate';
import { reasonOf } from '../shared';
import { selectedServices } from './shared';

const TAIL_LINES = 500;

/**
 * Follows the output of all of a service's tasks in a terminal (through the engine's API, as container logs do),
 * with timestamps when `docker-workflows.logs.timestamps` is on.
 */
export async function followServiceLogs(ctx: Ctx, node?: unknown): Promise<vscode.Terminal | undefined> {
  const [row] = selectedServices(ctx, node);
  const engine = ctx.session.engine;
  if (!row || !engine) return undefined;
  const name = displayName(row.service.name);
  const timestamps = vscode.workspace.getConfiguration('docker-workflows').get<boolean>('logs.timestamps', false);
  const write = new vscode.EventEmitter<string>();
  let stream: Disposable | undefined;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open: () => {
      engine.swarm
        .followServiceLogs(
          row.service.id,
          { timestamps, tail: TAIL_LINES },
          (text) => write.fire(text.replace(/\r?\n/g, '\r\n')),
          (error) => write.fire(`\r\n[${error ? `logs stopped: ${error.message}` : `the output of the service ${name} ended`}]\r\n`),
        )
        .then(
          (subscription) => (stream = subscription),
          (error: unknown) => write.fire(`[cannot follow the logs of the service ${name}: ${reasonOf(error)}]\r\n`),
        );
    },
    close: () => {
      stream?.dispose();
      write.dispose();
    },
  };
  const terminal = vscode.window.createTerminal({ name: `Service logs: ${name}`, pty });
  terminal.show(true);
  return terminal;
}
