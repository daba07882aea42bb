// validateSchema on keys: one test that fires and one that must not for unknown-key and deprecated-key.
// Merge keys, aliases, tags, extensions and interpolation are in the composeSchemaCheckTricky.*.test.ts files.
import * as assert from 'assert';
import { span, validate, yaml } from './support/composeSchemaCheck';

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
