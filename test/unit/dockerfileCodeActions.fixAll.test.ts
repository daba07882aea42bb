// "Ignore <Rule> in this file", source.fixAll, the kinds asked for (context.only) and odd requests.
import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { OWN_CHECKS } from '../../server/src/dockerfile/checks';
import { codeActions } from '../../server/src/dockerfile/codeActions';
import { diagnoseDockerfile } from '../../server/src/dockerfile/diagnostics';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { actionsAt, applied, URI } from './support/dockerfileCodeActions';

/** The text after "Ignore <rule> in this file". */
function ignored(marked: string, rule: string, eol?: string): string {
  const { text, actions } = actionsAt(marked, ['quickfix'], eol);
  const action = actions.find((a) => a.title === `Ignore ${rule} in this file`);
  assert.ok(action, `no Ignore ${rule}`);
  assert.strictEqual(action.isPreferred, false);
  return applied(text, action);
}

/** The source.fixAll action of the whole text and the text after it (undefined when none is offered). */
function fixAll(text: string): { action: CodeAction; result: string } | undefined {
  const model = parseDockerfile(text);
  const all = diagnoseDockerfile(model, {}, OWN_CHECKS);
  const none = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const actions = codeActions(model, { uri: URI, range: none, context: { diagnostics: [], only: ['source.fixAll'] }, allDiagnostics: () => all });
  assert.ok(actions.length <= 1);
  return actions[0] ? { action: actions[0], result: applied(text, actions[0]) } : undefined;
}

function codesOf(text: string): string[] {
  return diagnoseDockerfile(parseDockerfile(text), {}, OWN_CHECKS).map((d) => String(d.code));
}

describe('Dockerfile code actions: Ignore <Rule> in this file', () => {
  it('adds # check=skip=<Rule> at line 0, before an ordinary comment', () => {
    assert.strictEqual(ignored('# build me\nFROM alpine ‸as b\n', 'FromAsCasing'), '# check=skip=FromAsCasing\n# build me\nFROM alpine as b\n');
    assert.strictEqual(ignored('\uFEFFFROM alpine ‸as b\n', 'FromAsCasing'), '\uFEFF# check=skip=FromAsCasing\nFROM alpine as b\n');
  });

  it('goes after # syntax= and the other directives, with the line break of the document', () => {
    assert.strictEqual(ignored('# syntax=docker/dockerfile:1\n# escape=\\\n\nFROM alpine ‸as b\n', 'FromAsCasing'),
      '# syntax=docker/dockerfile:1\n# escape=\\\n# check=skip=FromAsCasing\n\nFROM alpine as b\n');
    assert.strictEqual(ignored('# syntax=docker/dockerfile:1\r\nFROM alpine ‸as b\r\n', 'FromAsCasing', '\r\n'),
      '# syntax=docker/dockerfile:1\r\n# check=skip=FromAsCasing\r\nFROM alpine as b\r\n');
  });

  it('extends an existing check directive, keeping its other options', () => {
    assert.strictEqual(ignored('# check=skip=StageNameCasing;error=true\nFROM alpine ‸as b\n', 'FromAsCasing'),
      '# check=skip=StageNameCasing,FromAsCasing;error=true\nFROM alpine as b\n');
    assert.strictEqual(ignored('# check=error=true\nFROM alpine ‸as b\n', 'FromAsCasing'), '# check=error=true;skip=FromAsCasing\nFROM alpine as b\n');
    assert.strictEqual(ignored('#check = skip= ;error=true\nFROM alpine ‸as b\n', 'FromAsCasing'), '#check = skip=FromAsCasing ;error=true\nFROM alpine as b\n');
  });

  it('is offered once per rule, with all its diagnostics, for BuildKit rules only', () => {
    const model = parseDockerfile('FROM alpine\nENV A b\nLABEL c d\nRUNN x\n');
    const all = diagnoseDockerfile(model, {}, OWN_CHECKS);
    const range = { start: { line: 1, character: 0 }, end: { line: 3, character: 6 } };
    const actions = codeActions(model, { uri: URI, range, context: { diagnostics: all, only: ['quickfix'] }, allDiagnostics: () => all });
    assert.deepStrictEqual(actions.map((a) => [a.title, (a.diagnostics ?? []).map((d) => d.range.start.line)]), [
      ['Change to A=b', [1]], ['Change to c=d', [2]], ['Change to RUN', [3]], ['Ignore LegacyKeyValueFormat in this file', [1, 2]],
    ]);
  });
});

describe('Dockerfile code actions: source.fixAll', () => {
  it('applies the preferred fix of every diagnostic in the file, and lists them', () => {
    const text = 'FROM alpine AS Build\nENV A b c\nMAINTAINER Jane <j@x.io>\nEXPOSE 80/TCP\nFROM alpine\nCOPY --from=Build /a /b\nCMD node a.js\n';
    const { action, result } = fixAll(text)!;
    assert.strictEqual(action.title, 'Fix all fixable problems in this file');
    assert.strictEqual(action.kind, 'source.fixAll');
    assert.deepStrictEqual((action.diagnostics ?? []).map((d) => d.code),
      ['StageNameCasing', 'LegacyKeyValueFormat', 'MaintainerDeprecated', 'ExposeProtoCasing', 'JSONArgsRecommended']);
    assert.strictEqual(result,
      'FROM alpine AS build\nENV A="b c"\nLABEL org.opencontainers.image.authors="Jane <j@x.io>"\nEXPOSE 80/tcp\nFROM alpine\nCOPY --from=build /a /b\nCMD ["node", "a.js"]\n');
    assert.deepStrictEqual(codesOf(result), []);
  });

  it('leaves guesses alone (UndefinedVar) and is not offered when nothing is fixable', () => {
    assert.strictEqual(fixAll('FROM alpine\nARG DIR_ASSETS=/a\nCOPY x $DIR_ASSET\n'), undefined);
    assert.strictEqual(fixAll('FROM alpine\nWORKDIR app\n'), undefined);
    assert.strictEqual(fixAll('FROM alpine\n'), undefined);
  });

  it('reads a flag value written as the next word as the value, not as a source, and leaves a choice between two values to the user', () => {
    // BuildKit would read `build` as a source; the user meant --from=build (one source, so "/b" is the file's name).
    assert.deepStrictEqual(codesOf('FROM alpine\nCOPY --from build /a /b\n'), ['flag-missing-value']);
    assert.strictEqual(fixAll('FROM alpine\nCOPY --from build /a /b\n')!.result, 'FROM alpine\nCOPY --from=build /a /b\n');
    assert.deepStrictEqual(codesOf('FROM alpine\nCOPY --chown 1 a b c\n'), ['flag-missing-value', 'copy-destination-not-directory']);
    // Two values for one flag: joining the second is clear, removing either one is not.
    const { result } = fixAll('FROM alpine\nCOPY --chown=1 --chown 2 a b\n')!;
    assert.strictEqual(result, 'FROM alpine\nCOPY --chown=1 --chown=2 a b\n');
    assert.deepStrictEqual(codesOf(result), ['duplicate-flag']);
    assert.strictEqual(fixAll('FROM alpine\nCOPY --link=false --link a /b\n'), undefined);
    // The same value twice: the second is redundant.
    assert.strictEqual(fixAll('FROM alpine\nCOPY --chown=1 --chown=1 a b\n')!.result, 'FROM alpine\nCOPY --chown=1 a b\n');
  });

  it('removes a duplicate flag with the value written after it', () => {
    const { text, actions } = actionsAt('FROM alpine\nCOPY --chown=1 --ch‸own 2 a b\n', ['quickfix']);
    const remove = actions.find((a) => a.title === 'Remove this --chown')!;
    assert.strictEqual(remove.isPreferred, false);
    assert.strictEqual(applied(text, remove), 'FROM alpine\nCOPY --chown=1 a b\n');
  });

  it('drops a fix that overlaps an earlier one', () => {
    const { action, result } = fixAll('FROM alpine\nEXPOSE 127.0.0.1:80:80/TCP\n')!;
    assert.deepStrictEqual((action.diagnostics ?? []).map((d) => d.code), ['ExposeInvalidFormat']);
    assert.strictEqual(result, 'FROM alpine\nEXPOSE 80/TCP\n');
  });

  it('keeps FROM and AS in one case when both are fixed, and writes MAINTAINER as LABEL in the case of the file', () => {
    assert.strictEqual(fixAll('from alpine AS a\nrun x\nFROM a as b\nrun y\n')!.result, 'from alpine as a\nrun x\nfrom a as b\nrun y\n');
    const { result } = fixAll('FROM alpine\nRUN a\nmaintainer me\n')!;
    assert.strictEqual(result, 'FROM alpine\nRUN a\nLABEL org.opencontainers.image.authors="me"\n');
    assert.deepStrictEqual(codesOf(result), []);
  });

  it('takes an edit two fixes share once, and both fixes', () => {
    const { action, result } = fixAll('FROM alpine AS Build\nFROM alpine AS BUILD\nFROM alpine\nCOPY --from=Build /a /b\n')!;
    assert.deepStrictEqual((action.diagnostics ?? []).map((d) => [d.code, d.range.start.line]), [['StageNameCasing', 0], ['StageNameCasing', 1]]);
    assert.strictEqual(action.edit!.changes![URI].length, 3);
    assert.strictEqual(result, 'FROM alpine AS build\nFROM alpine AS build\nFROM alpine\nCOPY --from=build /a /b\n');
  });
});

describe('Dockerfile code actions: kinds and requests', () => {
  const marked = 'FROM alpine ‸as b\n';
  const kinds = (only?: string[]) => actionsAt(marked, only).actions.map((a) => [a.kind, a.title]);

  it('returns only the kinds context.only asks for', () => {
    const quick = [['quickfix', "Change to 'AS'"], ['quickfix', 'Ignore FromAsCasing in this file']];
    const all = [['source.fixAll', 'Fix all fixable problems in this file']];
    assert.deepStrictEqual(kinds(), [...quick, ...all]);
    assert.deepStrictEqual(kinds(['quickfix']), quick);
    assert.deepStrictEqual(kinds(['source.fixAll']), all);
    assert.deepStrictEqual(kinds(['source']), all);
    assert.deepStrictEqual(kinds(['refactor', 'source.organizeImports']), []);
  });

  it('attaches the diagnostic the editor sent to its quick fix, as a WorkspaceEdit', () => {
    const { all, actions } = actionsAt(marked, ['quickfix']);
    assert.deepStrictEqual(actions[0], {
      title: "Change to 'AS'", kind: 'quickfix', diagnostics: [all[0]], isPreferred: true,
      edit: { changes: { [URI]: [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 14 } }, newText: 'AS' }] } },
    });
    assert.strictEqual(actions[0].diagnostics![0], all[0]);
  });

  it('ignores diagnostics of other sources and data that is not a fix, and never throws', () => {
    const model = parseDockerfile('FROM alpine\nRUNN x\n');
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
    const foreign: Diagnostic = { range, message: 'x', source: 'other', code: 'unknown-instruction', data: { title: 't', range, newText: 'RUN' } };
    const broken: Diagnostic = { range, message: 'x', source: 'docker-workflows', code: 'unknown-instruction', data: { title: 't', range: { start: { line: -1 } }, newText: 3 } };
    const far: Diagnostic = { range, message: 'x', source: 'docker-workflows', code: 'duplicate-flag', data: { title: 'far', range: { start: { line: 99, character: 0 }, end: { line: 120, character: 9 } }, newText: '' } };
    const input = (diagnostics: Diagnostic[]) => ({ uri: URI, range, context: { diagnostics, only: ['quickfix'] }, allDiagnostics: () => diagnostics });
    assert.deepStrictEqual(codeActions(model, input([foreign, broken])), []);
    assert.deepStrictEqual(codeActions(model, input([far]))[0].edit, { changes: { [URI]: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }] } });
    const weird = { range, message: 'x', code: 'StageNameCasing', range2: null } as unknown as Diagnostic;
    assert.doesNotThrow(() => codeActions(model, { uri: URI, range, context: { diagnostics: [weird, null as unknown as Diagnostic] }, allDiagnostics: () => { throw new Error('gone'); } }));
  });
});
