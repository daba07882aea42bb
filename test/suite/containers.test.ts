import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const LABEL = 'dw.test=vscode';

describe('Containers view in a real VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    const stale = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
    if (stale.length) docker('rm', '-f', ...stale);
    docker('run', '-d', '--name', 'dw-vscode-web', '--label', LABEL, TEST_IMAGE, 'httpd', '-f', '-p', '80', '-h', '/www');
    docker('run', '-d', '--name', 'dw-vscode-idle', '--label', LABEL, TEST_IMAGE, 'sleep', '3600');
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
  });

  after(() => {
    const ours = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
    if (ours.length) docker('rm', '-f', ...ours);
  });

  it('activates', () => {
    assert.strictEqual(vscode.extensions.getExtension('docker-workflows.docker-workflows')?.isActive, true);
  });

  it('lists the running test containers with their image, IP address and a running icon', async () => {
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    const rows = await waitFor('both test containers', async () => {
      const all = await api.containers.rows();
      const ours = all.filter((r) => r.label.startsWith('dw-vscode-'));
      return ours.length === 2 && ours;
    });
    const ip = (name: string) => docker('inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', name);
    assert.deepStrictEqual(
      rows.map((r) => ({ label: r.label, description: r.description, icon: r.icon.id })).sort((a, b) => a.label.localeCompare(b.label)),
      [
        { label: 'dw-vscode-idle', description: `${TEST_IMAGE} · ${ip('dw-vscode-idle')}`, icon: 'vm-running' },
        { label: 'dw-vscode-web', description: `${TEST_IMAGE} · ${ip('dw-vscode-web')}`, icon: 'vm-running' },
      ],
    );
    assert.strictEqual(api.containers.problem(), undefined);
    assert.strictEqual(api.containers.endpoint(), process.env.DOCKER_HOST);
  });

  it('the status bar names the engine and counts the running containers', async () => {
    const running = () => docker('ps', '-q').split('\n').filter(Boolean).length;
    await waitFor('the running count', () => api.engineStatus().text === `$(plug) Docker: ${process.env.DOCKER_HOST} · ${running()} running`);
  });

  it('follows the event stream: a stopped container shows as exited', async () => {
    docker('stop', '-t', '1', 'dw-vscode-idle');
    const row = await waitFor('the stopped icon', async () =>
      (await api.containers.rows()).find((r) => r.label === 'dw-vscode-idle' && r.contextValue === 'container.exited'),
    );
    assert.deepStrictEqual(row.icon, { id: 'vm-outline' });
    await waitFor('the running count after the stop', () => api.engineStatus().text.endsWith(` · ${docker('ps', '-q').split('\n').filter(Boolean).length} running`));
  });
});
