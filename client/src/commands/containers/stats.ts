import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import type { Disposable } from '../../engine/DockerEngine';
import { reasonOf } from '../shared';
import { checkedContainer } from './selection';
import { statsTable } from './statsTable';

/** Cursor to the top left, then clear the screen: each sample replaces the previous table. */
const REDRAW = '\x1b[H\x1b[2J';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
/** Events that mean the container no longer runs (the engine's stats stream may go on with empty samples). */
const STOPPED = new Set(['die', 'destroy']);

/**
 * Shows a running container's CPU, memory, network, block I/O and process count in a terminal "Stats: <name>",
 * one table like `docker stats` redrawn for every sample, until the container stops ("<name> stopped."). Closing
 * the terminal ends the stream. A row whose id or name no engine could report is refused.
 */
export async function showStats(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<vscode.Terminal | undefined> {
  const container = checkedContainer(ctx, node, nodes);
  const engine = ctx.session.engine;
  if (!container) return undefined;
  if (!engine) {
    ctx.notifier.error('The Docker engine cannot be reached: check the docker-workflows.host setting.');
    return undefined;
  }
  const write = new vscode.EventEmitter<string>();
  let stream: Disposable | undefined;
  let stoppedEvents: vscode.Disposable | undefined;
  /** Set once nothing more is to be written: the stream ended, the container stopped or the terminal closed. */
  let done = false;
  const finish = (message: string) => {
    if (done) return;
    done = true;
    stream?.dispose();
    stoppedEvents?.dispose();
    write.fire(`\r\n${message}\r\n${SHOW_CURSOR}`);
  };
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open: () => {
      write.fire(`${HIDE_CURSOR}Waiting for the first sample of ${container.name}…`);
      stoppedEvents = ctx.session.onDidReceiveEvent((event) => {
        if (event.type === 'container' && event.id === container.id && STOPPED.has(event.action)) finish(`${container.name} stopped.`);
      });
      engine
        .followStats(
          container.id,
          (stats) => {
            if (!done) write.fire(`${REDRAW}${statsTable(stats).join('\r\n')}\r\n`);
          },
          (error) => finish(error ? `[stats stopped: ${reasonOf(error)}]` : `${container.name} stopped.`),
        )
        .then(
          (subscription) => {
            // The terminal may have been closed, or the container stopped, while the stream was opening.
            if (done) subscription.dispose();
            else stream = subscription;
          },
          (error: unknown) => finish(`[cannot follow the stats of ${container.name}: ${reasonOf(error)}]`),
        );
    },
    close: () => {
      done = true;
      stream?.dispose();
      stoppedEvents?.dispose();
      write.dispose();
    },
  };
  const terminal = vscode.window.createTerminal({ name: `Stats: ${container.name}`, pty });
  terminal.show(true);
  return terminal;
}
