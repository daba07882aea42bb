// The task providers of dockerWorkflows.compose and dockerWorkflows.docker: "Run Task" lists Compose Up/Down per
// compose file and Build per Dockerfile; tasks.json entries of both types run (their effect seen with the docker CLI)
// with the same program, arguments, task name and source (so the same terminal) as the menu commands.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { activateExtension, docker, TEST_IMAGE, waitFor, workspaceFile } from './helpers';

interface Ran {
  name: string;
  source: string;
  command: string;
  args: string[];
  definition: vscode.TaskDefinition;
  exitCode: number | undefined;
}

/** Runs `start` and reports the task it started: what ran, and its exit code once it ended. */
async function ranBy(name: string, start: () => Thenable<unknown>): Promise<Ran> {
  let ran: Omit<Ran, 'exitCode'> | undefined;
  const listeners: vscode.Disposable[] = [];
  const ended = new Promise<number | undefined>((resolve) => {
    listeners.push(
      vscode.tasks.onDidStartTaskProcess((e) => {
        const task = e.execution.task;
        if (task.name !== name) return;
        const execution = task.execution as vscode.ProcessExecution;
        ran = { name: task.name, source: task.source, command: execution.process, args: execution.args, definition: task.definition };
      }),
      vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.name === name) resolve(e.exitCode);
      }),
    );
  });
  try {
    await start();
    const exitCode = await ended;
    if (!ran) throw new Error(`no task named ${name} started`);
    return { ...ran, exitCode };
  } finally {
    for (const l of listeners) l.dispose();
  }
}

describe('Tasks: the dockerWorkflows.compose and dockerWorkflows.docker task providers', () => {
  let api: ExtensionApi;
  const folder = workspaceFile('tasks app');
  const composeFile = vscode.Uri.joinPath(folder, 'compose.yaml');
  const dockerfile = vscode.Uri.joinPath(folder, 'Dockerfile');
  const tasksJson = workspaceFile('.vscode/tasks.json');
  const project = 'tasksapp';
  const TAG = 'dw-task/built:1';
  const ours = () => docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`).split('\n').filter(Boolean);

  before(async () => {
    api = await activateExtension();
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    fs.mkdirSync(folder.fsPath, { recursive: true });
    fs.writeFileSync(composeFile.fsPath, `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "3600"]\n    stop_grace_period: 1s\n`);
    fs.writeFileSync(dockerfile.fsPath, `FROM ${TEST_IMAGE}\nRUN echo built > /built\n`);
  });

  after(() => {
    const left = ours();
    if (left.length) docker('rm', '-f', ...left);
    if (docker('network', 'ls', '-q', '--filter', `name=${project}_default`)) docker('network', 'rm', `${project}_default`);
    if (docker('images', '-q', TAG)) docker('rmi', TAG);
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
    fs.rmSync(tasksJson.fsPath, { force: true });
  });

  it('"Run Task" lists Compose up and down for each compose file and Build for each Dockerfile', async () => {
    const compose = await vscode.tasks.fetchTasks({ type: 'dockerWorkflows.compose' });
    const ofProject = (source: string) => compose.filter((t) => t.source === source).map((t) => [t.name, t.definition]);
    assert.deepStrictEqual(ofProject(`Compose: ${project}`), [
      ['up (tasksapp)', { type: 'dockerWorkflows.compose', action: 'up', file: 'tasks app/compose.yaml' }],
      ['down (tasksapp)', { type: 'dockerWorkflows.compose', action: 'down', file: 'tasks app/compose.yaml' }],
    ]);
    // The workspace's own docker-compose.yml (project "workspace").
    assert.deepStrictEqual(ofProject('Compose: workspace').map(([name]) => name), ['up (workspace)', 'down (workspace)']);
    const builds = (await vscode.tasks.fetchTasks({ type: 'dockerWorkflows.docker' })).map((t) => [t.source, t.name, t.definition]);
    assert.deepStrictEqual(
      builds.filter(([, name]) => name === 'Build: tasks-app:latest' || name === 'Build: workspace:latest'),
      [
        ['Docker', 'Build: workspace:latest', { type: 'dockerWorkflows.docker', command: 'build', dockerfile: 'Dockerfile' }],
        ['Docker', 'Build: tasks-app:latest', { type: 'dockerWorkflows.docker', command: 'build', dockerfile: 'tasks app/Dockerfile' }],
      ],
    );
  });

  /** The tasks tasks.json declares, once VS Code has read the file (it watches it). */
  async function configured(entries: object[], last: string): Promise<vscode.Task[]> {
    fs.mkdirSync(workspaceFile('.vscode').fsPath, { recursive: true });
    fs.writeFileSync(tasksJson.fsPath, JSON.stringify({ version: '2.0.0', tasks: entries }, null, 2));
    return waitFor('the tasks of tasks.json', async () => {
      const tasks = (await vscode.tasks.fetchTasks()).filter((t) => t.source === 'Workspace');
      return tasks.some((t) => t.name === last) && tasks;
    }, 20_000);
  }

  const taskTerminals = () => vscode.window.terminals.map((t) => t.name).filter((name) => name.includes(project));

  it('a tasks.json Compose Up runs what the menu\'s Compose Up runs, in a terminal of the same name', async () => {
    const tasks = await configured([{ type: 'dockerWorkflows.compose', action: 'up', file: 'tasks app/compose.yaml' }], 'up (tasksapp)');
    const fromJson = await ranBy('up (tasksapp)', () => vscode.tasks.executeTask(tasks.find((t) => t.name === 'up (tasksapp)')!));
    assert.strictEqual(fromJson.exitCode, 0);
    assert.strictEqual(docker('ps', '--format', '{{.Names}}', '--filter', `label=com.docker.compose.project=${project}`), 'tasksapp_web_1');
    assert.deepStrictEqual([...new Set(taskTerminals())], ['up (tasksapp)']);
    // The menu's command on the same file (Compose leaves the running project as it is).
    const fromMenu = await ranBy('up (tasksapp)', () => vscode.commands.executeCommand('dockerWorkflows.compose.up', composeFile));
    assert.strictEqual(fromMenu.exitCode, 0);
    assert.deepStrictEqual([fromJson.command, fromJson.args], [fromMenu.command, fromMenu.args]);
    assert.deepStrictEqual(fromJson.args, ['-f', composeFile.fsPath, '--project-directory', folder.fsPath, 'up', '--detach']);
    // The menu's task carries the definition that runs it again (Run Task's recent list, or copied to tasks.json).
    assert.deepStrictEqual(fromMenu.definition, { type: 'dockerWorkflows.compose', action: 'up', file: 'tasks app/compose.yaml' });
    assert.strictEqual(fromMenu.source, `Compose: ${project}`);
    assert.deepStrictEqual([...new Set(taskTerminals())], ['up (tasksapp)']);
  });

  it('a tasks.json docker build runs what Build Image runs: the image exists', async () => {
    const label = 'build the tasks app';
    const tasks = await configured(
      [{ type: 'dockerWorkflows.docker', command: 'build', dockerfile: 'tasks app/Dockerfile', tag: TAG, label }],
      label,
    );
    const fromJson = await ranBy(label, () => vscode.tasks.executeTask(tasks.find((t) => t.name === label)!));
    assert.strictEqual(fromJson.exitCode, 0);
    assert.notStrictEqual(docker('images', '-q', TAG), '');
    assert.deepStrictEqual(fromJson.args, ['build', `--file=${dockerfile.fsPath}`, `--tag=${TAG}`, '--', folder.fsPath]);
    api.answerNextPrompts(TAG);
    const fromMenu = await ranBy(`Build: ${TAG}`, () => vscode.commands.executeCommand('dockerWorkflows.images.build', dockerfile));
    assert.strictEqual(fromMenu.exitCode, 0);
    assert.deepStrictEqual([fromJson.command, fromJson.args], [fromMenu.command, fromMenu.args]);
    assert.deepStrictEqual(fromMenu.definition, { type: 'dockerWorkflows.docker', command: 'build', dockerfile: 'tasks app/Dockerfile', tag: TAG, context: 'tasks app' });
  });

  it('a tasks.json entry that cannot run says why, in its terminal and as an error, and runs nothing', async () => {
    const tasks = await configured([{ type: 'dockerWorkflows.compose', action: 'explode', file: 'tasks app/compose.yaml', label: 'explode' }], 'explode');
    const ended = new Promise<void>((resolve) => {
      const listener = vscode.tasks.onDidEndTask((e) => {
        if (e.execution.task.name === 'explode') {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.tasks.executeTask(tasks.find((t) => t.name === 'explode')!);
    await ended;
    assert.strictEqual(docker('ps', '--format', '{{.Names}}', '--filter', `label=com.docker.compose.project=${project}`), 'tasksapp_web_1');
    assert.strictEqual(
      api.shownMessages().at(-1)?.message,
      'A dockerWorkflows.compose task needs "action": one of up, down, restart, stop, start, pause, unpause, logs, pull, build; not "explode".',
    );
  });

  it('the provided "down (tasksapp)" task removes the project', async () => {
    fs.rmSync(tasksJson.fsPath, { force: true });
    const down = await waitFor('the provided down task', async () =>
      (await vscode.tasks.fetchTasks({ type: 'dockerWorkflows.compose' })).find((t) => t.name === 'down (tasksapp)' && t.source === `Compose: ${project}`),
    );
    const ran = await ranBy('down (tasksapp)', () => vscode.tasks.executeTask(down));
    assert.strictEqual(ran.exitCode, 0);
    assert.deepStrictEqual(ours(), []);
  });
});
