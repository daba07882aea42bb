// One Compose action as a task request: the trust check, the Compose program, the argument array, the project name
// and the terminal's name. The menu commands (runCompose.ts), the CodeLens's per-service actions and the task provider
// (tasks/TaskProvider.ts) all go through here, so a tasks.json entry runs exactly what the menu runs.
import * as vscode from 'vscode';
import { composeArgs, type ComposeAction, type ComposeCli, type ComposeRequest } from '../../compose/composeCli';
import { servicesAndProfiles } from '../../compose/composeFiles';
import { projectOfFiles } from '../../compose/projectOfFiles';
import type { Ctx } from '../../ctx';
import { dockerEnv, type TaskRequest } from '../cli/dockerTask';
import type { ComposeTarget } from './runCompose';

/** Shown (and printed in the task's terminal) when a Compose action is asked for in Restricted Mode. */
export const COMPOSE_TRUST_MESSAGE = 'Compose commands run the files of this workspace: trust the workspace first (Manage Workspace Trust).';

/** Actions on the containers the project has, whichever profile made them (unlike up, pull and build). */
const WHOLE_PROJECT: ReadonlySet<ComposeAction> = new Set<ComposeAction>(['down', 'stop', 'start', 'restart', 'pause', 'unpause', 'logs']);

export type ComposeActionRequest = Omit<ComposeRequest, 'files' | 'projectDirectory'>;

/** The environment Compose runs with: the extension host's, pointed at the engine the views show. */
export function composeEnv(ctx: Pick<Ctx, 'session'>): Record<string, string> {
  return { ...process.env, ...dockerEnv(ctx) } as Record<string, string>;
}

/** The Compose program, or why there is none (in plain words). */
export async function findCompose(ctx: Pick<Ctx, 'composeCli'>, env: NodeJS.ProcessEnv): Promise<ComposeCli | { problem: string }> {
  try {
    return await ctx.composeCli.find(env);
  } catch (error) {
    return { problem: `Neither "docker compose" nor "docker-compose" can be run: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The task definition that runs the same action again (from "Run Task" or tasks.json): the file relative to its folder. */
function definitionOf(target: ComposeTarget, request: ComposeActionRequest): vscode.TaskDefinition {
  const file = vscode.workspace.asRelativePath(vscode.Uri.file(target.files[0]), false);
  return {
    type: 'dockerWorkflows.compose',
    action: request.action,
    file,
    ...(request.services?.length ? { services: [...request.services] } : {}),
    ...(request.profiles?.length ? { profiles: [...request.profiles] } : {}),
  };
}

/**
 * The task of one Compose action on `target`, named "<action> (<project>)" from source "Compose: <project>", or
 * { problem } in plain words (Restricted Mode, no Compose program, a request Compose would refuse).
 */
export async function composeTaskOf(
  ctx: Pick<Ctx, 'session' | 'composeCli'>,
  target: ComposeTarget,
  request: ComposeActionRequest,
): Promise<{ task: TaskRequest; project: string } | { problem: string }> {
  if (!vscode.workspace.isTrusted) return { problem: COMPOSE_TRUST_MESSAGE };
  const env = composeEnv(ctx);
  const cli = await findCompose(ctx, env);
  if ('problem' in cli) return cli;
  // An action on the whole project reaches the services of every profile: Down after an Up with a profile must
  // not leave that profile's containers behind (Compose only sees the services of the profiles it is given).
  const profiles = request.profiles ?? (WHOLE_PROJECT.has(request.action) ? servicesAndProfiles(target).profiles : []);
  const full: ComposeRequest = { ...request, ...(profiles.length > 0 ? { profiles } : {}), files: target.files, projectDirectory: target.projectDirectory };
  let command: string;
  let args: string[];
  try {
    ({ command, args } = composeArgs(cli, full));
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const project = projectOfFiles(target.files, target.projectDirectory, { env, v1: !cli.v2 });
  return {
    project,
    task: {
      definition: definitionOf(target, request),
      name: `${request.action} (${project})`,
      source: `Compose: ${project}`,
      command,
      args,
      cwd: target.projectDirectory,
      env,
    },
  };
}

/** The project name Compose will use for `target` (the CodeLens matches containers by it); no trust needed. */
export async function composeProjectName(ctx: Pick<Ctx, 'session' | 'composeCli'>, target: ComposeTarget, textOf?: (file: string) => string | undefined): Promise<string> {
  const env = composeEnv(ctx);
  const cli = await findCompose(ctx, env);
  // Without a Compose program nothing can be run; name the project by the rules of today's Compose (v2).
  return projectOfFiles(target.files, target.projectDirectory, { env, v1: 'problem' in cli ? false : !cli.v2, textOf });
}
