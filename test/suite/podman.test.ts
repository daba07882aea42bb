// The views against a real Podman (`podman system service`, started once for this file) chosen with the
// docker-workflows.host setting: the status bar names Podman, containers and images show the short names, the
// default network lists its containers, and a network made or removed from the view shows at once (Podman sends
// no network events).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { NetworkNode } from '../../client/src/tree/resourceNodes';
import { podmanEnv, startPodman, stopPodman } from '../support/podman';
import { activateExtension, waitFor } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-podman-ui-'));
const env = podmanEnv(dir);
const config = () => vscode.workspace.getConfiguration('docker-workflows');

function podmanDocker(...args: string[]): string {
  return execFileSync('docker', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

async function networkRow(api: ExtensionApi, name: string): Promise<NetworkNode | undefined> {
  return (await api.views.networks.rows()).find((r): r is NetworkNode => r.kind === 'network' && r.network.name === name);
}

describe('Podman as the engine', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  const host = env.DOCKER_HOST ?? '';

  before(async function () {
    this.timeout(180_000);
    await startPodman(dir);
    podmanDocker('run', '-d', '--name', 'dw-pod-ui', 'dw-test/busybox:latest', 'sleep', '600');
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.networks.focus');
    await config().update('host', host, vscode.ConfigurationTarget.Global);
    await waitFor('Podman', () => api.containers.state().kind === 'up' && api.containers.endpoint() === host, 20_000);
  });

  after(async () => {
    await config().update('host', undefined, vscode.ConfigurationTarget.Global);
    stopPodman(dir);
  });

  it('names Podman in the status bar, with its version', async () => {
    const version = podmanDocker('version', '--format', '{{.Server.Version}}');
    const apiVersion = podmanDocker('version', '--format', '{{.Server.APIVersion}}');
    const shown = await waitFor('the status bar', () => /^\$\(plug\) Podman: .* · 1 running$/.test(api.engineStatus().text) && api.engineStatus());
    assert.deepStrictEqual(
      { text: shown.text, tooltip: shown.tooltip },
      {
        text: `$(plug) Podman: ${host} · 1 running`,
        tooltip: `Connected to Podman Engine ${version} (API ${apiVersion}) at ${host} (address from the docker-workflows.host setting).`,
      },
    );
  });

  it('shows the container and the image by the names the docker CLI shows', async () => {
    const rows = await waitFor('the container row', async () => {
      const found = await api.containers.rows();
      return found.some((r) => r.label === 'dw-pod-ui') && found;
    });
    const row = rows.find((r) => r.label === 'dw-pod-ui');
    const address = podmanDocker('inspect', '--format', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', 'dw-pod-ui');
    assert.strictEqual(row?.description, `dw-test/busybox:latest · ${address}`);
    const images = await api.views.images.rows();
    assert.deepStrictEqual(images.map((g) => g.label), ['dw-test/busybox']);
  });

  it('lists the container under the default network with its address', async () => {
    const address = podmanDocker('inspect', '--format', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', 'dw-pod-ui');
    const bridge = await waitFor('the bridge row', () => networkRow(api, 'bridge'));
    assert.deepStrictEqual(
      bridge.children.map((c) => [c.label, c.description]),
      [['dw-pod-ui', address]],
    );
  });

  it('shows a network created and removed from the view at once, without a network event', async () => {
    api.answerNextPrompts('dw-pod-net', 'bridge');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.create'), { name: 'dw-pod-net', driver: 'bridge' });
    const row = await waitFor('the new network row', () => networkRow(api, 'dw-pod-net'));
    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.remove', row), ['dw-pod-net']);
    await waitFor('the row to go', async () => (await networkRow(api, 'dw-pod-net')) === undefined);
    assert.strictEqual(podmanDocker('network', 'ls', '--filter', 'name=dw-pod-net', '--format', '{{.Name}}'), '');
  });

  it('says in the Swarm view that Podman has no Swarm mode', async () => {
    await vscode.commands.executeCommand('dockerWorkflows.swarm.focus');
    await waitFor('the Swarm view\'s role', () => api.views.swarm.role() === 'unsupported');
    assert.deepStrictEqual(await api.views.swarm.rows(), []);
  });
});
