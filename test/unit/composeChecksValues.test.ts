import * as assert from 'assert';
import * as path from 'path';
import { parseCompose } from '../../server/src/compose/parse';
import { interpolationProblems } from '../../server/src/compose/checks/interpolation';
import { parsePortSpec } from '../../server/src/compose/checks/portSpec';
import { brief, found, yaml } from './composeChecksSupport';

describe('Compose diagnostics: invalid-port', () => {
  it('reports bad numbers, ranges, protocols and addresses in the short syntax', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: x',
      '    ports:',
      '      - "70000:80"',
      '      - "80:80/tcpx"',
      '      - "1.2.3:80:80"',
      '      - "8080-8081:80-82"',
      '      - "90-80:80"',
    );
    assert.deepStrictEqual(found(text, 'invalid-port'), [
      { code: 'invalid-port', message: 'Invalid port "70000:80": 70000 is not a port number (1 to 65535).', range: '4:8-4:18', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "80:80/tcpx": the protocol "tcpx" is not tcp, udp or sctp.', range: '5:8-5:20', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "1.2.3:80:80": "1.2.3" is not an IP address.', range: '6:8-6:21', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "8080-8081:80-82": the host range has 2 ports but the container range has 3.', range: '7:8-7:25', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "90-80:80": the range 90-80 goes from high to low.', range: '8:8-8:18', severity: 'error' },
    ]);
  });

  it('reports the long syntax and expose', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: x',
      '    ports:',
      '      - target: 80',
      '        published: "99999"',
      '        host_ip: nope',
      '        protocol: icmp',
      '      - published: 80',
      '    expose: ["3000", "x"]',
    );
    assert.deepStrictEqual(found(text, 'invalid-port'), [
      { code: 'invalid-port', message: 'Invalid port "99999": 99999 is not a port number (1 to 65535).', range: '5:19-5:26', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "nope": "nope" is not an IP address.', range: '6:17-6:21', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "icmp": the protocol must be tcp, udp or sctp.', range: '7:18-7:22', severity: 'error' },
      { code: 'invalid-port', message: 'A port in the long syntax needs a "target": the container port.', range: '8:8-8:21', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "x": "x" is not a port number or a range such as 8000-8010.', range: '9:21-9:24', severity: 'error' },
    ]);
  });

  it('accepts every valid form, variables included', () => {
    const valid = ['3000', '3000-3005', '8000:8000', '9090-9091:8080-8081', '49100:22', '127.0.0.1:8001:8001', '127.0.0.1:5000-5010:5000-5010', '127.0.0.1::5000', '6060:6060/udp', '[::1]:6000:6000', '::1:6001:6001', '${PORT:-80}:80', '${BIND}:${PORT}:80/${PROTO}', '9000-9010:80', '0:80', '53:53/SCTP'];
    for (const spec of valid) assert.ok(parsePortSpec(spec).ok, spec);
    const text = yaml('services:', '  web:', '    image: x', `    ports: [${valid.map((v) => JSON.stringify(v)).join(', ')}, 8080, {target: 80, published: "\${P}", host_ip: "::1", protocol: udp}]`, '    expose: [80, "90-95/udp", "${E}"]');
    assert.deepStrictEqual(found(text, 'invalid-port'), []);
  });
});

describe('Compose diagnostics: duplicate-host-port', () => {
  it('reports a host port published twice, an error when both always run', () => {
    const text = yaml('services:', '  a:', '    image: x', '    ports: ["8080:80"]', '  b:', '    image: x', '    ports:', '      - target: 81', '        published: 8080');
    assert.deepStrictEqual(found(text, 'duplicate-host-port'), [
      { code: 'duplicate-host-port', message: 'Host port 8080/tcp is already published by service "a" (line 4): the second container will fail to start.', range: '8:19-8:23', severity: 'error' },
    ]);
  });

  it('warns when only some profiles bring the two together, or ranges overlap', () => {
    const text = yaml('services:', '  a:', '    image: x', '    ports: ["9000:90"]', '  b:', '    image: x', '    profiles: [debug]', '    ports: ["0.0.0.0:9000:91", "7000-7010:70"]', '  c:', '    image: x', '    ports: ["7005:70"]');
    assert.deepStrictEqual(found(text, 'duplicate-host-port'), [
      {
        code: 'duplicate-host-port',
        message: 'Host port 9000/tcp is already published by service "a" (line 4): the two cannot run at the same time (here when their profiles are enabled).',
        range: '7:12-7:29',
        severity: 'warning',
      },
      {
        code: 'duplicate-host-port',
        message: 'Host port 7005/tcp is already published by service "b" (line 8): the two cannot run at the same time (here when their profiles are enabled).',
        range: '10:12-10:21',
        severity: 'warning',
      },
    ]);
  });

  it('stays quiet for other addresses, other protocols, separate profiles and variables', () => {
    const text = yaml(
      'services:',
      '  a:',
      '    image: x',
      '    ports: ["127.0.0.1:9000:90", "53:53/udp", "${P}:80", "7000:70"]',
      '  b:',
      '    image: x',
      '    ports: ["127.0.0.2:9000:90", "53:53/tcp", "${P}:80", "8000:80"]',
      '  cpu:',
      '    image: x',
      '    profiles: [cpu]',
      '    ports: ["11434:11434"]',
      '  gpu:',
      '    image: x',
      '    profiles: [gpu]',
      '    ports: ["11434:11434"]',
    );
    assert.deepStrictEqual(found(text, 'duplicate-host-port'), []);
  });
});

describe('Compose diagnostics: invalid-interpolation', () => {
  it('reports malformed ${...} on the reference itself', () => {
    const text = yaml('services:', '  web:', '    image: "${}"', '    command: "${ foo} ${foo!} ok ${E"', '    environment:', '      X: "${A:-${}}"');
    assert.deepStrictEqual(found(text, 'invalid-interpolation'), [
      { code: 'invalid-interpolation', message: '"${}" needs a variable name right after "${" (letters, digits and _, not starting with a digit).', range: '2:12-2:15', severity: 'error' },
      { code: 'invalid-interpolation', message: '"${ foo}" needs a variable name right after "${" (letters, digits and _, not starting with a digit).', range: '3:14-3:21', severity: 'error' },
      { code: 'invalid-interpolation', message: '"${foo!}" is not a valid reference: after the name "foo" only "}" or one of :- - :? ? :+ + may follow.', range: '3:22-3:29', severity: 'error' },
      { code: 'invalid-interpolation', message: '"${" is not closed: add the "}" that ends the variable reference.', range: '3:33-3:36', severity: 'error' },
      { code: 'invalid-interpolation', message: '"${}" needs a variable name right after "${" (letters, digits and _, not starting with a digit).', range: '5:15-5:18', severity: 'error' },
    ]);
  });

  it('accepts every form Compose knows, nested ones, $$ and a $ that starts nothing', () => {
    const ok = ['$$', '$$VAR', '$${VAR}', '$VAR', '${VAR}', '${VAR:-default}', '${VAR-default}', '${VAR:?err}', '${VAR?err}', '${VAR:+alt}', '${VAR+alt}', '${A:-${B:-${C}}}', '${A:-x:-y}', '$(date)', 'a$', '$1', '${VAR:-{json}}', 'pa$$word'];
    for (const value of ok) assert.deepStrictEqual(interpolationProblems(value), [], value);
    const text = yaml('services:', '  web:', '    image: x', `    command: [${ok.map((v) => JSON.stringify(v)).join(', ')}]`, '    labels:', '      - "traefik.rule=Path(`/api{p:.*}$$`)"');
    assert.deepStrictEqual(found(text, 'invalid-interpolation'), []);
  });

  it('finds the reference inside block scalars', () => {
    const text = yaml('services:', '  web:', '    image: x', '    command: |', '      echo one', '      echo ${bad name}');
    assert.deepStrictEqual(brief(text), ['invalid-interpolation error 5:11-5:22']);
  });
});

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
