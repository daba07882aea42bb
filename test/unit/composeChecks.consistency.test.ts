// Compose consistency rules (issue 13): what Compose refuses when it loads a file and we did not report:
// watch rules, mounts, secret/config sources, counts, device requests, extends/include, environment
// spaces, non-text keys, empty files, and missing image or build.
import * as assert from 'assert';
import { parseCompose } from '../../server/src/compose/parse';
import { shortVolumeTarget } from '../../server/src/compose/checks/mounts';
import { brief, found, yaml } from './support/composeChecks';

const only = (text: string, code: string, context = {}) => found(text, code, context).map((d) => `${d.severity} ${d.range}`);

describe('Compose consistency: develop.watch', () => {
  it('requires action and path, a non-blank path, and a target for the sync actions', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    build: .',
      '    develop:',
      '      watch:',
      '        - path: ./a', //          5: no action
      '        - action: rebuild', //    6: no path
      '        - path: ""', //           7: blank path, no action
      '          action: rebuild',
      '        - path: ./s', //          9
      '          action: sync', //      10: no target
      '        - path: ./e',
      '          action: sync+exec', // 12: no target
      '          target: ""',
    );
    assert.deepStrictEqual(only(text, 'missing-key'), ['error 5:10-5:14', 'error 6:10-6:16', 'error 10:18-10:22', 'error 13:18-13:20']);
    assert.deepStrictEqual(only(text, 'invalid-value'), ['error 7:16-7:18']);
  });

  it('accepts rebuild and restart without target, and complete sync rules', () => {
    const text = yaml('services:', '  web:', '    build: .', '    develop:', '      watch:', '        - {path: ./a, action: rebuild}', '        - {path: ./b, action: restart}', '        - {path: ./c, action: sync+restart, target: /app}');
    assert.deepStrictEqual(brief(text), []);
  });
});

describe('Compose consistency: mounts', () => {
  it('reads the container path of short volume specs', () => {
    assert.deepStrictEqual(shortVolumeTarget('/data'), { target: '/data', index: 0 });
    assert.deepStrictEqual(shortVolumeTarget('db:/var/lib/db:ro'), { target: '/var/lib/db', index: 3 });
    assert.deepStrictEqual(shortVolumeTarget('C:\\data:/data'), { target: '/data', index: 8 });
  });

  it('reports the later of two mounts on one container path, tmpfs included', () => {
    const text = yaml('services:', '  app:', '    image: x', '    tmpfs: /run', '    volumes:', '      - ./run:/run/', '      - data:/data', '      - type: volume', '        source: data', '        target: /data', 'volumes:', '  data:');
    const seen = found(text, 'duplicate-mount-target');
    assert.deepStrictEqual(seen.map((d) => `${d.severity} ${d.range}`), ['error 5:14-5:19', 'error 9:16-9:21']);
    assert.match(seen[0].message, /"\/run\/" is already mounted in this service \(a tmpfs, line 4\)/);
  });

  it('is a warning in a file written for docker stack deploy, and quiet for distinct paths', () => {
    const swarm = yaml('services:', '  app:', '    image: x', '    deploy: {mode: global}', '    volumes:', '      - /a', '      - ./b:/a');
    assert.deepStrictEqual(only(swarm, 'duplicate-mount-target'), ['warning 6:12-6:14']);
    assert.deepStrictEqual(brief(yaml('services:', '  app:', '    image: x', '    tmpfs: [/run, /tmp]', '    volumes:', '      - /data', '      - ./src:/src')), []);
  });

  it('requires a source for a bind mount and refuses a negative tmpfs size', () => {
    const text = yaml(
      'services:',
      '  app:',
      '    image: x',
      '    volumes:',
      '      - type: bind',
      '        target: /a',
      '      - type: bind',
      "        source: ''",
      '        target: /b',
      '      - type: tmpfs',
      '        target: /c',
      '        tmpfs: {size: -5}',
      '      - type: bind',
      '        source: ./ok',
      '        target: /d',
    );
    assert.deepStrictEqual(only(text, 'missing-key'), ['error 4:14-4:18']);
    assert.deepStrictEqual(only(text, 'invalid-value'), ['error 7:16-7:18', 'error 11:22-11:24']);
  });
});

describe('Compose consistency: secret and config sources', () => {
  it('requires file or environment (and content for configs), unless external or a driver', () => {
    const text = yaml(
      'secrets:',
      '  a: {name: x}',
      '  b:',
      '  c: {file: ./c}',
      '  d: {environment: D}',
      '  e: {external: true}',
      '  f: {driver: vault}',
      'configs:',
      '  g: {content: hello}',
      '  h: {labels: {a: b}}',
    );
    assert.deepStrictEqual(only(text, 'missing-key'), ['error 1:2-1:3', 'error 2:2-2:3', 'error 9:2-9:3']);
  });

  it('is a warning in an overlay, and quiet when a base file defines the source', () => {
    const text = yaml('secrets:', '  a: {name: x}');
    assert.deepStrictEqual(only(text, 'missing-key', { uri: 'file:///p/compose.override.yaml' }), ['warning 1:2-1:3']);
    const base = parseCompose(yaml('secrets:', '  a: {file: ./a}'));
    assert.deepStrictEqual(only(text, 'missing-key', { uri: 'file:///p/compose.prod.yaml', baseModels: [base] }), []);
  });
});

describe('Compose consistency: counts and device requests', () => {
  it('warns about negative replicas and a negative scale, as text or as a number (compose-go loads them)', () => {
    const text = yaml('services:', '  a:', '    image: x', '    scale: "-2"', '    deploy:', '      replicas: -1', '  b:', '    image: x', '    deploy: {replicas: 0}', '  c:', '    image: x', '    scale: -3');
    assert.deepStrictEqual(only(text, 'invalid-value'), ['warning 3:11-3:15', 'warning 5:16-5:18', 'warning 11:11-11:13']);
  });

  it('requires capabilities (or a driver) in a device request', () => {
    const text = yaml('services:', '  a:', '    image: x', '    deploy:', '      resources:', '        reservations:', '          devices:', '            - count: all', '            - {driver: nvidia, count: 1}', '            - {capabilities: [gpu]}');
    assert.deepStrictEqual(only(text, 'missing-key'), ['error 7:14-7:24']);
  });
});

describe('Compose consistency: extends and include', () => {
  it('reports extends of an undefined service, and extends without service', () => {
    const text = yaml('services:', '  a:', '    image: x', '  b:', '    extends: nothere', '  c:', '    extends: {file: other.yaml}', '  d:', '    image: x', '    extends: {service: a}');
    assert.deepStrictEqual(only(text, 'undefined-service'), ['error 4:13-4:20']);
    assert.deepStrictEqual(only(text, 'missing-key'), ['error 6:4-6:11']);
  });

  it('reports an include of the file itself and a cycle through other files', () => {
    const files: Record<string, string> = {
      '/p/compose.yaml': yaml('include:', '  - compose.yaml', '  - sub/a.yaml', '  - other.yaml', 'services:', '  web: {image: x}'),
      '/p/sub/a.yaml': yaml('include:', '  - path: [../b.yaml]', 'services:', '  a: {image: x}'),
      '/p/b.yaml': yaml('include:', '  - compose.yaml', 'services:', '  b: {image: x}'),
      '/p/other.yaml': yaml('services:', '  o: {image: x}'),
    };
    const loadFile = (p: string) => (files[p] !== undefined ? parseCompose(files[p]) : undefined);
    const seen = found(files['/p/compose.yaml'], 'include-cycle', { uri: 'file:///p/compose.yaml', loadFile });
    assert.deepStrictEqual(seen.map((d) => `${d.severity} ${d.range}`), ['error 1:4-1:16', 'error 2:4-2:14']);
    assert.match(seen[1].message, /sub\/a\.yaml -> b\.yaml -> compose\.yaml/);
  });
});

describe('Compose consistency: environment, keys, empty files, image or build', () => {
  it('warns about spaces before "=" in list-form environment and build args', () => {
    const text = yaml('services:', '  a:', '    build:', '      context: .', '      args:', '        - VERSION =1', '    environment:', '      - DEBUG = true', '      - OK=a = b', '      - SPACED= value');
    const seen = found(text, 'invalid-value');
    assert.deepStrictEqual(seen.map((d) => `${d.severity} ${d.range}`), ['warning 5:17-5:19', 'warning 7:13-7:16']);
    assert.match(seen[1].message, /Compose sets "DEBUG " to " true", not "DEBUG"\. Write "DEBUG=true"\./);
  });

  it('refuses keys read as numbers, booleans or null where Compose expects text, outside extensions', () => {
    const text = yaml('services:', '  1:', '    image: x', '    labels:', '      2: a', '      "3": b', 'networks:', '  false: {}', 'x-data:', '  4: ok', 'volumes:', '  ? null', '  : {}');
    assert.deepStrictEqual(only(text, 'invalid-type'), ['error 1:2-1:3', 'error 4:6-4:7', 'error 7:2-7:7', 'error 11:4-11:8']);
  });

  it('finds a lone non-text key wherever it is written: at the top, in a flow map, deep, in a later document', () => {
    assert.deepStrictEqual(only(yaml('services:', '  a: {image: x}', '1: x'), 'invalid-type'), ['error 2:0-2:1']);
    assert.deepStrictEqual(only(yaml('services: {a: {image: x, labels: {true: b}}}'), 'invalid-type'), ['error 0:34-0:38']);
    assert.deepStrictEqual(only(yaml('x-base: &base', '  labels:', '    5: a', 'services:', '  a:', '    <<: *base', '    image: x'), 'invalid-type'), []);
    assert.deepStrictEqual(only(yaml('services:', '  a:', '    image: x', '    deploy:', '      labels:', '        7: a'), 'invalid-type'), ['error 5:8-5:9']);
    assert.deepStrictEqual(only(yaml('services:', '  a: {image: x}', '---', 'services:', '  b:', '    image: x', '    labels: {~: c}'), 'invalid-type'), ['error 6:13-6:14']);
  });

  it('refuses an empty or comment-only file, except as an overlay', () => {
    assert.deepStrictEqual(only('', 'empty-file'), ['error 0:0-0:0']);
    assert.deepStrictEqual(only('# nothing yet\n', 'empty-file'), ['error 0:0-0:13']);
    assert.deepStrictEqual(only('{}\n', 'empty-file'), ['error 0:0-0:2']);
    assert.deepStrictEqual(only('# nothing yet\n', 'empty-file', { uri: 'file:///p/compose.override.yaml' }), []);
    assert.deepStrictEqual(only('name: x\n', 'empty-file'), []);
  });

  it('counts an empty image as none, and follows extends for image or build', () => {
    const text = yaml('services:', '  a:', '    image: ""', '  b:', '    image: x', '  c:', '    extends: b', '  d:', '    extends: e', '  e:', '    environment: {A: b}');
    assert.deepStrictEqual(only(text, 'missing-image-or-build'), ['warning 1:2-1:3', 'warning 7:2-7:3', 'warning 9:2-9:3']);
  });
});
