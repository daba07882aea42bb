import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { refreshContainers } from './containers/refresh';
import { retryConnection } from './engine/retry';

/** Every command has the signature (ctx, node?, nodes?) so the palette, menus and multi-select share it. */
type Command = (ctx: Ctx, node?: unknown, nodes?: unknown[]) => unknown;

const COMMANDS: Record<string, Command> = {
  'dockerWorkflows.engine.retry': retryConnection,
  'dockerWorkflows.containers.refresh': refreshContainers,
};

export function registerCommands(ctx: Ctx): void {
  for (const [id, command] of Object.entries(COMMANDS)) {
    ctx.extension.subscriptions.push(
      vscode.commands.registerCommand(id, (node?: unknown, nodes?: unknown[]) => command(ctx, node, nodes)),
    );
  }
}
