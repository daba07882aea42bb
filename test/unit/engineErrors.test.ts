import * as assert from 'assert';
import { describeError, plainEngineMessage } from '../../client/src/engine/errors';

const CONTAINER = '3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e';

describe('engine errors in plain words', () => {
  it('words the engine messages about images in use, tags and child images plainly', () => {
    assert.deepStrictEqual(
      [
        'conflict: unable to delete 4a5412dd8d14 (cannot be forced) - image is being used by running container 3f4e5d6c7b8a',
        'conflict: unable to delete 4a5412dd8d14 (must be forced) - image is being used by stopped container 3f4e5d6c7b8a',
        'conflict: unable to remove repository reference "web:1" (must force) - container 3f4e5d6c7b8a is using its referenced image 4a5412dd8d14',
        'conflict: unable to delete 4a5412dd8d14 (must be forced) - image is referenced in multiple repositories',
        'conflict: unable to delete 4a5412dd8d14 (cannot be forced) - image has dependent child images',
      ].map(plainEngineMessage),
      [
        'the image is used by the running container 3f4e5d6c7b8a (stop and remove it first)',
        'the image is used by the stopped container 3f4e5d6c7b8a (remove it first, or force)',
        'the image is used by the container 3f4e5d6c7b8a (remove it first, or force)',
        'the image has several tags (remove them one by one, or force)',
        'other images are built on this image (remove them first)',
      ],
    );
  });

  it('words volumes and networks in use, and names already taken, plainly', () => {
    assert.deepStrictEqual(
      [
        `remove shop_data: volume is in use - [${CONTAINER}]`,
        `remove shop_data: volume is in use - [${CONTAINER}, 0123456789ab0123456789ab]`,
        'error while removing network: network shop_default id 5f1b2c3d4e5f has active endpoints',
        'Conflict. The container name "/web" is already in use by container "3f4e5d6c7b8a9f0e". You have to remove (or rename) that container to be able to reuse that name.',
      ].map(plainEngineMessage),
      [
        'the volume is used by the container 3f4e5d6c7b8a (remove it first)',
        'the volume is used by the containers 3f4e5d6c7b8a, 0123456789ab (remove them first)',
        'containers are connected to the network shop_default (disconnect or remove them first)',
        'the name web is taken by the container 3f4e5d6c7b8a',
      ],
    );
  });

  it('words what a registry refuses or does not have plainly', () => {
    assert.deepStrictEqual(
      [
        "pull access denied for private/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
        'manifest for busybox:nope not found: manifest unknown: manifest unknown',
        'repository 127.0.0.1:5000/dw/nothing not found: name unknown: repository name not known to registry',
        'manifest unknown',
        'name unknown',
        'error pulling image configuration: image config verification failed for digest sha256:58d2c8bd',
        'filesystem layer verification failed for digest sha256:9f72968a',
        'Head "http://127.0.0.1:41593/v2/private/busybox/manifests/1": no basic auth credentials',
        'Get "https://registry.example.com/v2/": unauthorized: authentication required',
      ].map(plainEngineMessage),
      [
        'the registry refused private/app: the image does not exist, or it needs a login (docker login)',
        'the registry has no image busybox:nope',
        'the registry has no repository 127.0.0.1:5000/dw/nothing',
        'the registry has no image of that name and tag',
        'the registry has no repository of that name',
        'the registry sent a damaged image configuration (its content does not match sha256:58d2c8bd)',
        'the registry sent a damaged layer (its content does not match sha256:9f72968a)',
        'the registry 127.0.0.1:41593 wants a login (docker login 127.0.0.1:41593), or the saved one was refused',
        'the registry wants a login (docker login), or the saved one was refused',
      ],
    );
  });

  it('words missing objects plainly', () => {
    assert.deepStrictEqual(
      ['No such image: web:2', 'No such container: dw-absent', 'get shop_data: no such volume', 'network shop_default not found'].map(plainEngineMessage),
      ['there is no image web:2', 'there is no container dw-absent', 'there is no volume shop_data', 'there is no network shop_default'],
    );
  });

  it('words the refusals of running a container and of network connections plainly', () => {
    assert.deepStrictEqual(
      [
        'driver failed programming external connectivity on endpoint dw-web (d322a94c4fb0): Bind for 127.0.0.1:18080 failed: port is already allocated',
        'driver failed programming external connectivity on endpoint dw-web (d322a94c4fb0): Error starting userland proxy: listen tcp4 127.0.0.1:18080: bind: address already in use',
        'invalid mount config for type "bind": bind source path does not exist: /srv/missing',
        'invalid mount config for type "volume": invalid mount path: \'data\' mount path must be absolute',
        "can't create 'AutoRemove' container with restart policy",
        'user specified IP address is supported only when connecting to networks with user configured subnets',
        "Invalid address 10.88.0.9: It does not belong to any of this network's subnets",
        'Address already in use',
        'network-scoped alias is supported only for containers in user defined networks',
        'endpoint with name dw-web already exists in network dw-net',
        `container ${'6d9fb4e0b660'.padEnd(64, '0')} is not connected to network dw-net`,
      ].map(plainEngineMessage),
      [
        'the host port 127.0.0.1:18080 is already taken by another container',
        'the host port 127.0.0.1:18080 is already in use by another program',
        'the host path /srv/missing does not exist (a bind mount needs an existing file or folder)',
        "the volume mount is not valid: invalid mount path: 'data' mount path must be absolute",
        'a container removed when it stops cannot have a restart policy',
        'a fixed IP address needs a network created with a subnet of its own (docker network create --subnet)',
        "the address 10.88.0.9 is not in the network's subnet",
        'another container on the network already has that address',
        'aliases work only on networks you created, not on the default bridge network',
        'the container dw-web is already connected to the network dw-net',
        'the container 6d9fb4e0b660 is not connected to the network dw-net',
      ],
    );
  });

  it('keeps the messages that are clear as they are', () => {
    assert.deepStrictEqual(
      ['network with name shop already exists', 'invalid reference format', 'driver failed programming external connectivity'].map(plainEngineMessage),
      [undefined, undefined, undefined],
    );
    assert.deepStrictEqual(describeError({ statusCode: 409, json: { message: 'network with name shop already exists' } }), {
      failure: 'engine-error',
      reason: 'the engine answered 409: network with name shop already exists',
    });
  });

  it('uses the plain words for the errors dockerode reports, of calls and of streams', () => {
    assert.deepStrictEqual(describeError({ statusCode: 404, json: { message: 'No such image: web:2' }, message: '(HTTP code 404) no such image - No such image: web:2 ' }), {
      failure: 'engine-error',
      reason: 'there is no image web:2',
    });
    // For a stream request dockerode keeps the engine's answer in the message only, after its own prefix.
    const stream = { statusCode: 404, json: null, message: '(HTTP code 404) unexpected - repository 127.0.0.1:5000/dw/x not found: name unknown: repository name not known to registry ' };
    assert.deepStrictEqual(describeError(stream), { failure: 'engine-error', reason: 'the registry has no repository 127.0.0.1:5000/dw/x' });
    assert.deepStrictEqual(describeError({ statusCode: 500, json: null, message: '(HTTP code 500) server error - something broke ' }), {
      failure: 'engine-error',
      reason: 'the engine answered 500: something broke',
    });
  });
});
