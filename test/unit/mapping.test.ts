import * as assert from 'assert';
import type Docker from 'dockerode';
import { describeError, parseEvent, toContainerSummary } from '../../client/src/engine/DockerodeEngine';
import { containerNode } from '../../client/src/tree/containerNodes';
import { isContainerChange } from '../../client/src/tree/RefreshController';

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
    });
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

describe('container tree rows', () => {
  it('shows name, image and a state icon', () => {
    const node = containerNode(toContainerSummary(info));
    assert.deepStrictEqual(
      { id: node.id, label: node.label, description: node.description, icon: node.icon, contextValue: node.contextValue },
      {
        id: 'container:a1b2c3d4e5f6a7b8c9d0',
        label: 'web-1',
        description: 'nginx:1.27',
        icon: { id: 'vm-running', color: 'charts.green' },
        contextValue: 'container.running',
      },
    );
    assert.deepStrictEqual(containerNode(toContainerSummary({ ...info, State: 'exited' })).icon, { id: 'vm-outline' });
    assert.deepStrictEqual(containerNode(toContainerSummary({ ...info, State: 'paused' })).icon, { id: 'debug-pause', color: 'charts.yellow' });
  });
});
