import * as assert from 'assert';
import { formatAge, formatBytes, isoDate, labelList, lines, plural, section } from '../../client/src/format/text';

describe('format: bytes', () => {
  it('uses decimal units with three significant digits, as docker images does', () => {
    assert.deepStrictEqual(
      [0, 1, 999, 1000, 1234, 12_345, 4_200_000, 77_812_345, 123_456_789, 1_050_000_000, 2_500_000_000_000, 3.2e15].map(formatBytes),
      ['0 B', '1 B', '999 B', '1 kB', '1.23 kB', '12.3 kB', '4.2 MB', '77.8 MB', '123 MB', '1.05 GB', '2.5 TB', '3.2 PB'],
    );
  });

  it('carries a size that rounds up to 1000 of a unit into the next unit', () => {
    assert.deepStrictEqual([999_499, 999_500, 999_999, 999_999_999].map(formatBytes), ['999 kB', '1 MB', '1 MB', '1 GB']);
  });

  it('shows nothing that is not a size as 0 B', () => {
    assert.deepStrictEqual([-1, Number.NaN, Number.POSITIVE_INFINITY].map(formatBytes), ['0 B', '0 B', '0 B']);
  });
});

describe('format: age', () => {
  const now = Date.UTC(2024, 5, 1, 12, 0, 0);
  const second = 1000;
  const minute = 60 * second;
  const hour = 60 * minute;
  const day = 24 * hour;
  const ago = (ms: number) => formatAge(now - ms, now);

  it('says "just now" under a minute, and for a moment in the future', () => {
    assert.deepStrictEqual([0, 59 * second + 999, -5 * minute].map(ago), ['just now', 'just now', 'just now']);
  });

  it('rounds down to the largest whole unit, singular for one', () => {
    assert.deepStrictEqual(
      [
        minute,
        2 * minute - 1,
        2 * minute,
        hour - 1,
        hour,
        2 * hour,
        day - 1,
        day,
        3 * day,
        7 * day - 1,
        7 * day,
        30 * day,
        30.4375 * day,
        5 * 30.4375 * day,
        365 * day,
        365.25 * day,
        2 * 365.25 * day,
        55 * 365.25 * day,
      ].map(ago),
      [
        '1 minute ago',
        '1 minute ago',
        '2 minutes ago',
        '59 minutes ago',
        '1 hour ago',
        '2 hours ago',
        '23 hours ago',
        '1 day ago',
        '3 days ago',
        '6 days ago',
        '1 week ago',
        '4 weeks ago',
        '1 month ago',
        '5 months ago',
        '11 months ago',
        '1 year ago',
        '2 years ago',
        '55 years ago',
      ],
    );
  });
});

describe('format: text helpers', () => {
  it('counts with a plural', () => {
    assert.deepStrictEqual([plural(0, 'tag'), plural(1, 'tag'), plural(2, 'container')], ['0 tags', '1 tag', '2 containers']);
  });

  it('writes dates to the second, in UTC', () => {
    assert.strictEqual(isoDate(1_700_000_000_000), '2023-11-14T22:13:20Z');
    assert.strictEqual(isoDate(1_700_000_000_999), '2023-11-14T22:13:20Z');
  });

  it('joins lines and blocks, leaving empty ones out', () => {
    assert.strictEqual(lines(['a', false, undefined, '', 'b']), 'a  \nb');
    assert.strictEqual(section(['a', '', false, 'b  \nc']), 'a\n\nb  \nc');
  });

  it('lists labels sorted by key as code spans, and nothing without labels', () => {
    assert.strictEqual(
      labelList({ 'com.docker.compose.volume': 'data', 'com.docker.compose.project': 'shop', empty: '' }),
      'Labels:\n- `com.docker.compose.project=shop`\n- `com.docker.compose.volume=data`\n- `empty=`',
    );
    assert.strictEqual(labelList({}), '');
  });
});
