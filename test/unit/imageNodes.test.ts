import * as assert from 'assert';
import type { ContainerState, ContainerSummary, ImageSummary } from '../../client/src/engine/types';
import { shortImageId } from '../../client/src/format/text';
import { imageTree, parseRepoTag } from '../../client/src/tree/imageNodes';
import type { ImageNodeModel, ImageRepositoryNode, ImageRowNode } from '../../client/src/tree/resourceNodes';

const now = Date.UTC(2024, 5, 1, 12, 0, 0);
const day = 24 * 60 * 60 * 1000;

function image(hex: string, repoTags: string[], fields: Partial<ImageSummary> = {}): ImageSummary {
  return { id: `sha256:${hex.repeat(64 / hex.length)}`, repoTags, size: 4_200_000, created: now - 3 * day, labels: {}, ...fields };
}

function container(name: string, imageId: string, state: ContainerState = 'running'): ContainerSummary {
  return {
    id: Buffer.from(name).toString('hex').padEnd(64, '0'),
    name,
    image: 'whatever',
    imageId,
    command: '',
    created: now,
    state,
    status: '',
    ports: [],
    labels: {},
    networks: {},
    mounts: [],
  };
}

const python = image('a1', ['python:3.12-slim', 'python:latest', 'mirror.local/python:3.12-slim'], { size: 123_456_789, created: now - 5 * 30.4375 * day });
const python39 = image('b2', ['python:3.9'], { size: 1_050_000_000, created: now - 2 * 60 * 60 * 1000 });
const python310 = image('b3', ['python:3.10'], { created: now - 30 * 1000 });
const app = image('c3', ['127.0.0.1:5000/app:1', '127.0.0.1:5000/app:latest'], { size: 999, created: now - 4 * 7 * day });
const oldApp = image('d4', [], { size: 77_812_345, created: now - 2 * 365.25 * day });
const olderApp = image('e5', ['<none>:<none>'], { size: 12_345, created: now - 400 * day });
const images = [oldApp, python, app, olderApp, python39, python310];
const containers = [
  container('web-10', python.id, 'exited'),
  container('web-2', python.id),
  container('job', oldApp.id, 'exited'),
  container('registry-client', app.id, 'exited'),
];

const groups = (tree: ImageNodeModel[]) => tree as ImageRepositoryNode[];
const group = (tree: ImageNodeModel[], repository: string) => {
  const node = groups(tree).find((n) => n.repository === repository);
  assert.ok(node, `no group for ${repository}`);
  return node;
};

describe('image tree: repositories', () => {
  it('splits a tag at its last colon after the last slash, so a registry port stays in the repository', () => {
    assert.deepStrictEqual(
      ['python:3.12-slim', '127.0.0.1:5000/app:1', 'ghcr.io/org/app:v1.2', 'localhost:5000/app'].map(parseRepoTag),
      [
        { repository: 'python', tag: '3.12-slim' },
        { repository: '127.0.0.1:5000/app', tag: '1' },
        { repository: 'ghcr.io/org/app', tag: 'v1.2' },
        { repository: 'localhost:5000/app', tag: '' },
      ],
    );
    assert.strictEqual(shortImageId(python.id), 'a1a1a1a1a1a1');
  });

  it('makes one collapsed group per repository, sorted, with its tag count; hides dangling images', () => {
    const tree = groups(imageTree(images, containers, { showDangling: false, now }));
    assert.deepStrictEqual(
      tree.map((g) => [g.kind, g.id, g.label, g.description, g.icon, g.contextValue, g.expanded]),
      [
        ['imageRepository', 'imageRepository:127.0.0.1:5000/app', '127.0.0.1:5000/app', '2 tags', { id: 'repo' }, 'imageRepository', false],
        ['imageRepository', 'imageRepository:mirror.local/python', 'mirror.local/python', '1 tag', { id: 'repo' }, 'imageRepository', false],
        ['imageRepository', 'imageRepository:python', 'python', '4 tags', { id: 'repo' }, 'imageRepository', false],
      ],
    );
    assert.strictEqual(tree.find((g) => g.repository === 'python')?.tooltip, '**python**\n\nTags: latest, 3\\.9, 3\\.10, 3\\.12\\-slim  \nIn use: 2 of 4 tags');
  });

  it('sorts tags naturally with latest first, and shows an image with tags in two repositories in both', () => {
    const tree = imageTree(images, containers, { showDangling: false, now });
    assert.deepStrictEqual(
      groups(tree).map((g) => [g.repository, g.children.map((row) => row.label)]),
      [
        ['127.0.0.1:5000/app', ['latest', '1']],
        ['mirror.local/python', ['3.12-slim']],
        ['python', ['latest', '3.9', '3.10', '3.12-slim']],
      ],
    );
    const rows = groups(tree).flatMap((g) => g.children);
    assert.deepStrictEqual(
      rows.filter((row) => row.image === python).map((row) => [row.id, row.reference]),
      [
        ['image:mirror.local/python:3.12-slim', 'mirror.local/python:3.12-slim'],
        ['image:python:latest', 'python:latest'],
        ['image:python:3.12-slim', 'python:3.12-slim'],
      ],
    );
    assert.strictEqual(new Set(rows.map((row) => row.id)).size, rows.length);
  });
});

describe('image tree: rows', () => {
  const rows = (showDangling = false) => groups(imageTree(images, containers, { showDangling, now })).flatMap((g) => g.children);
  const row = (reference: string): ImageRowNode => {
    const found = rows().find((r) => r.reference === reference);
    assert.ok(found, `no row for ${reference}`);
    return found;
  };

  it('describes a row by size and age, and says when containers use it', () => {
    assert.deepStrictEqual(
      ['python:latest', 'python:3.9', 'python:3.10', '127.0.0.1:5000/app:1'].map((ref) => [row(ref).description, row(ref).contextValue]),
      [
        ['123 MB · 5 months ago · in use', 'image'],
        ['1.05 GB · 2 hours ago', 'image'],
        ['4.2 MB · just now', 'image'],
        ['999 B · 4 weeks ago · in use', 'image'],
      ],
    );
  });

  it('lists the containers using it, sorted naturally, and is green while one of them runs', () => {
    assert.deepStrictEqual(
      ['python:latest', 'python:3.9', '127.0.0.1:5000/app:latest'].map((ref) => [row(ref).usedBy, row(ref).icon]),
      [
        [['web-2', 'web-10'], { id: 'package', color: 'charts.green' }],
        [[], { id: 'package' }],
        [['registry-client'], { id: 'package' }],
      ],
    );
  });

  it('shows reference, ids, created, size, all tags and users in the tooltip', () => {
    assert.strictEqual(
      row('python:3.12-slim').tooltip,
      [
        '**python:3\\.12\\-slim** (a1a1a1a1a1a1)',
        '',
        `Id: \`sha256:${'a1'.repeat(32)}\`  `,
        'Created: 2024-01-01T07:30:00Z (5 months ago)  ',
        'Size: 123 MB  ',
        'Tags: python:3\\.12\\-slim, python:latest, mirror\\.local/python:3\\.12\\-slim  ',
        'Used by: web\\-2, web\\-10',
      ].join('\n'),
    );
    assert.strictEqual(
      row('python:3.9').tooltip,
      `**python:3\\.9** (b2b2b2b2b2b2)\n\nId: \`sha256:${'b2'.repeat(32)}\`  \nCreated: 2024-06-01T10:00:00Z (2 hours ago)  \nSize: 1.05 GB  \nTags: python:3\\.9`,
    );
  });
});

describe('image tree: dangling images', () => {
  it('adds a last, open group of untagged images, newest first, labelled by short id', () => {
    const tree = groups(imageTree(images, containers, { showDangling: true, now }));
    assert.deepStrictEqual(
      tree.map((g) => g.label),
      ['127.0.0.1:5000/app', 'mirror.local/python', 'python', 'Dangling images'],
    );
    const dangling = group(tree, '<none>');
    const { children, ...rest } = dangling;
    assert.deepStrictEqual(rest, {
      kind: 'imageRepository',
      id: 'imageRepository:<none>',
      label: 'Dangling images',
      description: '2 images',
      tooltip: '**Dangling images**\n\nImages without a tag: older builds and pulls whose tag moved on to a newer image.\n\nIn use: 1 of 2 images',
      icon: { id: 'repo' },
      contextValue: 'imageRepository.dangling',
      repository: '<none>',
      expanded: true,
    });
    assert.deepStrictEqual(
      children.map((r) => [r.id, r.label, r.description, r.contextValue, r.reference, r.usedBy]),
      [
        [`image.dangling:${olderApp.id}`, 'e5e5e5e5e5e5', '12.3 kB · 1 year ago', 'image.dangling', undefined, []],
        [`image.dangling:${oldApp.id}`, 'd4d4d4d4d4d4', '77.8 MB · 2 years ago · in use', 'image.dangling', undefined, ['job']],
      ],
    );
    assert.strictEqual(
      children[1].tooltip,
      `**Dangling image** (d4d4d4d4d4d4)\n\nId: \`${oldApp.id}\`  \nCreated: 2022-06-02T00:00:00Z (2 years ago)  \nSize: 77.8 MB  \nUsed by: job`,
    );
  });

  it('leaves the group out when there is no dangling image, and the tree empty without images', () => {
    assert.deepStrictEqual(
      imageTree([python39], [], { showDangling: true, now }).map((n) => n.label),
      ['python'],
    );
    assert.deepStrictEqual(imageTree([], containers, { showDangling: true, now }), []);
  });
});
