// validateSchema on merge keys: merged keys are checked against the mapping they are merged into, once at the
// anchor.
import * as assert from 'assert';
import { BAD_RESTART, span, validateWithoutWarnings as validate, yaml } from './support/composeSchemaCheck';

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
