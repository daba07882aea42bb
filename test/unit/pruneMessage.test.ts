// The words of the prune commands: counts and the summary at the end of a system prune.
import * as assert from 'assert';
import { nameList, systemPruneMessage } from '../../client/src/commands/system/pruneMessage';
import { formatBytes, plural } from '../../client/src/format/text';

describe('plural', () => {
  it('says one thing in the singular and others in the plural', () => {
    assert.deepStrictEqual(
      [plural(0, 'volume'), plural(1, 'volume'), plural(2, 'stopped container'), plural(2, 'build cache entry', 'build cache entries')],
      ['0 volumes', '1 volume', '2 stopped containers', '2 build cache entries'],
    );
  });
});

describe('nameList', () => {
  it('lists up to ten names, then says how many more', () => {
    const names = Array.from({ length: 12 }, (_, i) => `n${i + 1}`);
    assert.deepStrictEqual(
      [nameList([]), nameList(['a']), nameList(names.slice(0, 10)), nameList(names), nameList(names, 2)],
      ['', 'a', 'n1, n2, n3, n4, n5, n6, n7, n8, n9, n10', 'n1, n2, n3, n4, n5, n6, n7, n8, n9, n10 and 2 more', 'n1, n2 and 10 more'],
    );
  });
});

describe('formatBytes for reclaimed space', () => {
  it('uses decimal units like the docker CLI', () => {
    assert.deepStrictEqual([0, 999, 12_500_000, 1_050_000_000].map(formatBytes), ['0 B', '999 B', '12.5 MB', '1.05 GB']);
  });
});

describe('systemPruneMessage', () => {
  const result = (removed: number, spaceReclaimed = 0) => ({ removed: Array.from({ length: removed }, (_, i) => `id${i}`), spaceReclaimed });

  it('sums the space and counts what every step removed', () => {
    const results = { containers: result(2, 1000), networks: result(1), images: result(1, 12_499_000), buildCache: result(0) };
    assert.strictEqual(
      systemPruneMessage({ results, cancelled: false, spaceReclaimed: 12_500_000 }),
      'System prune reclaimed 12.5 MB: removed 2 stopped containers, 1 network, 1 dangling image, 0 build cache entries.',
    );
  });

  it('leaves out a step that failed', () => {
    assert.strictEqual(
      systemPruneMessage({ results: { containers: result(1), images: result(0), buildCache: result(3, 2048) }, cancelled: false, spaceReclaimed: 2048 }),
      'System prune reclaimed 2.05 kB: removed 1 stopped container, 0 dangling images, 3 build cache entries.',
    );
  });

  it('says when it was cancelled, and when nothing ran', () => {
    assert.strictEqual(
      systemPruneMessage({ results: { containers: result(1, 5) }, cancelled: true, spaceReclaimed: 5 }),
      'System prune cancelled after reclaiming 5 B: removed 1 stopped container.',
    );
    assert.strictEqual(systemPruneMessage({ results: {}, cancelled: true, spaceReclaimed: 0 }), 'System prune cancelled after reclaiming 0 B.');
  });
});
