import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { shellArgs } from '../cli/dockerArgs';
import { dockerEnv } from '../cli/dockerTask';
import { checkedContainer } from './selection';

/**
 * Opens an interactive shell inside a running container in a terminal (`docker exec -it -- <id> sh -c ...`, the
 * docker CLI started directly, no host shell). A row whose id or name no engine could report is refused.
 */
export function openShell(ctx: Ctx, node?: unknown, nodes?: unknown[]): vscode.Terminal | undefined {
  const container = checkedContainer(ctx, node, nodes);
  if (!container) return undefined;
  if (container.state !== 'running') {
    ctx.notifier.error(`${container.name} is not running: start it to open a shell inside.`);
    return undefined;
  }
  const terminal = vscode.window.createTerminal({
    name: `Shell: ${container.name}`,
    shellPath: 'docker',
    shellArgs: shellArgs(container),
    env: dockerEnv(ctx),
  });
  terminal.show();
  return terminal;
}
