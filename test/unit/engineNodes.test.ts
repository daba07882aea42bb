// Several engines at once: the engine rows of a view and the environment a context's engine is resolved with.
import * as assert from 'assert';
import { contextEnv } from '../../client/src/engine/engineSetSource';
import { engineGroupNode } from '../../client/src/tree/engineNodes';
import type { NodeBase } from '../../client/src/tree/nodeModel';

function row(id: string, children?: NodeBase[]): NodeBase {
  return { id, label: id, description: '', tooltip: '', icon: { id: 'box' }, contextValue: 'x', children };
}

describe('engine rows (several engines at once)', () => {
  it('puts the engine name in front of every id under it, groups and their children too', () => {
    const group = engineGroupNode('staging', { kind: 'up', url: 'ssh://deploy@staging' }, [row('project:shop', [row('container:a')]), row('container:b')]);
    const ids: string[] = [];
    const walk = (node: NodeBase) => (ids.push(node.id), node.children?.forEach(walk));
    walk(group);
    assert.deepStrictEqual(ids, ['engine:staging', 'staging|project:shop', 'staging|container:a', 'staging|container:b']);
  });

  it('describes an engine that is up, connecting or down, with its icon and context value', () => {
    const up = engineGroupNode('default', { kind: 'up', url: 'unix:///var/run/docker.sock', product: 'Docker Engine 28.2.2' }, []);
    const connecting = engineGroupNode('tls', { kind: 'connecting', url: 'tcp://127.0.0.1:2376' }, []);
    const down = engineGroupNode('gone', { kind: 'down', reason: 'there is no docker context named "gone" (docker context ls lists them)' }, []);
    assert.deepStrictEqual(
      [up, connecting, down].map((n) => [n.label, n.description, n.icon.id, n.contextValue]),
      [
        ['default', 'unix:///var/run/docker.sock', 'plug', 'engine.up'],
        ['tls', 'tcp://127.0.0.1:2376 (connecting)', 'loading~spin', 'engine.connecting'],
        ['gone', 'no usable address: there is no docker context named "gone" (docker context ls lists them)', 'debug-disconnect', 'engine.down'],
      ],
    );
    assert.strictEqual(up.tooltip, '**Docker context default**\n\nAddress: unix:///var/run/docker\\.sock\n\nEngine: Docker Engine 28\\.2\\.2\n\nConnected');
  });

  it('resolves the default context with DOCKER_HOST, any other context without it (as docker --context does)', () => {
    const env = { DOCKER_HOST: 'unix:///tmp/x.sock', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c', HOME: '/h' };
    assert.deepStrictEqual(contextEnv(env, 'default'), { ...env, DOCKER_CONTEXT: 'default' });
    assert.deepStrictEqual(contextEnv(env, 'staging'), { HOME: '/h', DOCKER_HOST: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, DOCKER_CONTEXT: 'staging' });
  });
});
