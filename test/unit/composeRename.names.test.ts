import * as assert from 'assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { prepared, r, renameAt, renamed, URI, yaml } from './support/composeNavigation';

const TEXT = yaml(
  'services:',
  '  web:',
  '    image: nginx',
  '    depends_on: ["db", \'cache\']', // 3
  '    links: [db:database]', //          4
  '    volumes_from: [db:ro]', //         5
  '    network_mode: service:db', //      6
  '    environment:',
  '      DB_HOST: db', //                 8
  '  worker:',
  '    depends_on:',
  '      d|b:', //                        11
  '        condition: service_healthy',
  '    ipc: "service:db"', //             13
  '  db:', //                             14
  '    image: postgres',
  '  cache:',
  '    image: redis',
);

describe('Compose rename: services, volumes, networks, secrets, configs', () => {
  it('renames the declaration and every reference, keeping quotes, prefixes and suffixes', () => {
    assert.strictEqual(renamed(TEXT, 'database'), yaml(
      'services:',
      '  web:',
      '    image: nginx',
      '    depends_on: ["database", \'cache\']',
      '    links: [database:database]',
      '    volumes_from: [database:ro]',
      '    network_mode: service:database',
      '    environment:',
      '      DB_HOST: db',
      '  worker:',
      '    depends_on:',
      '      database:',
      '        condition: service_healthy',
      '    ipc: "service:database"',
      '  database:',
      '    image: postgres',
      '  cache:',
      '    image: redis',
    ));
  });

  it('answers one WorkspaceEdit with the name\'s characters only, in document order', () => {
    const edit = (line: number, start: number, end: number): TextEdit => ({ range: r(line, start, end), newText: 'pg' });
    assert.deepStrictEqual(renameAt(TEXT, 'pg'), {
      changes: { [URI]: [edit(3, 18, 20), edit(4, 12, 14), edit(5, 19, 21), edit(6, 26, 28), edit(11, 6, 8), edit(13, 18, 20), edit(14, 2, 4)] },
    });
  });

  it('prepares the name under the cursor, inside quotes and prefixes', () => {
    assert.deepStrictEqual(prepared(TEXT), { range: r(11, 6, 8), placeholder: 'db' });
    assert.deepStrictEqual(prepared(TEXT.replace('d|b:', 'db:').replace('"service:db"', '"service:d|b"')), { range: r(13, 18, 20), placeholder: 'db' });
    assert.deepStrictEqual(prepared(TEXT.replace('d|b:', 'db:').replace("'cache'", "'ca|che'")), { range: r(3, 24, 29), placeholder: 'cache' });
  });

  it('refuses a name Compose rejects, with the reason', () => {
    const invalid = (name: string) => ({ refused: `"${name}" is not a valid service name: Compose accepts only letters, digits, ".", "_" and "-".` });
    for (const name of ['my db', 'db/main', 'db:1', 'ä', '${DB}']) assert.deepStrictEqual(renamed(TEXT, name), invalid(name));
    assert.deepStrictEqual(renamed(TEXT, ''), { refused: 'A service name cannot be empty.' });
    // compose-go runs a service named x-...; in the other sections an x- entry is an extension field.
    assert.strictEqual(typeof renamed(TEXT, 'x-db'), 'string');
    assert.deepStrictEqual(renamed('services:\n  web:\n    volumes: [da|ta:/d]\nvolumes:\n  data: {}\n', 'x-data'), {
      refused: '"x-data" starts with "x-", which Compose reads as an extension field, not as a volume.',
    });
    assert.strictEqual(typeof renamed(TEXT, 'Db_2.main-x'), 'string', 'letters of any case, digits, ".", "_" and "-" are fine');
  });

  it('refuses a name YAML would not read as a string where it is written plainly', () => {
    assert.deepStrictEqual(renamed(TEXT, '123'), { refused: '"123" would be read as a number where the name is written without quotes (line 5); choose another name.' });
    assert.deepStrictEqual(renamed(TEXT, 'true'), { refused: '"true" would be read as a boolean where the name is written without quotes (line 5); choose another name.' });
    assert.deepStrictEqual(renamed(TEXT, 'null'), { refused: '"null" would be read as null where the name is written without quotes (line 5); choose another name.' });
    // What go-yaml reads as YAML 1.1 numbers and dates.
    assert.deepStrictEqual(renamed(TEXT, '1_000'), { refused: '"1_000" would be read as a number where the name is written without quotes (line 5); choose another name.' });
    assert.deepStrictEqual(renamed(TEXT, '0b101'), { refused: '"0b101" would be read as a number where the name is written without quotes (line 5); choose another name.' });
    assert.deepStrictEqual(renamed(TEXT, '2024-01-01'), { refused: '"2024-01-01" would be read as a date where the name is written without quotes (line 5); choose another name.' });
  });

  it('refuses a name another entry of the same kind has, or that a reference already uses', () => {
    assert.deepStrictEqual(renamed(TEXT, 'cache'), { refused: 'A service named "cache" already exists (line 17); service names must be unique.' });
    const typo = TEXT.replace("'cache'", "'cahce'");
    assert.deepStrictEqual(renamed(typo, 'cahce'), { refused: '"cahce" is already used as a service name (line 4) though nothing declares it; renaming would merge the two.' });
    assert.strictEqual(typeof renamed(TEXT, 'db'), 'string', 'renaming to the same name changes nothing');
  });

  it('renames volumes and refuses a name the short syntax would read as a host path', () => {
    const text = yaml('services:', '  a:', '    volumes:', '      - data:/var/lib/data', '      - type: volume', '        source: data', 'volumes:', '  da|ta: {}');
    assert.strictEqual(renamed(text, 'pgdata'), yaml('services:', '  a:', '    volumes:', '      - pgdata:/var/lib/data', '      - type: volume', '        source: pgdata', 'volumes:', '  pgdata: {}'));
    assert.deepStrictEqual(renamed(text, '.data'), { refused: '".data" would be read as a host path in the short volume syntax (".data:/var/lib/data", line 4); choose another name.' });
    assert.deepStrictEqual(renamed(text, 'c'), { refused: '"c" would be read as a host path in the short volume syntax ("c:/var/lib/data", line 4); choose another name.' });
  });

  it('renames networks, secrets and configs in every form', () => {
    const text = yaml(
      'services:',
      '  a:',
      '    networks: [back]',
      '    secrets: [token, {source: token, target: t}]',
      '  b:',
      '    networks:',
      '      back: {aliases: [back]}',
      'networks:',
      '  ba|ck: {}',
      'secrets:',
      '  token: {file: ./t}',
    );
    assert.strictEqual(renamed(text, 'backend'), text.replace('[back]', '[backend]').replace('back: {aliases', 'backend: {aliases').replace('ba|ck', 'backend'));
    assert.deepStrictEqual(renamed(text, 'default'), { refused: 'The network "default" is the one Compose creates for every project; choose another name.' });
    const secret = text.replace('ba|ck', 'back').replace('  token: {file', '  tok|en: {file');
    assert.strictEqual(renamed(secret, 'api_key'), secret.replace('[token, {source: token', '[api_key, {source: api_key').replace('tok|en', 'api_key'));
  });
});
