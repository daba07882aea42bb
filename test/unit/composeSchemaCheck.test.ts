// validateSchema: one test that fires and one that must not for each code (unknown-key, invalid-type,
// invalid-value, deprecated-key). Merge keys, aliases, tags, extensions and interpolation are in
// composeSchemaCheckTricky.test.ts.
import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { parseDocument } from 'yaml';
import type { Finding } from '../../server/src/dockerfile/checks/types';
import { COMPOSE_CUSTOM_TAGS, validateSchema } from '../../server/src/compose/schemaCheck';

/** Parses like the language server does and validates, with ranges from a plain line index of the text. */
function validate(text: string): Finding[] {
  const document = parseDocument(text, { merge: true, keepSourceTokens: false, customTags: COMPOSE_CUSTOM_TAGS });
  assert.deepStrictEqual(document.errors.map((e) => e.message), [], 'the test text parses');
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

/** The range of the `nth` occurrence of `needle` in `text`. */
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

describe('Compose schema check: unknown-key', () => {
  it('reports a mistyped service key with a suggestion and a fix', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    restrat: always');
    const range = span(text, 'restrat');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'unknown-key',
        message: 'Unknown key `restrat` in `services.web` (did you mean restart?).',
        range,
        severity: 'error',
        fix: { title: 'Change to `restart`', range, newText: 'restart' },
      },
    ]);
  });

  it('reports an unknown top-level key', () => {
    const text = yaml('servces:', '  web:', '    image: nginx');
    const range = span(text, 'servces');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'unknown-key',
        message: 'Unknown top-level key `servces` (did you mean services?).',
        range,
        severity: 'error',
        fix: { title: 'Change to `services`', range, newText: 'services' },
      },
    ]);
  });

  it('gives no suggestion nor fix for a key far from every known key', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    healthcheck:', '      frobnicate: true');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'unknown-key',
        message: 'Unknown key `frobnicate` in `services.web.healthcheck`.',
        range: span(text, 'frobnicate'),
        severity: 'error',
      },
    ]);
  });

  it('offers no fix when the suggested key is already there', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    imag: nginx');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'unknown-key',
        message: 'Unknown key `imag` in `services.web` (did you mean image?).',
        range: span(text, 'imag', 1),
        severity: 'error',
      },
    ]);
  });

  it('reports an x- key where extensions are not allowed', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    blkio_config:', '      x-note: slow disk');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'unknown-key',
        message: 'Unknown key `x-note` in `services.web.blkio_config` (extension keys are not allowed here).',
        range: span(text, 'x-note'),
        severity: 'error',
      },
    ]);
  });

  it('accepts every known key and x- keys where extensions are allowed', () => {
    const text = yaml(
      'name: shop',
      'x-owner: team-a',
      'services:',
      '  web:',
      '    x-notes: { anything: [1, 2] }',
      '    image: nginx',
      '    restart: always',
      '    healthcheck:',
      '      test: ["CMD", "true"]',
      '      interval: 30s',
      'networks:',
      '  front:',
      '    x-zone: eu',
      '    driver: bridge',
    );
    assert.deepStrictEqual(validate(text), []);
  });

  it('leaves the obsolete `version` to the other diagnostics', () => {
    assert.deepStrictEqual(validate(yaml('version: 3.8', 'services:', '  web:', '    image: nginx')), []);
  });
});

describe('Compose schema check: invalid-type', () => {
  it('reports a mapping where a list is expected, on the value', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    ports:', '      http: 80');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-type',
        message: '`ports` expects a list, not a mapping.',
        range: rangeAt(text, text.indexOf('http'), text.length),
        severity: 'error',
      },
    ]);
  });

  it('reports a string where an integer is expected', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    deploy:', '      replicas: three');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-type',
        message: '`replicas` expects an integer, not the string `three`.',
        range: span(text, 'three'),
        severity: 'error',
      },
    ]);
  });

  it('reports a non-boolean where a boolean is expected', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    privileged: maybe');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-type',
        message: '`privileged` expects a boolean (`true` or `false`), not the string `maybe`.',
        range: span(text, 'maybe'),
        severity: 'error',
      },
    ]);
  });

  it('reports a list entry of the wrong type', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    cap_add:', '      - { name: NET_ADMIN }');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-type',
        message: 'An entry of `cap_add` expects a string, not a mapping.',
        range: span(text, '{ name: NET_ADMIN }'),
        severity: 'error',
      },
    ]);
  });

  it('reports an empty value where a string is expected, on the key', () => {
    const text = yaml('services:', '  web:', '    image:');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-type',
        message: '`image` expects a string, not an empty value.',
        range: span(text, 'image'),
        severity: 'error',
      },
    ]);
  });

  it('warns (no error) about an empty list-or-map, which Compose rejects', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    environment:', '    #  - DEBUG=1', '    cap_add:');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-type',
        message: '`environment` is empty: Compose rejects an empty value here (it expects a list or a mapping); add entries or remove the key.',
        range: span(text, 'environment'),
        severity: 'warning',
      },
      {
        code: 'invalid-type',
        message: '`cap_add` is empty: Compose rejects an empty value here (it expects a list); add entries or remove the key.',
        range: span(text, 'cap_add'),
        severity: 'warning',
      },
    ]);
  });

  it('reports a Compose file that is not a mapping', () => {
    const text = yaml('- web');
    assert.deepStrictEqual(validate(text), [
      { code: 'invalid-type', message: 'The Compose file expects a mapping, not a list.', range: rangeAt(text, 0, text.length), severity: 'error' },
    ]);
  });

  it('accepts values of the right types, numbers written as strings, and empty nullable values', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: nginx',
      '    command:',
      '    privileged: false',
      '    stdin_open: yes',
      '    cpus: 0.5',
      '    deploy:',
      '      replicas: "3"',
      '    environment:',
      '      DEBUG:',
      '      PORT: 8080',
      '      VERBOSE: true',
      '    build: ./web',
      '    logging:',
    );
    assert.deepStrictEqual(validate(text), []);
  });

  it('accepts nothing at all', () => {
    assert.deepStrictEqual(validate(''), []);
    assert.deepStrictEqual(validate('# only a comment\n'), []);
  });
});

describe('Compose schema check: invalid-value', () => {
  it('reports an enum value outside the set, with the allowed values', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '    restart: sometimes');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-value',
        message:
          '`sometimes` for `restart` is not a valid value: use one of `no`, `always`, `on-failure`, `unless-stopped` or a value matching `^on-failure:[0-9]+$`.',
        range: span(text, 'sometimes'),
        severity: 'error',
      },
    ]);
  });

  it('reports a bad duration, byte size and port, all at once', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: nginx',
      '    healthcheck:',
      '      interval: 10x',
      '    mem_limit: lots',
      '    ports:',
      '      - "99999:80"',
    );
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-value',
        message:
          '`10x` for `interval` is not a valid duration: write numbers with units (`ns`, `us`, `ms`, `s`, `m`, `h`), such as `30s`, `1m30s` or `500ms`.',
        range: span(text, '10x'),
        severity: 'error',
      },
      {
        code: 'invalid-value',
        message:
          '`lots` for `mem_limit` is not a valid byte size: write a number of bytes, or a number with a unit (`b`, `k`, `m`, `g`), such as `512m` or `1.5g`.',
        range: span(text, 'lots'),
        severity: 'error',
      },
      {
        code: 'invalid-value',
        message:
          '`99999:80` for an entry of `ports` is not a valid port: use `[[IP:][HOST:]]CONTAINER[/PROTOCOL]` with ports from 0 to 65535, such as `8080:80` or `127.0.0.1:5432:5432/tcp` (or a mapping).',
        range: span(text, '"99999:80"'),
        severity: 'error',
      },
    ]);
  });

  it('reports a number out of bounds and a name that breaks the pattern', () => {
    const text = yaml('name: My Shop', 'services:', '  web:', '    image: nginx', 'models:', '  llm:', '    model: ai/smollm2', '    context_size: -1');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-value',
        message: '`My Shop` for `name` is not a valid value: it must match `^[a-z0-9][a-z0-9_-]*$`.',
        range: span(text, 'My Shop'),
        severity: 'error',
      },
      {
        code: 'invalid-value',
        message: '`-1` for `context_size` is out of range: it must be at least 0.',
        range: span(text, '-1'),
        severity: 'error',
      },
    ]);
  });

  it('reports a resource name that breaks the name pattern, on the key', () => {
    const text = yaml('services:', '  web server:', '    image: nginx');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'invalid-value',
        message: '`web server` is not a valid service name in `services`: it must match `^[a-zA-Z0-9._-]+$`.',
        range: span(text, 'web server'),
        severity: 'error',
      },
    ]);
  });

  it('accepts valid enum values, patterns, durations, sizes and ports', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: nginx',
      '    restart: on-failure:3',
      '    pull_policy: every_12h',
      '    stop_grace_period: 1m30s',
      '    shm_size: 1.5g',
      '    mem_limit: 536870912',
      '    ports:',
      '      - 80',
      '      - "127.0.0.1:8080:80/tcp"',
      '      - "[::1]:5432:5432"',
      '      - "8000-8010:8000-8010"',
      '      - target: 443',
      '        published: "8443"',
      '        protocol: tcp',
      '    expose: ["3000", 3001, "4000-4010/udp"]',
    );
    assert.deepStrictEqual(validate(text), []);
  });
});

describe('Compose schema check: deprecated-key', () => {
  it('warns about `external: { name }`, with what to use instead', () => {
    const text = yaml('volumes:', '  data:', '    external:', '      name: shared-data');
    assert.deepStrictEqual(validate(text), [
      {
        code: 'deprecated-key',
        message: '`external.name` is deprecated: set `name` on the volume itself, next to `external: true`.',
        range: span(text, 'name'),
        severity: 'warning',
        tags: ['deprecated'],
      },
    ]);
  });

  it('accepts the current form', () => {
    assert.deepStrictEqual(validate(yaml('volumes:', '  data:', '    external: true', '    name: shared-data')), []);
  });
});
