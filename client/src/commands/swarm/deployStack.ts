import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { projectNameOf } from '../../compose/projectName';
import type { Ctx } from '../../ctx';
import { stackNameProblem } from '../../engine/swarmValidate';
import { dockerEnv, runTask } from '../cli/dockerTask';
import { stackDeployArgs, type ResolveImage } from './stackArgs';

/** Compose files larger than this are not read for the stack's name. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const COMPOSE_GLOB = '**/{compose,docker-compose}*.{yaml,yml}';

/** The compose file: the one clicked (explorer or editor menu), the active editor's, or one picked from the workspace. */
async function composeFile(ctx: Ctx, node: unknown): Promise<string | undefined> {
  if (node instanceof vscode.Uri) return node.scheme === 'file' ? node.fsPath : undefined;
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'dockercompose' && active.uri.scheme === 'file') return active.uri.fsPath;
  const found = await vscode.workspace.findFiles(COMPOSE_GLOB, '**/node_modules/**', 200);
  if (found.length === 0) {
    ctx.notifier.error('There is no compose file in this workspace to deploy as a stack.');
    return undefined;
  }
  const relative = found.map((uri) => vscode.workspace.asRelativePath(uri)).sort();
  const picked = await ctx.notifier.pick('Compose file to deploy as a stack', relative);
  return picked && found.find((uri) => vscode.workspace.asRelativePath(uri) === picked)?.fsPath;
}

function textOf(file: string): string {
  try {
    return fs.statSync(file).size <= MAX_FILE_BYTES ? fs.readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

/**
 * Deploys a compose file as a stack (`docker stack deploy`) in a terminal named after the stack, on the engine the
 * views show. Like Compose Up it runs the workspace's files, so it needs a trusted workspace. Asks for the stack's
 * name (Compose's project name of the file offered). Resolves with the exit code; undefined when not run.
 */
export async function deployStack(ctx: Ctx, node?: unknown): Promise<number | undefined> {
  if (!vscode.workspace.isTrusted) {
    ctx.notifier.error('Deploying a stack runs the files of this workspace: trust the workspace first (Manage Workspace Trust).');
    return undefined;
  }
  const file = await composeFile(ctx, node);
  if (!file) return undefined;
  const folder = path.dirname(file);
  const suggestion = projectNameOf(textOf(file), folder, { env: process.env });
  const stack = (await ctx.notifier.input(`Name of the stack to deploy ${path.basename(file)} as`, suggestion, (v) => stackNameProblem(v.trim())))?.trim();
  if (!stack) return undefined;
  const resolveImage = vscode.workspace.getConfiguration('docker-workflows').get<ResolveImage>('swarm.resolveImage', 'always');
  let args: string[];
  try {
    args = stackDeployArgs(file, stack, resolveImage);
  } catch (error) {
    ctx.notifier.error(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  const exitCode = await runTask(ctx, {
    definition: { type: 'dockerWorkflows.docker', command: 'stack' },
    name: `deploy (${stack})`,
    source: `Stack: ${stack}`,
    command: 'docker',
    args,
    cwd: folder,
    env: { ...dockerEnv(ctx) },
  });
  if (exitCode !== 0) ctx.notifier.error(`Deploying the stack "${stack}" failed (exit code ${exitCode ?? 'unknown'}); the terminal shows why.`);
  return exitCode;
}
