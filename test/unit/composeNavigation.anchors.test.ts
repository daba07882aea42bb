import * as assert from 'assert';
import { defs, highlights, loc, OVERRIDE, read, refs, write, yaml } from './support/composeNavigation';

const TEXT = [
  'x-logging: &logging', //   0  logging 12-19
  '  driver: json-file',
  'x-base: &base', //         2  base 9-13
  '  restart: always',
  '  logging: *logging', //   4  logging 12-19
  'services:',
  '  web:',
  '    <<: *base', //         7  base 9-13
  '    image: nginx',
  '  api:',
  '    <<: [*base]', //      10  base 10-14
  '    logging: *logging', // 11  logging 14-21
  '    image: nginx',
];

function marked(line: number, character: number): string {
  const lines = [...TEXT];
  lines[line] = lines[line].slice(0, character) + '|' + lines[line].slice(character);
  return yaml(...lines);
}

describe('Compose navigation: YAML anchors and aliases', () => {
  it('links an anchor with its aliases, merge keys included, from either end', () => {
    for (const [line, character] of [[2, 10], [7, 9], [10, 14]]) {
      assert.deepStrictEqual(refs(marked(line, character)), [loc(2, 9, 13), loc(7, 9, 13), loc(10, 10, 14)], `from ${line}:${character}`);
      assert.deepStrictEqual(defs(marked(line, character)), [loc(2, 9, 13)], `from ${line}:${character}`);
    }
    assert.deepStrictEqual(refs(marked(11, 20)), [loc(0, 12, 19), loc(4, 12, 19), loc(11, 14, 21)]);
  });

  it('highlights the anchor as Write and the aliases as Read', () => {
    assert.deepStrictEqual(highlights(marked(4, 15)), [write(0, 12, 19), read(4, 12, 19), read(11, 14, 21)]);
  });

  it('binds an alias to the last anchor of its name before it, as YAML does', () => {
    const text = (line: number) => {
      const lines = ['a: &x 1', 'b: *x', 'c: &x 2', 'd: *x'];
      lines[line] = lines[line].replace('x', '|x');
      return yaml(...lines);
    };
    assert.deepStrictEqual(defs(text(1)), [loc(0, 4, 5)]);
    assert.deepStrictEqual(refs(text(1)), [loc(0, 4, 5), loc(1, 4, 5)]);
    assert.deepStrictEqual(defs(text(3)), [loc(2, 4, 5)]);
    assert.deepStrictEqual(refs(text(2)), [loc(2, 4, 5), loc(3, 4, 5)]);
  });

  it('finds the anchor past tags and comments, and in flow collections', () => {
    assert.deepStrictEqual(refs(yaml('x-a: &a # see &a below', '  k: v', 'y: *|a')), [loc(0, 6, 7), loc(2, 4, 5)]);
    assert.deepStrictEqual(refs(yaml('x: &r !reset "q"', 'y: *|r')), [loc(0, 4, 5), loc(1, 4, 5)]);
    assert.deepStrictEqual(refs(yaml('x: [&one 1, *o|ne, {k: *one}]')), [loc(0, 5, 8), loc(0, 13, 16), loc(0, 23, 26)]);
  });

  it('has no definition for an alias without an anchor, and still links its uses', () => {
    const text = yaml('a: *no|pe', 'b: *nope');
    assert.deepStrictEqual(defs(text), []);
    assert.deepStrictEqual(refs(text), [loc(0, 4, 8), loc(1, 4, 8)]);
  });

  it('keeps anchors to their file', () => {
    const other = { uri: OVERRIDE, text: yaml('x-base: &base', '  restart: "no"', 'services:', '  web:', '    <<: *base') };
    assert.deepStrictEqual(refs(marked(7, 10), [other]), [loc(2, 9, 13), loc(7, 9, 13), loc(10, 10, 14)]);
    assert.deepStrictEqual(defs(marked(7, 10), [other]), [loc(2, 9, 13)]);
  });

  it('does not take a `*` or `&` in a value for an alias or an anchor', () => {
    const text = yaml('services:', '  web:', '    command: echo "*ba|se &base"', '    image: a*b');
    assert.deepStrictEqual(refs(text), []);
    assert.deepStrictEqual(highlights(text), []);
  });
});
