import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { engineChosenByWorkspace, hostSettingValues } from '../../engine/connection';
import type { EngineEndpoint } from '../../engine/types';

/** One program run as a VS Code task in a terminal of its own. */
export interface TaskRequest {
  /** The task's name, e.g. "up (shop)" or "Build: shop:latest". */
  name: string;
  /** Where the task comes from, shown beside its name, e.g. "Compose: shop" or "Docker". */
  source: string;
  /** The program, found on PATH: "docker", "docker-compose". */
  command: string;
  /** Its arguments, each passed as one word: no shell reads them. */
  args: readonly string[];
  cwd: string;
  /** Added to the extension host's environment (VS Code merges the two). */
  env?: Record<string, string>;
  /** The task's definition; defaults to { type: 'dockerWorkflows.docker', command: args[0] }. */
  definition?: vscode.TaskDefinition;
}

/**
 * Whether the saved registry credentials may go to the engine in use: not when a workspace or workspace-folder value
 * of docker-workflows.host chose it (even in a trusted workspace), unless it is the engine the user chose themselves.
 */
export function credentialsMayGoTo(endpoint: EngineEndpoint): boolean {
  return !engineChosenByWorkspace({
    endpoint,
    host: hostSettingValues(vscode.workspace.getConfiguration('docker-workflows').inspect<string>('host')),
    env: process.env,
    readFile: (file) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
}

let emptyConfig: string | undefined;

/**
 * A docker CLI configuration folder without credentials, for programs that talk to an engine the workspace chose:
 * the CLI then sends that engine no saved login. It links the user's CLI plugins (`docker compose`, `buildx`), so
 * that they are still found.
 */
function configWithoutCredentials(): string {
  if (emptyConfig && fs.existsSync(emptyConfig)) return emptyConfig;
  emptyConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-workflows-no-credentials-'));
  const plugins = path.join(process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'cli-plugins');
  if (fs.existsSync(plugins)) fs.symlinkSync(plugins, path.join(emptyConfig, 'cli-plugins'));
  return emptyConfig;
}

/**
 * The environment a docker CLI needs to talk to the engine the views show (none when there is no engine); for an
 * engine the workspace chose, also a configuration folder without the saved registry credentials.
 */
export function dockerEnv(ctx: Pick<Ctx, 'session'>): Record<string, string> {
  const engine = ctx.session.engine;
  if (!engine) return {};
  // DOCKER_HOST and, for a remote engine, its TLS variables or a local socket forwarding over ssh.
  const env = engine.cliEnv();
  return credentialsMayGoTo(engine.endpoint) ? env : { ...env, DOCKER_CONFIG: configWithoutCredentials() };
}

/**
 * Runs a program as a task (ProcessExecution: the program and an array of arguments, no shell), so a path with
 * spaces, quotes or `$(...)` reaches it unchanged; its output stays in a dedicated terminal, where the user can
 * also stop it. Resolves with the exit code when the process ends; undefined when it could not start or was
 * stopped without one (also when VS Code could not start the task, which is then reported).
 */
export async function runTask(ctx: Pick<Ctx, 'notifier'>, request: TaskRequest): Promise<number | undefined> {
  const task = taskOf(request);
  // Listen before starting: a short task may end before executeTask's answer comes back. Such an early end is
  // matched by the task's name and source, as the execution object made after it ended may be a new one.
  const early: { execution: vscode.TaskExecution; code: number | undefined }[] = [];
  let execution: vscode.TaskExecution | undefined;
  let finish: (code: number | undefined) => void = () => undefined;
  const exitCode = new Promise<number | undefined>((resolve) => (finish = resolve));
  const ours = (e: vscode.TaskExecution) => e.task.name === request.name && e.task.source === request.source;
  const settle = (e: vscode.TaskExecution, code: number | undefined) => {
    if (execution) {
      if (e === execution) finish(code);
    } else if (ours(e)) {
      early.push({ execution: e, code });
    }
  };
  const listeners = [
    vscode.tasks.onDidEndTaskProcess((e) => settle(e.execution, e.exitCode)),
    // A task whose process never started (program not found) ends without a process end; after a process end
    // this comes too, and then changes nothing (the promise is settled).
    vscode.tasks.onDidEndTask((e) => settle(e.execution, undefined)),
  ];
  try {
    try {
      execution = await vscode.tasks.executeTask(task);
    } catch (error) {
      ctx.notifier.error(`Could not start "${request.name}": ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const before = early.find((e) => e.execution === execution) ?? early[0];
    if (before) return before.code;
    return await exitCode;
  } finally {
    for (const listener of listeners) listener.dispose();
  }
}

/**
 * The vscode.Task of a request: ProcessExecution (the program and an array of arguments, no shell), shown in a
 * dedicated terminal. The menu commands and the task provider (tasks/TaskProvider.ts) both make their tasks here.
 */
export function taskOf(
  request: TaskRequest,
  scope: vscode.TaskScope.Global | vscode.TaskScope.Workspace | vscode.WorkspaceFolder = vscode.TaskScope.Workspace,
): vscode.Task {
  const task = new vscode.Task(
    request.definition ?? { type: 'dockerWorkflows.docker', command: request.args[0] ?? request.command },
    scope,
    request.name,
    request.source,
    new vscode.ProcessExecution(request.command, [...request.args], { cwd: request.cwd, env: request.env }),
  );
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  return task;
}
