// validateSchema on the Compose tags `!reset` and `!override`.
import * as assert from 'assert';
import type { CollectionTag, ScalarTag } from 'yaml';
import { span, validateWithoutWarnings as validate, yaml } from './support/composeSchemaCheck';

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
