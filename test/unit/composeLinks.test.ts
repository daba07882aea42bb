import * as assert from 'assert';
import * as fs from 'fs';
import type { DocumentLink } from 'vscode-languageserver-types';
import { documentLinks, type LinkContext } from '../../server/src/compose/links';
import { parseCompose } from '../../server/src/compose/parse';
import { corpusFiles } from './support/corpus';
import { yaml } from './support/composeChecks';

const URI = 'file:///home/dev/shop/compose.yaml';

/** The links of a document as [line, start, end, target, tooltip]; `files` are the paths that exist. */
function links(text: string, files: string[] = [], context: Partial<LinkContext> = {}): [number, number, number, string, string | undefined][] {
  const existing = new Set(files);
  return found(text, { fileExists: (p) => existing.has(p), ...context }).map((link) => [
    link.range.start.line,
    link.range.start.character,
    link.range.end.character,
    link.target!,
    link.tooltip,
  ]);
}

function found(text: string, context: Partial<LinkContext> = {}): DocumentLink[] {
  return documentLinks(parseCompose(text), { uri: URI, fileExists: () => false, ...context });
}

/** The paths `fileExists` was asked about. */
function asked(text: string, context: Partial<LinkContext> = {}): string[] {
  const paths: string[] = [];
  found(text, {
    ...context,
    fileExists: (p) => {
      paths.push(p);
      return false;
    },
  });
  return paths;
}

describe('Compose document links: images', () => {
  it('links an image to its registry page, over the repository part, inside quotes', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '  cache:',
      '    image: "bitnami/redis@sha256:' + 'a'.repeat(64) + '"',
      '  uv:',
      "    image: 'ghcr.io/astral-sh/uv:0.5'",
    );
    assert.deepStrictEqual(links(text), [
      [2, 11, 16, 'https://hub.docker.com/_/nginx', 'Open nginx on Docker Hub'],
      [4, 12, 25, 'https://hub.docker.com/r/bitnami/redis', 'Open bitnami/redis on Docker Hub'],
      [6, 12, 32, 'https://ghcr.io/astral-sh/uv', 'Open ghcr.io/astral-sh/uv on GitHub Packages'],
    ]);
  });

  it('does not link images with $, private registries, invalid references or images outside services', () => {
    const text = yaml(
      'x-image: nginx',
      'services:',
      '  a:',
      '    image: ${REGISTRY}/app:1',
      '  b:',
      '    image: nginx:$${TAG}',
      '  c:',
      '    image: localhost:5000/app',
      '  d:',
      '    image: Nginx',
      '  e:',
      '    image: [nginx]',
      'volumes:',
      '  data:',
      '    image: nginx',
    );
    assert.deepStrictEqual(links(text), []);
  });

  it('links an image written once in an anchor once, where it is written', () => {
    const text = yaml('x-base: &base', '  image: redis:7', 'services:', '  a:', '    <<: *base', '  b:', '    <<: *base');
    assert.deepStrictEqual(links(text), [[1, 9, 14, 'https://hub.docker.com/_/redis', 'Open redis on Docker Hub']]);
  });
});

describe('Compose document links: build', () => {
  it('opens the build context of the short and long forms, and the Dockerfile in its context', () => {
    const text = yaml(
      'services:',
      '  api:',
      '    build: ./api',
      '  web:',
      '    build:',
      '      context: "../web app"',
      '      dockerfile: docker/Dockerfile.dev',
      '  worker:',
      '    build:',
      '      dockerfile: Dockerfile.worker',
    );
    const files = ['/home/dev/shop/api', '/home/dev/web app', '/home/dev/web app/docker/Dockerfile.dev', '/home/dev/shop/Dockerfile.worker'];
    assert.deepStrictEqual(links(text, files), [
      [2, 11, 16, 'file:///home/dev/shop/api', 'Open ./api'],
      [5, 16, 26, 'file:///home/dev/web%20app', 'Open ../web app'],
      [6, 18, 39, 'file:///home/dev/web%20app/docker/Dockerfile.dev', 'Open docker/Dockerfile.dev'],
      [9, 18, 35, 'file:///home/dev/shop/Dockerfile.worker', 'Open Dockerfile.worker'],
    ]);
  });

  it('does not link the compose file own folder, missing files, or a Dockerfile written inline', () => {
    const text = yaml(
      'services:',
      '  a:',
      '    build: .',
      '  b:',
      '    build: { context: ./, dockerfile: Missing.Dockerfile }',
      '  c:',
      '    build:',
      '      context: ./c',
      '      dockerfile: Dockerfile',
      '      dockerfile_inline: FROM alpine',
    );
    assert.deepStrictEqual(links(text, ['/home/dev/shop', '/home/dev/shop/c', '/home/dev/shop/c/Dockerfile']), [[7, 15, 18, 'file:///home/dev/shop/c', 'Open ./c']]);
  });

  it('links an http(s) remote context to its address without the #ref:folder part, and no other remote context', () => {
    const text = yaml(
      'services:',
      '  a:',
      '    build: https://github.com/docker/rootfs.git#v1.0:docker',
      '  b:',
      '    build:',
      '      context: git@github.com:docker/rootfs.git',
      '      dockerfile: Dockerfile',
      '  c:',
      '    build: docker-image://alpine:3.20',
      '  d:',
      '    build: ssh://git@example.com/repo.git',
      '  e:',
      '    build: https://${GIT_HOST}/shop.git',
    );
    assert.deepStrictEqual(links(text, ['/home/dev/shop/Dockerfile']), [
      [2, 11, 47, 'https://github.com/docker/rootfs.git', 'Open https://github.com/docker/rootfs.git'],
    ]);
  });
});

describe('Compose document links: files', () => {
  it('opens env files written as a string, a list and the long form', () => {
    const text = yaml(
      'services:',
      '  a:',
      '    env_file: .env',
      '  b:',
      '    env_file:',
      '      - ./common.env',
      '      - path: ./local.env',
      '        required: false',
      '      - ./missing.env',
    );
    const files = ['/home/dev/shop/.env', '/home/dev/shop/common.env', '/home/dev/shop/local.env'];
    assert.deepStrictEqual(links(text, files), [
      [2, 14, 18, 'file:///home/dev/shop/.env', 'Open .env'],
      [5, 8, 20, 'file:///home/dev/shop/common.env', 'Open ./common.env'],
      [6, 14, 25, 'file:///home/dev/shop/local.env', 'Open ./local.env'],
    ]);
  });

  it('opens extends.file, include paths, and the files of secrets and configs', () => {
    const text = yaml(
      'include:',
      '  - infra/db.yaml',
      '  - path: ./monitoring/compose.yaml',
      '  - path:',
      '      - ./a.yaml',
      '      - ./a.override.yaml',
      'services:',
      '  web:',
      '    extends:',
      '      file: ../common/services.yml',
      '      service: webapp',
      'secrets:',
      '  token:',
      '    file: ./secrets/token.txt',
      'configs:',
      '  nginx:',
      '    file: /etc/nginx/nginx.conf',
      '  inline:',
      '    content: hello',
    );
    const files = [
      '/home/dev/shop/infra/db.yaml',
      '/home/dev/shop/monitoring/compose.yaml',
      '/home/dev/shop/a.yaml',
      '/home/dev/shop/a.override.yaml',
      '/home/dev/common/services.yml',
      '/home/dev/shop/secrets/token.txt',
      '/etc/nginx/nginx.conf',
    ];
    assert.deepStrictEqual(links(text, files), [
      [1, 4, 17, 'file:///home/dev/shop/infra/db.yaml', 'Open infra/db.yaml'],
      [2, 10, 35, 'file:///home/dev/shop/monitoring/compose.yaml', 'Open ./monitoring/compose.yaml'],
      [4, 8, 16, 'file:///home/dev/shop/a.yaml', 'Open ./a.yaml'],
      [5, 8, 25, 'file:///home/dev/shop/a.override.yaml', 'Open ./a.override.yaml'],
      [9, 12, 34, 'file:///home/dev/common/services.yml', 'Open ../common/services.yml'],
      [13, 10, 29, 'file:///home/dev/shop/secrets/token.txt', 'Open ./secrets/token.txt'],
      [16, 10, 31, 'file:///etc/nginx/nginx.conf', 'Open /etc/nginx/nginx.conf'],
    ]);
  });

  it('opens bind-mount sources of the short and long syntax, not named or anonymous volumes', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    volumes:',
      '      - ./src:/app',
      '      - "../shared:/shared:ro"',
      '      - /etc/localtime:/etc/localtime:ro',
      '      - data:/var/lib/data',
      '      - /app/node_modules',
      '      - type: bind',
      '        source: ./conf',
      '        target: /conf',
      '      - type: volume',
      '        source: ./looks-like-a-path',
      '        target: /x',
    );
    const files = ['/home/dev/shop/src', '/home/dev/shared', '/etc/localtime', '/home/dev/shop/conf', '/home/dev/shop/looks-like-a-path', '/app/node_modules'];
    assert.deepStrictEqual(links(text, files), [
      [3, 8, 13, 'file:///home/dev/shop/src', 'Open ./src'],
      [4, 9, 18, 'file:///home/dev/shared', 'Open ../shared'],
      [5, 8, 22, 'file:///etc/localtime', 'Open /etc/localtime'],
      [9, 16, 22, 'file:///home/dev/shop/conf', 'Open ./conf'],
    ]);
  });

  it('reads ~/ from the home folder of the context, and skips ~ paths without one', () => {
    const text = yaml('services:', '  a:', '    env_file: ~/secrets/app.env', '    volumes:', '      - ~/.aws:/root/.aws:ro', '      - ~bob/x:/x');
    const files = ['/home/dev/secrets/app.env', '/home/dev/.aws'];
    assert.deepStrictEqual(links(text, files, { home: '/home/dev' }), [
      [2, 14, 31, 'file:///home/dev/secrets/app.env', 'Open ~/secrets/app.env'],
      [4, 8, 14, 'file:///home/dev/.aws', 'Open ~/.aws'],
    ]);
    assert.deepStrictEqual(asked(text), []);
  });

  it('does not look for values with $ interpolation', () => {
    const text = yaml('services:', '  a:', '    build: ${CONTEXT:-.}', '    env_file: ./$ENV.env', '    volumes:', '      - ${DATA}:/data', '      - ./$$x:/y');
    assert.deepStrictEqual(asked(text), []);
  });

  it('reads relative paths only for a compose file on disk', () => {
    const text = yaml('services:', '  a:', '    image: alpine', '    env_file: ./a.env', '    volumes:', '      - /srv/data:/data');
    assert.deepStrictEqual(links(text, ['/srv/data', '/a.env'], { uri: 'untitled:Untitled-1' }), [
      [2, 11, 17, 'https://hub.docker.com/_/alpine', 'Open alpine on Docker Hub'],
      [5, 8, 17, 'file:///srv/data', 'Open /srv/data'],
    ]);
  });

  it('asks about each path once, however many services name it', () => {
    const text = yaml('services:', '  a:', '    env_file: .env', '  b:', '    env_file: ./.env', '    build: { context: ., dockerfile: ./Dockerfile }', '  c:', '    build: { context: ./, dockerfile: Dockerfile }');
    assert.deepStrictEqual(asked(text), ['/home/dev/shop/.env', '/home/dev/shop/Dockerfile']);
    const files = ['/home/dev/shop/.env', '/home/dev/shop/Dockerfile'];
    assert.deepStrictEqual(links(text, files).map((link) => link.slice(0, 3)), [[2, 14, 18], [4, 14, 20], [5, 37, 49], [7, 38, 48]]);
  });

  it('asks whether a file exists at most 1000 times per request', () => {
    const text = yaml('services:', '  a:', '    volumes:', ...Array.from({ length: 1500 }, (_, i) => `      - ./d${i}:/d${i}`));
    assert.strictEqual(asked(text).length, 1000);
  });
});

describe('Compose document links: any input', () => {
  it('never throws and links nothing in odd documents', () => {
    for (const text of ['', ':', 'services: [', 'services:\n  a: &a\n    build: *a\n', 'services:\n  a:\n    image: [\n', '- a\n- b\n', 'services:\n  ? [a]\n  : image: x\n']) {
      assert.deepStrictEqual(found(text, { fileExists: () => true }), [], JSON.stringify(text));
    }
  });

  it('covers exactly the text the link names in every corpus file', () => {
    const files = corpusFiles('compose');
    assert.ok(files.length > 0, 'the compose corpus is missing');
    let count = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split(/\r?\n/);
      for (const link of found(text, { fileExists: () => true, home: '/home/dev' })) {
        const { start, end } = link.range;
        assert.strictEqual(start.line, end.line, `${file}: ${JSON.stringify(link)}`);
        const covered = lines[start.line].slice(start.character, end.character);
        const named = /^Open (.*?)(?: on .*)?$/.exec(link.tooltip ?? '')![1];
        assert.strictEqual(covered, named, `${file}: ${JSON.stringify(link)}`);
        count++;
      }
    }
    assert.ok(count > 100, `only ${count} links in the corpus`);
  });
});
