// Several engines at once (docker-workflows.engines) against two real engines: the test dockerd (the default context,
// through DOCKER_HOST) and a Podman service started once for this file, named by a docker context made with the
// real docker CLI in a temporary DOCKER_CONFIG. Each view has one row per engine with that engine's rows, live from
// its own events; an action on a row acts on the engine of that row; a context that does not exist says so.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { ContainerRowNode } from '../../client/src/tree/containerNodes';
import { podmanEnv, startPodman, stopPodman } from '../support/podman';
import { initSwarm, leaveSwarm } from '../support/swarm';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const POD_CONTEXT = 'dw-multi-pod';
const config = () => vscode.workspace.getConfiguration('docker-workflows');

describe('several engines at once', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  const podDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-multi-podman-'));
  const podEnv = podmanEnv(podDir);
  const podman = (...args: string[]) => execFileSync('docker', args, { env: podEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-multi-config-'));
  const saved = process.env.DOCKER_CONFIG;
  const host = process.env.DOCKER_HOST ?? '';

  /** The rows of the engine named `name` in the Containers view. */
  async function engineRow(name: string) {
    return (await api.containers.engineRows()).find((row) => row.engineName === name);
  }

  before(async function () {
    this.timeout(180_000);
    await startPodman(podDir);
    podman('run', '-d', '--name', 'dw-multi-on-podman', TEST_IMAGE, 'sleep', '600');
    docker('run', '-d', '--name', 'dw-multi-on-docker', '--label', 'dw.test=vscode-multi', TEST_IMAGE, 'sleep', '600');
    execFileSync('docker', ['context', 'create', POD_CONTEXT, '--docker', `host=${podEnv.DOCKER_HOST}`], { env: { ...process.env, DOCKER_CONFIG: configDir }, stdio: 'ignore' });
    process.env.DOCKER_CONFIG = configDir;
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
  });

  after(async () => {
    await config().update('engines', undefined, vscode.ConfigurationTarget.Global);
    if (saved === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = saved;
    docker('rm', '-f', 'dw-multi-on-docker');
    stopPodman(podDir);
    fs.rmSync(configDir, { recursive: true, force: true });
  });

  it('shows one row per engine, each with its own containers', async () => {
    await config().update('engines', ['default', POD_CONTEXT], vscode.ConfigurationTarget.Global);
    const rows = await waitFor('both engines up', async () => {
      const found = await api.containers.engineRows();
      return found.length === 2 && found.every((row) => row.contextValue === 'engine.up' && row.children.length > 0) && found;
    }, 30_000);
    assert.deepStrictEqual(
      rows.map((row) => [row.label, row.description]),
      [
        ['default', host],
        [POD_CONTEXT, podEnv.DOCKER_HOST],
      ],
    );
    const names = (row: (typeof rows)[number]) => row.children.map((child) => child.label);
    assert.ok(names(rows[0]).includes('dw-multi-on-docker'), names(rows[0]).join(', '));
    assert.ok(!names(rows[0]).includes('dw-multi-on-podman'));
    assert.deepStrictEqual(names(rows[1]), ['dw-multi-on-podman']);
    // Ids stay unique across engines.
    assert.strictEqual(rows[1].children[0].id, `${POD_CONTEXT}|container:${podman('inspect', '-f', '{{.Id}}', 'dw-multi-on-podman')}`);
    assert.strictEqual(api.containers.endpoint(), '2 engines');
  });

  it('acts on the engine of the row: stopping the Podman container leaves the dockerd one running', async () => {
    const row = (await engineRow(POD_CONTEXT))?.children[0] as ContainerRowNode;
    await vscode.commands.executeCommand('dockerWorkflows.containers.stop', row);
    assert.strictEqual(podman('inspect', '-f', '{{.State.Status}}', 'dw-multi-on-podman'), 'exited');
    assert.strictEqual(docker('inspect', '-f', '{{.State.Status}}', 'dw-multi-on-docker'), 'running');
    // Podman's own event stream brings the change to its row.
    await waitFor('the stopped row', async () => (await engineRow(POD_CONTEXT))?.children[0]?.contextValue === 'container.exited');
  });

  it('inspects a row of the second engine from that engine', async () => {
    const row = (await engineRow(POD_CONTEXT))?.children[0] as ContainerRowNode;
    const document = (await vscode.commands.executeCommand('dockerWorkflows.containers.inspect', row)) as vscode.TextDocument;
    assert.strictEqual(document.uri.authority, POD_CONTEXT);
    assert.strictEqual((JSON.parse(document.getText()) as { Name: string }).Name.replace(/^\//, ''), 'dw-multi-on-podman');
  });

  it("shows the Swarm view per engine: the swarm manager's sections under its row, none under Podman's", async () => {
    initSwarm(docker);
    try {
      await vscode.commands.executeCommand('dockerWorkflows.swarm.focus');
      const rows = await waitFor('the swarm sections under the dockerd', async () => {
        const found = await api.views.swarm.engineRows();
        return found.length === 2 && found[0].children.length === 4 && found;
      }, 30_000);
      assert.deepStrictEqual(
        rows.map((row) => [row.label, row.children.map((child) => child.label)]),
        [
          ['default', ['Services', 'Nodes', 'Secrets', 'Configs']],
          [POD_CONTEXT, []],
        ],
      );
      // No service yet: the empty section's own id (a filled one is a new row, drawn open).
      assert.strictEqual(rows[0].children[0].id, 'default|swarm-section:services.empty');
    } finally {
      leaveSwarm(docker);
    }
  });

  it('says which named context does not exist', async () => {
    await config().update('engines', ['default', 'dw-no-such-context'], vscode.ConfigurationTarget.Global);
    const missing = await waitFor('the missing context row', async () => {
      const row = await engineRow('dw-no-such-context');
      return row?.contextValue === 'engine.down' && row;
    }, 20_000);
    assert.strictEqual(missing.description, 'no usable address: there is no docker context named "dw-no-such-context" (docker context ls lists them)');
  });

  it('goes back to the single engine layout with fewer than two contexts', async () => {
    await config().update('engines', [POD_CONTEXT], vscode.ConfigurationTarget.Global);
    await waitFor('the single layout', async () => (await api.containers.engineRows()).length === 0 && api.containers.endpoint() === host);
    const rows = await waitFor('the rows', async () => {
      const found = await api.containers.rows();
      return found.length > 0 && found;
    });
    assert.ok(rows.some((row) => row.label === 'dw-multi-on-docker'));
    assert.ok(!rows.some((row) => row.label === 'dw-multi-on-podman'));
  });
});
