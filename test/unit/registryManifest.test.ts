import * as assert from 'assert';
import { checkedNames, isRepositoryName, isTagName, MANIFEST_TYPES, nextFromLink, parseConfig, parseManifest, platformOf } from '../../client/src/engine/registryManifest';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const digest = (c: string) => `sha256:${c.repeat(64)}`;

describe('registry answers', () => {
  it('keeps only valid repository and tag names, counting the others', () => {
    assert.deepStrictEqual(checkedNames(['team/app', '--help', 'UPPER', 'a/../b', 'x'.repeat(256), 7, 'ok_1'], isRepositoryName), { names: ['team/app', 'ok_1'], rejected: 5 });
    assert.deepStrictEqual(checkedNames(['1.0', '-rm', 'a b', 'latest', 'x'.repeat(129), '\u202e1'], isTagName), { names: ['1.0', 'latest'], rejected: 4 });
    assert.deepStrictEqual(checkedNames('not a list', isTagName), { names: [], rejected: 0 });
  });

  it("reads the next page's cursor from a Link header", () => {
    assert.strictEqual(nextFromLink('</v2/_catalog?last=dw%2Fapp&n=100>; rel="next"'), 'dw/app');
    assert.strictEqual(nextFromLink('</v2/team/app/tags/list?n=1&last=1.0>; rel=next'), '1.0');
    assert.deepStrictEqual([nextFromLink(null), nextFromLink('</v2/_catalog?n=1>; rel="prev"'), nextFromLink(`<${'a'.repeat(5000)}>; rel="next"`)], [undefined, undefined, undefined]);
  });

  it('reads an image manifest: its configuration and the sum of its layers', () => {
    const body = json({ schemaVersion: 2, mediaType: MANIFEST_TYPES.ociManifest, config: { digest: digest('c'), size: 10 }, layers: [{ digest: digest('1'), size: 100 }, { digest: digest('2'), size: 23 }, { size: -5 }] });
    assert.deepStrictEqual(parseManifest(body, null), { kind: 'image', mediaType: MANIFEST_TYPES.ociManifest, configDigest: digest('c'), layersSize: 123 });
  });

  it('reads an index: its images and their platforms; the media type from Content-Type when the body has none', () => {
    const body = json({
      schemaVersion: 2,
      manifests: [
        { digest: digest('a'), platform: { os: 'linux', architecture: 'amd64' } },
        { digest: digest('b'), platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
        { digest: digest('d'), platform: { os: 'unknown', architecture: 'unknown' } },
        { digest: 'not-a-digest', platform: { os: 'linux', architecture: 's390x' } },
      ],
    });
    assert.deepStrictEqual(parseManifest(body, `${MANIFEST_TYPES.dockerList}; charset=utf-8`), {
      kind: 'index',
      mediaType: MANIFEST_TYPES.dockerList,
      manifests: [
        { digest: digest('a'), platform: 'linux/amd64' },
        { digest: digest('b'), platform: 'linux/arm/v7' },
        { digest: digest('d'), platform: 'unknown' },
      ],
    });
  });

  it('refuses what is not a manifest it can read, in plain words', () => {
    assert.throws(() => parseManifest(Buffer.from('<html>'), null), { message: 'the manifest is not JSON' });
    assert.throws(() => parseManifest(json({ schemaVersion: 1, fsLayers: [] }), null), { message: 'the manifest is in the old schema 1 format, which this view does not read' });
    assert.throws(() => parseManifest(json({ schemaVersion: 2, config: { digest: 'x' }, layers: [] }), null), { message: 'the manifest has no image configuration or layers' });
  });

  it("reads a configuration's platform and creation time; odd fields become unknown", () => {
    assert.deepStrictEqual(parseConfig(json({ os: 'linux', architecture: 'arm64', variant: 'v8', created: '2026-01-02T03:04:05.123456789Z' })), { platform: 'linux/arm64/v8', created: '2026-01-02T03:04:05.123Z' });
    assert.deepStrictEqual(parseConfig(json({ os: 'linux', architecture: 'amd64\nx', created: 'yesterday' })), { platform: 'unknown' });
    assert.strictEqual(platformOf({ os: 'windows', architecture: 'amd64' }), 'windows/amd64');
  });
});
