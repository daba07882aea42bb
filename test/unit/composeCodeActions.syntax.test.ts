// Compose quick fixes of YAML mistakes: the key missing before a list or map (the seed file's case), the space
// missing after a colon, the colon missing after a key; and quoting a port mapping YAML 1.1 reads as a number.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { actionsAt, codesOf, fixAllOf, fixesAt, unfixedAt, yaml } from './support/composeCodeActions';

const ROOT = path.resolve(__dirname, '../../..');
const web = ['services:', '  web:', '    image: nginx'];

describe('Compose code actions: the seed file', () => {
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/workspace/docker-compose.yml'), 'utf8');

  it('puts "command:" before the list under image, on the line of its bracket', () => {
    const marked = text.replace('    [\n', '    ‸[\n');
    const { actions } = actionsAt(marked, ['quickfix']);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics!.map((d) => d.code), a.edit]), [
      ['Add "command:" before the list', 'quickfix', true, ['yaml-syntax'], {
        changes: { 'file:///project/compose.yaml': [{ range: { start: { line: 18, character: 4 }, end: { line: 18, character: 4 } }, newText: 'command: ' }] },
      }],
    ]);
  });

  it('is clean after source.fixAll: the version removed and the command key added', () => {
    const { action, result } = fixAllOf(text)!;
    assert.deepStrictEqual(action.diagnostics!.map((d) => d.code), ['obsolete-version', 'yaml-syntax']);
    assert.ok(result.startsWith('services:\n  web:'));
    assert.ok(result.includes('    image: postgres:14-alpine  # Указывает использовать образ PostgreSQL с версией 14 и Alpine Linux\n    command: [\n'));
    assert.deepStrictEqual(codesOf(result), []);
  });
});

describe('Compose code actions: a key missing before a list or map', () => {
  it('puts the key on a line of its own before a block list, at its indentation', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    ‸- "80:80"', '    - "443:443"')), [
      ['Add "ports:" before the list', true, yaml(...web, '    ports:', '    - "80:80"', '    - "443:443"')],
    ]);
    assert.deepStrictEqual(fixesAt('services:\r\n  web:\r\n    image: nginx\r\n    ‸- ./data:/data\r\n', '\r\n'), [
      ['Add "volumes:" before the list', true, 'services:\r\n  web:\r\n    image: nginx\r\n    volumes:\r\n    - ./data:/data\r\n'],
    ]);
  });

  it('puts the key before a map or list written with brackets, skipping keys the service has', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    ‸{DEBUG: 1, LOG: info}', '    restart: always')), [
      ['Add "environment:" before the map', true, yaml(...web, '    environment: {DEBUG: 1, LOG: info}', '    restart: always')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml(...web, '    command: serve', '    ‸[sh, -c, "exec serve"]')), [
      ['Add "entrypoint:" before the list', true, yaml(...web, '    command: serve', '    entrypoint: [sh, -c, "exec serve"]')],
    ]);
  });

  it('offers nothing where the bracketed lines would not fit after the key, or when no key is guessed', () => {
    assert.deepStrictEqual(unfixedAt(yaml(...web, '    ‸[', '    "a",', '    ]')), ['yaml-syntax', 'yaml-syntax']);
    assert.deepStrictEqual(unfixedAt(yaml(...web, 'networks:', '  front: {}', '  ‸- back')), ['yaml-syntax']);
  });

  it('offers nothing where the lines after the brackets would then belong to the new key', () => {
    assert.deepStrictEqual(unfixedAt(yaml(...web, '    ‸[a, b]', '    - c')), ['yaml-syntax']);
    assert.deepStrictEqual(unfixedAt(yaml('services:', '  web:', '    build:', '    ‸[a, b]', '      context: .')), ['yaml-syntax']);
  });
});

describe('Compose code actions: colons', () => {
  it('adds the space missing after a colon', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    restart:alw‸ays')), [
      ['Add a space after the colon', true, yaml(...web, '    restart: always')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    ima‸ge:nginx')), [
      ['Add a space after the colon', true, yaml(...web)],
    ]);
  });

  it('adds no space where it would make a list or map, or in the value of another key', () => {
    assert.deepStrictEqual(unfixedAt(yaml(...web, '    deploy:‸[', '      resources: {}')), ['yaml-syntax']);
    assert.deepStrictEqual(unfixedAt(yaml('services:', '  web:', '    image: nginx:1.2‸7-alpine', '     volumes:', '      - ./a:/b')), ['yaml-syntax']);
  });

  it('adds the colon after a key whose value is indented below it, and only there', () => {
    assert.deepStrictEqual(fixesAt(yaml('services:', '  we‸b', '', '    image: nginx')), [
      ['Add a colon after "web"', true, yaml('services:', '  web:', '', '    image: nginx')],
    ]);
    assert.deepStrictEqual(unfixedAt(yaml(...web, '    restart: always', '    tty‸')), ['yaml-syntax']);
  });
});

describe('Compose code actions: port mappings YAML 1.1 reads as numbers', () => {
  it('quotes HOST:CONTAINER with a container port under 60, without a diagnostic, not preferred', () => {
    const { actions } = actionsAt(yaml(...web, '    ports:', '      - 22:2‸2', '      - 8080:80'), ['quickfix']);
    assert.deepStrictEqual(actions, [
      {
        title: 'Quote "22:22": YAML 1.1 reads it as the number 1342',
        kind: 'quickfix',
        isPreferred: false,
        edit: { changes: { 'file:///project/compose.yaml': [{ range: { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } }, newText: '"22:22"' }] } },
      },
    ]);
  });

  it('leaves alone what YAML 1.1 reads as text, quoted entries, and other keys', () => {
    assert.deepStrictEqual(fixesAt(yaml(...web, '    ports:', '      - 8080:8‸0')), []);
    assert.deepStrictEqual(fixesAt(yaml(...web, '    ports:', '      - "22:2‸2"')), []);
    assert.deepStrictEqual(fixesAt(yaml(...web, '    ports:', '      - 127.0.0.1:22:2‸2')), []);
    assert.deepStrictEqual(fixesAt(yaml(...web, '    environment:', '      - T=1:2‸2')), []);
  });

  it('is not part of source.fixAll', () => {
    assert.strictEqual(fixAllOf(yaml(...web, '    ports:', '      - 22:22')), undefined);
  });
});
