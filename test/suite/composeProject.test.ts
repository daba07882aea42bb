// Compose actions on a project through the real docker-compose: pull (from a registry on loopback), build, up,
// then stop, start, restart, pause, unpause, Up with a chosen profile and following logs, on the project's row
// of the Containers view, as a user does them from its context menu.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import { promisify } from 'util';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { ComposeProjectNode } from '../../client/src/tree/containerNodes';
import { startRegistry, type Registry } from '../support/registry';
import { activateExtension, docker, TEST_IMAGE, waitFor, workspaceFile } from './helpers';

/** The registry runs in this process: the docker CLI must not block it while it pushes. */
const dockerAsync = async (...args: string[]) => (await promisify(execFile)('docker', args, { encoding: 'utf8' })).stdout.trim();

describe('Compose actions on a project', () => {
  let api: ExtensionApi;
  let registry: Registry;
  const folder = workspaceFile('compose actions');
  const file = vscode.Uri.joinPath(folder, 'compose.yaml');
  const project = 'composeactions';
  let web: string;

  const group = async () => (await api.containers.rows()).find((r): r is ComposeProjectNode => r.kind === 'project' && r.label === project);
  const states = async () => Object.fromEntries(((await group())?.children ?? []).map((c) => [c.container.composeService, c.container.state]));
  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<number | undefined>(`dockerWorkflows.compose.${command}`, ...args);

  before(async () => {
    api = await activateExtension();
    registry = await startRegistry();
    web = `${registry.host}/dw/compose-web:1`;
    await dockerAsync('tag', TEST_IMAGE, web);
    await dockerAsync('push', web);
    await dockerAsync('rmi', web);
    fs.mkdirSync(vscode.Uri.joinPath(folder, 'worker').fsPath, { recursive: true });
    fs.writeFileSync(vscode.Uri.joinPath(folder, 'worker', 'Dockerfile').fsPath, `FROM ${TEST_IMAGE}\nRUN echo built > /built.txt\n`);
    fs.writeFileSync(
      file.fsPath,
      [
        'services:',
        '  web:',
        `    image: ${web}`,
        '    command: ["sleep", "3600"]',
        '  worker:',
        '    build: ./worker',
        '    command: ["sleep", "3600"]',
        '  debug:',
        `    image: ${TEST_IMAGE}`,
        '    command: ["sleep", "3600"]',
        '    profiles: ["debug"]',
        '',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
  });

  after(async () => {
    const ours = docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`).split('\n').filter(Boolean);
    if (ours.length) docker('rm', '-f', ...ours);
    for (const image of [web, `${project}_worker`]) if (docker('images', '-q', image)) docker('rmi', image);
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
    await registry.stop();
  });

  it('Pull fetches the image of a service from its registry', async () => {
    assert.strictEqual(docker('images', '-q', web), '');
    assert.strictEqual(await run('pull', file), 0);
    assert.notStrictEqual(docker('images', '-q', web), '');
  });

  it('Build builds the image of a service with a build section', async () => {
    assert.strictEqual(await run('build', file), 0);
    assert.strictEqual(docker('run', '--rm', `${project}_worker`, 'cat', '/built.txt'), 'built');
  });

  it('Up starts the services without a profile, grouped under the project', async () => {
    assert.strictEqual(await run('up', file), 0);
    await waitFor('both services running', async () => JSON.stringify(await states()) === JSON.stringify({ web: 'running', worker: 'running' }), 30_000);
  });

  it('Stop, Start, Pause and Unpause on the project row change every container of it', async () => {
    for (const [command, state] of [['stop', 'exited'], ['start', 'running'], ['pause', 'paused'], ['unpause', 'running']] as const) {
      assert.strictEqual(await run(command, await group()), 0, command);
      await waitFor(`every container ${state} after ${command}`, async () => {
        const now = await states();
        return now.web === state && now.worker === state;
      }, 30_000);
    }
  });

  it('Restart on the project row starts its containers again', async () => {
    const startedAt = () => docker('inspect', '-f', '{{.State.StartedAt}}', `${project}_web_1`);
    const before = startedAt();
    assert.strictEqual(await run('restart', await group()), 0);
    assert.notStrictEqual(startedAt(), before);
    assert.deepStrictEqual(await waitFor('running again', async () => (await states()).web === 'running' && (await states())), { web: 'running', worker: 'running' });
  });

  it('Up (Choose Profiles…) starts the services of the chosen profile too', async () => {
    api.answerNextPrompts(['debug']);
    assert.strictEqual(await run('upProfiles', file), 0);
    assert.strictEqual(api.shownMessages().at(-1)?.message, 'Compose Up: choose the profiles to enable');
    await waitFor('the debug service running', async () => (await states()).debug === 'running', 30_000);
  });

  it('Logs follow the project in a terminal named after it until its containers go', async () => {
    const following = run('logs', await group());
    const terminal = await waitFor('the logs terminal', () => vscode.window.terminals.find((t) => t.name.includes(`logs (${project})`)), 30_000);
    assert.ok(terminal);
    api.answerNextPrompts('Down');
    assert.strictEqual(await run('down', file, undefined), 0);
    assert.strictEqual(await following, 0);
    await waitFor('the project gone', async () => (await group()) === undefined, 30_000);
  });
});
