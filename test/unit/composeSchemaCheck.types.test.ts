// validateSchema on the types of values: tests that fire and tests that must not for invalid-type.
import * as assert from 'assert';
import { rangeAt, span, validate, yaml } from './support/composeSchemaCheck';

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
