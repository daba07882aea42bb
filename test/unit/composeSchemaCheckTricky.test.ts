// validateSchema on the tricky parts of Compose YAML: merge keys, aliases (checked where defined, once,
// with bounded expansion), `!reset` / `!override`, extension keys, nullable maps and interpolation.
import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import type { CollectionTag, ScalarTag } from 'yaml';
import { parseDocument } from 'yaml';
import type { Finding } from '../../server/src/dockerfile/checks/types';
import { COMPOSE_CUSTOM_TAGS, validateSchema } from '../../server/src/compose/schemaCheck';

function validate(text: string, customTags: (ScalarTag | CollectionTag)[] = COMPOSE_CUSTOM_TAGS): Finding[] {
  const document = parseDocument(text, { merge: true, keepSourceTokens: false, customTags });
  assert.deepStrictEqual(document.errors.map((e) => e.message), [], 'the test text parses');
  assert.deepStrictEqual(document.warnings.map((e) => e.message), [], 'the test text parses without warnings');
  return validateSchema(document, (node) => rangeAt(text, node.range![0], node.range![1]));
}

function rangeAt(text: string, start: number, end: number): Range {
  const position = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return { start: position(start), end: position(end) };
}

function span(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} occurs ${nth + 1} times`);
  }
  return rangeAt(text, at, at + needle.length);
}

function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

const BAD_RESTART =
  '`sometimes` for `restart` is not a valid value: use one of `no`, `always`, `on-failure`, `unless-stopped` or a value matching `^on-failure:[0-9]+$`.';

describe('Compose schema check: merge keys', () => {
  it('checks merged keys against the mapping they are merged into, once at the anchor for all uses', () => {
    const text = yaml(
      'x-defaults: &defaults',
      '  restart: sometimes',
      '  restrat: always',
      'services:',
      '  a:',
      '    <<: *defaults',
      '    image: a',
      '  b:',
      '    <<: *defaults',
      '    image: b',
      '  c:',
      '    <<: [*defaults]',
      '    image: c',
    );
    assert.deepStrictEqual(validate(text), [
      { code: 'invalid-value', message: BAD_RESTART, range: span(text, 'sometimes'), severity: 'error' },
      // `restart` is in the same mapping, so replacing the key would duplicate it: no fix.
      { code: 'unknown-key', message: 'Unknown key `restrat` in `services.a` (did you mean restart?).', range: span(text, 'restrat'), severity: 'error' },
    ]);
  });

  it('accepts merge keys with aliases, lists of aliases and inline mappings', () => {
    const text = yaml(
      'x-logging: &logging',
      '  logging:',
      '    driver: json-file',
      'x-restart: &restart',
      '  restart: unless-stopped',
      'services:',
      '  a:',
      '    <<: *logging',
      '    image: a',
      '  b:',
      '    <<: [*logging, *restart]',
      '    image: b',
      '  c:',
      '    <<: { restart: always }',
      '    image: c',
      '    environment:',
      '      <<: { A: 1 }',
      '      B: 2',
    );
    assert.deepStrictEqual(validate(text), []);
  });

  it('reports a merge of something that is not a mapping', () => {
    const text = yaml('x-tag: &tag latest', 'services:', '  a:', '    <<: *tag', '    image: a');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-type',
        message: 'The merge key `<<` takes a mapping, an alias of one, or a list of them, not the string `latest`.',
        range: span(text, '*tag'),
        severity: 'error',
      },
    ]);
  });

  it('reports an unknown key inside an inline merged mapping at its place', () => {
    const text = yaml('services:', '  a:', '    <<: { imagee: a }', '    image: a');
    const range = span(text, 'imagee');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'unknown-key',
        message: 'Unknown key `imagee` in `services.a` (did you mean image?).',
        range,
        severity: 'error',
        fix: { title: 'Change to `image`', range, newText: 'image' },
      },
    ]);
  });
});

describe('Compose schema check: aliases', () => {
  it('checks an aliased value where it is defined, once', () => {
    const text = yaml(
      'x-image: &image 5',
      'services:',
      '  a:',
      '    image: *image',
      '  b:',
      '    image: *image',
    );
    assert.deepStrictEqual(validate(text), [
      { code: 'invalid-type', message: '`image` expects a string, not the number `5`.', range: span(text, '5'), severity: 'error' },
    ]);
  });

  it('reports a problem in an anchored value once, though aliased elsewhere', () => {
    const text = yaml(
      'services:',
      '  a:',
      '    image: a',
      '    healthcheck: &health',
      '      interval: soon',
      '  b:',
      '    image: b',
      '    healthcheck: *health',
    );
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-value',
        message:
          '`soon` for `interval` is not a valid duration: write numbers with units (`ns`, `us`, `ms`, `s`, `m`, `h`), such as `30s`, `1m30s` or `500ms`.',
        range: span(text, 'soon'),
        severity: 'error',
      },
    ]);
  });

  it('accepts aliases of good values', () => {
    const text = yaml(
      'x-env: &env',
      '  A: 1',
      'services:',
      '  a:',
      '    image: &img nginx',
      '    environment: *env',
      '  b:',
      '    image: *img',
      '    environment: *env',
      '    labels: *env',
    );
    assert.deepStrictEqual(validate(text), []);
  });

  it('follows the latest anchor of a name before the alias', () => {
    const text = yaml(
      'x-a: &a { restart: sometimes }',
      'services:',
      '  one:',
      '    image: one',
      '    labels: &a { restart: always }',
      '  two:',
      '    <<: *a',
      '    image: two',
      '  three:',
      '    <<: *a',
      '    image: three',
      '    labels: &a { restart: sometimes }',
      '  four:',
      '    <<: *a',
      '    image: four',
    );
    // The first `&a` is only in an extension; `two` and `three` merge the labels of `one`; `four` merges
    // the labels of `three`, which are checked as service keys there.
    assert.deepStrictEqual(validate(text), [
      { code: 'invalid-value', message: BAD_RESTART, range: span(text, 'sometimes', 1), severity: 'error' },
    ]);
  });

  it('stops on a recursive alias', () => {
    const text = yaml('services:', '  a: &a', '    image: a', '    labels: *a');
    const findings = validate(text);
    assert.deepStrictEqual(findings.map((f) => [f.code, f.message]), [
      ['invalid-type', '`labels` expects a string, number or boolean, not a mapping.'],
    ]);
  });

  it('bounds the expansion of nested aliases (billion laughs)', () => {
    const lines = ['x-l0: &l0 [a, b, c, d, e, f, g, h, i, j]'];
    for (let i = 1; i < 12; i++) lines.push(`x-l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    lines.push('services:', '  a:', '    image: a', '    command: *l11', '    entrypoint: *l11', '    dns: *l11');
    const text = yaml(...lines);
    const started = Date.now();
    const findings = validate(text);
    assert.ok(Date.now() - started < 1000, 'bounded');
    // `*l10`'s list is checked once per key as an entry of `*l11`'s list (and found to be a list, not a string).
    const range = span(text, '[*l9, *l9, *l9, *l9, *l9, *l9, *l9, *l9, *l9, *l9]');
    assert.deepStrictEqual(findings, ['command', 'entrypoint', 'dns'].map((key) => ({
      code: 'invalid-type',
      message: `An entry of \`${key}\` expects a string, not a list.`,
      range,
      severity: 'error',
    })));
  });
});

describe('Compose schema check: !reset and !override', () => {
  it('accepts empty !reset and !override values of any key', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: !reset',
      '    ports: !reset []',
      '    environment: !reset {}',
      '    build: !reset null',
      '    healthcheck: !override {}',
    );
    assert.deepStrictEqual(validate(text), []);
  });

  it('checks non-empty tagged values like any other', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: nginx',
      '    ports: !override ["8080:80"]',
      '    healthcheck: !override',
      '      intervl: 5s',
      '    expose: !reset "3000"',
    );
    assert.deepStrictEqual(validate(text), [
      {
        code: 'unknown-key',
        message: 'Unknown key `intervl` in `services.web.healthcheck` (did you mean interval?).',
        range: span(text, 'intervl'),
        severity: 'error',
        fix: { title: 'Change to `interval`', range: span(text, 'intervl'), newText: 'interval' },
      },
      { code: 'invalid-type', message: '`expose` expects a list, not the string `3000`.', range: span(text, '"3000"'), severity: 'error' },
    ]);
  });

  it('works with tags defined the way yaml documents them', () => {
    const tags = ['!reset', '!override'].flatMap((tag) => [
      { tag, identify: () => false, resolve: (value: string) => value } as ScalarTag,
      { tag, collection: 'map', identify: () => false, resolve: (map: unknown) => map } as unknown as CollectionTag,
      { tag, collection: 'seq', identify: () => false, resolve: (seq: unknown) => seq } as unknown as CollectionTag,
    ]);
    const text = yaml('services:', '  web:', '    image: !override nginx', '    ports: !reset []', '    deploy: !override', '      replicas: 2');
    assert.deepStrictEqual(validate(text, tags), []);
  });
});

describe('Compose schema check: extensions, nullable maps and interpolation', () => {
  it('ignores the content of x- extension fields, even with aliases into them', () => {
    const text = yaml(
      'x-anything: &any',
      '  restart: sometimes',
      '  nonsense: [1, { a: b }]',
      'services:',
      '  web:',
      '    image: nginx',
      '    x-copy: *any',
    );
    assert.deepStrictEqual(validate(text), []);
  });

  it('accepts empty entries of nullable maps', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: nginx',
      '    networks:',
      '      front:',
      '    depends_on:',
      '      db:',
      '        condition: service_started',
      '    deploy:',
      '  db:',
      '    image: postgres',
      'volumes:',
      '  data:',
      'networks:',
      '  front:',
    );
    assert.deepStrictEqual(validate(text), []);
  });

  it('accepts interpolation in any scalar, but not an escaped `$$`', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: ${IMAGE:-nginx}',
      '    restart: ${RESTART_POLICY}',
      '    privileged: $PRIVILEGED',
      '    deploy:',
      '      replicas: ${REPLICAS:-2}',
      '    healthcheck:',
      '      interval: ${INTERVAL}s',
      '    ports:',
      '      - "${PORT:-8080}:80"',
      '    stop_signal: $$SIGTERM',
      '    init: $$true',
    );
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-type',
        message: '`init` expects a boolean (`true` or `false`), not the string `$$true`.',
        range: span(text, '$$true'),
        severity: 'error',
      },
    ]);
  });

  it('reports everything at once, in document order', () => {
    const text = yaml('services:', '  web:', '    imag: nginx', '    restart: never', '    tty: 2', 'volumez: {}');
    assert.deepStrictEqual(
      validate(text).map((f) => [f.code, f.range.start.line]),
      [
        ['unknown-key', 2],
        ['invalid-value', 3],
        ['invalid-type', 4],
        ['unknown-key', 5],
      ],
    );
  });
});
