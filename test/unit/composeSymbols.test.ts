import * as assert from 'assert';
import * as fs from 'fs';
import { SymbolKind, SymbolTag } from 'vscode-languageserver-types';
import { isMap } from 'yaml';
import { parseCompose } from '../../server/src/compose/parse';
import { documentSymbols, workspaceSymbols } from '../../server/src/compose/symbols';
import { flattenSymbols } from '../../server/src/service/negotiate';
import { corpusFiles } from './support/corpus';
import { checkSymbols, lines, mutatedCorpus, outline, range as r, tree } from './support/composeOutline';

describe('Compose outline', () => {
  it('lists the sections, their entries and the keys of each service, from key to end of content', () => {
    const text = lines(
      'name: shop', // 0
      'services:', // 1
      '  web:', // 2
      '    image: nginx:1.27', // 3
      '    ports:', // 4
      '      - "80:80"', // 5
      '      - "443:443"', // 6
      '    # about db', // 7
      '  db:', // 8
      '    build: ./db', // 9
      'volumes:', // 10
      '  data:', // 11
    );
    assert.deepStrictEqual(outline(text), [
      { name: 'name', kind: SymbolKind.Property, detail: 'shop', range: r(0, 0, 0, 10), selectionRange: r(0, 0, 0, 4) },
      {
        name: 'services', kind: SymbolKind.Module, range: r(1, 0, 9, 15), selectionRange: r(1, 0, 1, 8),
        children: [
          {
            name: 'web', kind: SymbolKind.Class, detail: 'nginx:1.27', range: r(2, 2, 6, 17), selectionRange: r(2, 2, 2, 5),
            children: [
              { name: 'image', kind: SymbolKind.Property, detail: 'nginx:1.27', range: r(3, 4, 3, 21), selectionRange: r(3, 4, 3, 9) },
              { name: 'ports', kind: SymbolKind.Property, detail: '2 entries', range: r(4, 4, 6, 17), selectionRange: r(4, 4, 4, 9) },
            ],
          },
          {
            name: 'db', kind: SymbolKind.Class, detail: './db', range: r(8, 2, 9, 15), selectionRange: r(8, 2, 8, 4),
            children: [{ name: 'build', kind: SymbolKind.Property, detail: './db', range: r(9, 4, 9, 15), selectionRange: r(9, 4, 9, 9) }],
          },
        ],
      },
      {
        name: 'volumes', kind: SymbolKind.Module, range: r(10, 0, 11, 6), selectionRange: r(10, 0, 10, 7),
        children: [{ name: 'data', kind: SymbolKind.Object, range: r(11, 2, 11, 6), selectionRange: r(11, 2, 11, 6) }],
      },
    ]);
  });

  it('shows how each volume, network, secret, config and include entry is provided, and tags the obsolete version', () => {
    const text = lines(
      'version: "3.8"',
      'include:',
      '  - ../common/compose.yaml',
      '  - path: [./a.yaml, ./b.yaml]',
      '    project_directory: ..',
      '  - env_file: .env',
      'volumes: {data: {}, ext: {external: true}, local: {driver: local}, off: {external: false, driver: nfs}}',
      'networks:',
      '  front:',
      '    driver: bridge',
      'secrets:',
      '  token: {file: ./token.txt}',
      '  env: {environment: TOKEN}',
      'configs:',
      '  inline: {content: hello}',
      '  shared: {external: true}',
      'models:',
      '  llm: {model: ai/smollm2}',
    );
    assert.deepStrictEqual(tree(outline(text)), [
      'Property version | 3.8 (deprecated)',
      'Module include',
      '  File ../common/compose.yaml',
      '  File ./a.yaml, ./b.yaml',
      '  File (no path)',
      'Module volumes',
      '  Object data',
      '  Object ext | external',
      '  Object local | local',
      '  Object off | nfs',
      'Module networks',
      '  Object front | bridge',
      'Module secrets',
      '  Object token | ./token.txt',
      '  Object env | environment: TOKEN',
      'Module configs',
      '  Object inline | content',
      '  Object shared | external',
      'Module models',
      '  Object llm | ai/smollm2',
    ]);
    assert.deepStrictEqual(outline(text)[0].tags, [SymbolTag.Deprecated]);
    const include = outline(text)[1].children!;
    assert.deepStrictEqual([include[1].range, include[1].selectionRange], [r(3, 4, 4, 25), r(3, 10, 3, 30)]);
  });

  it('shows merge keys and aliases as written, with anchors and merged images in details, and x- services', () => {
    const text = lines(
      'x-base: &base',
      '  image: app:${TAG:-dev}',
      '  restart: unless-stopped',
      'services:',
      '  api:',
      '    <<: *base',
      '    command: ["npm", "run", "start"]',
      '    environment:',
      '      - A=1',
      '    ports: !reset []',
      '    healthcheck: *check',
      '  worker: *base',
      '  tool:',
      '    build:',
      '      dockerfile: tool.Dockerfile',
      '  x-tool:',
      '    image: busybox',
      '  <<: *more',
    );
    assert.deepStrictEqual(tree(outline(text)), [
      'Namespace x-base | &base 2 keys',
      '  Property image | app:${TAG:-dev}',
      '  Property restart | unless-stopped',
      'Module services',
      '  Class api | app:${TAG:-dev}',
      '    Property << | *base',
      '    Property command | ["npm", "run", "start"]',
      '    Property environment | 1 entry',
      '    Property ports | !reset []',
      '    Property healthcheck | *check',
      '  Class worker | app:${TAG:-dev}',
      '  Class tool | build',
      '    Property build | 1 key',
      // Under services, an x- name is a service (compose-go runs it), as workspace symbols and rename read it.
      '  Class x-tool | busybox',
      '    Property image | busybox',
      '  Property << | *more',
    ]);
  });

  it('writes details on one line of at most 60 characters', () => {
    const text = lines(
      'services:',
      '  long:',
      '    image: registry.example.com/a/very/long/path/to/an/image/name:1.2.3-with-suffix',
      '    entrypoint: >',
      '      sh -c',
      '      "run it"',
      '    command: |',
      '      first line',
      '',
      '      second line',
      '    labels:',
      '      a: 1',
      '      b: 2',
      '    tty: true',
      '    cpus: 0.50',
      '    user:',
    );
    assert.deepStrictEqual(tree(outline(text)[0].children), [
      'Class long | registry.example.com/a/very/long/path/to/an/image/name:1.2.…',
      '  Property image | registry.example.com/a/very/long/path/to/an/image/name:1.2.…',
      '  Property entrypoint | sh -c "run it"',
      '  Property command | first line second line',
      '  Property labels | 2 keys',
      '  Property tty | true',
      '  Property cpus | 0.50',
      '  Property user',
    ]);
    // A block scalar's range ends with its last line, not with the line breaks it keeps.
    assert.deepStrictEqual(outline(text)[0].children![0].children![2].range, r(6, 4, 9, 17));
  });

  it('never throws on broken files, and keeps what parsed', () => {
    assert.deepStrictEqual(outline(''), []);
    assert.deepStrictEqual(outline('# only a comment\n'), []);
    assert.deepStrictEqual(outline('- a list\n- at the top'), []);
    assert.deepStrictEqual(tree(outline('services:\n  web:\n    image: [x\n  db: {image: y')), [
      'Module services', '  Class web', '    Property image | [x', '  Class db | y', '    Property image | y',
    ]);
    assert.deepStrictEqual(tree(outline('"": empty\n~: tilde\n? [a, b]\n: complex\nservices: *all')), [
      'Property "" | empty', 'Property ~ | tilde', 'Property [a, b] | complex', 'Module services | *all',
    ]);
    for (const text of ['services:\n  web:\n    image: "unterminated\n  db:', 'services:\n\tweb: x', 'services: [', ':\n:', '? \n', 'a: &x\n  b: *x\n  <<: *x']) {
      checkSymbols(outline(text), JSON.stringify(text), text.split('\n').length);
    }
  });

  it('lists the sections of each document of a file of several documents, in file order, each within its document', () => {
    const symbols = outline(lines('services:', '  web:', '    image: nginx', '---', 'volumes:', '  data: {}', '---', 'services:', '  db:', '    image: postgres'));
    assert.deepStrictEqual(tree(symbols), [
      'Module services', '  Class web | nginx', '    Property image | nginx',
      'Module volumes', '  Object data',
      'Module services', '  Class db | postgres', '    Property image | postgres',
    ]);
    assert.deepStrictEqual(symbols.map((s) => s.range), [r(0, 0, 2, 16), r(4, 0, 5, 10), r(7, 0, 9, 19)]);
    checkSymbols(symbols, 'several documents', 10);
  });

  it('reads Windows line endings', () => {
    const web = outline('services:\r\n  web:\r\n    image: x\r\n    command: |\r\n      a\r\n      b\r\n')[0].children![0];
    assert.deepStrictEqual([web.range, web.selectionRange], [r(1, 2, 5, 7), r(1, 2, 1, 5)]);
    assert.deepStrictEqual(tree(web.children), ['Property image | x', 'Property command | a b']);
  });

  it('keeps a valid outline for corpus files broken by random edits', () => {
    const texts = mutatedCorpus(400, 11);
    assert.strictEqual(texts.length, 400, 'the corpus is found beside the repository');
    for (const text of texts) checkSymbols(outline(text), JSON.stringify(text.slice(0, 60)), text.split('\n').length);
  });

  it('gives flat clients the service as the container of its keys', () => {
    const flat = flattenSymbols(outline('services:\n  web:\n    image: nginx\nvolumes:\n  data:'), 'file:///w/compose.yaml');
    assert.deepStrictEqual(flat.map((s) => [s.name, s.kind, s.containerName]), [
      ['services', SymbolKind.Module, undefined],
      ['web', SymbolKind.Class, 'services'],
      ['image', SymbolKind.Property, 'web'],
      ['volumes', SymbolKind.Module, undefined],
      ['data', SymbolKind.Object, 'volumes'],
    ]);
    assert.deepStrictEqual(flat[1].location, { uri: 'file:///w/compose.yaml', range: r(1, 2, 2, 16) });
  });

  it('answers the same after edits as for a fresh parse (remembered blocks move with the text)', () => {
    const base = lines('x-img: &img', '  image: a:1', 'services:', '  web:', '    <<: *img', '    ports: ["80:80"]', '  db:', '    image: postgres');
    const edits = [
      base.replace('x-img', '# a new first line\nx-img'),
      base.replace('a:1', 'a:2'),
      base.replace('  db:', '  cache:\n    image: redis\n  db:'),
      base.replace('"80:80"', '"8080:80", "443:443"'),
    ];
    let previous = parseCompose(base);
    documentSymbols(previous);
    for (const text of edits) {
      const model = parseCompose(text, previous);
      assert.deepStrictEqual(documentSymbols(model), documentSymbols(parseCompose(text)), text);
      previous = model;
    }
  });

  it('gives a valid outline for every compose file of the corpus, with every service written in place', () => {
    const files = corpusFiles('compose');
    assert.ok(files.length > 100, 'the corpus is found beside the repository');
    let services = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const model = parseCompose(text);
      const symbols = documentSymbols(model);
      checkSymbols(symbols, file, model.lineCount);
      const section = symbols.find((s) => s.name === 'services' && s.kind === SymbolKind.Module);
      const shown = new Set((section?.children ?? []).filter((s) => s.kind === SymbolKind.Class).map((s) => s.name));
      const map = model.root && isMap(model.root) ? model.get(model.root, 'services')?.value : undefined;
      const written = [...model.names.services.values()].filter((d) => isMap(map) && map.items.includes(d.pair)).map((d) => d.name);
      assert.deepStrictEqual([...shown], written, file);
      services += shown.size;
    }
    assert.ok(services > files.length, 'the corpus has services');
  });
});

describe('Compose workspace symbols', () => {
  const files = [
    { uri: 'file:///w/app/compose.yaml', model: parseCompose('services:\n  Web-App:\n    image: nginx\n  worker:\n    build: .\nvolumes:\n  webdata:') },
    { uri: 'file:///w/ops/my%20stack.yml', model: parseCompose('services:\n  webhook: {image: hook}\n  x-web: {}') },
  ];
  const names = (query: string) => workspaceSymbols(files, query).map((s) => `${s.name} @${s.containerName}`);

  it('matches service names as a case-insensitive subsequence, and only services (x-web is one: under services, x- names are services)', () => {
    assert.deepStrictEqual(names('web'), ['Web-App @compose.yaml', 'webhook @my stack.yml', 'x-web @my stack.yml']);
    assert.deepStrictEqual(names('WAP'), ['Web-App @compose.yaml']);
    assert.deepStrictEqual(names('wkr'), ['worker @compose.yaml']);
    assert.deepStrictEqual(names('kw'), []);
    assert.deepStrictEqual(names('data'), []);
  });

  it('returns every service for an empty query, each with its file and the range of its definition', () => {
    assert.deepStrictEqual(names(''), ['Web-App @compose.yaml', 'worker @compose.yaml', 'webhook @my stack.yml', 'x-web @my stack.yml']);
    assert.deepStrictEqual(workspaceSymbols(files, 'hook'), [
      { name: 'webhook', kind: SymbolKind.Class, location: { uri: 'file:///w/ops/my%20stack.yml', range: r(1, 2, 1, 24) }, containerName: 'my stack.yml' },
    ]);
    assert.deepStrictEqual(workspaceSymbols([], ''), []);
  });
});
