import * as assert from 'assert';
import {
  parsePullLine,
  parseTime,
  toImageLayer,
  toImageRunDefaults,
  toNetworkSummaries,
  toPruneResult,
  toVolumeSummaries,
} from '../../client/src/engine/dockerodeResourceMapping';

describe('engine mapping: volumes, networks, history, prunes', () => {
  it('maps the volume list, sorted by name, with missing labels as none', () => {
    const answer = {
      Volumes: [
        { Name: 'shop_data', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/shop_data/_data', Scope: 'local', CreatedAt: '2024-05-01T12:00:00+02:00', Labels: { 'com.docker.compose.project': 'shop' } },
        { Name: 'cache', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/cache/_data', Scope: 'local', Labels: null },
      ],
      Warnings: null,
    };
    assert.deepStrictEqual(toVolumeSummaries(answer), [
      { name: 'cache', driver: 'local', mountpoint: '/var/lib/docker/volumes/cache/_data', scope: 'local', created: undefined, labels: {} },
      {
        name: 'shop_data',
        driver: 'local',
        mountpoint: '/var/lib/docker/volumes/shop_data/_data',
        scope: 'local',
        created: Date.UTC(2024, 4, 1, 10, 0, 0),
        labels: { 'com.docker.compose.project': 'shop' },
      },
    ]);
    assert.deepStrictEqual(toVolumeSummaries({ Volumes: null }), []);
  });

  it('maps the network list, sorted by name, with its first IPAM subnet', () => {
    const networks = toNetworkSummaries([
      {
        Id: 'f00',
        Name: 'shop_default',
        Driver: 'bridge',
        Scope: 'local',
        Internal: true,
        Created: '2024-05-01T10:00:00.123456789Z',
        Labels: { 'com.docker.compose.network': 'default' },
        IPAM: { Config: [{}, { Subnet: '172.18.0.0/16' }, { Subnet: 'fd00::/64' }] },
      },
      { Id: 'b00', Name: 'host', Driver: 'host', Scope: 'local', Internal: false, Created: '2024-04-30T08:00:00Z', Labels: {}, IPAM: { Config: null } },
    ]);
    assert.deepStrictEqual(networks, [
      { id: 'b00', name: 'host', driver: 'host', scope: 'local', internal: false, created: Date.UTC(2024, 3, 30, 8), labels: {}, subnet: undefined },
      {
        id: 'f00',
        name: 'shop_default',
        driver: 'bridge',
        scope: 'local',
        internal: true,
        created: Date.UTC(2024, 4, 1, 10, 0, 0, 123),
        labels: { 'com.docker.compose.network': 'default' },
        subnet: '172.18.0.0/16',
      },
    ]);
  });

  it('reads the engine times: nanoseconds, offsets, and none for the zero time or nonsense', () => {
    assert.deepStrictEqual(
      ['2024-05-01T10:00:00.987654321Z', '2024-05-01T10:00:00.5-01:30', '2024-05-01T10:00:00Z', '0001-01-01T00:00:00Z', 'yesterday', '', undefined].map(parseTime),
      [Date.UTC(2024, 4, 1, 10, 0, 0, 987), Date.UTC(2024, 4, 1, 11, 30, 0, 500), Date.UTC(2024, 4, 1, 10), undefined, undefined, undefined, undefined],
    );
  });

  it("maps an image's exposed ports and command, leaving out what is not a port or a word", () => {
    assert.deepStrictEqual(
      toImageRunDefaults({
        Config: {
          ExposedPorts: { '8080/tcp': {}, '53/udp': {}, '443': {}, '80/tcp': {}, '0/tcp': {}, '70000/tcp': {}, '--privileged': {}, '80/TCP': {}, '9/sctp': {} },
          Cmd: ['httpd', '-f', 7, null, '-p', '80'],
          Entrypoint: null,
        },
      }),
      {
        exposedPorts: [
          { port: 9, protocol: 'sctp' },
          { port: 53, protocol: 'udp' },
          { port: 80, protocol: 'tcp' },
          { port: 443, protocol: 'tcp' },
          { port: 8080, protocol: 'tcp' },
        ],
        command: ['httpd', '-f', '-p', '80'],
        entrypoint: [],
      },
    );
    assert.deepStrictEqual(toImageRunDefaults({ Config: null }), { exposedPorts: [], command: [], entrypoint: [] });
    assert.deepStrictEqual(toImageRunDefaults({ Config: { Entrypoint: ['/entry.sh'], Cmd: 'not a list' } }), { exposedPorts: [], command: [], entrypoint: ['/entry.sh'] });
  });

  it('maps a layer of the history: tags, seconds to milliseconds, and layers built elsewhere', () => {
    assert.deepStrictEqual(
      toImageLayer({ Id: 'sha256:abc', Created: 1_700_000_000, CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]', Tags: ['busybox:latest'], Size: 0, Comment: '' }),
      { id: 'sha256:abc', created: 1_700_000_000_000, createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', size: 0, tags: ['busybox:latest'], comment: '' },
    );
    assert.deepStrictEqual(toImageLayer({ Id: '<missing>', Created: 1_600_000_000, CreatedBy: 'ADD file:123 in /', Tags: null, Size: 4_261_574, Comment: 'buildkit.dockerfile.v0' }), {
      id: '<missing>',
      created: 1_600_000_000_000,
      createdBy: 'ADD file:123 in /',
      size: 4_261_574,
      tags: [],
      comment: 'buildkit.dockerfile.v0',
    });
  });

  it('maps the answer of every prune to what was removed and the space freed', () => {
    assert.deepStrictEqual(
      [
        toPruneResult({ ContainersDeleted: ['c1', 'c2'], SpaceReclaimed: 12 }),
        toPruneResult({ ImagesDeleted: [{ Untagged: 'old@sha256:1' }, { Deleted: 'sha256:img' }, { Deleted: 'sha256:layer' }], SpaceReclaimed: 4096 }),
        toPruneResult({ VolumesDeleted: ['v1'], SpaceReclaimed: 1000 }),
        toPruneResult({ NetworksDeleted: ['n1', 'n2'] }),
        toPruneResult({ CachesDeleted: ['k1'], SpaceReclaimed: 50 }),
        toPruneResult({ ContainersDeleted: null, SpaceReclaimed: 0 }),
        toPruneResult({ ImagesDeleted: null, SpaceReclaimed: 0 }),
      ],
      [
        { removed: ['c1', 'c2'], spaceReclaimed: 12 },
        { removed: ['old@sha256:1', 'sha256:img', 'sha256:layer'], spaceReclaimed: 4096 },
        { removed: ['v1'], spaceReclaimed: 1000 },
        { removed: ['n1', 'n2'], spaceReclaimed: 0 },
        { removed: ['k1'], spaceReclaimed: 50 },
        { removed: [], spaceReclaimed: 0 },
        { removed: [], spaceReclaimed: 0 },
      ],
    );
  });
});

describe('engine mapping: pull progress', () => {
  it('maps progress lines: layer id, status, bytes done and total', () => {
    const lines = [
      '{"status":"Pulling from library/busybox","id":"latest"}',
      '{"status":"Pulling fs layer","progressDetail":{},"id":"a3ed95caeb02"}',
      '{"status":"Downloading","progressDetail":{"current":32768,"total":2231603},"progress":"[>   ]  32.77kB/2.232MB","id":"a3ed95caeb02"}',
      '{"status":"Extracting","progressDetail":{"current":2231603,"total":2231603},"id":"a3ed95caeb02"}',
      '{"status":"Verifying Checksum","progressDetail":{},"id":"a3ed95caeb02"}',
      '{"status":"Digest: sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7"}',
      '{"status":"Status: Downloaded newer image for busybox:latest"}',
    ];
    assert.deepStrictEqual(lines.map(parsePullLine), [
      { kind: 'progress', progress: { status: 'Pulling from library/busybox', id: 'latest' } },
      { kind: 'progress', progress: { status: 'Pulling fs layer', id: 'a3ed95caeb02' } },
      { kind: 'progress', progress: { status: 'Downloading', id: 'a3ed95caeb02', current: 32768, total: 2231603 } },
      { kind: 'progress', progress: { status: 'Extracting', id: 'a3ed95caeb02', current: 2231603, total: 2231603 } },
      { kind: 'progress', progress: { status: 'Verifying Checksum', id: 'a3ed95caeb02' } },
      { kind: 'progress', progress: { status: 'Digest: sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7' } },
      { kind: 'progress', progress: { status: 'Status: Downloaded newer image for busybox:latest' } },
    ]);
  });

  it('reads the error the engine reports inside the stream, from errorDetail or error', () => {
    const lines = [
      '{"errorDetail":{"message":"manifest for busybox:nope not found: manifest unknown: manifest unknown"},"error":"manifest for busybox:nope not found: manifest unknown: manifest unknown"}',
      '{"error":"unexpected EOF "}',
      '{"errorDetail":{},"error":""}',
    ];
    assert.deepStrictEqual(lines.map(parsePullLine), [
      { kind: 'error', message: 'manifest for busybox:nope not found: manifest unknown: manifest unknown' },
      { kind: 'error', message: 'unexpected EOF' },
      { kind: 'error', message: 'the pull failed' },
    ]);
  });

  it('skips lines that are not progress', () => {
    assert.deepStrictEqual(['not json', '[1,2]', 'null', '{"aux":{"ID":"sha256:abc"}}', '{"status":7}'].map(parsePullLine), [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
