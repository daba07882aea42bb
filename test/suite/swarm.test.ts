// The Swarm view and every one of its commands against a real one-node swarm on the test engine: Initialize (asking),
// nodes (drain, pause, activate, demote refused for the last manager, remove refused for a manager), services (scale,
// update image, roll back, rolling restart, logs, inspect, remove), stacks (deploy a compose file, remove), secrets
// and configs (from a file and from the selection; never a value), Refresh and Leave. Checked with the docker CLI
// and in the view's rows. The swarm is left (and docker_gwbridge removed) after, for the other tests.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { ServiceNode, SwarmNodeModel, SwarmSectionNode, SwarmStackNode } from '../../client/src/tree/swarmNodes';
import { leaveSwarm } from '../support/swarm';
import { activateExtension, docker, TEST_IMAGE, waitFor, workspaceFile } from './helpers';

const WEB = 'dw-vs-web';
const V2 = 'dw-test/busybox:vs-v2';
const STACK = 'dwstack';
const LOOPBACK = '127.0.0.1 (this machine only)';

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

async function section(api: ExtensionApi, label: string): Promise<SwarmSectionNode | undefined> {
  return (await api.views.swarm.rows()).find((s) => s.label === label);
}

async function row(api: ExtensionApi, sectionLabel: string, label: string): Promise<SwarmNodeModel | undefined> {
  return (await section(api, sectionLabel))?.children.find((r) => r.label === label);
}

function lastShown(api: ExtensionApi): { kind: string; message: string } | undefined {
  return api.shownMessages().at(-1);
}

describe('Swarm view', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let hostname: string;
  let version: string;
  const folder = workspaceFile('dw-stack');
  const composeFile = vscode.Uri.joinPath(folder, 'compose.yaml');
  const secretFile = vscode.Uri.joinPath(folder, 'db password.txt');
  const config = () => vscode.workspace.getConfiguration('docker-workflows');

  before(async () => {
    leaveSwarm(docker);
    docker('tag', TEST_IMAGE, V2);
    fs.mkdirSync(folder.fsPath, { recursive: true });
    fs.writeFileSync(
      composeFile.fsPath,
      `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "3600"]\n  worker:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "3600"]\n    deploy:\n      replicas: 2\n`,
    );
    fs.writeFileSync(secretFile.fsPath, 'pa55-word-never-shown');
    // No registry here: deploying must not ask one for digests.
    await config().update('swarm.resolveImage', 'never', vscode.ConfigurationTarget.Global);
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.swarm.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    version = docker('version', '-f', '{{.Server.Version}}');
  });

  after(async () => {
    leaveSwarm(docker);
    docker('rmi', V2);
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
    await config().update('swarm.resolveImage', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('explains swarm mode when the engine is in none; Initialize asks, then makes it a manager', async () => {
    await waitFor('the view to say "inactive"', async () => (await api.views.swarm.rows()).length === 0 && api.views.swarm.role() === 'inactive');
    api.answerNextPrompts(LOOPBACK, undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.init'), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: 'Initialize a swarm on this engine, advertised at 127.0.0.1?' });
    assert.strictEqual(docker('info', '--format', '{{.Swarm.LocalNodeState}}'), 'inactive');

    api.answerNextPrompts(LOOPBACK, 'Initialize');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.init'), '127.0.0.1');
    assert.strictEqual(docker('info', '--format', '{{.Swarm.LocalNodeState}} {{.Swarm.NodeAddr}} {{.Swarm.ControlAvailable}}'), 'active 127.0.0.1 true');
    hostname = docker('node', 'inspect', '-f', '{{.Description.Hostname}}', 'self');
    const rows = await waitFor('the sections', async () => {
      const sections = await api.views.swarm.rows();
      return sections.length === 4 && sections;
    });
    assert.deepStrictEqual(rows.map((s) => [s.label, s.description]), [
      ['Services', '0 services'],
      ['Nodes', '1 node'],
      ['Secrets', '0 secrets'],
      ['Configs', '0 configs'],
    ]);
    assert.strictEqual(api.views.swarm.role(), 'manager');
  });

  it('shows the node; drains (asking), pauses and activates it; refuses to demote or remove the last manager', async () => {
    const described = (availability: string) => `manager · ${availability} · ready · ${version} · leader · this engine`;
    let node = await waitFor('the node row', () => row(api, 'Nodes', hostname));
    assert.strictEqual(node.description, described('active'));

    api.answerNextPrompts(undefined);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.node.drain', node), []);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `Drain the node ${hostname}?` });
    api.answerNextPrompts('Drain');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.node.drain', node), [hostname]);
    assert.strictEqual(docker('node', 'inspect', '-f', '{{.Spec.Availability}}', 'self'), 'drain');
    node = await waitFor('the drained row', async () => (await row(api, 'Nodes', hostname))?.description === described('drain') && row(api, 'Nodes', hostname));

    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.node.pause', node), [hostname]);
    node = await waitFor('the paused row', async () => (await row(api, 'Nodes', hostname))?.description === described('pause') && row(api, 'Nodes', hostname));
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.node.activate', node), [hostname]);
    node = await waitFor('the active row', async () => (await row(api, 'Nodes', hostname))?.description === described('active') && row(api, 'Nodes', hostname));
    assert.strictEqual(docker('node', 'inspect', '-f', '{{.Spec.Availability}}', 'self'), 'active');

    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.node.demote', node), []);
    assert.match(lastShown(api)?.message ?? '', new RegExp(`^Could not demote the node ${hostname}: .*last manager`));
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.node.promote', node), [hostname]);
    assert.strictEqual(docker('node', 'inspect', '-f', '{{.Spec.Role}}', 'self'), 'manager');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.node.remove', node), false);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: `The node ${hostname} is a manager: demote it first.` });
  });

  it('lists a service with its tasks; scales it (asking the number) to 2/2', async () => {
    docker('service', 'create', '-d', '--no-resolve-image', '--name', WEB, '--stop-grace-period', '1s', TEST_IMAGE, 'sleep', '3600');
    const service = (await waitFor('the service at 1/1', async () => {
      const found = await row(api, 'Services', WEB);
      return found?.description === `replicated · 1/1 · ${TEST_IMAGE}` && found;
    }, 30_000)) as ServiceNode;
    assert.deepStrictEqual(service.children.map((t) => [t.label, t.description]), [[`${WEB}.1`, `${hostname} · running · just now`]]);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.service.rollback', service), false);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: `The service ${WEB} has no previous version to roll back to (it was never updated).` });

    api.answerNextPrompts('two');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.service.scale', service), undefined);
    api.answerNextPrompts('2');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.service.scale', service), 2);
    const scaled = (await waitFor('the service at 2/2', async () => {
      const found = await row(api, 'Services', WEB);
      return found?.description === `replicated · 2/2 · ${TEST_IMAGE}` && found;
    }, 30_000)) as ServiceNode;
    assert.deepStrictEqual(scaled.children.map((t) => t.label), [`${WEB}.1`, `${WEB}.2`]);
    assert.strictEqual(docker('service', 'ls', '--format', '{{.Name}} {{.Replicas}}'), `${WEB} 2/2`);
  });

  it('updates the image, rolls back, and restarts every task', async () => {
    let service = (await row(api, 'Services', WEB)) as ServiceNode;
    api.answerNextPrompts(V2);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.service.updateImage', service), V2);
    assert.strictEqual(docker('service', 'inspect', '-f', '{{.Spec.TaskTemplate.ContainerSpec.Image}}', WEB), V2);
    service = (await waitFor('the new image in the row', async () => {
      const found = (await row(api, 'Services', WEB)) as ServiceNode | undefined;
      return found?.service.image === V2 && found.contextValue === 'swarmService.replicated.rollback' && found;
    }, 30_000)) as ServiceNode;

    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.service.rollback', service), true);
    assert.strictEqual(docker('service', 'inspect', '-f', '{{.Spec.TaskTemplate.ContainerSpec.Image}}', WEB), TEST_IMAGE);
    service = (await waitFor('the image rolled back in the row', async () => {
      const found = (await row(api, 'Services', WEB)) as ServiceNode | undefined;
      return found?.service.image === TEST_IMAGE && found;
    }, 30_000)) as ServiceNode;

    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.service.restart', service), [WEB]);
    assert.strictEqual(docker('service', 'inspect', '-f', '{{.Spec.TaskTemplate.ForceUpdate}}', WEB), '1');
  });

  it('follows the service logs in a terminal and inspects the service, a task and the node', async () => {
    const service = (await row(api, 'Services', WEB)) as ServiceNode;
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('dockerWorkflows.swarm.service.logs', service);
    assert.strictEqual(terminal.name, `Service logs: ${WEB}`);
    terminal.dispose();

    const serviceDoc = await vscode.commands.executeCommand<vscode.TextDocument>('dockerWorkflows.swarm.inspect', service);
    assert.strictEqual((JSON.parse(serviceDoc.getText()) as { Spec: { Name: string } }).Spec.Name, WEB);
    assert.strictEqual(serviceDoc.languageId, 'json');
    const task = service.children[0];
    const taskDoc = await vscode.commands.executeCommand<vscode.TextDocument>('dockerWorkflows.swarm.inspect', task);
    assert.strictEqual((JSON.parse(taskDoc.getText()) as { ID: string }).ID, task.task.id);
    const node = await row(api, 'Nodes', hostname);
    const nodeDoc = await vscode.commands.executeCommand<vscode.TextDocument>('dockerWorkflows.swarm.inspect', node);
    assert.strictEqual((JSON.parse(nodeDoc.getText()) as { Description: { Hostname: string } }).Description.Hostname, hostname);
  });

  it('removes a service after asking', async () => {
    const service = (await row(api, 'Services', WEB)) as ServiceNode;
    api.answerNextPrompts(undefined);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.service.remove', service), []);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `Remove the service ${WEB}?` });
    assert.deepStrictEqual(lines(docker('service', 'ls', '--format', '{{.Name}}')), [WEB]);
    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.service.remove', service), [WEB]);
    assert.deepStrictEqual(lines(docker('service', 'ls', '--format', '{{.Name}}')), []);
    await waitFor('the row to go', async () => (await section(api, 'Services'))?.description === '0 services');
  });

  it('deploys a compose file as a stack, shows its services and tasks grouped, and removes it after asking', async () => {
    api.answerNextPrompts('Bad Name');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.stack.deploy', composeFile), undefined);
    api.answerNextPrompts(STACK);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.stack.deploy', composeFile), 0);
    assert.deepStrictEqual(lines(docker('stack', 'services', '--format', '{{.Name}}', STACK)).sort(), [`${STACK}_web`, `${STACK}_worker`]);
    const stack = (await waitFor('the stack at 3/3', async () => {
      const found = await row(api, 'Services', STACK);
      return found?.description === 'stack · 2 services · 3/3' && found;
    }, 60_000)) as SwarmStackNode;
    assert.deepStrictEqual(stack.children.map((s) => [s.label, s.description, s.children.length]), [
      [`${STACK}_web`, `replicated · 1/1 · ${TEST_IMAGE}`, 1],
      [`${STACK}_worker`, `replicated · 2/2 · ${TEST_IMAGE}`, 2],
    ]);

    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.stack.remove', stack), false);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `Remove the stack ${STACK}?` });
    api.answerNextPrompts('Remove');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.stack.remove', stack), true);
    assert.deepStrictEqual(lines(docker('stack', 'ls', '--format', '{{.Name}}')), []);
    // The manager removes the stack's network once its last task is gone.
    await waitFor('the stack network to go', () => lines(docker('network', 'ls', '--filter', `label=com.docker.stack.namespace=${STACK}`, '-q')).length === 0, 30_000);
    await waitFor('the stack row to go', async () => (await row(api, 'Services', STACK)) === undefined);
  });

  it('creates a secret from a file (never showing its value) and a config from the selection; removes them after asking', async () => {
    api.answerNextPrompts('dw-vs-secret');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.secret.create', secretFile), 'dw-vs-secret');
    assert.deepStrictEqual(lines(docker('secret', 'ls', '--format', '{{.Name}}')), ['dw-vs-secret']);
    const secret = await waitFor('the secret row', () => row(api, 'Secrets', 'dw-vs-secret'));
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('dockerWorkflows.swarm.inspect', secret);
    assert.strictEqual((JSON.parse(doc.getText()) as { Spec: { Name: string } }).Spec.Name, 'dw-vs-secret');
    assert.ok(!doc.getText().includes('pa55') && !doc.getText().includes(Buffer.from('pa55-word-never-shown').toString('base64')));
    assert.ok(!JSON.stringify(await api.views.swarm.rows()).includes('pa55'));

    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'listen 8080\nworkers 4\n' }));
    editor.selection = new vscode.Selection(1, 0, 1, 9);
    api.answerNextPrompts('The selection in the editor', 'dw-vs-config');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.config.create'), 'dw-vs-config');
    assert.strictEqual(docker('config', 'inspect', '-f', '{{printf "%s" .Spec.Data}}', 'dw-vs-config'), 'workers 4');
    const configRow = await waitFor('the config row', () => row(api, 'Configs', 'dw-vs-config'));
    api.answerNextPrompts('dw-vs-config');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.config.create', secretFile), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'There is already a config named dw-vs-config.' });

    api.answerNextPrompts(undefined);
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.secret.remove', secret), []);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: 'Remove the secret dw-vs-secret?' });
    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.secret.remove', secret), ['dw-vs-secret']);
    api.answerNextPrompts('Remove');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.config.remove', configRow), ['dw-vs-config']);
    assert.deepStrictEqual([lines(docker('secret', 'ls', '-q')), lines(docker('config', 'ls', '-q'))], [[], []]);
    await waitFor('both rows to go', async () => (await section(api, 'Secrets'))?.description === '0 secrets' && (await section(api, 'Configs'))?.description === '0 configs');
  });

  it('leaves the swarm after asking; Refresh sees a swarm started and left with the CLI', async () => {
    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.leave'), false);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: 'Leave the swarm?' });
    assert.strictEqual(docker('info', '--format', '{{.Swarm.LocalNodeState}}'), 'active');
    api.answerNextPrompts('Leave');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.swarm.leave'), true);
    assert.strictEqual(docker('info', '--format', '{{.Swarm.LocalNodeState}}'), 'inactive');
    await waitFor('the view to say "inactive"', async () => (await api.views.swarm.rows()).length === 0 && api.views.swarm.role() === 'inactive');

    // Made outside VS Code: the engine's node event brings the view back by itself.
    docker('swarm', 'init', '--advertise-addr', '127.0.0.1', '--listen-addr', '127.0.0.1:2377');
    await waitFor('the view to show the swarm', async () => (await api.views.swarm.rows()).length === 4 && api.views.swarm.role() === 'manager', 15_000);
    // Leaving sends no event: Refresh reads the engine again.
    leaveSwarm(docker);
    await vscode.commands.executeCommand('dockerWorkflows.swarm.refresh');
    await waitFor('the view to say "inactive" again', async () => (await api.views.swarm.rows()).length === 0 && api.views.swarm.role() === 'inactive');
  });
});
