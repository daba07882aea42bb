import * as path from 'path';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { COMPOSE_FILE_NAMES } from '../../compose/composeFiles';
import { composeCommand } from '../compose/runCompose';

/** How many compose files the pick offers at most. */
const MAX_FILES = 50;

/**
 * The walkthrough's "Compose Up": finds the workspace's compose files (compose.yaml, docker-compose.yml ...), asks
 * which one when there are several, and runs Compose Up on it as the explorer's menu does. Resolves with Compose's
 * exit code, or undefined when nothing ran.
 */
export async function composeUpInWorkspace(ctx: Ctx): Promise<number | undefined> {
  const found = await vscode.workspace.findFiles(`**/{${COMPOSE_FILE_NAMES.join(',')}}`, '**/node_modules/**', MAX_FILES);
  const files = found.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  if (files.length === 0) {
    ctx.notifier.info('This workspace has no compose file (compose.yaml or docker-compose.yml): add one, then try again.');
    return undefined;
  }
  let file = files[0];
  if (files.length > 1) {
    const labels = files.map((uri) => vscode.workspace.asRelativePath(uri) || path.basename(uri.fsPath));
    const picked = await ctx.notifier.pick('Which compose file?', labels);
    if (picked === undefined) return undefined;
    file = files[labels.indexOf(picked)];
  }
  return composeCommand('up')(ctx, file);
}
