// The text the image commands show: a pull's progress line, the history table, published ports.
import * as assert from 'assert';
import { historyTable, shortInstruction } from '../../client/src/commands/images/historyTable';
import { PullTracker } from '../../client/src/commands/images/pullProgress';
import type { ImageLayer, PullProgress } from '../../client/src/engine/types';

function tracker(messages: PullProgress[]): PullTracker {
  const t = new PullTracker();
  for (const m of messages) t.add(m);
  return t;
}

describe('image pull: PullTracker', () => {
  const start: PullProgress[] = [
    { id: 'latest', status: 'Pulling from library/app' },
    { id: 'l1', status: 'Pulling fs layer' },
    { id: 'l2', status: 'Pulling fs layer' },
    { id: 'l3', status: 'Waiting' },
  ];

  it('shows the engine\'s message until it names a layer', () => {
    assert.strictEqual(tracker(start.slice(0, 1)).summary(), 'Pulling from library/app');
  });

  it('counts the layers downloaded and the bytes of the layers whose size is known', () => {
    const t = tracker([
      ...start,
      { id: 'l1', status: 'Downloading', current: 1_000_000, total: 4_000_000 },
      { id: 'l2', status: 'Downloading', current: 500, total: 2_500 },
      { id: 'l2', status: 'Verifying Checksum' },
      { id: 'l2', status: 'Download complete' },
    ]);
    assert.strictEqual(t.summary(), 'Downloading layers: 1 of 3 done, 1 MB of 4 MB');
    t.add({ id: 'l1', status: 'Downloading', current: 3_500_000, total: 4_000_000 });
    assert.strictEqual(t.summary(), 'Downloading layers: 1 of 3 done, 3.5 MB of 4 MB');
  });

  it('then counts the layers extracted, and a late message never takes a layer back', () => {
    const t = tracker([
      ...start,
      { id: 'l1', status: 'Download complete' },
      { id: 'l2', status: 'Already exists' },
      { id: 'l3', status: 'Download complete' },
      { id: 'l1', status: 'Extracting', current: 10, total: 20 },
      { id: 'l2', status: 'Downloading', current: 1, total: 2 },
    ]);
    assert.strictEqual(t.summary(), 'Extracting layers: 1 of 3 done');
    t.add({ id: 'l1', status: 'Pull complete' });
    t.add({ id: 'l3', status: 'Pull complete' });
    assert.strictEqual(t.summary(), 'Extracting layers: 3 of 3 done');
  });

  it('keeps the final status without its "Status: " prefix', () => {
    const t = tracker([
      ...start,
      { status: 'Digest: sha256:abc' },
      { status: 'Status: Downloaded newer image for app:latest' },
    ]);
    assert.strictEqual(t.finalStatus, 'Downloaded newer image for app:latest');
    assert.strictEqual(tracker(start).finalStatus, undefined);
  });
});

describe('image history: shortInstruction', () => {
  const cases: [string, string][] = [
    ['/bin/sh -c #(nop)  CMD ["sh"]', 'CMD ["sh"]'],
    ['/bin/sh -c #(nop) ADD file:1a2b in / ', 'ADD file:1a2b in /'],
    ['/bin/sh -c echo  hi   > /x', 'RUN /bin/sh -c echo hi > /x'],
    ['|1 V=2 /bin/sh -c make', 'RUN |1 V=2 /bin/sh -c make'],
    ['RUN /bin/sh -c apk add curl # buildkit', 'RUN /bin/sh -c apk add curl'],
    ['COPY app /app # buildkit', 'COPY app /app'],
    ['', ''],
    ['RUN ' + 'x'.repeat(70), 'RUN ' + 'x'.repeat(55) + '…'],
  ];
  for (const [createdBy, shown] of cases) it(`${JSON.stringify(createdBy.slice(0, 30))} -> ${JSON.stringify(shown.slice(0, 30))}`, () => assert.strictEqual(shortInstruction(createdBy), shown));
});

describe('image history: historyTable', () => {
  it('lays the layers out in columns, newest first as given', () => {
    const now = Date.UTC(2024, 0, 10);
    const layers: ImageLayer[] = [
      { id: 'sha256:2', created: now - 3 * 60_000, createdBy: '/bin/sh -c #(nop)  CMD ["httpd"]', size: 0, tags: ['app:1'], comment: '' },
      { id: '<missing>', created: now - 2 * 3_600_000, createdBy: '/bin/sh -c echo hi > /x', size: 12_345, tags: [], comment: '' },
      { id: '<missing>', created: now - 9 * 86_400_000, createdBy: '', size: 2_100_000, tags: [], comment: 'Imported from -' },
    ];
    assert.strictEqual(
      historyTable(layers, now),
      [
        'CREATED         CREATED BY                    SIZE      COMMENT',
        '3 minutes ago   CMD ["httpd"]                 0 B',
        '2 hours ago     RUN /bin/sh -c echo hi > /x   12.3 kB',
        '1 week ago                                    2.1 MB    Imported from -',
        '',
      ].join('\n'),
    );
  });
});
