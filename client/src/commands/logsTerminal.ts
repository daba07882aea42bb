import * as vscode from 'vscode';
import type { Disposable } from '../engine/DockerEngine';
import { reasonOf } from './shared';

const TAIL_LINES = 500;

/** Starts following an output: the last `tail` lines, then what comes; `onEnd` once, when it stops. */
export type FollowOutput = (
  options: { timestamps: boolean; tail: number },
  onText: (text: string) => void,
  onEnd: (error?: Error) => void,
) => Promise<Disposable>;

/**
 * A terminal that shows an output the engine streams (a container's or a service's logs) through its API, no docker
 * CLI needed, with timestamps when `docker-workflows.logs.timestamps` is on. `what` names the source in its messages
 * ("web", "the service api"). The stream starts when the terminal opens and stops when it is closed.
 */
export function showLogsTerminal(title: string, what: string, follow: FollowOutput): vscode.Terminal {
  const timestamps = vscode.workspace.getConfiguration('docker-workflows').get<boolean>('logs.timestamps', false);
  const write = new vscode.EventEmitter<string>();
  let stream: Disposable | undefined;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open: () => {
      follow(
        { timestamps, tail: TAIL_LINES },
        // A terminal needs \r\n to start a line at its left edge.
        (text) => write.fire(text.replace(/\r?\n/g, '\r\n')),
        (error) => write.fire(`\r\n[${error ? `logs stopped: ${error.message}` : `the output of ${what} ended`}]\r\n`),
      ).then(
        (subscription) => (stream = subscription),
        (error: unknown) => write.fire(`[cannot follow the logs of ${what}: ${reasonOf(error)}]\r\n`),
      );
    },
    close: () => {
      stream?.dispose();
      write.dispose();
    },
  };
  const terminal = vscode.window.createTerminal({ name: title, pty });
  terminal.show(true);
  return terminal;
}
