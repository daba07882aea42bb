// Compose diagnostics on the seed file and on the YAML itself: yaml-syntax, duplicate-key, obsolete-version,
// deprecated-key. Names and cycles are in composeChecks.names.test.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { brief, diagnose, found, yaml } from './support/composeChecks';

const ROOT = path.resolve(__dirname, '../../..');

describe('Compose diagnostics: the seed file', () => {
  it('gives the obsolete version a warning and the list without a key one yaml-syntax error', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/workspace/docker-compose.yml'), 'utf8');
    const diagnostics = diagnose(text, { uri: `file://${path.join(ROOT, 'test/fixtures/workspace/docker-compose.yml')}`, fileExists: fs.existsSync });
    const version = diagnostics.find((d) => d.code === 'obsolete-version')!;
    assert.deepStrictEqual(version.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
    assert.strictEqual(version.severity, 2);
    assert.deepStrictEqual(version.data, { title: 'Remove the obsolete version line', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: '' });
    const errors = diagnostics.filter((d) => d.severity === 1);
    assert.deepStrictEqual(
      errors.map((d) => ({ code: d.code, line: d.range.start.line, source: d.source, message: d.message })),
      [
        {
          code: 'yaml-syntax',
          line: 18,
          source: 'docker-workflows',
          message: 'A key is missing before this list: inside a map, a list must be the value of a key. Did you mean "command:" before it?',
        },
      ],
    );
    assert.deepStrictEqual(errors[0].range, { start: { line: 18, character: 4 }, end: { line: 18, character: 5 } });
  });
});

describe('Compose diagnostics: yaml-syntax', () => {
  it('reports tabs used as indentation on the tab', () => {
    assert.deepStrictEqual(found('services:\n\tweb:\n    image: x\n', 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'Tabs cannot indent YAML: indent this line with spaces.', range: '1:0-1:1', severity: 'error' },
    ]);
  });

  it('reports a missing space after a colon, in a block and as a service value', () => {
    const message = 'A space is missing after the colon in "image:nginx": YAML reads it as one piece of text, not as a key and a value. Write "image: nginx".';
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image:nginx', '    ports: []'), 'yaml-syntax'), [{ code: 'yaml-syntax', message, range: '2:4-2:15', severity: 'error' }]);
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image:nginx'), 'yaml-syntax'), [{ code: 'yaml-syntax', message, range: '2:4-2:15', severity: 'error' }]);
  });

  it('reports a block under a key that already has a value on its line', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: nginx', '      ports: x'), 'yaml-syntax'), [
      {
        code: 'yaml-syntax',
        message: '"image" already has a value on its line ("nginx"), so the more indented lines below cannot belong to it: indent them like "image" if they are keys of the same map, or remove the value.',
        range: '2:11-2:16',
        severity: 'error',
      },
    ]);
  });

  it('reports a key without its colon', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    environment', '      A: b'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: '"environment" needs a colon: a key in a map is written "environment: value" (or "environment:" with its value indented below).', range: '2:4-2:15', severity: 'error' },
    ]);
  });

  it('reports a list or a map written where a key belongs, guessing the key from the items', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: x', '    - "8080:80"'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'A key is missing before this list: inside a map, a list must be the value of a key. Did you mean "ports:" before it?', range: '3:4-3:5', severity: 'error' },
    ]);
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: x', '    { A: b }'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'A key is missing before this map: inside a map, a map must be the value of a key. Did you mean "environment:" before it?', range: '3:4-3:5', severity: 'error' },
    ]);
  });

  it('puts an unclosed quote or bracket on its opening character', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: "nginx', '    ports: []'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'This quoted text is not closed: add the closing " at its end.', range: '2:11-2:12', severity: 'error' },
    ]);
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: x', '    command: [a, b', '    ports: []'), 'yaml-syntax'), [
      {
        code: 'yaml-syntax',
        message: 'This list is not closed: add the "]" at its end (the lines of a list written with "[" must also be indented more than its key).',
        range: '3:13-3:14',
        severity: 'error',
      },
    ]);
  });

  it('reports a wrong indentation once, and nothing else on that line', () => {
    assert.deepStrictEqual(brief(yaml('services:', '  web:', '    image: x', '   ports: []')), ['yaml-syntax error 3:3-3:8']);
  });

  it('reports unknown anchors', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: *nope'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'There is no anchor &nope before this alias.', range: '2:11-2:16', severity: 'error' },
    ]);
  });

  it('stays quiet on valid YAML with anchors, merges, tags, block scalars and flow collections', () => {
    const text = yaml(
      'x-base: &base',
      '  restart: always',
      'services:',
      '  web:',
      '    <<: *base',
      '    image: nginx',
      '    command: >',
      '      sh -c "echo: hi"',
      '    environment: {A: "1", B: \'2\'}',
      '    ports: !override ["80:80"]',
      '    labels: !reset []',
    );
    assert.deepStrictEqual(found(text, 'yaml-syntax'), []);
  });
});

describe('Compose diagnostics: duplicate-key, obsolete-version, deprecated-key', () => {
  it('reports a key written twice in one map, on the second', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: a', '    image: b'), 'duplicate-key'), [
      { code: 'duplicate-key', message: 'The key "image" is already set in this map, on line 3: a key may appear only once.', range: '3:4-3:9', severity: 'error' },
    ]);
    assert.deepStrictEqual(brief(yaml('services:', '  a:', '    image: x', '  a:', '    image: y')), ['duplicate-key error 3:2-3:3']);
  });

  it('does not report the same key in different maps, or repeated merge keys', () => {
    assert.deepStrictEqual(found(yaml('x-a: &a {user: a}', 'x-b: &b {group: b}', 'services:', '  web:', '    image: a', '    <<: *a', '    <<: *b', '  db:', '    image: b'), 'duplicate-key'), []);
  });

  it('reports the top-level version with a fix that removes its line', () => {
    const result = diagnose(yaml('services:', '  web:', '    image: x', 'version: "3.8"'));
    assert.deepStrictEqual(result.map((d) => [d.code, d.severity, d.message, d.tags, d.data]), [
      [
        'obsolete-version',
        2,
        'The top-level "version" is obsolete: Compose ignores it. Remove it to avoid confusion.',
        [1],
        { title: 'Remove the obsolete version line', range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '' },
      ],
    ]);
  });

  it('does not report a version that is not the top-level key', () => {
    assert.deepStrictEqual(found(yaml('services:', '  version:', '    image: x', '    environment:', '      version: "3"'), 'obsolete-version'), []);
  });

  it('reports external.name with a fix to name + external: true', () => {
    const result = diagnose(yaml('services:', '  web:', '    image: x', '    networks: [net]', 'networks:', '  net:', '    external:', '      name: shared'));
    assert.deepStrictEqual(result.map((d) => [d.code, d.severity, d.message, d.range, d.tags, d.data]), [
      [
        'deprecated-key',
        2,
        '"external.name" is deprecated: give the network "name: shared" and "external: true" instead.',
        { start: { line: 7, character: 6 }, end: { line: 7, character: 10 } },
        [2],
        { title: 'Use name and external: true', range: { start: { line: 6, character: 4 }, end: { line: 7, character: 18 } }, newText: 'external: true\n    name: shared' },
      ],
    ]);
  });

  it('does not report name with external: true', () => {
    assert.deepStrictEqual(brief(yaml('services:', '  web:', '    image: x', '    volumes: [data:/d]', 'volumes:', '  data:', '    name: shared', '    external: true')), []);
  });
});
