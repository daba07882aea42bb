// What differs on Podman's Docker-compatible API, mapped to what the views show on Docker: fully qualified image
// names, the engine's name in /version, the default network's containers, podman-compose's own project label,
// volume events named "remove".
import * as assert from 'assert';
import type Docker from 'dockerode';
import { familiarReference } from '../../common/src/imageReference';
import { kindsChangedBy } from '../../client/src/engine/EngineLists';
import { toContainerSummary, toEngineVersion, toImageSummary } from '../../client/src/engine/dockerodeMapping';
import { toNetworkSummary } from '../../client/src/engine/dockerodeResourceMapping';
import type { ContainerSummary } from '../../client/src/engine/types';
import { networkTree } from '../../client/src/tree/networkNodes';

const ID = 'c'.repeat(64);

describe('Podman: familiar image names', () => {
  const cases: [string, string][] = [
    ['docker.io/library/nginx:1.27', 'nginx:1.27'],
    ['docker.io/library/nginx', 'nginx'],
    ['docker.io/dw-test/busybox:latest', 'dw-test/busybox:latest'],
    ['docker.io/library/team/app:1', 'library/team/app:1'],
    [`docker.io/library/nginx@sha256:${'a'.repeat(64)}`, `nginx@sha256:${'a'.repeat(64)}`],
    ['quay.io/podman/hello:latest', 'quay.io/podman/hello:latest'],
    ['localhost/app:1', 'localhost/app:1'],
    ['nginx:1', 'nginx:1'],
    ['sha256:' + 'b'.repeat(64), 'sha256:' + 'b'.repeat(64)],
  ];
  for (const [full, short] of cases) it(`${full} -> ${short}`, () => assert.strictEqual(familiarReference(full), short));

  it('shows image and container references in the short form', () => {
    const image = toImageSummary({ Id: 'sha256:1', RepoTags: ['docker.io/library/nginx:1.27', 'quay.io/x/y:2'], Size: 1, Created: 1, Labels: {} } as unknown as Docker.ImageInfo);
    assert.deepStrictEqual(image.repoTags, ['nginx:1.27', 'quay.io/x/y:2']);
    const container = toContainerSummary({ Id: ID, Names: ['/web'], Image: 'docker.io/library/nginx:1.27', State: 'running' } as unknown as Docker.ContainerInfo);
    assert.strictEqual(container.image, 'nginx:1.27');
  });
});

describe('Podman: which engine answers', () => {
  it('reads Podman Engine from its component', () => {
    assert.deepStrictEqual(
      toEngineVersion({ Version: '4.3.1', ApiVersion: '1.41', Components: [{ Name: 'Podman Engine', Version: '4.3.1' }, { Name: 'Conmon', Version: 'conmon 2.1.6' }] }),
      { product: 'Podman Engine', version: '4.3.1', apiVersion: '1.41', podman: true },
    );
  });

  it('calls Docker\'s "Engine" component Docker Engine, and an engine without components too', () => {
    assert.deepStrictEqual(
      toEngineVersion({ Version: '20.10.24', ApiVersion: '1.41', Components: [{ Name: 'Engine', Version: '20.10.24' }, { Name: 'containerd', Version: '1.6' }] }),
      { product: 'Docker Engine', version: '20.10.24', apiVersion: '1.41', podman: false },
    );
    assert.deepStrictEqual(toEngineVersion({ Version: '1.13.1', ApiVersion: '1.26' }), { product: 'Docker Engine', version: '1.13.1', apiVersion: '1.26', podman: false });
  });
});

describe('Podman: the default network and its containers', () => {
  const raw = {
    Id: 'n'.repeat(64),
    Name: 'bridge',
    Driver: 'bridge',
    Scope: 'local',
    Created: '2026-12-07T03:19:56.028556301Z',
    Labels: {},
    IPAM: { Config: [{ Subnet: '10.88.0.0/16' }] },
    Containers: { [ID]: { Name: 'web', IPv4Address: '10.88.0.10/16', IPv6Address: '' } },
  };

  it('keeps the containers the network list names, with their addresses', () => {
    assert.deepStrictEqual(toNetworkSummary(raw).containers, { [ID]: '10.88.0.10' });
    assert.strictEqual(toNetworkSummary({ ...raw, Containers: undefined }).containers, undefined);
    // Docker's list has an empty record (its containers are in inspect only).
    assert.strictEqual(toNetworkSummary({ ...raw, Containers: {} }).containers, undefined);
  });

  it('attaches a container that calls the network "podman" to the "bridge" row, with its address', () => {
    const web: ContainerSummary = {
      id: ID, name: 'web', image: 'nginx', imageId: 'sha256:1', command: '', created: 0, state: 'running', status: 'Up',
      ports: [], labels: {}, networks: { podman: '10.88.0.10' }, mounts: [],
    };
    const [bridge] = networkTree([toNetworkSummary(raw)], [web]);
    assert.deepStrictEqual(
      [bridge.description, bridge.children.map((c) => [c.label, c.description])],
      ['bridge · local · 1 container', [['web', '10.88.0.10']]],
    );
  });
});

describe('Podman: Compose labels and events', () => {
  it('groups by podman-compose\'s own project label when the Compose one is missing', () => {
    const container = toContainerSummary({ Id: ID, Names: ['/proj_web_1'], Image: 'x', State: 'running', Labels: { 'io.podman.compose.project': 'proj' } } as unknown as Docker.ContainerInfo);
    assert.strictEqual(container.composeProject, 'proj');
  });

  it('refreshes volumes on "remove" as on "destroy"', () => {
    const event = (action: string) => ({ type: 'volume', action, id: '', time: 0, attributes: { name: 'v' } });
    assert.deepStrictEqual(['create', 'remove', 'destroy', 'mount'].map((a) => kindsChangedBy(event(a))), [['volumes'], ['volumes'], ['volumes'], []]);
  });
});
