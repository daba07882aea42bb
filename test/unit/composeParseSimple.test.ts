// compose/parseSimple.ts against `yaml` itself: for every block of the corpus, of the fixtures and of thousands of
// variants of them (other scalars, empty lines, indentation, sequence dashes, values taken away), whatever the fast
// reader accepts must be exactly the tree `yaml` builds (classes, own fields, values, ranges, styles, formats) from a
// block `yaml` reads without a problem; and it must accept most blocks of real files, or it is not worth having.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Document, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { parseYamlBlock } from '../../server/src/compose/parseBlock';
import { splitGroups } from '../../server/src/compose/parseBlocks';
import { LineIndex, withLineFeeds } from '../../server/src/compose/parseLines';
import { readSimpleBlock } from '../../server/src/compose/parseSimple';
import { corpusFiles } from './support/corpus';

/** Where two trees differ (class, own enumerable fields, values; NaN equals NaN), or undefined. */
function difference(a: unknown, b: unknown, where = 'contents'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Object.is(a, b) ? undefined : `${where}: ${String(a)} instead of ${String(b)}`;
  }
  if (a.constructor !== b.constructor) return `${where}: a ${a.constructor.name} instead of a ${b.constructor.name}`;
  const keys = Object.keys(a).sort();
  const expected = Object.keys(b).sort();
  if (keys.join() !== expected.join()) return `${where}: fields ${keys.join()} instead of ${expected.join()}`;
  for (const key of keys) {
    const found = difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${where}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/** Undefined when the fast reader refuses `text` or reads it as `yaml` does; else what is wrong. */
function problemWith(text: string): string | undefined {
  const fast = readSimpleBlock(text);
  if (fast === undefined) return undefined;
  const doc = parseYamlBlock(text);
  const complaints = [...doc.errors, ...doc.warnings].map((e) => e.code);
  if (complaints.length > 0) return `accepted a block that yaml complains about (${complaints.join(', ')})`;
  return difference(fast, doc.contents);
}

/** The blocks parseCompose hands out for `text` (see parseBlocks.ts), and the whole text. */
function blocksOf(text: string): string[] {
  const blocks = [text];
  for (const group of splitGroups(new LineIndex(text)) ?? []) {
    blocks.push(text.slice(group.start, group.end));
    if (group.header) blocks.push(text.slice(group.header.start, group.header.end));
    for (const child of group.children ?? []) blocks.push(text.slice(child.start, child.end));
  }
  return blocks;
}

/** Values a line may hold: every kind of core-schema scalar, quoting, flow and YAML indicator there is. */
const VALUES = [
  '0x1F', '0o17', '0o8', '1.50', '1.5', '1.', '.5', '.inf', '-.inf', '+.INF', '.NaN', '1e5', '1E-3', '+1', '-1', '007', '0', '-0',
  '~', 'null', 'Null', 'NULL', 'TRUE', 'True', 'false', 'yes', 'on', '1_000', '0b101', '12:30', '-f', '$VAR', '${A:-b}', 'a b',
  'a: b', 'a:b', 'a:', '"quoted"', '"a: b"', "'single'", "'it''s'", '"esc\\n"', '"', "'", '[]', '[a, b]', '[a,b]', '[ a ]',
  '["x", \'y\', z]', '[a: b]', '[1, 2.0, 0x1F, ~]', '{}', '{ }', '{a: 1}', '*common', '*bad name', '&x', '&x y', '- x', '-x',
  '--', '?', ':', '|', '>', '!tag x', '%x', '@x', '`x`', 'x,y', 'x[0]', 'http://u:p@h:1/d?e=f', '=x', '(x)', '+x', 'é', '"é"',
  '9999999999999999999', '1.0e+3', '0xZZ', '.', '...', '---', 'a\u00a0b', '"a\u0001b"',
  'x # c', 'x  #  c', 'x #', 'x#y', 'http://h/#frag', '"a # b"', '"a" # c', "'a' #c", '[a, b] # c', '["#", x]', '*common # c',
  '{} # c', '{}#c', '*common#c', '"a"#c',
];

/** Variants of a block, each a small change of one line (or of the whole), chosen by a fixed sequence. */
function variantsOf(block: string, next: () => number): string[] {
  const lines = block.split('\n');
  const out: string[] = [block.replace(/\n$/, ''), `${block}\n`, `\n${block}`, block.replace(/^(?=.)/gm, '  ')];
  const edit = (change: (copy: string[]) => void) => {
    const copy = [...lines];
    change(copy);
    out.push(copy.join('\n'));
  };
  for (let i = 0; i < lines.length; i++) {
    const valued = /^(\s*(?:- )?[^:\s][^:]*: |\s*- )(.+)$/.exec(lines[i]);
    if (valued) edit((c) => (c[i] = valued[1] + VALUES[next() % VALUES.length]));
    edit((c) => c.splice(i, 0, ''));
    edit((c) => c.splice(i, 0, '  '));
    edit((c) => (c[i] = ` ${c[i]}`));
    edit((c) => (c[i] = `${c[i]} `));
    edit((c) => (c[i] = c[i].replace(/^(\s*)/, '$1- ')));
    edit((c) => (c[i] = c[i].replace(/: .*$/, ':')));
    edit((c) => c.splice(i, 1));
    // Comments: at the end of the line, on a line of their own at its indentation, at another one, next to an empty
    // line, empty.
    const indent = /^ */.exec(lines[i])![0];
    edit((c) => (c[i] = `${c[i]} # note`));
    edit((c) => c.splice(i, 0, `${indent}# note`));
    edit((c) => c.splice(i, 0, `${indent}# one`, `${indent}#two`));
    edit((c) => c.splice(i, 0, '# at zero'));
    edit((c) => c.splice(i, 0, `${indent}  # deeper`));
    edit((c) => c.splice(i, 0, `${indent}# note`, ''));
    edit((c) => c.splice(i, 0, '', `${indent}# note`));
    edit((c) => c.splice(i, 0, `${indent}#`));
  }
  return out;
}

describe('compose: the fast reader of plain blocks builds what yaml builds', () => {
  const files = [...corpusFiles('compose'), ...fixtureFiles(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures'))]
    .filter((file) => /\.ya?ml$/.test(file));
  const blocks = files.flatMap((file) => blocksOf(withLineFeeds(fs.readFileSync(file, 'utf8'))));

  it('reads every block of the corpus and the fixtures that it accepts exactly as yaml, and accepts half the services', () => {
    assert.ok(files.length > 150, `the corpus of compose files is missing (${files.length} files)`);
    const wrong = blocks.map((block) => [block, problemWith(block)] as const).filter(([, problem]) => problem);
    assert.deepStrictEqual(wrong.slice(0, 5), []);
    // The blocks of one service each (`  name:` at the indentation of a key under services:).
    const services = blocks.filter((block) => /^ {2}[a-z0-9][\w.-]*:\n {4}\S/.test(block));
    const accepted = services.filter((block) => readSimpleBlock(block) !== undefined).length;
    assert.ok(accepted / services.length > 0.5, `accepted ${accepted} of ${services.length} service blocks`);
  });

  it('reads every variant it accepts exactly as yaml (thousands of one-line changes of the corpus blocks)', function () {
    this.timeout(60_000);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    let tried = 0;
    let accepted = 0;
    const wrong: [string, string][] = [];
    // Every fourth accepted block, to keep the test to a few seconds (the variants are the same in every run).
    const plain = blocks.filter((block) => block.length < 3000 && readSimpleBlock(block) !== undefined).filter((_, i) => i % 4 === 0);
    for (const block of plain) {
      for (const variant of variantsOf(block, next)) {
        tried++;
        if (readSimpleBlock(variant) !== undefined) accepted++;
        const problem = problemWith(variant);
        if (problem && wrong.length < 5) wrong.push([variant, problem]);
      }
    }
    assert.deepStrictEqual(wrong, []);
    assert.ok(tried > 5000 && accepted > 1500, `tried ${tried}, accepted ${accepted}`);
  });

  it('resolves plain scalars by the core schema, with the formats and styles yaml gives', () => {
    const text = 'a:\n  n: 42\n  h: 0x1F\n  o: 0o17\n  f: 1.50\n  e: 1e3\n  i: -.inf\n  b: True\n  z: ~\n  s: 12:30\n  q: "1.0"\n  t: [x, \'y\']\n  m: {}\n';
    const map = readSimpleBlock(text);
    assert.ok(isMap(map));
    const inner = map.items[0].value as Node;
    assert.ok(isMap(inner));
    const scalars = inner.items.filter((pair) => isScalar(pair.value)).map((pair) => {
      const s = pair.value as Scalar;
      return [String((pair.key as Scalar).value), s.value, s.type, s.format ?? '', s.minFractionDigits ?? 0];
    });
    assert.deepStrictEqual(scalars, [
      ['n', 42, 'PLAIN', '', 0], ['h', 31, 'PLAIN', 'HEX', 0], ['o', 15, 'PLAIN', 'OCT', 0], ['f', 1.5, 'PLAIN', '', 2],
      ['e', 1000, 'PLAIN', 'EXP', 0], ['i', -Infinity, 'PLAIN', '', 0], ['b', true, 'PLAIN', '', 0], ['z', null, 'PLAIN', '', 0],
      ['s', '12:30', 'PLAIN', '', 0], ['q', '1.0', 'QUOTE_DOUBLE', '', 0],
    ]);
    const flow = inner.items[10].value;
    assert.ok(isSeq(flow) && flow.flow === true);
    assert.strictEqual(problemWith(text), undefined);
  });

  it("makes nodes yaml takes for its own: its type tests, classes, no extra own fields, clone, toJSON and stringify", () => {
    const text = 'a:\n  b: [x, 1]\n  c:\n    - d: true\n';
    const fast = readSimpleBlock(text);
    const slow = parseYamlBlock(text).contents;
    assert.ok(isMap(fast) && isMap(slow) && fast instanceof YAMLMap);
    const pair = fast.items[0];
    assert.ok(isPair(pair) && pair instanceof Pair && isScalar(pair.key) && pair.key instanceof Scalar && isMap(pair.value));
    const inner = pair.value as YAMLMap;
    assert.ok(isSeq(inner.items[0].value) && inner.items[0].value instanceof YAMLSeq);
    assert.deepStrictEqual([Object.getOwnPropertySymbols(fast), Object.getOwnPropertySymbols(pair), Object.getOwnPropertySymbols(pair.key)], [[], [], []]);
    assert.deepStrictEqual(fast.toJSON(), { a: { b: ['x', 1], c: [{ d: true }] } });
    assert.deepStrictEqual(fast.clone().toJSON(), slow.toJSON());
    assert.strictEqual(String(new Document(fast)), String(new Document(slow)));
  });

  it('leaves to yaml what is outside its subset', () => {
    const refused = [
      'a: 1 #\n', 'a:\n  b: 1\n  # at the end\n', 'a: # comment\n  b: 1\n', 'a: 1\n\n# c\nb: 2\n', 'a: x\n    # deeper\nb: 1\n', 'a: |\n  text\n', 'a:\n', 'a:\n- x\n', 'a:\n  - - x\n', 'a: "x\\ty"\n', 'a: \'it\'\'s\'\n', 'a: {b: 1}\n',
      'a: &x 1\n', 'a: !!str 1\n', 'a:\tb\n', 'a: 1\r\n', 'a: b\n  c\n', '"a": 1\n', '? a\n: 1\n', '---\na: 1\n', 'a: 1', 'a: 1\n  \nb: 2\n',
      '- a\n', 'a:\n\n  b: 1\n', 'a: x: y\n',
    ];
    assert.deepStrictEqual(refused.filter((text) => readSimpleBlock(text) !== undefined), []);
  });
});

function fixtureFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? fixtureFiles(file) : [file];
  });
}
