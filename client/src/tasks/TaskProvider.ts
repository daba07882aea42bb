// Task providers of the two task types package.json declares. A tasks.json entry such as
//   { "type": "dockerWorkflows.compose", "action": "up", "file": "compose.yaml" }
// or { "type": "dockerWorkflows.docker", "command": "build", "tag": "shop:1" } runs exactly what the menu command
// runs: the same program and argument array (ProcessExecution, no shell), the same task name and source (so the
// same terminal), the same engine, and the same refusal in Restricted Mode. "Run Task" also offers Compose Up and
// Down for each compose file of the workspace and Build Image for each Dockerfile.
import * as path from 'path';
import * as vscode from 'vscode';
import { COMPOSE_FILE_NAMES, composeFilesFor, findComposeFile } from '../compose/composeFiles';
import type { Ctx } from '../ctx';
import { dockerEnv, taskOf, type TaskRequest } from '../commands/cli/dockerTask';
import { composeTaskOf } from '../commands/compose/composeTask';
import { buildContextOf, BUILD_TRUST_MESSAGE } from '../commands/images/build';
import { COMPOSE_TASK_TYPE, composeTaskPlan, DOCKER_TASK_TYPE, dockerTaskPlan } from './taskDefinitions';

/** At most this many compose files and Dockerfiles are offered in "Run Task". */
const MAX_FILES = 50;
const EXCLUDE = '**/node_modules/**';

type Scope = vscode.TaskScope.Global | vscode.TaskScope.Workspace | vscode.WorkspaceFolder;

/** The folder a task's relative paths start from: its workspace folder, else the first one. */
function folderOf(scope: vscode.Task['scope']): string | undefined {
  if (scope && typeof scope === 'object') return scope.uri.fsPath;
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** A task that runs nothing: it says why (in its terminal and as an error message) and ends with exit code 1. */
function refusal(ctx: Pick<Ctx, 'notifier'>, definition: vscode.TaskDefinition, scope: Scope, name: string, source: string, problem: string): vscode.Task {
  const execution = new vscode.CustomExecution(async () => {
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number>();
    return {
      onDidWrite: write.event,
      onDidClose: close.event,
      open: () => {
        ctx.notifier.error(problem);
        write.fire(`${problem}\r\n`);
        close.fire(1);
      },
      close: () => undefined,
    };
  });
  return new vscode.Task(definition, scope, name, source, execution);
}

/** The task of a Compose definition, with `definition` kept as VS Code requires of resolveTask. */
async function composeTask(ctx: Ctx, definition: vscode.TaskDefinition, scope: Scope): Promise<vscode.Task> {
  const plan = composeTaskPlan(definition, folderOf(scope), findComposeFile);
  const fallbackName = `${String(definition.action)} (Compose)`;
  if ('problem' in plan) return refusal(ctx, definition, scope, fallbackName, 'Compose', plan.problem);
  const files = composeFilesFor(plan.file);
  const prepared = await composeTaskOf(ctx, { files, projectDirectory: path.dirname(files[0]) }, plan.request);
  if ('problem' in prepared) return refusal(ctx, definition, scope, fallbackName, 'Compose', prepared.problem);
  return taskOf({ ...prepared.task, definition }, scope);
}

/** The task of a docker definition (build, push), with `definition` kept. */
function dockerTask(ctx: Ctx, definition: vscode.TaskDefinition, scope: Scope): vscode.Task {
  const name = `${String(definition.command)} (Docker)`;
  if (!vscode.workspace.isTrusted && definition.command === 'build') return refusal(ctx, definition, scope, name, 'Docker', BUILD_TRUST_MESSAGE);
  const plan = dockerTaskPlan(definition, folderOf(scope), (dockerfile) => buildContextOf(vscode.Uri.file(dockerfile)));
  if ('problem' in plan) return refusal(ctx, definition, scope, name, 'Docker', plan.problem);
  const request: TaskRequest = { ...plan, env: dockerEnv(ctx), definition };
  return taskOf(request, scope);
}

function scopeOf(uri: vscode.Uri): Scope {
  return vscode.workspace.getWorkspaceFolder(uri) ?? vscode.TaskScope.Workspace;
}

/** "up (<project>)" and "down (<project>)" for each default-named compose file of the workspace. */
async function provideComposeTasks(ctx: Ctx): Promise<vscode.Task[]> {
  const pattern = `**/{${COMPOSE_FILE_NAMES.join(',')}}`;
  const files = (await vscode.workspace.findFiles(pattern, EXCLUDE, MAX_FILES)).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  const tasks: vscode.Task[] = [];
  for (const file of files) {
    const scope = scopeOf(file);
    for (const action of ['up', 'down'] as const) {
      tasks.push(await composeTask(ctx, { type: COMPOSE_TASK_TYPE, action, file: vscode.workspace.asRelativePath(file, false) }, scope));
    }
  }
  return tasks;
}

/** "Build: <folder>:latest" for each Dockerfile of the workspace. */
async function provideDockerTasks(ctx: Ctx): Promise<vscode.Task[]> {
  const files = (await vscode.workspace.findFiles('**/{Dockerfile,*.Dockerfile,Dockerfile.*}', EXCLUDE, MAX_FILES))
    .filter((file) => !file.fsPath.endsWith('.dockerignore'))
    .sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  return files.map((file) => dockerTask(ctx, { type: DOCKER_TASK_TYPE, command: 'build', dockerfile: vscode.workspace.asRelativePath(file, false) }, scopeOf(file)));
}

/** Registers both task providers. Call once in activate(). */
export function registerTaskProviders(ctx: Ctx): void {
  ctx.extension.subscriptions.push(
    vscode.tasks.registerTaskProvider(COMPOSE_TASK_TYPE, {
      provideTasks: () => provideComposeTasks(ctx),
      resolveTask: (task) => composeTask(ctx, task.definition, task.scope ?? vscode.TaskScope.Workspace),
    }),
    vscode.tasks.registerTaskProvider(DOCKER_TASK_TYPE, {
      provideTasks: () => provideDockerTasks(ctx),
      resolveTask: (task) => dockerTask(ctx, task.definition, task.scope ?? vscode.TaskScope.Workspace),
    }),
  );
}
