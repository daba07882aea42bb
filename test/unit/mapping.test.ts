import * as assert from 'assert';
import type Docker from 'dockerode';
import { healthFromStatus, parseEvent, toContainerSummary } from '../../client/src/engine/dockerodeMapping';
import { describeError } from '../../client/src/engine/errors';
import { isContainerChange } from '../../client/src/engine/RefreshController';

const info = {
  Id: 'a1b2c3d4e5f6a7b8c9d0',
  Names: ['/web-1'],
  Image: 'nginx:1.27',
  ImageID: 'sha256:abc',
  Command: 'nginx -g daemon off;',
  Created: 1_700_000_000,
  State: 'running',
  Status: 'Up 5 minutes',
  Ports: [{ IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }, { PrivatePort: 443, Type: 'tcp' }],
  Labels: { 'com.docker.compose.project': 'shop' },
} as unknown as Docker.ContainerInfo;

describe('engine mapping', () => {
  it('maps a container summary to our own shape', () => {
    assert.deepStrictEqual(toContainerSummary(info), {
      id: 'a1b2c3d4e5f6a7b8c9d0',
      name: 'web-1',
      image: 'nginx:1.27',
      imageId: 'sha256:abc',
      command: 'nginx -g daemon off;',
      created: 1_700_000_000_000,
      state: 'running',
      status: 'Up 5 minutes',
      ports: [
        { privatePort: 80, publicPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' },
        { privatePort: 443, publicPort: undefined, hostIp: undefined, protocol: 'tcp' },
      ],
      labels: { 'com.docker.compose.project': 'shop' },
      composeProject: 'shop',
      health: undefined,
      networks: {},
      mounts: [],
      composeService: undefined,
      composeWorkingDir: undefined,
      composeConfigFiles: undefined,
    });
  });

  it('reads the health from each form of the status text', () => {
    const health = (Status: string) => toContainerSummary({ ...info, Status }).health;
    assert.deepStrictEqual(
      [
        'Up 3 minutes (healthy)',
        'Up 3 minutes (unhealthy)',
        'Up 2 seconds (health: starting)',
        'Up 5 minutes',
        'Up 2 hours (Paused)',
        'Exited (0) 2 minutes ago',
        'Restarting (1) 3 seconds ago',
        '',
      ].map(health),
      ['healthy', 'unhealthy', 'starting', undefined, undefined, undefined, undefined, undefined],
    );
    assert.strictEqual(healthFromStatus('Up About an hour (health: starting)'), 'starting');
  });

  it('prefers the health field of newer engines, and falls back to the status text', () => {
    const withHealth = (Status: string, health: string) => ({ ...info, Status, Health: { Status: health, FailingStreak: 0 } }) as Docker.ContainerInfo;
    assert.strictEqual(toContainerSummary(withHealth('Up 3 minutes', 'unhealthy')).health, 'unhealthy');
    assert.strictEqual(toContainerSummary(withHealth('Up 3 minutes (healthy)', 'none')).health, 'healthy');
    assert.strictEqual(toContainerSummary(withHealth('Up 3 minutes', 'none')).health, undefined);
  });

  it('maps each network to the IP address the container has on it, sorted by network name', () => {
    const network = (IPAddress: string, GlobalIPv6Address = '') => ({ NetworkID: 'n', EndpointID: 'e', Gateway: '', IPAddress, IPPrefixLen: 16, IPv6Gateway: '', GlobalIPv6Address, GlobalIPv6PrefixLen: 0, MacAddress: '' });
    const mapped = toContainerSummary({
      ...info,
      NetworkSettings: {
        Networks: { shop_front: network('172.19.0.3'), shop_back: network('172.18.0.2'), v6only: network('', 'fd00::5'), host: network('') },
      },
    } as unknown as Docker.ContainerInfo);
    assert.deepStrictEqual(mapped.networks, { host: '', shop_back: '172.18.0.2', shop_front: '172.19.0.3', v6only: 'fd00::5' });
    assert.deepStrictEqual(Object.keys(mapped.networks), ['host', 'shop_back', 'shop_front', 'v6only']);
  });

  it('maps mounts: a volume by its name, a bind mount by its host path, read-only from RW, sorted by destination', () => {
    const mapped = toContainerSummary({
      ...info,
      Mounts: [
        { Type: 'volume', Name: 'shop_data', Source: '/var/lib/docker/volumes/shop_data/_data', Destination: '/var/lib/postgresql/data', Driver: 'local', Mode: 'z', RW: true, Propagation: '' },
        { Type: 'bind', Source: '/home/ann/shop/nginx.conf', Destination: '/etc/nginx/nginx.conf', Mode: 'ro', RW: false, Propagation: 'rprivate' },
        { Type: 'tmpfs', Source: '', Destination: '/run', Mode: '', RW: true, Propagation: '' },
        { Type: 'future', Source: 'x', Destination: '/x', Mode: '', RW: true, Propagation: '' },
      ],
    });
    assert.deepStrictEqual(mapped.mounts, [
      { type: 'bind', source: '/home/ann/shop/nginx.conf', destination: '/etc/nginx/nginx.conf', readOnly: true },
      { type: 'tmpfs', source: '', destination: '/run', readOnly: false },
      { type: 'volume', source: 'shop_data', destination: '/var/lib/postgresql/data', readOnly: false },
      { type: 'unknown', source: 'x', destination: '/x', readOnly: false },
    ]);
  });

  it('reads the Compose service, working folder and config files (relative ones joined to the folder) from the labels', () => {
    const mapped = toContainerSummary({
      ...info,
      Labels: {
        'com.docker.compose.project': 'shop',
        'com.docker.compose.service': 'web',
        'com.docker.compose.project.working_dir': '/home/ann/shop',
        'com.docker.compose.project.config_files': '/home/ann/shop/compose.yaml,/home/ann/shop/compose.override.yaml',
      },
    });
    assert.deepStrictEqual(
      {
        project: mapped.composeProject,
        service: mapped.composeService,
        workingDir: mapped.composeWorkingDir,
        configFiles: mapped.composeConfigFiles,
      },
      {
        project: 'shop',
        service: 'web',
        workingDir: '/home/ann/shop',
        configFiles: ['/home/ann/shop/compose.yaml', '/home/ann/shop/compose.override.yaml'],
      },
    );
    const v1 = toContainerSummary({
      ...info,
      Labels: {
        'com.docker.compose.project.working_dir': '/home/ann/shop',
        'com.docker.compose.project.config_files': 'docker-compose.yml, /etc/shop/extra.yml',
      },
    });
    assert.deepStrictEqual(v1.composeConfigFiles, ['/home/ann/shop/docker-compose.yml', '/etc/shop/extra.yml']);
    const blank = toContainerSummary({ ...info, Labels: { 'com.docker.compose.project': '', 'com.docker.compose.project.config_files': '' } });
    assert.deepStrictEqual(
      [blank.composeProject, blank.composeService, blank.composeWorkingDir, blank.composeConfigFiles],
      [undefined, undefined, undefined, undefined],
    );
  });

  it('maps an unknown state to "unknown"', () => {
    assert.strictEqual(toContainerSummary({ ...info, State: 'weird' }).state, 'unknown');
  });

  it('parses an event line of the engine', () => {
    const line = JSON.stringify({
      Type: 'container',
      Action: 'die',
      Actor: { ID: 'abc', Attributes: { name: 'web-1', exitCode: '137' } },
      time: 1_700_000_000,
      timeNano: 1_700_000_000_123_456_789,
    });
    assert.deepStrictEqual(parseEvent(line), {
      type: 'container',
      action: 'die',
      id: 'abc',
      time: 1_700_000_000_123,
      attributes: { name: 'web-1', exitCode: '137' },
    });
    assert.strictEqual(parseEvent('not json'), undefined);
  });

  it('refreshes containers for state changes but not for exec noise', () => {
    const event = (type: string, action: string) => ({ type, action, id: 'x', time: 0, attributes: {} });
    assert.deepStrictEqual(
      [event('container', 'start'), event('container', 'exec_start: sh'), event('container', 'health_status: healthy'), event('image', 'pull')].map(isContainerChange),
      [true, false, true, false],
    );
  });

  it('explains connection failures in plain words', () => {
    assert.deepStrictEqual(describeError({ code: 'ENOENT' }), { failure: 'no-socket', reason: 'the socket does not exist (is the Docker engine running?)' });
    assert.deepStrictEqual(describeError({ code: 'EPERM' }), {
      failure: 'permission',
      reason: 'permission denied on the socket (add your user to the "docker" group, then log in again)',
    });
    assert.deepStrictEqual(describeError({ statusCode: 500, json: { message: 'boom ' } }), { failure: 'engine-error', reason: 'the engine answered 500: boom' });
    assert.deepStrictEqual(describeError(new Error('socket hang up')), { failure: 'other', reason: 'socket hang up' });
  });
});
