import * as assert from 'assert';
import { defs, highlights, loc, read, refs, write, yaml } from './support/composeNavigation';

const SERVICES = [
  'services:', //                        0
  '  web:', //                           1  web 2-5
  '    image: nginx',
  '    depends_on:',
  '      - db', //                       4  db 8-10
  '      - "cache"', //                  5  cache 9-14
  '    links:',
  '      - db:database', //              7  db 8-10
  '    volumes_from:',
  '      - db:ro', //                    9  db 8-10
  '      - container:legacy', //        10  a container, not a service
  '    network_mode: service:db', //    11  db 26-28
  '    environment:',
  '      DB_HOST: db', //               13  a plain value
  '    command: db', //                 14  a plain value
  '  worker:',
  '    extends: web', //                16  web 13-16
  '    depends_on:',
  '      db:', //                       18  db 6-8
  '        condition: service_started',
  '    ipc: "service:db"', //           20  db 18-20
  '    pid: service:web', //            21  web 17-20
  '  db:', //                           22  db 2-4
  '    image: postgres',
  '    extends:',
  '      service: cache', //            25  cache 15-20
  '  cache:', //                        26  cache 2-7
  '    image: redis',
];

/** The services text with a `|` at line:character. */
function marked(line: number, character: number): string {
  const lines = [...SERVICES];
  lines[line] = lines[line].slice(0, character) + '|' + lines[line].slice(character);
  return yaml(...lines);
}

const DB_ALL = [loc(4, 8, 10), loc(7, 8, 10), loc(9, 8, 10), loc(11, 26, 28), loc(18, 6, 8), loc(20, 18, 20), loc(22, 2, 4)];
const DB_AT: [number, number][] = [[4, 9], [7, 8], [9, 10], [11, 27], [18, 6], [20, 19], [22, 3]];

describe('Compose navigation: services', () => {
  it('finds every reference Compose resolves to a service, from the declaration and from each reference', () => {
    for (const [line, character] of DB_AT) assert.deepStrictEqual(refs(marked(line, character)), DB_ALL, `from ${line}:${character}`);
  });

  it('goes from each reference to the declaration, and from the declaration to itself', () => {
    for (const [line, character] of DB_AT) assert.deepStrictEqual(defs(marked(line, character)), [loc(22, 2, 4)], `from ${line}:${character}`);
  });

  it('reads depends_on (list and map), links and volumes_from by the name part only', () => {
    assert.deepStrictEqual(defs(marked(7, 11)), [], 'the link alias "database" is no service');
    assert.deepStrictEqual(defs(marked(9, 12)), [], '":ro" is no service');
    assert.deepStrictEqual(defs(marked(11, 20)), [], 'the "service:" prefix is not the name');
  });

  it('links extends (short and long form) and pid/ipc service: to the service', () => {
    assert.deepStrictEqual(refs(marked(16, 14)), [loc(1, 2, 5), loc(16, 13, 16), loc(21, 17, 20)]);
    assert.deepStrictEqual(refs(marked(25, 17)), [loc(5, 9, 14), loc(25, 15, 20), loc(26, 2, 7)]);
    assert.deepStrictEqual(defs(marked(5, 10)), [loc(26, 2, 7)], 'inside the quotes of "cache"');
  });

  it('leaves the declaration out when the client asks so', () => {
    assert.deepStrictEqual(refs(marked(22, 2), [], false), DB_ALL.slice(0, -1));
  });

  it('highlights the declaration as Write and the references as Read', () => {
    assert.deepStrictEqual(highlights(marked(18, 7)), [read(4, 8, 10), read(7, 8, 10), read(9, 8, 10), read(11, 26, 28), read(18, 6, 8), read(20, 18, 20), write(22, 2, 4)]);
  });

  it('never reads a plain value that happens to equal a name as a reference', () => {
    for (const [line, character] of [[13, 16], [14, 14], [10, 20], [2, 12]]) {
      assert.deepStrictEqual(defs(marked(line, character)), [], `at ${line}:${character}`);
      assert.deepStrictEqual(refs(marked(line, character)), [], `at ${line}:${character}`);
      assert.deepStrictEqual(highlights(marked(line, character)), [], `at ${line}:${character}`);
    }
  });

  it('counts a reference written once in a merged anchor once, however many services merge it', () => {
    const text = yaml('x-deps: &deps', '  depends_on: [db]', 'services:', '  a:', '    <<: *deps', '  b:', '    <<: *deps', '  d|b:', '    image: postgres');
    assert.deepStrictEqual(refs(text), [loc(1, 15, 17), loc(7, 2, 4)]);
    assert.deepStrictEqual(defs(text.replace('d|b:', 'db:').replace('[db]', '[d|b]')), [loc(7, 2, 4)]);
  });

  it('does not read develop.watch, container_name or a fragment no service merges', () => {
    const text = yaml(
      'x-unused:',
      '  depends_on: [db]',
      'services:',
      '  web:',
      '    container_name: db',
      '    develop:',
      '      watch:',
      '        - path: ./db',
      '          action: sync',
      '          target: db',
      '  d|b:',
      '    image: postgres',
    );
    assert.deepStrictEqual(refs(text), [loc(10, 2, 4)]);
  });

  it('reads build.additional_contexts service: as a reference', () => {
    const text = yaml('services:', '  app:', '    build:', '      context: .', '      additional_contexts:', '        base: service:b|ase', '  base:', '    build: ./base');
    assert.deepStrictEqual(defs(text), [loc(6, 2, 6)]);
    assert.deepStrictEqual(refs(text), [loc(5, 22, 26), loc(6, 2, 6)]);
  });

  it('answers nothing off a name, on odd positions and in broken YAML', () => {
    assert.deepStrictEqual(defs(marked(0, 3)), []);
    assert.deepStrictEqual(refs(yaml('services:', '  web:', '    depends_on: [db', '  d|b: {')), [loc(2, 17, 19), loc(3, 2, 4)], 'as far as YAML recovers');
    assert.deepStrictEqual(defs('|'), []);
    assert.deepStrictEqual(highlights(yaml('services: [', '  |')), []);
  });
});
