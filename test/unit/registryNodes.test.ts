import * as assert from 'assert';
import type { TagDetails } from '../../client/src/engine/registryManifest';
import type { RegistryEntry } from '../../client/src/registries/RegistryStore';
import { registryNode, repositoryNodes, tagDescription, tagNodes } from '../../client/src/tree/registryNodes';

const local: RegistryEntry = { kind: 'v2', url: 'http://127.0.0.1:5000', host: '127.0.0.1:5000' };
const hub: RegistryEntry = { kind: 'hub', url: 'https://hub.docker.com', host: 'docker.io' };
const NOW = Date.parse('2026-12-01T12:00:00Z');
const digest = (c: string) => `sha256:${c.repeat(64)}`;

const image: TagDetails = { repository: 'team/app', tag: '1.0', digest: digest('a'), mediaType: 'application/vnd.oci.image.manifest.v1+json', kind: 'image', size: 2_150_000, platforms: ['linux/amd64'], created: '2026-12-01T09:00:00.000Z' };
const index: TagDetails = {
  ...image,
  tag: '2.0',
  digest: digest('b'),
  kind: 'index',
  mediaType: 'application/vnd.oci.image.index.v1+json',
  platforms: ['linux/amd64', 'linux/arm64/v8'],
  images: [
    { platform: 'linux/amd64', digest: digest('c'), size: 1_000_000 },
    { platform: 'linux/arm64/v8', digest: digest('d'), size: 1_150_000 },
  ],
};

describe('registryNodes', () => {
  it('names a registry and where its login comes from', () => {
    const rows = [
      registryNode(hub, { source: 'none' }),
      registryNode(hub, { source: 'saved', username: 'DwUser' }, 'dwuser'),
      registryNode(local, { source: 'docker', username: 'ci' }),
      registryNode({ ...local, url: 'https://r.example', host: 'r.example' }, { source: 'none' }),
    ];
    assert.deepStrictEqual(
      rows.map((r) => [r.id, r.label, r.description, r.contextValue, r.icon.id]),
      [
        ['registry:docker.io', 'Docker Hub', 'not logged in', 'registry.hub', 'globe'],
        ['registry:docker.io', 'Docker Hub', 'logged in as DwUser', 'registry.hub.loggedIn', 'globe'],
        ['registry:127.0.0.1:5000', '127.0.0.1:5000', 'ci (docker login) · http', 'registry.v2', 'database'],
        ['registry:r.example', 'r.example', 'no login', 'registry.v2', 'database'],
      ],
    );
    assert.match(rows[2].tooltip, /Uses the login `ci` that `docker login` saved for this registry/);
  });

  it('lists repositories, then what the listing says: more to load, names not shown, a failure, or none', () => {
    const labels = (list: Parameters<typeof repositoryNodes>[1]) => repositoryNodes(local, list).map((r) => [r.kind, r.label]);
    assert.deepStrictEqual(labels({ names: ['a', 'team/app'], rejected: 2, next: 'team/app' }), [
      ['registryRepository', 'a'],
      ['registryRepository', 'team/app'],
      ['registryMessage', '2 names not shown: not valid repository names'],
      ['registryMore', 'Load more'],
    ]);
    assert.deepStrictEqual(labels({ names: [], rejected: 0 }), [['registryMessage', 'No repositories']]);
    assert.deepStrictEqual(labels({ names: ['a'], rejected: 0, error: 'cannot reach the registry (connection refused)', next: 'a' }), [
      ['registryRepository', 'a'],
      ['registryMessage', 'cannot reach the registry (connection refused)'],
      ['registryMore', 'Load more'],
    ]);
    assert.strictEqual(repositoryNodes(local, { names: ['team/app'], rejected: 0 })[0].id, 'registryRepository:127.0.0.1:5000/team/app');
  });

  it('shows each tag with digest, platforms, size and age; an index and a failure say so', () => {
    const details = new Map<string, TagDetails | { error: string }>([
      ['1.0', image],
      ['2.0', index],
      ['10', { error: 'the registry has no tag team/app:10' }],
    ]);
    const rows = tagNodes(local, 'team/app', { names: ['2.0', '10', '1.0', 'new'], rejected: 0 }, details, NOW);
    assert.deepStrictEqual(
      rows.map((r) => [r.label, r.description, r.icon.id, r.kind === 'registryTag' ? r.reference : '']),
      [
        ['1.0', 'aaaaaaaaaaaa · linux/amd64 · 2.15 MB · 3 hours ago', 'tag', '127.0.0.1:5000/team/app:1.0'],
        ['2.0', 'bbbbbbbbbbbb · index · linux/amd64, linux/arm64/v8 · 2.15 MB · 3 hours ago', 'layers', '127.0.0.1:5000/team/app:2.0'],
        ['10', 'the registry has no tag team/app:10', 'warning', '127.0.0.1:5000/team/app:10'],
        ['new', '', 'tag', '127.0.0.1:5000/team/app:new'],
      ],
    );
    const tooltip = rows[1].tooltip;
    assert.match(tooltip, new RegExp(`Digest: \`${digest('b')}\``));
    assert.match(tooltip, /Platforms: linux\/amd64, linux\/arm64\/v8/);
    assert.match(tooltip, new RegExp(`- linux/arm64/v8: \`${digest('d')}\`, 1\\.15 MB`));
  });

  it("uses Hub's push time when there is no creation time", () => {
    assert.strictEqual(tagDescription({ ...image, created: undefined, pushed: '2026-11-24T12:00:00Z', size: undefined, platforms: [] }, NOW), 'aaaaaaaaaaaa · platform unknown · 1 week ago');
  });
});
