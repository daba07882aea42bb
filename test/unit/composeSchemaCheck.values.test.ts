// validateSchema on the values themselves: tests that fire and one that must not for invalid-value.
import * as assert from 'assert';
import { span, validate, yaml } from './support/composeSchemaCheck';

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
