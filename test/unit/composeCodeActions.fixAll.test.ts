// Compose source.fixAll, the kinds asked for (context.only), and odd requests (other sources, stale or broken data,
// positions outside the document): fewer actions, never an exception.
import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { codeActions } from '../../server/src/compose/codeActions';
import { parseCompose } from '../../server/src/compose/parse';
import { actionsAt, codesOf, diagnoseAll, fixAllOf, URI, yaml } from './support/composeCodeActions';

describe('Compose code actions: source.fixAll', () => {
  it('applies the preferred fix of every diagnostic, lists them in order, and leaves a clean file', () => {
    const text = yaml(
      'version: "3.9"',
      '',
      'services:',
      '  web:',
      '    image: nginx',
      '    contaner_name: web',
      '    restart: allways',
      '    user: 1000',
      '    volumes: [cache:/c, logs:/l]',
      '    networks: [front]',
      'volumes:',
      '  data:',
      'networks:',
      '  back:',
      '    external:',
      '      name: shared',
    );
    const { action, result } = fixAllOf(text)!;
    assert.strictEqual(action.title, 'Fix all fixable problems in this file');
    assert.strictEqual(action.kind, 'source.fixAll');
    assert.strictEqual(action.isPreferred, undefined);
    assert.deepStrictEqual(action.diagnostics!.map((d) => `${d.code} ${d.range.start.line}`), [
      'obsolete-version 0', 'unknown-key 5', 'invalid-value 6', 'invalid-type 7', 'undefined-volume 8', 'undefined-volume 8', 'undefined-network 9',
      'deprecated-key 15', 'deprecated-key 15',
    ]);
    assert.strictEqual(result, yaml(
      'services:',
      '  web:',
      '    image: nginx',
      '    container_name: web',
      '    restart: always',
      '    user: "1000"',
      '    volumes: [cache:/c, logs:/l]',
      '    networks: [front]',
      'volumes:',
      '  data:',
      '  cache:',
      '  logs:',
      'networks:',
      '  back:',
      '    external: true',
      '    name: shared',
      '  front:',
    ));
    assert.deepStrictEqual(codesOf(result), []);
  });

  it('declares names of several kinds in one go, with CRLF line breaks', () => {
    const text = 'services:\r\n  web:\r\n    image: nginx\r\n    volumes:\r\n      - cache:/c\r\n    networks: [edge]\r\nvolumes: {}\r\nnetworks:\r\n  internal:\r\n';
    const { action, result } = fixAllOf(text, '\r\n')!;
    assert.deepStrictEqual(action.edit!.changes![URI], [
      { range: { start: { line: 6, character: 10 }, end: { line: 6, character: 10 } }, newText: 'cache: {}' },
      { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: '  edge:\r\n' },
    ]);
    assert.strictEqual(result, 'services:\r\n  web:\r\n    image: nginx\r\n    volumes:\r\n      - cache:/c\r\n    networks: [edge]\r\nvolumes: {cache: {}}\r\nnetworks:\r\n  internal:\r\n  edge:\r\n');
  });

  it('leaves guesses alone, and is not offered when nothing is fixable', () => {
    const typo = yaml('services:', '  web:', '    image: nginx', '    volumes: [dat:/d]', 'volumes:', '  data:');
    assert.strictEqual(fixAllOf(typo), undefined);
    assert.strictEqual(fixAllOf(yaml('services:', '  web:', '    image: nginx', '    secrets: [token]', 'secrets:', '  other:', '    file: ./o')), undefined);
    assert.strictEqual(fixAllOf(yaml('services:', '  web:', '    image: nginx')), undefined);
    assert.strictEqual(fixAllOf(''), undefined);
  });

  it('takes one of two fixes that overlap, and the other on the next run', () => {
    // Both the key and the value of this pair have a fix: they do not overlap, so both apply.
    const { result } = fixAllOf(yaml('services:', '  web:', '    image: nginx', '    restrat: allways'))!;
    assert.strictEqual(result, yaml('services:', '  web:', '    image: nginx', '    restart: allways'));
    const second = fixAllOf(result)!;
    assert.strictEqual(second.result, yaml('services:', '  web:', '    image: nginx', '    restart: always'));
  });
});

describe('Compose code actions: kinds and odd requests', () => {
  const marked = yaml('services:', '  web:', '    imagee‸: nginx');

  it('filters by context.only: quickfix, source.fixAll, source, or anything', () => {
    const kinds = (only?: string[]) => actionsAt(marked, only).actions.map((a) => a.kind);
    assert.deepStrictEqual(kinds(), ['quickfix', 'source.fixAll']);
    assert.deepStrictEqual(kinds(['quickfix']), ['quickfix']);
    assert.deepStrictEqual(kinds(['source.fixAll']), ['source.fixAll']);
    assert.deepStrictEqual(kinds(['source']), ['source.fixAll']);
    assert.deepStrictEqual(kinds(['refactor']), []);
  });

  it('leaves source.fixAll out of the light bulb\'s automatic requests, which do not show it', () => {
    const text = yaml('services:', '  web:', '    imagee: nginx');
    const all = diagnoseAll(text);
    const range = { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } };
    const kinds = (triggerKind?: 1 | 2, only?: string[]) =>
      codeActions(parseCompose(text), { uri: URI, range, context: { diagnostics: all, ...(triggerKind ? { triggerKind } : {}), ...(only ? { only } : {}) }, allDiagnostics: () => all, eol: '\n' })
        .map((a) => a.kind);
    assert.deepStrictEqual(kinds(2), ['quickfix']);
    assert.deepStrictEqual(kinds(1), ['quickfix', 'source.fixAll']);
    assert.deepStrictEqual(kinds(2, ['source.fixAll']), ['source.fixAll']);
  });

  it('ignores diagnostics of other sources, and data that is not a fix', () => {
    const text = yaml('services:', '  web:', '    imagee: nginx');
    const model = parseCompose(text);
    const ours = diagnoseAll(text)[0];
    const foreign: Diagnostic = { ...ours, source: 'yaml' };
    const broken: Diagnostic = { ...ours, data: { title: 'x', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, newText: 'y' } };
    const noCode: Diagnostic = { ...ours, code: undefined };
    const range = { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } };
    const actions = codeActions(model, { uri: URI, range, context: { diagnostics: [foreign, broken, noCode] }, allDiagnostics: () => [foreign, broken, noCode], eol: '\n' });
    assert.deepStrictEqual(actions, []);
  });

  it('keeps the edits of stale data inside the document, and never throws', () => {
    const text = yaml('services:', '  web:', '    imagee: nginx');
    const model = parseCompose(text);
    const stale: Diagnostic = { ...diagnoseAll(text)[0], data: { title: 'Change to `image`', range: { start: { line: 40, character: 3 }, end: { line: 41, character: 0 } }, newText: 'image' } };
    const far = { start: { line: 99, character: 99 }, end: { line: 100, character: 0 } };
    const actions = codeActions(model, { uri: URI, range: far, context: { diagnostics: [stale], only: ['quickfix'] }, allDiagnostics: () => [stale], eol: '\n' });
    assert.deepStrictEqual(actions[0].edit!.changes![URI], [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: 'image' }]);
    const odd = { uri: URI, range: far, context: undefined as never, allDiagnostics: () => { throw new Error('no diagnostics'); }, eol: '\n' };
    assert.deepStrictEqual(codeActions(parseCompose('a: [\n  - : :\n\t{'), odd), []);
    assert.deepStrictEqual(codeActions(parseCompose(''), { ...odd, allDiagnostics: () => [] }), []);
  });
});
