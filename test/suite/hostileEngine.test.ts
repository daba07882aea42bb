// Issue 12 in the real VS Code: the extension pointed at a deliberately hostile engine (the Engine API stand-in of
// test/support/hostileEngine.ts, started here, inside the extension host, on a unix socket in a temporary folder,
// and chosen with the user setting docker-workflows.host, restored afterwards). Its rows have ids and names like
// `--env-file=/proc/self/environ`, `$(...)`, `;`, quotes and line breaks. Every command on such a row refuses with
// a message naming what the engine returned; no terminal and no task is created, and the engine receives nothing
// beyond the list requests the views make.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { ComposeProjectNode, ContainerRowNode } from '../../client/src/tree/containerNodes';
import type { ImageRowNode } from '../../client/src/tree/resourceNodes';
import {
  DEVICE_PROJECT,
  GOOD_CONTAINER_ID,
  GOOD_IMAGE_ID,
  HOSTILE,
  HOSTILE_NAME_OF_GOOD_ID,
  HOSTILE_PROJECT,
  startHostileEngine,
  type HostileEngine,
} from '../support/hostileEngine';
import { activateExtension, waitFor } from './helpers';

/** What the views ask any engine for; anything else reaching the stand-in would be a command acting on a row. */
const LIST_PATHS = new Set(['/_ping', '/version', '/info', '/containers/json', '/images/json', '/volumes', '/networks', '/events']);

describe('a hostile engine (issue 12)', () => {
  let api: ExtensionApi;
  let engine: HostileEngine;
  let previousHost: string | undefined;
  const settings = () => vscode.workspace.getConfiguration('docker-workflows');

  const containerRow = async (id: string) =>
    (await api.containers.rows())
      .flatMap((r) => (r.kind === 'project' ? r.children : [r]))
      .find((r): r is ContainerRowNode => r.kind === 'container' && r.container.id === id);
  const projectRow = async (project: string) =>
    (await api.containers.rows()).find((r): r is ComposeProjectNode => r.kind === 'project' && r.project === project);
  const imageRow = async (id: string) =>
    (await api.views.images.rows())
      .flatMap((g) => (g.kind === 'imageRepository' ? g.children : g.kind === 'image' ? [g] : []))
      .find((r) => r.image.id === id);

  /**
   * Runs a command on a row and checks that it refused with `message`: it resolved with nothing, its last message
   * is that error, and it opened no terminal, started no task and sent the engine no request of its own.
   */
  async function refuses(command: string, node: unknown, message: string): Promise<void> {
    // Terminals and tasks of earlier tests may end meanwhile: look for new ones, not for a change of count.
    const terminals = new Set(vscode.window.terminals);
    const tasks = new Set(vscode.tasks.taskExecutions.map((e) => `${e.task.source}: ${e.task.name}`));
    const requests = engine.requests.length;
    // The record keeps the last 100 messages: what came after the last one seen so far (by identity) is new.
    const last = api.shownMessages().at(-1);
    const result = await vscode.commands.executeCommand(command, node);
    assert.strictEqual(result, undefined, `${command} resolved with ${JSON.stringify(result)}`);
    const all = api.shownMessages();
    const fresh = all.slice(last ? all.indexOf(last) + 1 : 0);
    assert.deepStrictEqual(fresh.filter((m) => m.kind === 'error'), [{ kind: 'error', message }], command);
    assert.deepStrictEqual(vscode.window.terminals.filter((t) => !terminals.has(t)).map((t) => t.name), [], `${command} opened a terminal`);
    assert.deepStrictEqual(
      vscode.tasks.taskExecutions.map((e) => `${e.task.source}: ${e.task.name}`).filter((name) => !tasks.has(name)),
      [],
      `${command} started a task`,
    );
    const own = engine.requests.slice(requests).filter((r) => !LIST_PATHS.has(r.path));
    assert.deepStrictEqual(own.map((r) => `${r.method} ${r.url}`), [], `${command} reached the engine`);
  }

  before(async () => {
    api = await activateExtension();
    engine = await startHostileEngine();
    previousHost = settings().inspect<string>('host')?.globalValue;
    await settings().update('host', engine.host, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the hostile container rows', async () => (await containerRow(HOSTILE.envFile)) && (await projectRow(HOSTILE_PROJECT.project)), 20_000);
    await vscode.commands.executeCommand('dockerWorkflows.images.focus');
    await waitFor('the hostile image rows', async () => (await imageRow(HOSTILE.envFile)) && (await imageRow(GOOD_IMAGE_ID)), 20_000);
  });

  after(async () => {
    await settings().update('host', previousHost, vscode.ConfigurationTarget.Global);
    await waitFor('the test engine back', async () => api.containers.state().kind === 'up' && (await containerRow(HOSTILE.envFile)) === undefined, 20_000);
    await engine.close();
  });

  it('shows the hostile rows (with their odd names as data) rather than hiding them', async () => {
    const row = await containerRow(HOSTILE.envFile);
    assert.strictEqual(row?.container.name, HOSTILE.envFile);
    assert.strictEqual((await containerRow(HOSTILE.newline))?.container.name, HOSTILE.newline);
  });

  const badId = `The engine returned an id that is not a container id: "${HOSTILE.envFile}"`;
  const badName = `The engine returned a name that is not a container name: "${HOSTILE_NAME_OF_GOOD_ID}"`;

  it('Open Shell refuses a hostile id and a hostile name: no `docker exec` terminal', async () => {
    await refuses('dockerWorkflows.containers.shell', await containerRow(HOSTILE.envFile), badId);
    await refuses('dockerWorkflows.containers.shell', await containerRow(GOOD_CONTAINER_ID), badName);
    await refuses(
      'dockerWorkflows.containers.shell',
      await containerRow(HOSTILE.newline),
      'The engine returned an id that is not a container id: "web\\n--privileged"',
    );
    await refuses(
      'dockerWorkflows.containers.shell',
      await containerRow(HOSTILE.link),
      'The engine returned an id that is not a container id: "\\u005bopen\\u005d(command:workbench.action.terminal.new)"',
    );
  });

  it('Logs and Stats refuse them too: no terminal, no logs or stats request', async () => {
    for (const command of ['dockerWorkflows.containers.logs', 'dockerWorkflows.containers.stats']) {
      await refuses(command, await containerRow(HOSTILE.envFile), badId);
      await refuses(command, await containerRow(HOSTILE.substitution), `The engine returned an id that is not a container id: "${HOSTILE.substitution}"`);
      await refuses(command, await containerRow(GOOD_CONTAINER_ID), badName);
    }
  });

  const badTag = `The engine returned a tag that is not an image reference: "${HOSTILE.envFile}:latest"`;

  it('Connect to Network and Disconnect from Network refuse a hostile id and a hostile name: no request', async () => {
    for (const command of ['dockerWorkflows.containers.connectNetwork', 'dockerWorkflows.containers.disconnectNetwork']) {
      await refuses(command, await containerRow(HOSTILE.envFile), badId);
      await refuses(command, await containerRow(GOOD_CONTAINER_ID), badName);
    }
  });

  it('Run, Run with Options, Run Interactive, Push, Pull, Tag, Inspect and History refuse a hostile tag, whatever the id', async () => {
    for (const command of ['run', 'runWithOptions', 'runInteractive', 'push', 'pull', 'tag', 'inspect', 'history']) {
      await refuses(`dockerWorkflows.images.${command}`, await imageRow(HOSTILE.envFile), badTag);
      await refuses(`dockerWorkflows.images.${command}`, await imageRow(GOOD_IMAGE_ID), badTag);
    }
  });

  it('Run Interactive refuses a dangling image whose id is an option', async () => {
    const row = (await imageRow(GOOD_IMAGE_ID)) as ImageRowNode;
    const dangling: ImageRowNode = { ...row, reference: undefined, image: { ...row.image, id: '--rm' } };
    await refuses('dockerWorkflows.images.runInteractive', dangling, 'The engine returned an id that is not an image id: "--rm"');
    await refuses('dockerWorkflows.images.run', dangling, 'The engine returned an id that is not an image id: "--rm"');
  });

  it('Compose commands refuse a project whose labels name an option as its folder, or a device as its file', async () => {
    const hostile = await projectRow(HOSTILE_PROJECT.project);
    const folder = `The engine returned a Compose working folder that is not an absolute path: "${HOSTILE_PROJECT.workingDir}"`;
    for (const command of ['up', 'down', 'stop', 'logs', 'upServices']) await refuses(`dockerWorkflows.compose.${command}`, hostile, folder);
    await refuses(
      'dockerWorkflows.compose.up',
      await projectRow(DEVICE_PROJECT.project),
      `The compose file ${DEVICE_PROJECT.configFiles} of this project is missing, not a regular file, or larger than 16 MiB.`,
    );
  });
});
