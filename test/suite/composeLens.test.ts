// The Compose CodeLens against the test engine: the exact titles above `services:` and above a running service
// (two replicas), one that exited with code 1 and one never created; the per-service commands the lenses run
// (Up, Stop, Logs, Restart), the state following the engine's events, and the setting that hides them.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { activateExtension, docker, TEST_IMAGE, waitFor, workspaceFile } from './helpers';

type Lens = { line: number; title: string; command: string; args: unknown[] };

async function lensesOf(uri: vscode.Uri): Promise<Lens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses
    .filter((l) => l.command)
    .map((l) => ({ line: l.range.start.line, title: l.command!.title, command: l.command!.command, args: l.command!.arguments ?? [] }))
    .sort((a, b) => a.line - b.line);
}

/** The state lens (the one that runs nothing) of the service on `line`. */
async function stateOn(uri: vscode.Uri, line: number): Promise<string | undefined> {
  return (await lensesOf(uri)).find((l) => l.line === line && !l.command)?.title;
}

describe('Compose CodeLens', () => {
  let api: ExtensionApi;
  // A space in the folder: the project is "lensapp" (docker-compose v1 drops what a project name cannot hold).
  const folder = workspaceFile('lens app');
  const file = vscode.Uri.joinPath(folder, 'compose.yaml');
  const project = 'lensapp';
  const WEB = 1;
  const JOB = 8;
  const IDLE = 12;
  const compose = [
    'services:',
    '  web:',
    `    image: ${TEST_IMAGE}`,
    '    command: ["sleep", "3600"]',
    '    stop_grace_period: 1s',
    '    healthcheck:',
    '      test: ["CMD", "true"]',
    '      interval: 1s',
    '  job:',
    `    image: ${TEST_IMAGE}`,
    '    command: ["sh", "-c", "exit 1"]',
    '',
    '  idle:',
    `    image: ${TEST_IMAGE}`,
    '    command: ["sleep", "3600"]',
    '    stop_grace_period: 1s',
    '',
  ].join('\n');
  const ours = () => docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`).split('\n').filter(Boolean);
  const stateOf = (service: string) =>
    docker('ps', '-a', '--format', '{{.State}}', '--filter', `label=com.docker.compose.project=${project}`, '--filter', `label=com.docker.compose.service=${service}`)
      .split('\n')
      .filter(Boolean);

  before(async () => {
    api = await activateExtension();
    fs.mkdirSync(folder.fsPath, { recursive: true });
    fs.writeFileSync(file.fsPath, compose);
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    // Two replicas of web and the job that exits 1, made with the CLI as a user would; idle is never created.
    execFileSync('docker-compose', ['-f', file.fsPath, '--project-directory', folder.fsPath, 'up', '--detach', '--scale', 'web=2', 'web', 'job'], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    await waitFor('the job to exit', () => stateOf('job')[0] === 'exited', 30_000);
    const document = await vscode.workspace.openTextDocument(file);
    assert.strictEqual(document.languageId, 'dockercompose');
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('docker-workflows').update('compose.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const t of vscode.tasks.taskExecutions) if (t.task.source === `Compose: ${project}`) t.terminate();
    const left = ours();
    if (left.length) docker('rm', '-f', ...left);
    const networks = docker('network', 'ls', '-q', '--filter', `name=${project}_default`);
    if (networks) docker('network', 'rm', `${project}_default`);
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  });

  it('shows Up all and Down above services:, and each service its state and actions', async () => {
    const lenses = await waitFor('the lenses with the exited job and healthy web', async () => {
      const found = await lensesOf(file);
      return found.some((l) => l.line === JOB && l.title.startsWith('exited')) && found.some((l) => l.line === WEB && l.title.endsWith('healthy')) && found;
    }, 20_000);
    const service = (line: number, name: string) =>
      (['Up', 'Stop', 'Logs', 'Restart'] as const).map((title) => [line, title, `dockerWorkflows.compose.service${title}`, name]);
    const jobState = lenses.find((l) => l.line === JOB && !l.command)!.title;
    // The engine's status text: "Exited (1) 2 seconds ago", "Exited (1) Less than a second ago".
    assert.match(jobState, /^exited \(1\) (Less than a second|1 second|\d+ seconds|About a minute) ago$/);
    const shown = (arg: unknown) => (arg instanceof vscode.Uri ? arg.fsPath : (arg as { service?: string } | undefined)?.service);
    assert.deepStrictEqual(
      lenses.map((l) => [l.line, l.title, l.command, shown(l.args[0])]),
      [
        [0, 'Up all', 'dockerWorkflows.compose.up', file.fsPath],
        [0, 'Down', 'dockerWorkflows.compose.down', file.fsPath],
        [WEB, 'running 2/2, healthy', '', undefined],
        ...service(WEB, 'web'),
        [JOB, jobState, '', undefined],
        ...service(JOB, 'job'),
        [IDLE, 'not created', '', undefined],
        ...service(IDLE, 'idle'),
      ],
    );
    // A service's commands get the compose file with the service.
    const up = lenses.find((l) => l.line === WEB && l.title === 'Up')!;
    assert.strictEqual((up.args[0] as { file: vscode.Uri }).file.fsPath, file.fsPath);
  });

  it('"Up" above a never-created service starts it, and its lens turns to "running 1/1"', async () => {
    const up = (await lensesOf(file)).find((l) => l.line === IDLE && l.title === 'Up')!;
    assert.strictEqual(await vscode.commands.executeCommand(up.command, ...up.args), 0);
    assert.deepStrictEqual(stateOf('idle'), ['running']);
    assert.strictEqual(await waitFor('idle running', async () => (await stateOn(file, IDLE)) === 'running 1/1' && 'running 1/1', 20_000), 'running 1/1');
  });

  it('"Stop" stops both replicas of a service: its lens says how they exited', async () => {
    const stop = (await lensesOf(file)).find((l) => l.line === WEB && l.title === 'Stop')!;
    assert.strictEqual(await vscode.commands.executeCommand(stop.command, ...stop.args), 0);
    assert.deepStrictEqual(stateOf('web'), ['exited', 'exited']);
    // sleep ignores SIGTERM as PID 1: Compose kills it after the grace period (exit code 137).
    const state = await waitFor('web exited', async () => {
      const shown = await stateOn(file, WEB);
      return shown?.startsWith('exited') && shown;
    }, 20_000);
    assert.match(state, /^exited \(137\) (Less than a second|1 second|\d+ seconds) ago$/);
    assert.strictEqual(await stateOn(file, IDLE), 'running 1/1');
  });

  it('"Restart" restarts the service: running 2/2 and healthy again', async () => {
    const restart = (await lensesOf(file)).find((l) => l.line === WEB && l.title === 'Restart')!;
    assert.strictEqual(await vscode.commands.executeCommand(restart.command, ...restart.args), 0);
    const healthy = 'running 2/2, healthy';
    assert.strictEqual(await waitFor('web running and healthy', async () => (await stateOn(file, WEB)) === healthy && healthy, 20_000), healthy);
  });

  it('"Logs" follows the service in the project\'s task terminal, with the same arguments as the menu', async () => {
    const logs = (await lensesOf(file)).find((l) => l.line === WEB && l.title === 'Logs')!;
    const started = new Promise<vscode.TaskExecution>((resolve) => {
      const listener = vscode.tasks.onDidStartTaskProcess((e) => {
        if (e.execution.task.name === `logs (${project})`) {
          listener.dispose();
          resolve(e.execution);
        }
      });
    });
    const following = vscode.commands.executeCommand(logs.command, ...logs.args);
    const execution = await started;
    assert.strictEqual(execution.task.source, `Compose: ${project}`);
    assert.deepStrictEqual((execution.task.execution as vscode.ProcessExecution).args, [
      '-f',
      file.fsPath,
      '--project-directory',
      folder.fsPath,
      'logs',
      '--follow',
      'web',
    ]);
    assert.deepStrictEqual(execution.task.definition, { type: 'dockerWorkflows.compose', action: 'logs', file: 'lens app/compose.yaml', services: ['web'] });
    execution.terminate();
    await following;
  });

  it('the docker-workflows.compose.codeLens setting hides the lenses, and they come back', async () => {
    const config = vscode.workspace.getConfiguration('docker-workflows');
    await config.update('compose.codeLens', false, vscode.ConfigurationTarget.Workspace);
    assert.deepStrictEqual(await lensesOf(file), []);
    await config.update('compose.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    assert.strictEqual((await lensesOf(file)).length, 2 + 3 * 5);
  });

  it('reading the lenses again asks the engine nothing: the state comes from the shared list', async () => {
    const before = api.containers.listCalls();
    for (let i = 0; i < 5; i++) await lensesOf(file);
    assert.strictEqual(api.containers.listCalls(), before);
  });

  it('"Down" above services: asks first, then removes the project: every service "not created"', async () => {
    const down = (await lensesOf(file)).find((l) => l.line === 0 && l.title === 'Down')!;
    api.answerNextPrompts('Down');
    assert.strictEqual(await vscode.commands.executeCommand(down.command, ...down.args), 0);
    assert.strictEqual(api.shownMessages().at(-1)?.message, 'Stop and remove the containers and networks of this Compose project?');
    assert.deepStrictEqual(ours(), []);
    const states = await waitFor('all gone', async () => {
      const lenses = (await lensesOf(file)).filter((l) => !l.command).map((l) => l.title);
      return lenses.every((t) => t === 'not created') && lenses;
    }, 20_000);
    assert.deepStrictEqual(states, ['not created', 'not created', 'not created']);
  });
});
