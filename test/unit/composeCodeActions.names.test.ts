// Compose quick fixes of undefined names: "did you mean" and declaring the volume, network, secret or config at
// the top level (in its section, or in a new section at the end of the file, with the file's indentation).
import * as assert from 'assert';
import { actionsAt, fixesAt, unfixedAt, yaml } from './support/composeCodeActions';

const web = ['services:', '  web:', '    image: nginx'];

describe('Compose code actions: undefined volumes and networks', () => {
  it('declares the volume at the end of its section, at the indentation of its entries (preferred: an error)', () => {
    const { actions } = actionsAt(yaml(...web, '    volumes:', '      - ca‸che:/c', 'volumes:', '    data:', '        driver: local', 'networks:', '    front: {}'), ['quickfix']);
    assert.deepStrictEqual(actions, [
      {
        title: 'Declare the volume "cache" under the top-level "volumes"',
        kind: 'quickfix',
        diagnostics: [actions[0].diagnostics![0]],
        isPreferred: true,
        edit: { changes: { 'file:///project/compose.yaml': [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, newText: '    cache:\n' }] } },
      },
    ]);
    assert.strictEqual(actions[0].diagnostics![0].code, 'undefined-volume');
  });

  it('fills an empty section, one unit deeper than its key', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    networks: [fr‸ont]', 'volumes:', '  data:', 'networks:', '# none yet', 'x-other: 1')), [
      ['Declare the network "front" under the top-level "networks"', true, yaml(...web, '    networks: [front]', 'volumes:', '  data:', 'networks:', '  front:', '# none yet', 'x-other: 1')],
    ]);
  });

  it('adds the entry to a section written {...}', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    networks: [fr‸ont]', '', 'networks: {}')), [
      ['Declare the network "front" under the top-level "networks"', true, yaml(...web, '    networks: [front]', '', 'networks: {front: {}}')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml(...web, '    networks: [fr‸ont]', 'networks: {back: {driver: bridge}}')), [
      ['Declare the network "front" under the top-level "networks"', true, yaml(...web, '    networks: [front]', 'networks: {back: {driver: bridge}, front: {}}')],
    ]);
    // Over several lines or with a comment inside, where the entry would go is a guess: no declaration is offered.
    assert.deepStrictEqual(fixesAt(yaml(...web, '    networks: [fr‸ont]', 'networks: {', '  back: {}', '}')), []);
    assert.deepStrictEqual(fixesAt(yaml(...web, '    networks: [fr‸ont]', 'networks: {', '  back: {}, # note', '  }')), []);
  });

  it('creates the section at the end of the file, with the file\'s indentation unit and blank lines (not preferred: another file may define it)', () => {
    assert.deepStrictEqual(fixesAt(yaml('services:', '    web:', '        image: nginx', '        volumes: [da‸ta:/d]', '', 'x-note: 1')), [
      ['Declare the volume "data" under the top-level "volumes"', false,
        yaml('services:', '    web:', '        image: nginx', '        volumes: [data:/d]', '', 'x-note: 1', '', 'volumes:', '    data:')],
    ]);
    assert.deepStrictEqual(fixesAt('services:\r\n  web:\r\n    image: nginx\r\n    networks: [ba‸ck]', '\r\n'), [
      ['Declare the network "back" under the top-level "networks"', false, 'services:\r\n  web:\r\n    image: nginx\r\n    networks: [back]\r\nnetworks:\r\n  back:'],
    ]);
  });

  it('quotes a name YAML would not read as a string', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    volumes: ["12‸3:/d"]', 'volumes:', '  data:')), [
      ['Declare the volume "123" under the top-level "volumes"', true, yaml(...web, '    volumes: ["123:/d"]', 'volumes:', '  data:', '  "123":')],
    ]);
  });

  it('offers the defined name it is a typo of, and the declaration, neither preferred', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    volumes: [dta‸:/d]', 'volumes:', '  data:')), [
      ['Change to `data`', false, yaml(...web, '    volumes: [data:/d]', 'volumes:', '  data:')],
      ['Declare the volume "dta" under the top-level "volumes"', false, yaml(...web, '    volumes: [dta:/d]', 'volumes:', '  data:', '  dta:')],
    ]);
  });

  it('leaves a section that is an alias or a written null alone, and minds a trailing comma', () => {
    assert.deepStrictEqual(unfixedAt(yaml('x-v: &v {data: {}}', ...web, '    volumes: [ca‸che:/d]', 'volumes: *v')), ['undefined-volume']);
    assert.deepStrictEqual(unfixedAt(yaml(...web, '    volumes: [ca‸che:/d]', 'volumes: ~', 'networks:', '  n: {}')), ['undefined-volume']);
    assert.deepStrictEqual(fixesAt(yaml(...web, '    volumes: [ca‸che:/d]', 'volumes: {data: {}, }')), [
      ['Declare the volume "cache" under the top-level "volumes"', true, yaml(...web, '    volumes: [cache:/d]', 'volumes: {data: {}, cache: {}}')],
    ]);
  });
});

describe('Compose code actions: undefined secrets, configs and services', () => {
  it('declares a secret or a config read from a file named after it, never preferred', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    secrets: [to‸ken]', 'secrets:', '  other:', '    file: ./other.txt')), [
      ['Declare the secret "token" under the top-level "secrets" (read from ./token.txt)', false,
        yaml(...web, '    secrets: [token]', 'secrets:', '  other:', '    file: ./other.txt', '  token:', '    file: ./token.txt')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml(...web, '    configs:', '      - source: app‸.conf', '        target: /etc/app.conf')), [
      ['Declare the config "app.conf" under the top-level "configs" (read from ./app.conf.txt)', false,
        yaml(...web, '    configs:', '      - source: app.conf', '        target: /etc/app.conf', 'configs:', '  app.conf:', '    file: ./app.conf.txt')],
    ]);
  });

  it('offers only the typo fix for a service (a service is not declared empty)', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    depends_on: [d‸bb]', '  db:', '    image: postgres')), [
      ['Change to `db`', false, yaml(...web, '    depends_on: [db]', '  db:', '    image: postgres')],
    ]);
    assert.deepStrictEqual(unfixedAt(yaml(...web, '    depends_on: [cac‸he]', '  db:', '    image: postgres')), ['undefined-service']);
  });
});
