import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseCompose } from '../../server/src/compose/parse';
import { brief, diagnose, found, yaml } from './composeChecksSupport';

const ROOT = path.resolve(__dirname, '../../..');

describe('Compose diagnostics: the seed file', () => {
  it('gives the obsolete version a warning and the list without a key one yaml-syntax error', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/workspace/docker-compose.yml'), 'utf8');
    const diagnostics = diagnose(text, { uri: `file://${path.join(ROOT, 'test/fixtures/workspace/docker-compose.yml')}`, fileExists: fs.existsSync });
    const version = diagnostics.find((d) => d.code === 'obsolete-version')!;
    assert.deepStrictEqual(version.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
    assert.strictEqual(version.severity, 2);
    assert.deepStrictEqual(version.data, { title: 'Remove the obsolete version line', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: '' });
    const errors = diagnostics.filter((d) => d.severity === 1);
    assert.deepStrictEqual(
      errors.map((d) => ({ code: d.code, line: d.range.start.line, source: d.source, message: d.message })),
      [
        {
          code: 'yaml-syntax',
          line: 18,
          source: 'docker-workflows',
          message: 'A key is missing before this list: inside a map, a list must be the value of a key. Did you mean "command:" before it?',
        },
      ],
    );
    assert.deepStrictEqual(errors[0].range, { start: { line: 18, character: 4 }, end: { line: 18, character: 5 } });
  });
});

describe('Compose diagnostics: yaml-syntax', () => {
  it('reports tabs used as indentation on the tab', () => {
    assert.deepStrictEqual(found('services:\n\tweb:\n    image: x\n', 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'Tabs cannot indent YAML: indent this line with spaces.', range: '1:0-1:1', severity: 'error' },
    ]);
  });

  it('reports a missing space after a colon, in a block and as a service value', () => {
    const message = 'A space is missing after the colon in "image:nginx": YAML reads it as one piece of text, not as a key and a value. Write "image: nginx".';
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image:nginx', '    ports: []'), 'yaml-syntax'), [{ code: 'yaml-syntax', message, range: '2:4-2:15', severity: 'error' }]);
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image:nginx'), 'yaml-syntax'), [{ code: 'yaml-syntax', message, range: '2:4-2:15', severity: 'error' }]);
  });

  it('reports a block under a key that already has a value on its line', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: nginx', '      ports: x'), 'yaml-syntax'), [
      {
        code: 'yaml-syntax',
        message: '"image" already has a value on its line ("nginx"), so the more indented lines below cannot belong to it: indent them like "image" if they are keys of the same map, or remove the value.',
        range: '2:11-2:16',
        severity: 'error',
      },
    ]);
  });

  it('reports a key without its colon', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    environment', '      A: b'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: '"environment" needs a colon: a key in a map is written "environment: value" (or "environment:" with its value indented below).', range: '2:4-2:15', severity: 'error' },
    ]);
  });

  it('reports a list or a map written where a key belongs, guessing the key from the items', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: x', '    - "8080:80"'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'A key is missing before this list: inside a map, a list must be the value of a key. Did you mean "ports:" before it?', range: '3:4-3:5', severity: 'error' },
    ]);
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: x', '    { A: b }'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'A key is missing before this map: inside a map, a map must be the value of a key. Did you mean "environment:" before it?', range: '3:4-3:5', severity: 'error' },
    ]);
  });

  it('puts an unclosed quote or bracket on its opening character', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: "nginx', '    ports: []'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'This quoted text is not closed: add the closing " at its end.', range: '2:11-2:12', severity: 'error' },
    ]);
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: x', '    command: [a, b', '    ports: []'), 'yaml-syntax'), [
      {
        code: 'yaml-syntax',
        message: 'This list is not closed: add the "]" at its end (the lines of a list written with "[" must also be indented more than its key).',
        range: '3:13-3:14',
        severity: 'error',
      },
    ]);
  });

  it('reports a wrong indentation once, and nothing else on that line', () => {
    assert.deepStrictEqual(brief(yaml('services:', '  web:', '    image: x', '   ports: []')), ['yaml-syntax error 3:3-3:8']);
  });

  it('reports unknown anchors', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: *nope'), 'yaml-syntax'), [
      { code: 'yaml-syntax', message: 'There is no anchor &nope before this alias.', range: '2:11-2:16', severity: 'error' },
    ]);
  });

  it('stays quiet on valid YAML with anchors, merges, tags, block scalars and flow collections', () => {
    const text = yaml(
      'x-base: &base',
      '  restart: always',
      'services:',
      '  web:',
      '    <<: *base',
      '    image: nginx',
      '    command: >',
      '      sh -c "echo: hi"',
      '    environment: {A: "1", B: \'2\'}',
      '    ports: !override ["80:80"]',
      '    labels: !reset []',
    );
    assert.deepStrictEqual(found(text, 'yaml-syntax'), []);
  });
});

describe('Compose diagnostics: duplicate-key, obsolete-version, deprecated-key', () => {
  it('reports a key written twice in one map, on the second', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: a', '    image: b'), 'duplicate-key'), [
      { code: 'duplicate-key', message: 'The key "image" is already set in this map, on line 3: a key may appear only once.', range: '3:4-3:9', severity: 'error' },
    ]);
    assert.deepStrictEqual(brief(yaml('services:', '  a:', '    image: x', '  a:', '    image: y')), ['duplicate-key error 3:2-3:3']);
  });

  it('does not report the same key in different maps, or repeated merge keys', () => {
    assert.deepStrictEqual(found(yaml('x-a: &a {user: a}', 'x-b: &b {group: b}', 'services:', '  web:', '    image: a', '    <<: *a', '    <<: *b', '  db:', '    image: b'), 'duplicate-key'), []);
  });

  it('reports the top-level version with a fix that removes its line', () => {
    const result = diagnose(yaml('services:', '  web:', '    image: x', 'version: "3.8"'));
    assert.deepStrictEqual(result.map((d) => [d.code, d.severity, d.message, d.tags, d.data]), [
      [
        'obsolete-version',
        2,
        'The top-level "version" is obsolete: Compose ignores it. Remove it to avoid confusion.',
        [1],
        { title: 'Remove the obsolete version line', range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '' },
      ],
    ]);
  });

  it('does not report a version that is not the top-level key', () => {
    assert.deepStrictEqual(found(yaml('services:', '  version:', '    image: x', '    environment:', '      version: "3"'), 'obsolete-version'), []);
  });

  it('reports external.name with a fix to name + external: true', () => {
    const result = diagnose(yaml('services:', '  web:', '    image: x', '    networks: [net]', 'networks:', '  net:', '    external:', '      name: shared'));
    assert.deepStrictEqual(result.map((d) => [d.code, d.severity, d.message, d.range, d.tags, d.data]), [
      [
        'deprecated-key',
        2,
        '"external.name" is deprecated: give the network "name: shared" and "external: true" instead.',
        { start: { line: 7, character: 6 }, end: { line: 7, character: 10 } },
        [2],
        { title: 'Use name and external: true', range: { start: { line: 6, character: 4 }, end: { line: 7, character: 18 } }, newText: 'external: true\n    name: shared' },
      ],
    ]);
  });

  it('does not report name with external: true', () => {
    assert.deepStrictEqual(brief(yaml('services:', '  web:', '    image: x', '    volumes: [data:/d]', 'volumes:', '  data:', '    name: shared', '    external: true')), []);
  });
});

describe('Compose diagnostics: undefined names', () => {
  it('reports a typo of a service name in every place a service is named, with the closest name', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: x',
      '    depends_on: [dbb]',
      '    links: ["dbx:database"]',
      '    network_mode: service:dd',
      '    volumes_from: ["db1:ro", "container:other"]',
      '    pid: "service:dc"',
      '    ipc: service:db2',
      '    extends: dv',
      '    build:',
      '      context: .',
      '      additional_contexts:',
      '        base: service:ddb',
      '  db:',
      '    image: y',
      '    depends_on:',
      '      webb:',
      '        condition: service_started',
    );
    assert.deepStrictEqual(found(text, 'undefined-service'), [
      { code: 'undefined-service', message: 'No service named "dbb" is defined (did you mean db?).', range: '3:17-3:20', severity: 'error' },
      { code: 'undefined-service', message: 'No service named "dbx" is defined (did you mean db?).', range: '4:13-4:16', severity: 'error' },
      { code: 'undefined-service', message: 'No service named "dd" is defined (did you mean db?).', range: '5:26-5:28', severity: 'error' },
      { code: 'undefined-service', message: 'No service named "db1" is defined (did you mean db?).', range: '6:20-6:23', severity: 'error' },
      { code: 'undefined-service', message: 'No service named "dc" is defined (did you mean db?).', range: '7:18-7:20', severity: 'error' },
      { code: 'undefined-service', message: 'No service named "db2" is defined (did you mean db?).', range: '8:17-8:20', severity: 'error' },
      { code: 'undefined-service', message: 'No service named "dv" is defined (did you mean db?).', range: '9:13-9:15', severity: 'error' },
      { code: 'undefined-service', message: 'No service named "ddb" is defined (did you mean db?).', range: '13:22-13:25', severity: 'error' },
      { code: 'undefined-service', message: 'No service named "webb" is defined (did you mean web?).', range: '17:6-17:10', severity: 'error' },
    ]);
  });

  it('reports a name with no close match as an error in a standalone file', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: x', '    depends_on: [elasticsearch]'), 'undefined-service'), [
      { code: 'undefined-service', message: 'No service named "elasticsearch" is defined.', range: '3:17-3:30', severity: 'error' },
    ]);
  });

  it('only warns about a name with no close match in a file that other files complete', () => {
    // Its services use a network while it has no networks section at all: it is merged with another file.
    const text = yaml('services:', '  fleet:', '    image: x', '    networks: [elk]', '    depends_on: [elasticsearch]');
    assert.deepStrictEqual(found(text), [
      {
        code: 'undefined-network',
        message: 'No network named "elk" is defined under the top-level "networks": Compose will refuse the project unless another file merged with this one defines it.',
        range: '3:15-3:18',
        severity: 'warning',
      },
      {
        code: 'undefined-service',
        message: 'No service named "elasticsearch" is defined: Compose will refuse the project unless another file merged with this one defines it.',
        range: '4:17-4:30',
        severity: 'warning',
      },
    ]);
    const stack = yaml('services:', '  web:', '    image: x', '    depends_on: [db]', '    deploy:', '      mode: global');
    assert.deepStrictEqual(brief(stack), ['undefined-service warning 3:17-3:19']);
  });

  it('reports named volumes (short and long syntax) but not host paths or anonymous volumes', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: x',
      '    volumes:',
      '      - dat:/data',
      '      - type: volume',
      '        source: dta',
      '        target: /z',
      '      - ./x:/x',
      '      - /abs:/y',
      '      - ~/home:/h',
      '      - C:\\data:/w',
      '      - /anonymous',
      '      - ${DIR}:/v',
      '      - type: bind',
      '        source: data2',
      '        target: /b',
      'volumes:',
      '  data:',
    );
    assert.deepStrictEqual(found(text, 'undefined-volume'), [
      { code: 'undefined-volume', message: 'No volume named "dat" is defined under the top-level "volumes" (did you mean data?).', range: '4:8-4:11', severity: 'error' },
      { code: 'undefined-volume', message: 'No volume named "dta" is defined under the top-level "volumes" (did you mean data?).', range: '6:16-6:19', severity: 'error' },
    ]);
  });

  it('reports networks in list and map form, never the default network', () => {
    const text = yaml('services:', '  a:', '    image: x', '    networks: [fronts, default]', '  b:', '    image: x', '    networks:', '      bak:', '        aliases: [b]', 'networks:', '  front:', '  back:');
    assert.deepStrictEqual(found(text, 'undefined-network'), [
      { code: 'undefined-network', message: 'No network named "fronts" is defined under the top-level "networks" (did you mean front?).', range: '3:15-3:21', severity: 'error' },
      { code: 'undefined-network', message: 'No network named "bak" is defined under the top-level "networks" (did you mean back?).', range: '7:6-7:9', severity: 'error' },
    ]);
  });

  it('reports secrets (service short and long syntax, build secrets) and configs', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: x',
      '    secrets: [tokn, {source: tokens, target: /t}]',
      '    configs: [conf, {source: cnf}]',
      '    build:',
      '      context: .',
      '      secrets: [tken]',
      'secrets:',
      '  token: {file: ./t}',
      'configs:',
      '  conf: {file: ./c}',
    );
    assert.deepStrictEqual(found(text).filter((d) => d.code.startsWith('undefined')), [
      { code: 'undefined-secret', message: 'No secret named "tokn" is defined under the top-level "secrets" (did you mean token?).', range: '3:14-3:18', severity: 'error' },
      { code: 'undefined-secret', message: 'No secret named "tokens" is defined under the top-level "secrets" (did you mean token?).', range: '3:29-3:35', severity: 'error' },
      { code: 'undefined-config', message: 'No config named "cnf" is defined under the top-level "configs" (did you mean conf?).', range: '4:29-4:32', severity: 'error' },
      { code: 'undefined-secret', message: 'No secret named "tken" is defined under the top-level "secrets" (did you mean token?).', range: '7:16-7:20', severity: 'error' },
    ]);
  });

  it('does not take extension keys under a top-level map for names', () => {
    const text = yaml('services:', '  x-defaults: &defaults', '    restart: always', '  web:', '    <<: *defaults', '    image: x');
    assert.deepStrictEqual([...parseCompose(text).names.services.keys()], ['web']);
    assert.deepStrictEqual(brief(text), []);
  });

  it('stays quiet when every name is defined', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: x',
      '    depends_on: {db: {condition: service_started}}',
      '    links: [db]',
      '    volumes: [data:/d, ./src:/src]',
      '    networks: [front, default]',
      '    secrets: [token]',
      '    configs: [{source: conf, target: /c}]',
      '  db:',
      '    image: y',
      '  sidecar:',
      '    image: z',
      '    network_mode: "service:web"',
      'volumes: {data: {}}',
      'networks: {front: {}}',
      'secrets: {token: {file: ./t}}',
      'configs: {conf: {file: ./c}}',
    );
    assert.deepStrictEqual(brief(text), []);
  });
});

describe('Compose diagnostics: dependency-cycle', () => {
  it('reports each edge of a start-order cycle, and a service that depends on itself', () => {
    const text = yaml('services:', '  a:', '    image: x', '    depends_on: [b]', '  b:', '    image: x', '    links: [a]', '  c:', '    image: x', '    depends_on: [c]');
    assert.deepStrictEqual(found(text, 'dependency-cycle'), [
      { code: 'dependency-cycle', message: 'Dependency cycle: a → b → a. Compose cannot decide which service to start first.', range: '3:17-3:18', severity: 'error' },
      { code: 'dependency-cycle', message: 'Dependency cycle: b → a → b. Compose cannot decide which service to start first.', range: '6:12-6:13', severity: 'error' },
      { code: 'dependency-cycle', message: 'Dependency cycle: c → c. Compose cannot decide which service to start first.', range: '9:17-9:18', severity: 'error' },
    ]);
  });

  it('reports extends cycles', () => {
    const text = yaml('services:', '  a:', '    extends: b', '  b:', '    extends:', '      service: a');
    assert.deepStrictEqual(brief(text), ['dependency-cycle error 2:13-2:14', 'dependency-cycle error 5:15-5:16']);
    assert.strictEqual(found(text, 'dependency-cycle')[0].message, 'Circular extends: a → b → a. A service cannot extend itself, directly or through others.');
  });

  it('stays quiet on a chain and a diamond', () => {
    const text = yaml('services:', '  a:', '    image: x', '    depends_on: [b, c]', '  b:', '    image: x', '    depends_on: [d]', '  c:', '    image: x', '    depends_on: [d]', '  d:', '    image: x', '    extends: e', '  e:', '    image: y');
    assert.deepStrictEqual(brief(text), []);
  });

  it('answers quickly on a long chain', () => {
    const lines = ['services:'];
    for (let i = 0; i < 2000; i++) lines.push(`  s${i}:`, '    image: x', `    depends_on: [s${(i + 1) % 2000}]`);
    const started = Date.now();
    const cycles = diagnose(yaml(...lines)).filter((d) => d.code === 'dependency-cycle');
    assert.strictEqual(cycles.length, 2000);
    assert.ok(Date.now() - started < 3000);
    assert.ok(parseCompose(yaml(...lines)).names.services.size === 2000);
  });
});
