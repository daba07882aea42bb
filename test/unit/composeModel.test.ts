import * as assert from 'assert';
import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ComposeModel, Position } from '../../server/src/compose/model';
import { scalarText } from '../../server/src/compose/model';
import { parseCompose } from '../../server/src/compose/parse';

/** Text with one `|` marking the cursor -> the text without it and the cursor position. */
function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function serviceMap(model: ComposeModel, name: string): YAMLMap {
  const value = model.names.services.get(name)?.value;
  assert.ok(value && isMap(value), `service ${name} is a map`);
  return value as YAMLMap;
}

/** The effective keys of a service with their scalar values (merges applied). */
function flat(model: ComposeModel, name: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const entry of model.entries(serviceMap(model, name))) out[entry.key] = scalarText(entry.value) ?? (entry.value ? '<collection>' : undefined);
  return out;
}

describe('Compose model', () => {
  it('indexes names with the range of their keys', () => {
    const model = parseCompose('services:\n  web:\n    image: nginx\n  db:\n    image: postgres\nvolumes:\n  data:\nnetworks:\n  front: {}\nsecrets:\n  s1:\n    file: ./s\nconfigs:\n  c1:\n    file: ./c\n');
    assert.deepStrictEqual([...model.names.services.keys()], ['web', 'db']);
    assert.deepStrictEqual([...model.names.volumes.keys()], ['data']);
    assert.deepStrictEqual([...model.names.networks.keys()], ['front']);
    assert.deepStrictEqual([...model.names.secrets.keys()], ['s1']);
    assert.deepStrictEqual([...model.names.configs.keys()], ['c1']);
    assert.deepStrictEqual(model.names.services.get('db')!.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } });
    assert.strictEqual(model.names.volumes.get('data')!.value, null);
    assert.deepStrictEqual(model.problems, []);
  });

  it('gives LSP ranges in UTF-16 units, across CRLF line ends', () => {
    const model = parseCompose('services:\r\n  wéb😀:\r\n    image: "ngïnx"\r\n');
    const web = model.names.services.get('wéb😀')!;
    assert.deepStrictEqual(web.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 7 } });
    const image = model.get(web.value as YAMLMap, 'image')!;
    assert.deepStrictEqual(model.rangeOf(image.value!), { start: { line: 2, character: 11 }, end: { line: 2, character: 18 } });
    assert.strictEqual(model.lineText(1), '  wéb😀:');
    assert.strictEqual(model.offsetAt({ line: 2, character: 4 }), 'services:\r\n  wéb😀:\r\n    '.length);
  });

  it('applies merge keys: one alias, a list of aliases, nested merges; own keys win', () => {
    const model = parseCompose(
      [
        'x-base: &base',
        '  restart: always',
        '  image: base',
        'x-log: &log',
        '  logging: {driver: json-file}',
        '  image: log',
        'x-both: &both',
        '  <<: *base',
        '  user: root',
        'services:',
        '  one:',
        '    <<: *base',
        '    image: own',
        '  two:',
        '    <<: [*log, *base]',
        '  three:',
        '    <<: *both',
      ].join('\n'),
    );
    assert.deepStrictEqual(flat(model, 'one'), { image: 'own', restart: 'always' });
    assert.deepStrictEqual(flat(model, 'two'), { logging: '<collection>', image: 'log', restart: 'always' });
    assert.deepStrictEqual(flat(model, 'three'), { user: 'root', restart: 'always', image: 'base' });
    const merged = model.get(serviceMap(model, 'one'), 'restart')!;
    assert.strictEqual(merged.merged, true);
    assert.deepStrictEqual(model.rangeOf(merged.keyNode).start, { line: 1, character: 2 });
    assert.deepStrictEqual(model.problems, []);
  });

  it('resolves aliases to the last anchor before them, across blocks', () => {
    const model = parseCompose('x-a: &v one\nx-b: &v two\nservices:\n  web:\n    image: *v\n');
    const image = model.get(serviceMap(model, 'web'), 'image')!;
    assert.strictEqual(scalarText(image.value), 'two');
    const raw = image.pair.value as Node;
    assert.ok(isAlias(raw));
    assert.strictEqual(scalarText(model.resolve(raw)), 'two');
    assert.deepStrictEqual(model.anchors.get('v')!.map((a) => scalarText(a.node)), ['one', 'two']);
  });

  it('reports an alias without an anchor, a recursive alias and a merge of a non-map', () => {
    const model = parseCompose('services:\n  web:\n    image: *nope\n  db: &db\n    x: *db\n  c:\n    <<: [1]\n');
    assert.deepStrictEqual(
      model.problems.map((p) => [p.code, p.range.start.line, p.severity]),
      [
        ['UNKNOWN_ANCHOR', 2, 'error'],
        ['RECURSIVE_ALIAS', 4, 'error'],
        ['BAD_MERGE', 6, 'error'],
      ],
    );
  });

  it('bounds alias bombs and answers quickly', () => {
    const lines = ['x-0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) lines.push(`x-${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('services:', '  web:', '    image: x', '    command: *a9');
    const started = Date.now();
    const model = parseCompose(lines.join('\n'));
    const web = serviceMap(model, 'web');
    assert.ok(isSeq(model.get(web, 'command')!.value));
    assert.ok(Date.now() - started < 1000, 'answered within a second');
    const bomb = model.problems.find((p) => p.code === 'EXCESSIVE_ALIASING');
    assert.ok(bomb, 'excessive aliasing reported');
    assert.strictEqual(bomb!.severity, 'error');
  });

  it('knows the !reset and !override tags and keeps x- extension fields', () => {
    const model = parseCompose('x-ext:\n  any: thing\nservices:\n  web:\n    image: !reset null\n    ports: !override\n      - 80\n    x-note: hello\n');
    assert.deepStrictEqual(model.problems, []);
    const web = serviceMap(model, 'web');
    assert.strictEqual(model.get(web, 'image')!.tag, '!reset');
    assert.strictEqual(model.get(web, 'ports')!.tag, '!override');
    assert.ok(isSeq(model.get(web, 'ports')!.value));
    assert.strictEqual(scalarText(model.get(web, 'x-note')!.value), 'hello');
    const root = model.root as YAMLMap;
    assert.deepStrictEqual(model.entries(root).map((e) => e.key), ['x-ext', 'services']);
  });

  it('parses files that do not split into blocks as one (documents, indented or flow tops)', () => {
    for (const text of ['{services: {web: {image: x}}}', '  services:\n    web:\n      image: x\n', '%YAML 1.2\n---\nservices:\n  web:\n    image: x\n', '---\nservices:\n  web:\n    image: x\n']) {
      const model = parseCompose(text);
      assert.deepStrictEqual([...model.names.services.keys()], ['web'], text);
      assert.deepStrictEqual(model.problems, [], text);
    }
    const empty = parseCompose('');
    assert.strictEqual(empty.root, null);
    assert.strictEqual(empty.lineCount, 1);
    assert.deepStrictEqual(parseCompose('# only a comment\n').names.services.size, 0);
  });

  it('lists keys written twice, including top-level keys in different blocks', () => {
    const model = parseCompose('services:\n  web:\n    image: a\n    image: b\n  web:\n    image: c\nservices: {}\n');
    assert.deepStrictEqual(
      model.duplicateKeys.map((d) => [d.key, model.rangeOf(d.first).start.line, model.rangeOf(d.duplicate).start.line]).sort(),
      [
        ['image', 2, 3],
        ['services', 0, 6],
        ['web', 1, 4],
      ],
    );
  });

  it('lists the value scalars that contain $ (not keys)', () => {
    const model = parseCompose('services:\n  web:\n    image: ${IMAGE}\n    environment:\n      $KEY: "$$x"\n      B: |\n        run $A\n');
    assert.deepStrictEqual(model.interpolated.map((s) => scalarText(s)), ['${IMAGE}', '$$x', 'run $A\n']);
  });

  it('ranges of collections end at their last character; pairs span key to value', () => {
    const model = parseCompose('services:\n  web:\n    ports:\n      - 80\n\n    # trailing comment\n  db: {}\n');
    const ports = model.get(serviceMap(model, 'web'), 'ports')!;
    assert.deepStrictEqual(model.rangeOf(ports.value!), { start: { line: 3, character: 6 }, end: { line: 3, character: 10 } });
    assert.deepStrictEqual(model.rangeOf(ports.pair), { start: { line: 2, character: 4 }, end: { line: 3, character: 10 } });
    const services = model.get(model.root as YAMLMap, 'services')!;
    assert.deepStrictEqual(model.rangeOf(services.value!), { start: { line: 1, character: 2 }, end: { line: 6, character: 8 } });
  });
});

describe('Compose model: pathAt', () => {
  const cases: [string, string, { path: (string | number)[]; kind: string; node?: unknown }][] = [
    ['on a key', 'services:\n  web:\n    ima|ge: x\n', { path: ['services', 'web', 'image'], kind: 'key', node: 'image' }],
    ['on a value', 'services:\n  web:\n    image: ngi|nx\n', { path: ['services', 'web', 'image'], kind: 'value', node: 'nginx' }],
    ['after `key: `', 'services:\n  web:\n    image: |\n', { path: ['services', 'web', 'image'], kind: 'value' }],
    ['a blank line in a service', 'services:\n  web:\n    image: x\n    |\n', { path: ['services', 'web'], kind: 'newKey' }],
    ['a blank line under services', 'services:\n  web:\n    image: x\n  |\n', { path: ['services'], kind: 'newKey' }],
    ['a blank line at the top', 'services:\n  web:\n    image: x\n|\n', { path: [], kind: 'newKey' }],
    ['under a key without value', 'services:\n  web:\n    build:\n      |\n', { path: ['services', 'web', 'build'], kind: 'newKey' }],
    ['an unfinished key', 'services:\n  web:\n    ima|\n', { path: ['services', 'web'], kind: 'newKey', node: 'ima' }],
    ['after `- `', 'services:\n  web:\n    ports:\n      - |\n', { path: ['services', 'web', 'ports'], kind: 'newItem' }],
    ['in a list item', 'services:\n  web:\n    ports:\n      - "80|80:80"\n', { path: ['services', 'web', 'ports', 0], kind: 'value', node: '8080:80' }],
    ['in a map inside a list', 'services:\n  web:\n    ports:\n      - target: 80\n        |\n', { path: ['services', 'web', 'ports', 0], kind: 'newKey' }],
    ['in a flow list', 'services:\n  web:\n    ports: [80, 9|0]\n', { path: ['services', 'web', 'ports', 1], kind: 'value', node: 90 }],
    ['in a flow map', 'services:\n  web:\n    environment: {A: b|}\n', { path: ['services', 'web', 'environment', 'A'], kind: 'value', node: 'b' }],
    ['in a comment', 'services:\n  web:\n    image: x # com|ment\n', { path: [], kind: 'none' }],
    ['in an empty file', '|', { path: [], kind: 'newKey' }],
    ['a key after a merge', 'x-a: &a\n  image: x\nservices:\n  web:\n    <<: *a\n    po|\n', { path: ['services', 'web', 'po'], kind: 'key', node: 'po' }],
  ];
  for (const [title, marked, expected] of cases) {
    it(title, () => {
      const { text, position } = withCursor(marked);
      const at = parseCompose(text).pathAt(position);
      const node = at.node && isScalar(at.node) ? at.node.value : undefined;
      assert.deepStrictEqual({ path: at.path, kind: at.kind, ...(node !== undefined ? { node } : {}) }, expected);
    });
  }
});
