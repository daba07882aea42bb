// Compose diagnostics that depend on what surrounds the file: missing-file, overlay and included files, and
// the severity settings.
import * as assert from 'assert';
import * as path from 'path';
import { parseCompose } from '../../server/src/compose/parse';
import { brief, found, yaml } from './support/composeChecks';

describe('Compose diagnostics: missing-file', () => {
  const folder = '/project';
  const existing = new Set(['/project/app', '/project/app/Dockerfile', '/project/.env', '/project/base.yaml']);
  const context = { uri: 'file:///project/compose.yaml', fileExists: (p: string) => existing.has(p) };

  it('warns about env files, build contexts, Dockerfiles, secret files, bind sources, extends files and includes', () => {
    const text = yaml(
      'include:',
      '  - other.yaml',
      'services:',
      '  web:',
      '    build:',
      '      context: ./app',
      '      dockerfile: Dockerfile.dev',
      '    env_file: [.env, missing.env]',
      '    volumes: ["./data:/data", "named:/n"]',
      '  job:',
      '    build: ./job',
      '    extends: {file: common.yaml, service: base}',
      'secrets:',
      '  token: {file: ./token.txt}',
      'volumes: {named: {}}',
    );
    assert.deepStrictEqual(found(text, 'missing-file', context), [
      { code: 'missing-file', message: 'The included file "other.yaml" does not exist (relative to the compose file\'s folder).', range: '1:4-1:14', severity: 'warning' },
      { code: 'missing-file', message: 'The Dockerfile "app/Dockerfile.dev" does not exist (relative to the compose file\'s folder).', range: '6:18-6:32', severity: 'warning' },
      { code: 'missing-file', message: 'The env file "missing.env" does not exist (relative to the compose file\'s folder).', range: '7:21-7:32', severity: 'warning' },
      {
        code: 'missing-file',
        message: 'The bind-mount source "./data" does not exist (relative to the compose file\'s folder): Docker will create an empty folder there.',
        range: '8:15-8:21',
        severity: 'warning',
      },
      { code: 'missing-file', message: 'The build context "./job" does not exist (relative to the compose file\'s folder).', range: '10:11-10:16', severity: 'warning' },
      { code: 'missing-file', message: 'The extended file "common.yaml" does not exist (relative to the compose file\'s folder).', range: '11:20-11:31', severity: 'warning' },
      { code: 'missing-file', message: 'The secret file "./token.txt" does not exist (relative to the compose file\'s folder).', range: '13:16-13:27', severity: 'warning' },
    ]);
    assert.strictEqual(path.dirname('/project/compose.yaml'), folder);
  });

  it('leaves alone what exists, URLs, absolute and home paths, variables and optional env files', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    build:',
      '      context: ./app',
      '    env_file:',
      '      - path: ./optional.env',
      '        required: false',
      '      - .env',
      '    volumes: ["/var/run/docker.sock:/s", "~/x:/x", "${DATA}:/d", "./app:/app", ".:/code"]',
      '  remote:',
      '    build: https://github.com/docker/example.git#main',
      '  git:',
      '    build: git@github.com:docker/example.git',
      '  here:',
      '    build: .',
      '    extends: {file: base.yaml, service: x}',
    );
    assert.deepStrictEqual(found(text, 'missing-file', context), []);
    assert.deepStrictEqual(found(text, 'missing-file', { uri: 'untitled:Untitled-1', fileExists: () => false }), []);
  });
});

describe('Compose diagnostics: overlay files', () => {
  const overlay = yaml('services:', '  web:', '    environment: {DEBUG: "1"}', '    networks: [backend]', '    depends_on: [db]', '  db:', '    ports: !reset []');

  it('accepts names the base files define, and asks nothing of services the base completes', () => {
    const base = parseCompose(yaml('services:', '  web:', '    image: app', '  db:', '    image: postgres', '  cache:', '    image: redis', 'networks:', '  backend:'));
    assert.deepStrictEqual(brief(overlay, { uri: 'file:///p/compose.override.yaml', baseModels: [base] }), []);
    assert.deepStrictEqual(brief(yaml('services:', '  web:', '    depends_on: [cache]'), { uri: 'file:///p/compose.prod.yaml', baseModels: [base] }), []);
  });

  it('without its base, warns at most', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    networks: [backend]'), undefined, { uri: 'file:///p/overrides/compose.x.yaml' }), [
      {
        code: 'undefined-network',
        message: 'No network named "backend" is defined in this file: the base file it is merged onto must define it.',
        range: '2:15-2:22',
        severity: 'warning',
      },
    ]);
  });

  it('takes !reset and !override as Compose does: no false reports', () => {
    const base = parseCompose(yaml('services:', '  web:', '    image: app', '    ports: ["8080:80"]', '    depends_on: [db]', '  db:', '    image: postgres', '    ports: ["8080:81"]'));
    const text = yaml(
      'services:',
      '  web:',
      '    image: !reset null',
      '    build: .',
      '    depends_on: !reset []',
      '    ports: !override ["9090:80"]',
      '    networks: !reset {}',
      '    network_mode: host',
      '  db:',
      '    ports: !reset []',
    );
    assert.deepStrictEqual(brief(text, { uri: 'file:///p/compose.override.yaml', baseModels: [base] }), []);
    assert.deepStrictEqual(brief(text), []);
  });

  it('keeps errors for typos of names the base defines', () => {
    const base = parseCompose(yaml('services:', '  db:', '    image: postgres'));
    assert.deepStrictEqual(brief(yaml('services:', '  web:', '    depends_on: [dbb]'), { uri: 'file:///p/compose.override.yaml', baseModels: [base] }), ['undefined-service error 2:17-2:20']);
  });

  it('reads names from included files', () => {
    const included = parseCompose(yaml('services:', '  kafka:', '    image: kafka'));
    const text = yaml('include:', '  - path: v3/compose.yaml', 'services:', '  app:', '    image: x', '    depends_on: [kafka]');
    const loadFile = (p: string) => (p === '/p/v3/compose.yaml' ? included : undefined);
    assert.deepStrictEqual(brief(text, { uri: 'file:///p/compose.yaml', loadFile }), []);
    assert.deepStrictEqual(brief(text, { uri: 'file:///p/compose.yaml' }), ['undefined-service warning 5:17-5:22']);
  });
});

describe('Compose diagnostics: severity settings', () => {
  it('turns a code off or changes its severity', () => {
    const text = yaml('version: "3"', 'services:', '  web:', '    image: x', '    depends_on: [dbb]', '  db:', '    image: y');
    assert.deepStrictEqual(brief(text, { severity: { 'obsolete-version': 'off', 'undefined-service': 'warning' } }), ['undefined-service warning 4:17-4:20']);
  });
});
