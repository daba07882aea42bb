import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { dockerEnv } from '../cli/dockerTask';
import { selectedContainers } from './selection';

/** Inside the container: bash when it has it, else sh (a fixed script, never built from user input). */
const PICK_SHELL = 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi';

/** Opens an interactive shell inside a running container in a terminal (`docker exec -it`, no host shell). */
export function openShell(ctx: Ctx, node?: unknown, nodes?: unknown[]): vscode.Terminal | undefined {
  const [container] = selectedContainers(node, nodes);
  if (!container) return undefined;
  if (container.state !== 'running') {
    ctx.notifier.error(`${container.name} is not running: start it to open a shell inside.`);
    return undefined;
  }
  const terminal = vscode.window.createTerminal({
    name: `Shell: ${container.name}`,
    shellPath: 'docker',
    shellArgs: ['exec', '-it', container.id, 'sh', '-c', PICK_SHELL],
    env: dockerEnv(ctx),
  });
  terminal.show();
  return terminal;
}
