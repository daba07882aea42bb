// Run with Options' equivalent `docker run` command line (commands/images/runCommandLine.ts) and the Engine API body
// the engine layer sends (engine/containerOptions.ts): exact words and bodies, odd values quoted for a POSIX shell,
// hostile values refused before either is made.
import * as assert from 'assert';
import { mountSpec, publishSpec, runArgs, runCommandLine } from '../../client/src/commands/images/runCommandLine';
import { toConnectBody, toCreateBody, type RunOptions } from '../../client/src/engine/containerOptions';
import { HOSTILE_VALUES } from '../support/hostileEngine';
import { shellReads } from './support/shell';

const BASE: RunOptions = { image: 'web:1', ports: [], env: [], mounts: [], restart: { name: 'no' }, autoRemove: false };
const FULL: RunOptions = {
  image: 'dw-images/web:1',
  name: 'dw-web',
  ports: [
    { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    { hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' },
    { hostIp: '::1', hostPort: 8443, containerPort: 443, protocol: 'tcp' },
    { hostIp: '0.0.0.0', hostPort: 8081, containerPort: 80, protocol: 'tcp' },
  ],
  env: [
    { name: 'GREETING', value: 'hello world' },
    { name: 'QUOTE', value: `it's "x"` },
  ],
  mounts: [
    { type: 'volume', source: 'data', target: '/data', readOnly: false },
    { type: 'bind', source: '/srv/my site,v2', target: '/www', readOnly: true },
  ],
  network: 'dw-net',
  restart: { name: 'on-failure', maxRetries: 3 },
  command: ['sh', '-c', 'echo $HOME; exit 1'],
  autoRemove: false,
};

function refusal(make: () => unknown): string {
  try {
    return `no refusal: ${JSON.stringify(make())}`;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('Run with Options: the docker run command line', () => {
  it('has every option as one word with its value, then -- and the image and command', () => {
    assert.deepStrictEqual(runArgs(FULL), [
      'run',
      '--detach',
      '--name=dw-web',
      '--publish=127.0.0.1:8080:80/tcp',
      '--publish=127.0.0.1::53/udp',
      '--publish=[::1]:8443:443/tcp',
      '--publish=0.0.0.0:8081:80/tcp',
      '--env=GREETING=hello world',
      `--env=QUOTE=it's "x"`,
      '--mount=type=volume,source=data,target=/data',
      '--mount=type=bind,"source=/srv/my site,v2",target=/www,readonly',
      '--network=dw-net',
      '--restart=on-failure:3',
      '--',
      'dw-images/web:1',
      'sh',
      '-c',
      'echo $HOME; exit 1',
    ]);
    assert.deepStrictEqual(runArgs(BASE), ['run', '--detach', '--', 'web:1']);
    assert.deepStrictEqual(runArgs({ ...BASE, autoRemove: true, restart: { name: 'no' } }), ['run', '--detach', '--rm', '--', 'web:1']);
    assert.deepStrictEqual(runArgs({ ...BASE, restart: { name: 'unless-stopped' } }), ['run', '--detach', '--restart=unless-stopped', '--', 'web:1']);
  });

  it('quotes the line for a POSIX shell: sh reads back exactly the words', () => {
    const line = runCommandLine(FULL);
    assert.strictEqual(
      line,
      `docker run --detach --name=dw-web --publish=127.0.0.1:8080:80/tcp --publish=127.0.0.1::53/udp '--publish=[::1]:8443:443/tcp' ` +
        `--publish=0.0.0.0:8081:80/tcp '--env=GREETING=hello world' '--env=QUOTE=it'\\''s "x"' --mount=type=volume,source=data,target=/data ` +
        `'--mount=type=bind,"source=/srv/my site,v2",target=/www,readonly' --network=dw-net --restart=on-failure:3 -- dw-images/web:1 sh -c 'echo $HOME; exit 1'`,
    );
    assert.deepStrictEqual(shellReads(line), ['docker', ...runArgs(FULL)]);
  });

  it('quotes odd and hostile values so that sh reads them as they are', () => {
    const odd: RunOptions = { ...BASE, env: HOSTILE_VALUES.map((value, i) => ({ name: `V${i}`, value })), command: [...HOSTILE_VALUES] };
    assert.deepStrictEqual(shellReads(runCommandLine(odd)), ['docker', ...runArgs(odd)]);
    assert.deepStrictEqual(runArgs(odd).slice(-HOSTILE_VALUES.length - 2), ['--', 'web:1', ...HOSTILE_VALUES]);
  });

  it('names an untagged image by its id without sha256:', () => {
    const id = `sha256:${'ab'.repeat(32)}`;
    assert.deepStrictEqual(runArgs({ ...BASE, image: id }), ['run', '--detach', '--', 'ab'.repeat(32)]);
  });

  it('writes ports and mounts as the CLI reads them, a mount field with a comma or a quote in CSV quotes', () => {
    assert.strictEqual(publishSpec({ hostIp: 'fe80::1', containerPort: 80, protocol: 'sctp' }), '[fe80::1]::80/sctp');
    assert.strictEqual(mountSpec({ type: 'bind', source: '/a"b', target: '/c,d', readOnly: false }), 'type=bind,"source=/a""b","target=/c,d"');
  });

  it('refuses hostile names, images, networks and values before making a line or a body', () => {
    const cases: [Partial<RunOptions>, string][] = [
      [{ name: '-d' }, 'A container name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".'],
      [{ name: '--privileged' }, 'A container name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".'],
      [{ image: '--privileged' }, '"--privileged" is not an image reference or id.'],
      [{ image: 'web:1 --privileged' }, '"web:1 --privileged" is not an image reference or id.'],
      [{ network: '--network=host' }, '"--network=host" is not a network name.'],
      [{ env: [{ name: 'A\nB', value: '1' }] }, '"A\\nB" is not a variable name (no spaces, "=" or control characters, and not empty).'],
      [{ env: [{ name: 'A', value: 'x\u0000y' }] }, 'The value of A holds a NUL character.'],
      [{ mounts: [{ type: 'bind', source: 'relative', target: '/x', readOnly: false }] }, 'The host path "relative" is not an absolute path.'],
      [{ mounts: [{ type: 'volume', source: '-v', target: '/x', readOnly: false }] }, '"-v" is not a volume name (a letter or digit, then letters, digits, "_", "." or "-").'],
      [{ ports: [{ hostIp: 'localhost', containerPort: 80, protocol: 'tcp' }] }, '"localhost" is not an IPv4 or IPv6 address.'],
      [{ command: ['a\u0000b'] }, 'The command holds a NUL character.'],
      [{ restart: { name: 'always', maxRetries: 2 } }, 'Only on-failure takes a number of retries, not always.'],
      [{ restart: { name: 'always' }, autoRemove: true }, 'A container removed when it stops cannot have the restart policy always: keep the container, or pick the restart policy no.'],
    ];
    for (const [change, problem] of cases) {
      assert.strictEqual(refusal(() => runArgs({ ...BASE, ...change })), problem, JSON.stringify(change));
      assert.strictEqual(refusal(() => toCreateBody({ ...BASE, ...change })), problem, JSON.stringify(change));
    }
  });
});

describe('Run with Options: the Engine API bodies', () => {
  it('maps the options to the create body: bindings per container port, mounts, network, restart, --rm', () => {
    assert.deepStrictEqual(toCreateBody(FULL), {
      Image: 'dw-images/web:1',
      Cmd: ['sh', '-c', 'echo $HOME; exit 1'],
      Env: ['GREETING=hello world', `QUOTE=it's "x"`],
      ExposedPorts: { '80/tcp': {}, '53/udp': {}, '443/tcp': {} },
      HostConfig: {
        PortBindings: {
          '80/tcp': [
            { HostIp: '127.0.0.1', HostPort: '8080' },
            { HostIp: '0.0.0.0', HostPort: '8081' },
          ],
          '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
          '443/tcp': [{ HostIp: '::1', HostPort: '8443' }],
        },
        Mounts: [
          { Type: 'volume', Source: 'data', Target: '/data', ReadOnly: false },
          { Type: 'bind', Source: '/srv/my site,v2', Target: '/www', ReadOnly: true },
        ],
        NetworkMode: 'dw-net',
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
        AutoRemove: false,
      },
    });
    assert.deepStrictEqual(toCreateBody({ ...BASE, autoRemove: true }), {
      Image: 'web:1',
      Env: [],
      ExposedPorts: {},
      HostConfig: { PortBindings: {}, Mounts: [], RestartPolicy: { Name: 'no', MaximumRetryCount: 0 }, AutoRemove: true },
    });
  });

  it('maps a connection to its body, and refuses bad aliases and addresses', () => {
    const id = 'c0ffee'.padEnd(64, '0');
    assert.deepStrictEqual(toConnectBody(id, { aliases: ['db', 'db.local'], ipv4Address: '10.77.0.9' }), {
      Container: id,
      EndpointConfig: { Aliases: ['db', 'db.local'], IPAMConfig: { IPv4Address: '10.77.0.9' } },
    });
    assert.deepStrictEqual(toConnectBody(id, { aliases: [] }), { Container: id, EndpointConfig: {} });
    assert.strictEqual(refusal(() => toConnectBody(id, { aliases: ['-x'] })), '"-x" is not an alias (a letter or digit, then letters, digits, "_", "." or "-").');
    assert.strictEqual(refusal(() => toConnectBody(id, { aliases: [], ipv4Address: '10.77.0.300' })), '"10.77.0.300" is not an IPv4 address.');
    assert.strictEqual(refusal(() => toConnectBody(id, { aliases: [], ipv4Address: '::1' })), '"::1" is not an IPv4 address.');
  });
});
