// Run with Options on an image row, and connecting containers to networks and disconnecting them, against the test
// engine: the multi-step input answered through the Notifier's seam (Back and Escape included), the real
// configuration of the container made (docker inspect, exact values), the answers offered again on a second run,
// the engine's refusals in plain words, and the Containers and Networks views following by themselves.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { ContainerNodeModel } from '../../client/src/tree/containerNodes';
import type { ImageRowNode, NetworkNode } from '../../client/src/tree/resourceNodes';
import { STEP_ACCEPT, STEP_BACK } from '../../client/src/ui/notifier';
import { freePort } from '../support/processes';
import { activateExtension, docker, messagesAfterNow, TEST_IMAGE, waitFor } from './helpers';

const IMAGE = 'dw-rwo/web:1';
const PREFIX = 'dw-rwo-';
const NETWORKS = ['dw-rwo-net', 'dw-rwo-plain'];
const SUBNET = '10.233.21.0/24';
const TITLE = `Run ${IMAGE} with Options`;
type Started = { id: string; name: string; ports: string[]; commandLine: string };

const lines = (text: string) => text.split('\n').filter(Boolean);
const ours = () => lines(docker('ps', '-a', '--format', '{{.Names}}', '--filter', `name=${PREFIX}`)).sort();
const inspect = <T>(container: string, format: string) => JSON.parse(docker('inspect', '-f', `{{json ${format}}}`, container)) as T;

function cleanUp(): void {
  if (ours().length) docker('rm', '-f', ...ours());
  for (const network of NETWORKS) if (docker('network', 'ls', '-q', '--filter', `name=^${network}$`)) docker('network', 'rm', network);
  if (docker('volume', 'ls', '-q', '--filter', 'name=^dw-rwo-data$')) docker('volume', 'rm', 'dw-rwo-data');
}

function get(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    http.get(url, (r) => {
      let body = '';
      r.on('data', (chunk: Buffer) => (body += chunk.toString()));
      r.on('end', () => resolve(body || undefined));
    }).on('error', () => resolve(undefined));
  });
}

async function imageRow(api: ExtensionApi): Promise<ImageRowNode | undefined> {
  return (await api.views.images.rows()).flatMap((g) => (g.kind === 'imageRepository' ? g.children : [g])).find((r) => r.reference === IMAGE);
}

async function containerRow(api: ExtensionApi, name: string): Promise<ContainerNodeModel | undefined> {
  return (await api.containers.rows()).find((r) => r.label === name);
}

async function networkRow(api: ExtensionApi, name: string): Promise<NetworkNode | undefined> {
  return (await api.views.networks.rows()).find((r): r is NetworkNode => r.kind === 'network' && r.network.name === name);
}

/** The steps of Run with Options asked among the messages `since` gives, as "n/9". */
function stepsAsked(since: ReturnType<typeof messagesAfterNow>): string[] {
  return since().flatMap((m) => (m.message.startsWith(`${TITLE} `) ? [m.message.slice(TITLE.length + 1).split(':')[0]] : []));
}

/** What the engine has of a container made by Run with Options, as exact values. */
function configOf(name: string) {
  const mounts = inspect<{ Type: string; Name?: string; Source: string; Destination: string; RW: boolean }[]>(name, '.Mounts');
  return {
    env: inspect<string[]>(name, '.Config.Env'),
    cmd: inspect<string[]>(name, '.Config.Cmd'),
    bindings: inspect<object>(name, '.HostConfig.PortBindings'),
    mounts: mounts.map((m) => [m.Type, m.Type === 'volume' ? m.Name : m.Source, m.Destination, m.RW]).sort(),
    network: inspect<string>(name, '.HostConfig.NetworkMode'),
    restart: inspect<object>(name, '.HostConfig.RestartPolicy'),
    autoRemove: inspect<boolean>(name, '.HostConfig.AutoRemove'),
  };
}

describe('Run with Options and network connections', () => {
  let api: ExtensionApi;
  let site: string;

  before(async () => {
    cleanUp();
    const context = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-rwo-'));
    fs.writeFileSync(path.join(context, 'Dockerfile'), `FROM ${TEST_IMAGE}\nEXPOSE 80\nCMD ["sleep", "3600"]\n`);
    docker('build', '-q', '-t', IMAGE, context);
    fs.rmSync(context, { recursive: true, force: true });
    // A host folder whose name holds a blank: typed quoted, shown quoted.
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-rwo site-'));
    fs.writeFileSync(path.join(site, 'index.html'), 'run with options\n');
    docker('network', 'create', '--subnet', SUBNET, 'dw-rwo-net');
    docker('network', 'create', 'dw-rwo-plain');
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.images.focus');
    await waitFor('the image row', () => imageRow(api));
  });

  after(() => {
    cleanUp();
    docker('rmi', '-f', IMAGE);
    fs.rmSync(site, { recursive: true, force: true });
  });

  it('runs an image with every option after Back, shows and copies the docker run line, and serves on 127.0.0.1', async () => {
    const since = messagesAfterNow(api);
    api.answerNextPrompts(
      'dw-rwo-web',
      STEP_ACCEPT, // the image's EXPOSE 80, on a port the engine picks
      'MODE=first',
      STEP_BACK, // back from the volumes to the variables
      `GREETING="hello world" MODE=test`,
      `dw-rwo-data:/data "${site}:/site:ro"`,
      'dw-rwo-net',
      'on-failure:2',
      'httpd -f -p 80 -h /site',
      'Keep when stopped',
      'Copy command',
      'Run',
    );
    const started = await vscode.commands.executeCommand<Started>('dockerWorkflows.images.runWithOptions', await imageRow(api));
    const expectedLine =
      `docker run --detach --name=dw-rwo-web --publish=127.0.0.1::80/tcp '--env=GREETING=hello world' --env=MODE=test ` +
      `--mount=type=volume,source=dw-rwo-data,target=/data '--mount=type=bind,source=${site},target=/site,readonly' ` +
      `--network=dw-rwo-net --restart=on-failure:2 -- ${IMAGE} httpd -f -p 80 -h /site`;
    assert.strictEqual(started.commandLine, expectedLine);
    assert.strictEqual(await vscode.env.clipboard.readText(), expectedLine);
    assert.deepStrictEqual(stepsAsked(since), ['1/9', '2/9', '3/9', '4/9', '3/9', '4/9', '5/9', '6/9', '7/9', '8/9', '9/9', '9/9']);
    assert.ok(api.shownMessages().some((m) => m.message === `${TITLE} 9/9: ${expectedLine}`));
    assert.strictEqual(started.name, 'dw-rwo-web');
    assert.deepStrictEqual(configOf('dw-rwo-web'), {
      env: ['GREETING=hello world', 'MODE=test', 'PATH=/bin'],
      cmd: ['httpd', '-f', '-p', '80', '-h', '/site'],
      bindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      mounts: [
        ['bind', site, '/site', false],
        ['volume', 'dw-rwo-data', '/data', true],
      ],
      network: 'dw-rwo-net',
      restart: { Name: 'on-failure', MaximumRetryCount: 2 },
      autoRemove: false,
    });
    const port = docker('port', 'dw-rwo-web', '80/tcp');
    assert.match(port, /^127\.0\.0\.1:\d+$/);
    assert.deepStrictEqual(started.ports, [`${port}→80/tcp`]);
    assert.deepStrictEqual(api.shownMessages().at(-1), { kind: 'info', message: `Started dw-rwo-web from ${IMAGE}, ports ${port}→80/tcp.` });
    assert.strictEqual(await waitFor('the page', () => get(`http://${port}/`), 10_000), 'run with options\n');
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the container row', () => containerRow(api, 'dw-rwo-web'));
  });

  it('offers the last answers again: a second run with every answer taken as offered makes the same container', async () => {
    const first = configOf('dw-rwo-web');
    docker('rm', '-f', 'dw-rwo-web');
    api.answerNextPrompts(...Array<string>(8).fill(STEP_ACCEPT), 'Run');
    const again = await vscode.commands.executeCommand<Started>('dockerWorkflows.images.runWithOptions', await imageRow(api));
    assert.strictEqual(again.name, 'dw-rwo-web');
    assert.deepStrictEqual(configOf('dw-rwo-web'), first);
  });

  it('runs nothing when cancelled, and keeps the last answers', async () => {
    api.answerNextPrompts('dw-rwo-cancelled', '8080:80', undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.runWithOptions', await imageRow(api)), undefined);
    assert.deepStrictEqual(ours(), ['dw-rwo-web']);
    // The last answers are still those of the run: the name is taken, which the engine says in plain words.
    api.answerNextPrompts(...Array<string>(8).fill(STEP_ACCEPT), 'Run');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.runWithOptions', await imageRow(api)), undefined);
    assert.match(api.shownMessages().at(-1)?.message ?? '', /^Could not run dw-rwo\/web:1: the name dw-rwo-web is taken by the container [0-9a-f]{12}$/);
  });

  it('refuses what the engine would not take, before or when running, in plain words', async () => {
    const port = await freePort();
    docker('run', '-d', '--name', 'dw-rwo-holder', '-p', `127.0.0.1:${port}:80`, TEST_IMAGE, 'sleep', '3600');
    api.answerNextPrompts('dw-rwo-clash', `${port}:80`, '', '', 'bridge', 'no', '', 'Remove when stopped (--rm)', 'Run');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.runWithOptions', await imageRow(api)), undefined);
    assert.deepStrictEqual(api.shownMessages().at(-1), {
      kind: 'error',
      message: `Could not run ${IMAGE}: the host port 127.0.0.1:${port} is already taken by another container`,
    });
    assert.deepStrictEqual(ours(), ['dw-rwo-holder', 'dw-rwo-web']);

    const refusals: [string[], string][] = [
      [['-dw-rwo'], 'A container name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".'],
      [['', '80', '', '', 'host'], "A container on the host network uses the host's ports directly: publish no ports, or pick another network."],
      [['', '', '', '', 'bridge', 'always', '', 'Remove when stopped (--rm)'], 'A container removed when it stops cannot have the restart policy always: keep the container, or pick the restart policy no.'],
      [['', '', 'NOVALUE'], 'NOVALUE has no value: write NOVALUE=value.'],
    ];
    for (const [answers, problem] of refusals) {
      api.answerNextPrompts(...answers);
      assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.images.runWithOptions', await imageRow(api)), undefined);
      assert.deepStrictEqual(api.shownMessages().at(-1), { kind: 'error', message: problem });
    }
    assert.deepStrictEqual(ours(), ['dw-rwo-holder', 'dw-rwo-web']);
  });

  it("walks VS Code's own input box and quick pick: Enter goes on, Back goes back, Escape on the last step runs nothing", async () => {
    const since = messagesAfterNow(api);
    const asked = () => stepsAsked(since);
    const shows = (steps: string[]) => waitFor(`the steps ${steps.join(' ')}`, () => asked().join() === steps.join());
    const running = vscode.commands.executeCommand('dockerWorkflows.images.runWithOptions', await imageRow(api));
    await shows(['1/9']);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await shows(['1/9', '2/9']);
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    await shows(['1/9', '2/9', '1/9']);
    const steps = ['1/9', '2/9', '1/9'];
    for (let step = 2; step <= 9; step++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await shows([...steps, ...Array.from({ length: step - 1 }, (_, i) => `${i + 2}/9`)]);
    }
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await running, undefined);
    assert.deepStrictEqual(ours(), ['dw-rwo-holder', 'dw-rwo-web']);
  });

  it('connects a container to a network from its row, with aliases and a fixed address; the Networks view follows', async () => {
    docker('run', '-d', '--name', 'dw-rwo-member', TEST_IMAGE, 'sleep', '3600');
    const member = await waitFor('the member row', () => containerRow(api, 'dw-rwo-member'));
    api.answerNextPrompts('dw-rwo-net', 'dw-db, db.local', '10.233.21.30');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.connectNetwork', member), {
      network: 'dw-rwo-net',
      container: 'dw-rwo-member',
      aliases: ['dw-db', 'db.local'],
      ipv4Address: '10.233.21.30',
    });
    const id = docker('inspect', '-f', '{{.Id}}', 'dw-rwo-member');
    const endpoints = inspect<Record<string, { IPAddress: string; Aliases: string[] }>>('dw-rwo-member', '.NetworkSettings.Networks');
    assert.deepStrictEqual(Object.keys(endpoints), ['bridge', 'dw-rwo-net']);
    assert.deepStrictEqual([endpoints['dw-rwo-net'].IPAddress, endpoints['dw-rwo-net'].Aliases], ['10.233.21.30', ['dw-db', 'db.local', id.slice(0, 12)]]);
    await vscode.commands.executeCommand('dockerWorkflows.networks.focus');
    await waitFor('the member under dw-rwo-net', async () =>
      (await networkRow(api, 'dw-rwo-net'))?.children.some((c) => c.containerName === 'dw-rwo-member' && c.description === '10.233.21.30'),
    );
  });

  it('connects a container from a network row; a fixed address needs a subnet, in plain words', async () => {
    const plain = await waitFor('the plain network row', () => networkRow(api, 'dw-rwo-plain'));
    // An address inside the subnet the engine gave the network: the engine itself refuses it.
    const address = (plain.network.subnet ?? '').replace(/\.0\/\d+$/, '.50');
    api.answerNextPrompts('dw-rwo-member', '', address);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.connectContainer', plain), undefined);
    assert.deepStrictEqual(api.shownMessages().at(-1), {
      kind: 'error',
      message: 'Could not connect dw-rwo-member to dw-rwo-plain: a fixed IP address needs a network created with a subnet of its own (docker network create --subnet)',
    });
    api.answerNextPrompts('dw-rwo-member', 'web-alias', '');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.connectContainer', plain), {
      network: 'dw-rwo-plain',
      container: 'dw-rwo-member',
      aliases: ['web-alias'],
    });
    assert.deepStrictEqual(Object.keys(inspect<object>('dw-rwo-member', '.NetworkSettings.Networks')), ['bridge', 'dw-rwo-net', 'dw-rwo-plain']);
    await waitFor('the member under dw-rwo-plain', async () => (await networkRow(api, 'dw-rwo-plain'))?.children.some((c) => c.containerName === 'dw-rwo-member'));
  });

  it('disconnects the container under a network after asking; cancelling keeps it', async () => {
    const child = async () => (await networkRow(api, 'dw-rwo-plain'))?.children.find((c) => c.containerName === 'dw-rwo-member');
    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.disconnectContainer', await child()), undefined);
    assert.deepStrictEqual(api.shownMessages().at(-1), { kind: 'confirm', message: 'Disconnect dw-rwo-member from the network dw-rwo-plain?' });
    assert.deepStrictEqual(Object.keys(inspect<object>('dw-rwo-member', '.NetworkSettings.Networks')), ['bridge', 'dw-rwo-net', 'dw-rwo-plain']);
    api.answerNextPrompts('Disconnect');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.networks.disconnectContainer', await child()), {
      network: 'dw-rwo-plain',
      container: 'dw-rwo-member',
    });
    assert.deepStrictEqual(Object.keys(inspect<object>('dw-rwo-member', '.NetworkSettings.Networks')), ['bridge', 'dw-rwo-net']);
    await waitFor('the row under dw-rwo-plain to go', async () => (await child()) === undefined);
  });

  it('disconnects a container from the network picked on its row, after asking', async () => {
    const member = await waitFor('the member row on two networks', async () => {
      const row = await containerRow(api, 'dw-rwo-member');
      return row?.kind === 'container' && Object.keys(row.container.networks).length === 2 && row;
    });
    api.answerNextPrompts('dw-rwo-net', 'Disconnect');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.containers.disconnectNetwork', member), {
      network: 'dw-rwo-net',
      container: 'dw-rwo-member',
    });
    assert.deepStrictEqual(
      api.shownMessages().slice(-2).map((m) => m.message),
      ['Disconnect dw-rwo-member from which network?', 'Disconnect dw-rwo-member from the network dw-rwo-net?'],
    );
    assert.deepStrictEqual(Object.keys(inspect<object>('dw-rwo-member', '.NetworkSettings.Networks')), ['bridge']);
    await waitFor('the container row on the bridge only', async () => {
      const row = await containerRow(api, 'dw-rwo-member');
      return row?.kind === 'container' && Object.keys(row.container.networks).join() === 'bridge';
    });
  });
});
