// Quick fixes of BuildKit's rules: casing, MAINTAINER, the --platform flag, EXPOSE, variables and removals.
// (The exec form and the legacy ENV/LABEL form are in dockerfileCodeActions.quoting.test.ts.)
import * as assert from 'assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { edit } from './support/dockerfileCaret';
import { actionsAt, applied, quickFixes, URI } from './support/dockerfileCodeActions';

/** Each action at the `|` of the text as [title, isPreferred, codes of its diagnostics, edits]. */
function summary(marked: string): [string, boolean | undefined, string[], TextEdit[]][] {
  return quickFixes(marked, '|').actions.map((a) => {
    assert.strictEqual(a.kind, 'quickfix');
    return [a.title, a.isPreferred, (a.diagnostics ?? []).map((d) => String(d.code)), a.edit?.changes?.[URI] ?? []];
  });
}

/** The text after applying the action with this title at the `|`. */
function fixed(marked: string, title: string): string {
  const { text, actions } = quickFixes(marked, '|');
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action "${title}"; there are: ${actions.map((a) => a.title).join(' | ')}`);
  return applied(text, action);
}

function ignore(rule: string, line = 0): [string, boolean, string[], TextEdit[]] {
  return [`Ignore ${rule} in this file`, false, [rule], [edit(line, 0, line, 0, `# check=skip=${rule}\n`)]];
}

describe('Dockerfile code actions: BuildKit rules', () => {
  it('StageNameCasing: lower-cases the name and every later reference, case-insensitively, in one edit set', () => {
    const marked = 'FROM alpine AS |Build\nFROM Build AS two\nCOPY --from=BUILD /a /b\nRUN --mount=from=build,target=/x --mount=type=cache,from=Build,target=/y make\n';
    assert.deepStrictEqual(summary(marked), [
      ["Change to 'build' (and 3 references)", true, ['StageNameCasing'], [
        edit(0, 15, 0, 20, 'build'), edit(1, 5, 1, 10, 'build'), edit(2, 12, 2, 17, 'build'), edit(3, 57, 3, 62, 'build'),
      ]],
      ignore('StageNameCasing'),
    ]);
  });

  it('StageNameCasing: leaves image names that only look like the stage, and words before it', () => {
    const text = fixed('FROM Build\nFROM alpine AS |Build\nCOPY --from=Build-two /a /b\nFROM build\n', "Change to 'build'");
    assert.strictEqual(text, 'FROM Build\nFROM alpine AS build\nCOPY --from=Build-two /a /b\nFROM build\n');
  });

  it('FromAsCasing: AS in the case of FROM', () => {
    assert.deepStrictEqual(summary('FROM alpine |as build\n'), [
      ["Change to 'AS'", true, ['FromAsCasing'], [edit(0, 12, 0, 14, 'AS')]],
      ignore('FromAsCasing'),
    ]);
    assert.strictEqual(fixed('from alpine |AS build\n', "Change to 'as'"), 'from alpine as build\n');
  });

  it('ConsistentInstructionCasing: the dominant case, with AS following a FROM keyword', () => {
    const marked = 'FROM alpine AS build\nRUN a\nRUN b\nfr|om build as x\n';
    assert.deepStrictEqual(summary(marked), [
      ["Change to 'FROM'", true, ['ConsistentInstructionCasing'], [edit(3, 0, 3, 4, 'FROM'), edit(3, 11, 3, 13, 'AS')]],
      ignore('ConsistentInstructionCasing'),
    ]);
    assert.strictEqual(fixed('from alpine\nrun a\nWORK|DIR /app\n', "Change to 'workdir'"), 'from alpine\nrun a\nworkdir /app\n');
  });

  it('NoEmptyContinuation: removes the empty line, continuation intact', () => {
    // Reported where BuildKit reports it: on the line after the empty one.
    assert.deepStrictEqual(summary('FROM alpine\nRUN a \\\n\n|  b\n'), [
      ['Remove the empty line', true, ['NoEmptyContinuation'], [edit(2, 0, 3, 0, '')]],
      ignore('NoEmptyContinuation'),
    ]);
  });

  it('MaintainerDeprecated: a LABEL with the text exactly, quoted, in the case of the file', () => {
    assert.deepStrictEqual(summary('FROM alpine\n|MAINTAINER Jane Doe <jane@example.com>\n'), [
      ['Change to LABEL org.opencontainers.image.authors', true, ['MaintainerDeprecated'],
        [edit(1, 0, 1, 38, 'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"')]],
      ignore('MaintainerDeprecated'),
    ]);
    // MAINTAINER neither removes quotes nor expands variables; LABEL does both, so they are escaped.
    assert.strictEqual(fixed('FROM alpine\nMAINTAIN|ER Dale "dale@example.com" $HOME\n', 'Change to LABEL org.opencontainers.image.authors'),
      'FROM alpine\nLABEL org.opencontainers.image.authors="Dale \\"dale@example.com\\" \\$HOME"\n');
    assert.strictEqual(fixed('# escape=`\nfrom alpine\nrun x\nmaintain|er C:\\me `"q`"\n', 'Change to label org.opencontainers.image.authors'),
      '# escape=`\nfrom alpine\nrun x\nlabel org.opencontainers.image.authors="C:\\me ```"q```""\n');
  });

  it('RedundantTargetPlatform: removes the flag and the blank after it', () => {
    assert.deepStrictEqual(summary('FROM --platform=$TARGET|PLATFORM alpine\n'), [
      ['Remove the --platform flag', true, ['RedundantTargetPlatform'], [edit(0, 5, 0, 32, '')]],
      ignore('RedundantTargetPlatform'),
    ]);
  });

  it('ExposeProtoCasing and ExposeInvalidFormat: the lower-case protocol, the container port alone', () => {
    assert.deepStrictEqual(summary('FROM alpine\nEXPOSE 53/U|dp\n'), [
      ["Change to 'udp'", true, ['ExposeProtoCasing'], [edit(1, 10, 1, 13, 'udp')]],
      ignore('ExposeProtoCasing'),
    ]);
    assert.strictEqual(fixed('FROM alpine\nARG PORT=53\nEXPOSE $PO|RT/TCP\n', "Change to 'tcp'"), 'FROM alpine\nARG PORT=53\nEXPOSE $PORT/tcp\n');
    assert.strictEqual(fixed('FROM alpine\nEXPOSE 127.0.0.1:80|80:80\n', "Change to '80'"), 'FROM alpine\nEXPOSE 80\n');
  });

  it('UndefinedVar and UndefinedArgInFrom: the "did you mean" fix, offered but not preferred', () => {
    assert.deepStrictEqual(summary('FROM alpine\nARG DIR_ASSETS=/a\nCOPY x $DIR_A|SSET\n'), [
      ['Change to $DIR_ASSETS', false, ['UndefinedVar'], [edit(2, 8, 2, 17, 'DIR_ASSETS')]],
      ignore('UndefinedVar'),
    ]);
    assert.deepStrictEqual(summary('ARG VERSION=3\nFROM alpine:${VERS|IO:-3}\n'), [
      ['Change to VERSION', false, ['UndefinedArgInFrom'], [edit(1, 14, 1, 20, 'VERSION')]],
      ignore('UndefinedArgInFrom'),
    ]);
  });

  it('UndefinedVar of a global or platform ARG: declares it in the stage, after FROM, with the file\'s line break', () => {
    assert.deepStrictEqual(summary('ARG W=1\nFROM alpine\nRUN true\nWORKDIR /$|W\n'), [
      ['Add ARG W to this stage', false, ['UndefinedVar'], [edit(2, 0, 2, 0, 'ARG W\n')]],
      ignore('UndefinedVar'),
    ]);
    assert.strictEqual(fixed('FROM alpine \\\n  AS b\nWORKDIR /$TARGET|ARCH\n', 'Add ARG TARGETARCH to this stage'), 'FROM alpine \\\n  AS b\nARG TARGETARCH\nWORKDIR /$TARGETARCH\n');
    const { text, actions } = actionsAt('ARG W=1\r\nFROM alpine\r\nWORKDIR /$‸W\r\n', ['quickfix'], '\r\n');
    assert.strictEqual(applied(text, actions.find((a) => a.title === 'Add ARG W to this stage')!), 'ARG W=1\r\nFROM alpine\r\nARG W\r\nWORKDIR /$W\r\n');
  });

  it('MultipleInstructionsDisallowed: removes the replaced instruction, lines and all, not preferred', () => {
    assert.deepStrictEqual(summary('FROM alpine\nC|MD a \\\n  b\nCMD c\n'), [
      ['Remove this CMD', false, ['MultipleInstructionsDisallowed'], [edit(1, 0, 3, 0, '')]],
      ignore('MultipleInstructionsDisallowed'),
    ]);
    assert.strictEqual(fixed('FROM alpine\nHEALTHCHECK CMD a\nHEALTH|CHECK NONE\nHEALTHCHECK CMD b', 'Remove this HEALTHCHECK'),
      'FROM alpine\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b');
  });

  it('rules without an obvious fix only offer to be ignored', () => {
    assert.deepStrictEqual(summary('FROM alpine\nARG API_T|OKEN\n'), [ignore('SecretsUsedInArgOrEnv')]);
    assert.deepStrictEqual(summary('FROM alpine\nWORKDIR ap|p\n'), [ignore('WorkdirRelativePath')]);
    assert.deepStrictEqual(summary('FROM alpine AS scra|tch\n'), [ignore('ReservedStageName')]);
  });
});
