// validateSchema on extension keys, nullable maps and interpolation.
import * as assert from 'assert';
import { span, validateWithoutWarnings as validate, yaml } from './support/composeSchemaCheck';

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
