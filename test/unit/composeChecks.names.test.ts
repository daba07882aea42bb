// Compose diagnostics on the names a file refers to: undefined services, volumes, networks, secrets and
// configs, and dependency cycles.
import * as assert from 'assert';
import { parseCompose } from '../../server/src/compose/parse';
import { brief, diagnose, found, yaml } from './support/composeChecks';

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

  it('does not take extension keys under a top-level map for names, but takes x- services (compose-go runs them)', () => {
    const text = yaml('volumes:', '  x-defaults: &defaults', '    driver: local', '  data:', '    <<: *defaults');
    assert.deepStrictEqual([...parseCompose(text).names.volumes.keys()], ['data']);
    const services = yaml('services:', '  x-defaults: &defaults', '    image: x', '  web:', '    <<: *defaults', '    depends_on: [x-defaults]');
    assert.deepStrictEqual([...parseCompose(services).names.services.keys()], ['x-defaults', 'web']);
    assert.deepStrictEqual(brief(services), []);
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

  it('answers a loop through 2000 services without hanging (a hang check; timing is in the bench)', () => {
    const lines = ['services:'];
    for (let i = 0; i < 2000; i++) lines.push(`  s${i}:`, '    image: x', `    depends_on: [s${(i + 1) % 2000}]`);
    const started = Date.now();
    const cycles = diagnose(yaml(...lines)).filter((d) => d.code === 'dependency-cycle');
    assert.strictEqual(cycles.length, 2000);
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    assert.ok(parseCompose(yaml(...lines)).names.services.size === 2000);
  });
});
