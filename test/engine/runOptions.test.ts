// Run with Options and network connections of the engine layer against the real dockerd of the test run: the
// container's real configuration (ports on 127.0.0.1, environment, a named volume and a bind mount, network,
// restart policy, command, --rm), that it serves a page from the bind mount on its port, and the engine's refusals
// in plain words with nothing left behind.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import type { RunOptions } from '../../client/src/engine/containerOptions';
import { TEST_IMAGE } from '../support/dockerd';
import { freePort } from '../support/processes';
import { waitFor } from '../support/wait';
import { buildImage, docker, dockerLines, httpGet, newEngine, removeLeftovers } from './engineTestKit';

const IMAGE = 'dw-test/runopts:1';
const PREFIX = 'dw-ro-';
const VOLUME = 'dw-ro-data';
/** A subnet of this test's own (the test engine's bridge is 10.231.x; nothing else here uses 10.232.21.x). */
const SUBNET = '10.232.21.0/24';
const NETWORKS = ['dw-ro-net', 'dw-ro-plain'];
const BASE: RunOptions = { image: IMAGE, ports: [], env: [], mounts: [], restart: { name: 'no' }, autoRemove: false };

function inspect<T>(container: string, format: string): T {
  return JSON.parse(docker('inspect', '-f', `{{json ${format}}}`, container)) as T;
}

function ours(): string[] {
  return dockerLines('ps', '-a', '--format', '{{.Names}}', '--filter', `name=${PREFIX}`).sort();
}

function cleanUp(): void {
  const names = ours();
  if (names.length) docker('rm', '-f', ...names);
  removeLeftovers({ volumes: [VOLUME], networks: NETWORKS });
}

describe('engine layer: run with options and network connections', function () {
  this.timeout(120_000);
  let engine: DockerodeEngine;
  let site: string;

  before(() => {
    cleanUp();
    buildImage(`FROM ${TEST_IMAGE}\nEXPOSE 80\nEXPOSE 53/udp\nCMD ["sleep", "3600"]\n`, IMAGE);
    docker('network', 'create', '--subnet', SUBNET, 'dw-ro-net');
    docker('network', 'create', 'dw-ro-plain');
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-ro-site-'));
    fs.writeFileSync(path.join(site, 'index.html'), 'served from the bind mount\n');
    engine = newEngine();
  });

  after(() => {
    engine.dispose();
    cleanUp();
    docker('rmi', '-f', IMAGE);
    fs.rmSync(site, { recursive: true, force: true });
  });

  it("reads an image's exposed ports and command", async () => {
    assert.deepStrictEqual(await engine.imageRunDefaults(IMAGE), {
      exposedPorts: [
        { port: 53, protocol: 'udp' },
        { port: 80, protocol: 'tcp' },
      ],
      command: ['sleep', '3600'],
      entrypoint: [],
    });
  });

  it('runs a container with every option, and it serves the bind-mounted page on 127.0.0.1', async () => {
    const port = await freePort();
    const { id, name } = await engine.runWithOptions({
      image: IMAGE,
      name: 'dw-ro-web',
      ports: [
        { hostIp: '127.0.0.1', hostPort: port, containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' },
      ],
      env: [
        { name: 'GREETING', value: 'hello world' },
        { name: 'ODD', value: `it's "$(id)"` },
      ],
      mounts: [
        { type: 'volume', source: VOLUME, target: '/data', readOnly: false },
        { type: 'bind', source: site, target: '/site', readOnly: true },
      ],
      network: 'dw-ro-net',
      restart: { name: 'on-failure', maxRetries: 2 },
      command: ['httpd', '-f', '-p', '80', '-h', '/site'],
      autoRemove: false,
    });
    assert.deepStrictEqual([id, name], [docker('inspect', '-f', '{{.Id}}', 'dw-ro-web'), 'dw-ro-web']);
    assert.deepStrictEqual(inspect(id, '.HostConfig.PortBindings'), {
      '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }],
    });
    const published = inspect<Record<string, { HostIp: string; HostPort: string }[]>>(id, '.NetworkSettings.Ports');
    assert.deepStrictEqual(published['80/tcp'], [{ HostIp: '127.0.0.1', HostPort: String(port) }]);
    assert.deepStrictEqual(published['53/udp'].map((b) => b.HostIp), ['127.0.0.1']);
    assert.deepStrictEqual(inspect(id, '.Config.Env'), ['GREETING=hello world', `ODD=it's "$(id)"`, 'PATH=/bin']);
    assert.strictEqual(docker('exec', id, 'sh', '-c', 'echo "$GREETING|$ODD"'), `hello world|it's "$(id)"`);
    assert.deepStrictEqual(
      inspect<{ Type: string; Name?: string; Source: string; Destination: string; RW: boolean }[]>(id, '.Mounts')
        .map((m) => [m.Type, m.Type === 'volume' ? m.Name : m.Source, m.Destination, m.RW])
        .sort(),
      [
        ['bind', site, '/site', false],
        ['volume', VOLUME, '/data', true],
      ],
    );
    assert.deepStrictEqual(inspect(id, '.HostConfig.NetworkMode'), 'dw-ro-net');
    assert.deepStrictEqual(Object.keys(inspect<object>(id, '.NetworkSettings.Networks')), ['dw-ro-net']);
    assert.deepStrictEqual(inspect(id, '.HostConfig.RestartPolicy'), { Name: 'on-failure', MaximumRetryCount: 2 });
    assert.deepStrictEqual([inspect(id, '.HostConfig.AutoRemove'), inspect(id, '.Config.Cmd')], [false, ['httpd', '-f', '-p', '80', '-h', '/site']]);
    const page = await waitFor('httpd to answer', () => httpGet(`http://127.0.0.1:${port}/`).then((body) => body || undefined, () => undefined), 10_000);
    assert.strictEqual(page, 'served from the bind mount\n');
    assert.throws(() => docker('exec', id, 'sh', '-c', 'echo x > /site/new'), /Read-only file system/);
  });

  it('refuses a host port that is taken, a missing network or bind path, and bad values, leaving no container behind', async () => {
    const taken = inspect<Record<string, { HostPort: string }[]>>('dw-ro-web', '.HostConfig.PortBindings')['80/tcp'][0].HostPort;
    const attempts: [Partial<RunOptions>, string][] = [
      [{ ports: [{ hostIp: '127.0.0.1', hostPort: Number(taken), containerPort: 80, protocol: 'tcp' }] }, `the host port 127.0.0.1:${taken} is already taken by another container`],
      [{ network: 'dw-ro-absent' }, 'there is no network dw-ro-absent'],
      [{ mounts: [{ type: 'bind', source: `${site}-absent`, target: '/x', readOnly: false }] }, `the host path ${site}-absent does not exist (a bind mount needs an existing file or folder)`],
    ];
    for (const [change, reason] of attempts) {
      await assert.rejects(engine.runWithOptions({ ...BASE, name: 'dw-ro-refused', ...change }), { name: 'EngineError', reason });
      assert.deepStrictEqual(ours(), ['dw-ro-web']);
    }
    await assert.rejects(engine.runWithOptions({ ...BASE, name: '-dw-ro' }), {
      message: 'A container name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".',
    });
    await assert.rejects(engine.runWithOptions({ ...BASE, name: 'dw-ro-x', restart: { name: 'always' }, autoRemove: true }), {
      message: 'A container removed when it stops cannot have the restart policy always: keep the container, or pick the restart policy no.',
    });
    await assert.rejects(engine.runWithOptions({ ...BASE, name: 'dw-ro-web' }), { name: 'EngineError', reason: /^the name dw-ro-web is taken by the container [0-9a-f]{12}$/ });
    assert.deepStrictEqual(ours(), ['dw-ro-web']);
  });

  it('removes a --rm container when it stops, and keeps a restart policy of always', async () => {
    const removed = await engine.runWithOptions({ ...BASE, name: 'dw-ro-once', command: ['sleep', '600'], autoRemove: true });
    assert.deepStrictEqual([inspect(removed.id, '.HostConfig.AutoRemove'), inspect(removed.id, '.HostConfig.RestartPolicy')], [true, { Name: 'no', MaximumRetryCount: 0 }]);
    docker('kill', removed.id);
    await waitFor('the --rm container to go', () => !ours().includes('dw-ro-once'), 10_000);

    const quick = await engine.runWithOptions({ ...BASE, name: 'dw-ro-quick', command: ['true'], autoRemove: true });
    assert.strictEqual(quick.name, 'dw-ro-quick');
    await waitFor('the finished --rm container to go', () => !ours().includes('dw-ro-quick'), 10_000);

    const always = await engine.runWithOptions({ ...BASE, name: 'dw-ro-always', restart: { name: 'always' } });
    assert.deepStrictEqual(inspect(always.id, '.HostConfig.RestartPolicy'), { Name: 'always', MaximumRetryCount: 0 });
    assert.deepStrictEqual(inspect(always.id, '.Config.Cmd'), ['sleep', '3600']);
    assert.deepStrictEqual(inspect(always.id, '.HostConfig.PortBindings'), {});
  });

  it('connects a container with aliases and a fixed address, and disconnects it', async () => {
    const member = docker('run', '-d', '--name', 'dw-ro-member', TEST_IMAGE, 'sleep', '3600');
    const net = docker('network', 'inspect', '-f', '{{.Id}}', 'dw-ro-net');
    await engine.connectNetwork(net, member, { aliases: ['dw-db', 'db.local'], ipv4Address: '10.232.21.9' });
    const endpoints = inspect<Record<string, { IPAddress: string; IPAMConfig: { IPv4Address: string }; Aliases: string[] }>>(member, '.NetworkSettings.Networks');
    assert.deepStrictEqual(Object.keys(endpoints).sort(), ['bridge', 'dw-ro-net']);
    const onNet = endpoints['dw-ro-net'];
    assert.deepStrictEqual([onNet.IPAddress, onNet.IPAMConfig, onNet.Aliases], ['10.232.21.9', { IPv4Address: '10.232.21.9' }, ['dw-db', 'db.local', member.slice(0, 12)]]);
    assert.deepStrictEqual((await engine.listContainers()).find((c) => c.id === member)?.networks['dw-ro-net'], '10.232.21.9');

    await assert.rejects(engine.connectNetwork('dw-ro-net', 'dw-ro-member', { aliases: [] }), {
      name: 'EngineError',
      reason: 'the container dw-ro-member is already connected to the network dw-ro-net',
    });
    await engine.disconnectNetwork('dw-ro-net', 'dw-ro-member');
    assert.deepStrictEqual(Object.keys(inspect<object>(member, '.NetworkSettings.Networks')), ['bridge']);
    await assert.rejects(engine.disconnectNetwork('dw-ro-net', member), {
      name: 'EngineError',
      reason: `the container ${member.slice(0, 12)} is not connected to the network dw-ro-net`,
    });
  });

  it('says in plain words why a connection is refused', async () => {
    const refusals: [string, { aliases: string[]; ipv4Address?: string }, string][] = [
      ['dw-ro-plain', { aliases: [], ipv4Address: '10.232.22.5' }, 'a fixed IP address needs a network created with a subnet of its own (docker network create --subnet)'],
      ['dw-ro-net', { aliases: [], ipv4Address: '10.232.99.5' }, "the address 10.232.99.5 is not in the network's subnet"],
      ['bridge', { aliases: ['dw-db'] }, 'aliases work only on networks you created, not on the default bridge network'],
      ['dw-ro-absent', { aliases: [] }, 'there is no network dw-ro-absent'],
    ];
    docker('network', 'disconnect', 'bridge', 'dw-ro-member');
    for (const [network, options, reason] of refusals) {
      await assert.rejects(engine.connectNetwork(network, 'dw-ro-member', options), { name: 'EngineError', reason }, network);
    }
    docker('network', 'connect', '--ip', '10.232.21.20', 'dw-ro-net', 'dw-ro-member');
    const other = docker('run', '-d', '--name', 'dw-ro-other', TEST_IMAGE, 'sleep', '3600');
    await assert.rejects(engine.connectNetwork('dw-ro-net', other, { aliases: [], ipv4Address: '10.232.21.20' }), {
      name: 'EngineError',
      reason: 'another container on the network already has that address',
    });
    await assert.rejects(engine.connectNetwork('--ro', other, { aliases: [] }), { message: '"--ro" is not a network name or id.' });
    await assert.rejects(engine.connectNetwork('dw-ro-net', '-x', { aliases: [] }), { message: '"-x" is not a container name or id.' });
    await assert.rejects(engine.connectNetwork('dw-ro-net', other, { aliases: ['-a'] }), {
      message: '"-a" is not an alias (a letter or digit, then letters, digits, "_", "." or "-").',
    });
  });
});
