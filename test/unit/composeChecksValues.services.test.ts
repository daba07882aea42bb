// Compose diagnostics on the settings of services: missing-image-or-build, duplicate-container-name,
// missing-healthcheck and conflicting-keys.
import * as assert from 'assert';
import { parseCompose } from '../../server/src/compose/parse';
import { brief, found, yaml } from './support/composeChecks';

describe('Compose diagnostics: missing-image-or-build', () => {
  it('warns about a service with neither image nor build', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: x', '  worker:', '    command: run'), 'missing-image-or-build'), [
      {
        code: 'missing-image-or-build',
        message: 'Service "worker" has neither "image" nor "build": Compose needs one of them, unless another file merged with this one sets it.',
        range: '3:2-3:8',
        severity: 'warning',
      },
    ]);
  });

  it('accepts image or build from the service, a merge key or an extended service', () => {
    const text = yaml('x-img: &img', '  image: x', 'services:', '  a:', '    build: .', '  b:', '    <<: *img', '  c:', '    extends: a', '  d:', '    extends: {service: b}', '  e:', '    extends: {file: other.yaml, service: z}', '  f:', '    provider: {type: model}');
    assert.deepStrictEqual(found(text, 'missing-image-or-build'), []);
  });

  it('is quiet in fragments: overlays, files that use !reset, files where no service has an image', () => {
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    environment: {A: b}'), 'missing-image-or-build', { uri: 'file:///p/compose.override.yaml' }), []);
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    image: x', '  db:', '    ports: !reset []'), 'missing-image-or-build'), []);
    assert.deepStrictEqual(found(yaml('services:', '  web:', '    environment: {A: b}'), 'missing-image-or-build'), []);
  });
});

describe('Compose diagnostics: duplicate-container-name', () => {
  it('reports a container name used twice', () => {
    assert.deepStrictEqual(found(yaml('services:', '  a:', '    image: x', '    container_name: app', '  b:', '    image: x', '    container_name: app'), 'duplicate-container-name'), [
      { code: 'duplicate-container-name', message: 'The container name "app" is already used by service "a" (line 4): container names must be unique.', range: '6:20-6:23', severity: 'error' },
    ]);
  });

  it('stays quiet for variants in separate profiles and for different names', () => {
    const text = yaml('services:', '  cpu:', '    image: x', '    profiles: [cpu]', '    container_name: ollama', '  gpu:', '    image: x', '    profiles: [gpu]', '    container_name: ollama', '  other:', '    image: x', '    container_name: other');
    assert.deepStrictEqual(found(text, 'duplicate-container-name'), []);
  });
});

describe('Compose diagnostics: missing-healthcheck', () => {
  it('warns when service_healthy waits on a service without a healthcheck whose image has none', () => {
    const text = yaml('services:', '  web:', '    image: x', '    depends_on:', '      db:', '        condition: service_healthy', '      cache:', '        condition: service_healthy', '  db:', '    image: postgres:16', '  cache:', '    image: redis', '    healthcheck:', '      disable: true');
    assert.deepStrictEqual(found(text, 'missing-healthcheck'), [
      {
        code: 'missing-healthcheck',
        message: 'Service "db" has no healthcheck, and its image defines none, but "web" waits for it to be healthy: Compose will fail to start "web". Add a healthcheck to "db".',
        range: '4:6-4:8',
        severity: 'warning',
      },
      { code: 'missing-healthcheck', message: 'Service "cache" has its healthcheck switched off, so it never becomes healthy and "web" never starts.', range: '6:6-6:11', severity: 'warning' },
    ]);
  });

  it('asks the engine about an image when it can', () => {
    const text = yaml('services:', '  web:', '    image: x', '    depends_on:', '      db:', '        condition: service_healthy', '  db:', '    image: example.com/team/db');
    assert.deepStrictEqual(brief(text), []);
    assert.deepStrictEqual(brief(text, { imageHasHealthcheck: (image) => image !== 'example.com/team/db' }), ['missing-healthcheck warning 4:6-4:8']);
  });

  it('accepts a healthcheck of the service, of an extended service, of a merged anchor or of the base file', () => {
    const base = parseCompose(yaml('services:', '  d:', '    image: postgres', '    healthcheck: {test: [CMD, "true"]}'));
    const text = yaml(
      'x-hc: &hc',
      '  healthcheck: {test: [CMD, "true"]}',
      'services:',
      '  web:',
      '    image: x',
      '    depends_on:',
      '      a: {condition: service_healthy}',
      '      b: {condition: service_healthy}',
      '      c: {condition: service_healthy}',
      '      d: {condition: service_healthy}',
      '      e: {condition: service_healthy}',
      '  a:',
      '    image: postgres',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "pg_isready"]',
      '  b:',
      '    extends: a',
      '  c:',
      '    image: mysql',
      '    <<: *hc',
      '  d:',
      '    environment: {X: y}',
      '  e:',
      '    build: .',
    );
    assert.deepStrictEqual(found(text, 'missing-healthcheck', { baseModels: [base] }), []);
  });
});

describe('Compose diagnostics: conflicting-keys', () => {
  it('reports keys Compose refuses together', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: x',
      '    network_mode: host',
      '    networks: [default]',
      '    build:',
      '      dockerfile: Dockerfile',
      '      dockerfile_inline: FROM x',
      '      platforms: [linux/amd64]',
      '    platform: linux/arm64',
      '    scale: 2',
      '    deploy:',
      '      replicas: 3',
      '      resources: {limits: {memory: 512m}}',
      '    mem_limit: 1g',
      '    container_name: web',
    );
    assert.deepStrictEqual(found(text, 'conflicting-keys'), [
      {
        code: 'conflicting-keys',
        message: '"network_mode" and "networks" cannot be used together: a service with network_mode joins none of the project\'s networks. Remove one of them.',
        range: '3:4-3:16',
        severity: 'error',
      },
      { code: 'conflicting-keys', message: '"dockerfile" and "dockerfile_inline" cannot be used together: keep the one that holds the Dockerfile.', range: '7:6-7:23', severity: 'error' },
      { code: 'conflicting-keys', message: 'The platform "linux/arm64" must be one of "build.platforms" (linux/amd64).', range: '9:4-9:12', severity: 'error' },
      { code: 'conflicting-keys', message: '"scale" (2) and "deploy.replicas" (3) must not differ.', range: '10:4-10:9', severity: 'error' },
      { code: 'conflicting-keys', message: '"mem_limit" and "deploy.resources.limits.memory" are set to different values: set only one of them.', range: '14:4-14:13', severity: 'error' },
      { code: 'conflicting-keys', message: '"container_name" cannot be used with "scale" above 1: every container needs a name of its own.', range: '15:4-15:18', severity: 'error' },
    ]);
  });

  it('reports top-level definitions: external with other keys, two names, two sources', () => {
    const text = yaml(
      'services:',
      '  web: {image: x}',
      'volumes:',
      '  v:',
      '    external: true',
      '    driver: local',
      '  w:',
      '    name: n1',
      '    external:',
      '      name: n2',
      'secrets:',
      '  s:',
      '    file: ./s',
      '    environment: S',
    );
    assert.deepStrictEqual(found(text, 'conflicting-keys'), [
      { code: 'conflicting-keys', message: '"driver" cannot be set on an external volume: Compose does not create it, it only uses the existing one.', range: '5:4-5:10', severity: 'error' },
      { code: 'conflicting-keys', message: '"name" and "external.name" give this volume different names: only use "name".', range: '7:4-7:8', severity: 'error' },
      { code: 'conflicting-keys', message: 'A secret takes only one of "file", "environment": here both "file" and "environment" are set.', range: '13:4-13:15', severity: 'error' },
    ]);
  });

  it('only warns in a file written for docker stack deploy, which ignores container_name and network_mode', () => {
    const text = yaml('services:', '  web:', '    image: x', '    container_name: web', '    deploy:', '      mode: replicated', '      replicas: 3');
    assert.deepStrictEqual(brief(text), ['conflicting-keys warning 3:4-3:18']);
  });

  it('stays quiet on equal values and single keys', () => {
    const text = yaml('services:', '  web:', '    image: x', '    network_mode: host', '    scale: 2', '    mem_limit: 512m', '    deploy:', '      replicas: 2', '      resources: {limits: {memory: 536870912}}', '    build:', '      dockerfile_inline: FROM x', '      platforms: [linux/amd64, linux/arm64]', '    platform: linux/arm64', 'volumes:', '  v: {external: true, name: shared, x-note: kept}');
    assert.deepStrictEqual(found(text, 'conflicting-keys'), []);
  });
});
