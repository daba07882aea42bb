import * as assert from 'assert';
import { defs, highlights, loc, read, refs, write, yaml } from './support/composeNavigation';

const TEXT = [
  'services:', //                          0
  '  app:',
  '    image: app',
  '    volumes:',
  '      - data:/var/lib/data', //         4  data 8-12
  '      - "data:/backup:ro"', //          5  data 9-13
  '      - ./data:/srv', //                6  a bind mount
  '      - /data:/x', //                   7  a bind mount
  '      - ~/data:/y', //                  8  a bind mount
  '      - type: volume',
  '        source: data', //              10  data 16-20
  '      - type: bind',
  '        source: data', //              12  a bind mount
  '      - ${DATA:-data}:/z', //          13  interpolated
  '    networks: [front, "back"]', //     14  front 15-20, back 23-27
  '    network_mode: front', //           15  a network mode, not a network
  '    secrets:',
  '      - token', //                     17  token 8-13
  '      - source: token', //             18  token 16-21
  '        target: /run/token',
  '    configs:',
  '      - conf', //                      21  conf 8-12
  '      - source: conf', //              22  conf 16-20
  '    build:',
  '      context: .',
  '      secrets: [token]', //            25  token 16-21
  '  worker:',
  '    image: app',
  '    networks:',
  '      back:', //                       29  back 6-10
  '        aliases: [front]', //          30  an alias, not a network
  '      front: {}', //                   31  front 6-11
  'volumes:',
  '  data:', //                           33  data 2-6
  'networks:',
  '  front:', //                          35  front 2-7
  '  back:', //                           36  back 2-6
  'secrets:',
  '  token:', //                          38  token 2-7
  '    file: ./token.txt',
  'configs:',
  '  conf:', //                           41  conf 2-6
  '    file: ./conf.ini',
];

function marked(line: number, character: number): string {
  const lines = [...TEXT];
  lines[line] = lines[line].slice(0, character) + '|' + lines[line].slice(character);
  return yaml(...lines);
}

describe('Compose navigation: volumes, networks, secrets and configs', () => {
  it('links named volumes in the short and the long syntax, and no host path', () => {
    const all = [loc(4, 8, 12), loc(5, 9, 13), loc(10, 16, 20), loc(33, 2, 6)];
    for (const [line, character] of [[4, 10], [5, 13], [10, 16], [33, 4]]) {
      assert.deepStrictEqual(refs(marked(line, character)), all, `from ${line}:${character}`);
      assert.deepStrictEqual(defs(marked(line, character)), [loc(33, 2, 6)], `from ${line}:${character}`);
    }
    for (const [line, character] of [[6, 10], [7, 9], [8, 10], [12, 18], [13, 17], [4, 16]]) {
      assert.deepStrictEqual(defs(marked(line, character)), [], `at ${line}:${character}`);
      assert.deepStrictEqual(highlights(marked(line, character)), [], `at ${line}:${character}`);
    }
  });

  it('links networks in the flow, list and map forms, but not network_mode or aliases', () => {
    assert.deepStrictEqual(refs(marked(35, 3)), [loc(14, 15, 20), loc(31, 6, 11), loc(35, 2, 7)]);
    assert.deepStrictEqual(refs(marked(14, 24)), [loc(14, 23, 27), loc(29, 6, 10), loc(36, 2, 6)]);
    assert.deepStrictEqual(defs(marked(29, 7)), [loc(36, 2, 6)]);
    assert.deepStrictEqual(defs(marked(15, 19)), []);
    assert.deepStrictEqual(defs(marked(30, 19)), []);
  });

  it('links secrets and configs in the short and long forms, build secrets too', () => {
    assert.deepStrictEqual(refs(marked(38, 2)), [loc(17, 8, 13), loc(18, 16, 21), loc(25, 16, 21), loc(38, 2, 7)]);
    assert.deepStrictEqual(defs(marked(25, 18)), [loc(38, 2, 7)]);
    assert.deepStrictEqual(refs(marked(22, 20)), [loc(21, 8, 12), loc(22, 16, 20), loc(41, 2, 6)]);
    assert.deepStrictEqual(highlights(marked(21, 9)), [read(21, 8, 12), read(22, 16, 20), write(41, 2, 6)]);
  });

  it('keeps kinds apart: a service, a volume and a network of one name are three symbols', () => {
    const text = yaml('services:', '  data:', '    image: x', '    volumes: [data:/d]', '    networks: [data]', 'volumes:', '  data:', 'networks:', '  data:');
    const at = (line: number, character: number) => {
      const lines = text.split('\n');
      lines[line] = lines[line].slice(0, character) + '|' + lines[line].slice(character);
      return lines.join('\n');
    };
    assert.deepStrictEqual(refs(at(1, 3)), [loc(1, 2, 6)]);
    assert.deepStrictEqual(refs(at(3, 15)), [loc(3, 14, 18), loc(6, 2, 6)]);
    assert.deepStrictEqual(refs(at(4, 16)), [loc(4, 15, 19), loc(8, 2, 6)]);
  });

  it('has no definition for the implicit network "default" but links its uses', () => {
    const text = yaml('services:', '  a:', '    networks: [default]', '  b:', '    networks:', '      defa|ult: {}');
    assert.deepStrictEqual(defs(text), []);
    assert.deepStrictEqual(refs(text), [loc(2, 15, 22), loc(5, 6, 13)]);
  });

  it('lands inside the quotes of quoted names, declarations included', () => {
    const text = yaml('services:', '  a:', "    volumes: ['cache:/c']", 'volumes:', '  "ca|che":', '    driver: local');
    assert.deepStrictEqual(refs(text), [loc(2, 15, 20), loc(4, 3, 8)]);
  });
});
