// validateSchema on aliases: checked where they are defined, once, with bounded expansion.
import * as assert from 'assert';
import { BAD_RESTART, span, validateWithoutWarnings as validate, yaml } from './support/composeSchemaCheck';

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
      {
        code: 'invalid-type', message: '`image` expects a string, not the number `5`.', range: span(text, '5'), severity: 'error',
        fix: { title: 'Quote `5` as a string', range: span(text, '5'), newText: '"5"' },
      },
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
