import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { detectComposeCli, execFileRunner, type ComposeAction, type ComposeCli, type ComposeCliSource, type ComposeRequest } from '../../compose/composeCli';
import { composeFilesFor } from '../../compose/composeFiles';
import type { Ctx } from '../../ctx';
import { composeProjectProblem, displayName } from '../../engine/validate';
import { runTask } from '../cli/dockerTask';
import { composeTaskOf } from './composeTask';

/** Where a Compose command applies: a compose file (explorer/editor menu) or a project node of the view. */
export interface ComposeTarget {
  /** The compose files, in -f order (the file and its override). */
  files: string[];
  projectDirectory: string;
}

/** Compose files larger than this are not read for the project's name. */
const MAX_COMPOSE_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The target of a project node of the view (its compose files and working folder, from the labels of its
 * containers), of an explorer/editor menu's compose file, or of the active editor's; undefined when there is none.
 * A project node's paths come from the engine: { problem } when they are not absolute paths of files.
 */
export function targetOf(node: unknown): ComposeTarget | { problem: string } | undefined {
  const project = node as { kind?: string; project?: string; configFiles?: string[]; workingDir?: string } | undefined;
  if (project?.kind === 'project' && !project.workingDir && !project.configFiles?.length) {
    return {
      problem:
        `The containers of the Compose project ${displayName(project.project)} do not say which compose files made them ` +
        '(no com.docker.compose.project labels): run the command on its compose file instead.',
    };
  }
  if (project?.kind === 'project' || (project?.configFiles?.length && project.workingDir)) {
    const problem = composeProjectProblem(project.workingDir, project.configFiles ?? []);
    if (problem) return { problem };
    const missing = project.configFiles?.find((file) => !isFile(file));
    if (missing !== undefined) {
      return { problem: `The compose file ${displayName(missing)} of this project is missing, not a regular file, or larger than 16 MiB.` };
    }
    return { files: project.configFiles ?? [], projectDirectory: project.workingDir ?? '' };
  }
  const uri = node instanceof vscode.Uri ? node : vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') return undefined;
  const files = composeFilesFor(uri.fsPath);
  return { files, projectDirectory: path.dirname(files[0]) };
}

/** The target of a command, or undefined after telling the user why there is none. */
export function requireTarget(ctx: Ctx, node: unknown): ComposeTarget | undefined {
  const target = targetOf(node);
  if (target && 'problem' in target) ctx.notifier.error(target.problem);
  else if (!target) ctx.notifier.error('Choose a compose file (right-click it in the explorer, or open it in the editor).');
  return target && 'files' in target ? target : undefined;
}

/** A regular file (not a folder, a device or a FIFO, which reading could block on) of at most 16 MiB. */
function isFile(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size <= MAX_COMPOSE_FILE_BYTES;
  } catch {
    return false;
  }
}

/** Finds `docker compose` (v2) or `docker-compose` (v1) once per session; a failure is retried next time. */
export class ComposeCliFinder implements ComposeCliSource {
  private found: Promise<ComposeCli> | undefined;

  find(env: NodeJS.ProcessEnv): Promise<ComposeCli> {
    this.found ??= detectComposeCli(execFileRunner({ env, timeoutMs: 15_000 })).then((result) => {
      if (!result.cli) throw new Error(result.reason);
      return result.cli;
    });
    return this.found.catch((error: unknown) => {
      this.found = undefined;
      throw error;
    });
  }
}

/**
 * Runs one Compose action as a task in a terminal named after the project: the program and its arguments are
 * passed as an array (ProcessExecution, no shell), so a path with spaces, quotes or `$(...)` reaches Compose
 * unchanged. Resolves with the exit code; a failure is also shown to the user.
 */
export async function runCompose(ctx: Ctx, target: ComposeTarget, request: Omit<ComposeRequest, 'files' | 'projectDirectory'>): Promise<number | undefined> {
  const prepared = await composeTaskOf(ctx, target, request);
  if ('problem' in prepared) {
    ctx.notifier.error(prepared.problem);
    return undefined;
  }
  const exitCode = await runTask(ctx, prepared.task);
  if (exitCode === 0 && request.action === 'up') ctx.walkthrough.done('composeUp');
  if (exitCode !== 0 && request.action !== 'logs') {
    ctx.notifier.error(`Compose ${request.action} of "${prepared.project}" failed (exit code ${exitCode ?? 'unknown'}); the terminal shows why.`);
  }
  return exitCode;
}

/** A command that runs `action` on its target with fixed options. */
export function composeCommand(action: ComposeAction, options: Omit<ComposeRequest, 'action' | 'files' | 'projectDirectory'> = {}) {
  return async (ctx: Ctx, node?: unknown): Promise<number | undefined> => {
    const target = requireTarget(ctx, node);
    return target && runCompose(ctx, target, { action, ...options });
  };
}
