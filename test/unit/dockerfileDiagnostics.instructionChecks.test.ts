// `# check=` comments above an instruction (BuildKit merges them into the lint configuration of that
// instruction only) and InvalidDefinitionDescription, which reads the same attached comments.
import * as assert from 'assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { OWN_CHECKS } from '../../server/src/dockerfile/checks/index';
import { attachedComments } from '../../server/src/dockerfile/checks/instructionComments';
import { diagnoseDockerfile } from '../../server/src/dockerfile/diagnostics';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

const W = DiagnosticSeverity.Warning;
const E = DiagnosticSeverity.Error;

/** `line:code:severity` (0-based line) of every diagnostic, own checks included. */
function codes(text: string): string[] {
  return diagnoseDockerfile(parseDockerfile(text), {}, OWN_CHECKS).map((d) => `${d.range.start.line}:${String(d.code)}:${d.severity}`);
}

describe('Dockerfile check comments above an instruction', () => {
  it('attaches the comment lines since the previous instruction, across blank lines, until an empty #', () => {
    const model = parseDockerfile('# syntax=docker/dockerfile:1\n# first\n\n# second\nFROM alpine\n# a\n#\n# b\n\n# c\nRUN x \\\n# inner\n  y\n# d\nCMD ["z"]\n');
    assert.deepStrictEqual(attachedComments(model).map((a) => a.comments.map((c) => c.text)), [['# first', '# second'], ['# b', '# c'], ['# d']]);
  });

  it('skips the named rules for that instruction only', () => {
    const text = 'FROM alpine\n# check=skip=JSONArgsRecommended\nCMD a\nENTRYPOINT b\n';
    assert.deepStrictEqual(codes(text), [`3:JSONArgsRecommended:${W}`]);
    assert.deepStrictEqual(codes('FROM alpine\n# check=skip=all\nMAINTAINER me\nMAINTAINER you\n'), [`3:MaintainerDeprecated:${W}`]);
  });

  it('applies with other comments and blank lines in between, not past an empty # or an instruction', () => {
    assert.deepStrictEqual(codes('FROM alpine\n# check=skip=JSONArgsRecommended\n# why: the shell is wanted\n\nCMD a\n'), []);
    assert.deepStrictEqual(codes('FROM alpine\n# check=skip=JSONArgsRecommended\n#\nCMD a\n'), [`3:JSONArgsRecommended:${W}`]);
    assert.deepStrictEqual(codes('FROM alpine\n# check=skip=JSONArgsRecommended\nRUN true\nCMD a\n'), [`3:JSONArgsRecommended:${W}`]);
  });

  it('covers every finding that starts on the instruction\'s lines', () => {
    assert.deepStrictEqual(codes('FROM alpine\n# check=skip=NoEmptyContinuation\nRUN a \\\n\n  b\n'), []);
    assert.deepStrictEqual(codes('FROM alpine\nRUN a \\\n\n  b\n'), [`3:NoEmptyContinuation:${W}`]);
  });

  it('turns on error and experimental rules for that instruction, on top of the file directive', () => {
    assert.deepStrictEqual(codes('FROM alpine\n# check=error=true\nCMD a\nCMD b\n'), [`2:MultipleInstructionsDisallowed:${E}`, `2:JSONArgsRecommended:${E}`, `3:JSONArgsRecommended:${W}`]);
    assert.deepStrictEqual(codes('# check=skip=JSONArgsRecommended\nFROM alpine\n# check=skip=MultipleInstructionsDisallowed\nCMD a\nCMD b\n'), []);
    assert.deepStrictEqual(codes('FROM alpine\n# notes\nARG A=1\n# check=experimental=InvalidDefinitionDescription\n# notes\nARG B=1\n'),
      [`5:InvalidDefinitionDescription:${W}`]);
  });

  it('reads the first check comment, up to the first blank, and ignores a value that does not parse', () => {
    assert.deepStrictEqual(codes('FROM alpine\n# check=skip=JSONArgsRecommended  because we want a shell\n# check=skip=all\nCMD a\nCMD b\n'),
      [`3:MultipleInstructionsDisallowed:${W}`, `4:JSONArgsRecommended:${W}`]);
    assert.deepStrictEqual(codes('FROM alpine\n# check=skip=MultipleInstructionsDisallowed\nCMD ["a"]\nCMD ["b"]\n'), []);
    assert.deepStrictEqual(codes('FROM alpine\n# check=nonsense\nCMD a\n'), [`2:JSONArgsRecommended:${W}`]);
  });

  it('is not a misplaced directive when it configures the first instruction', () => {
    assert.deepStrictEqual(codes('# syntax=docker/dockerfile:1\n\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM alpine\n'), []);
    assert.deepStrictEqual(codes('# syntax=docker/dockerfile:1\n\n# check=skip=RedundantTargetPlatform\n#\nFROM --platform=$TARGETPLATFORM alpine\n'),
      [`2:misplaced-directive:${W}`, `4:RedundantTargetPlatform:${W}`]);
    assert.deepStrictEqual(codes('# hello\n# escape=`\nFROM alpine\n').map((c) => c.split(':')[1]), ['misplaced-directive']);
  });
});

describe('InvalidDefinitionDescription (experimental)', () => {
  const on = '# check=experimental=InvalidDefinitionDescription\n';
  const found = (text: string) => codes(on + text).filter((c) => c.includes('InvalidDefinitionDescription')).map((c) => Number(c.split(':')[0]));

  it('accepts a last comment line that starts with the stage or ARG name', () => {
    assert.deepStrictEqual(found('# VERSION picks the release\nARG VERSION=1\n# build compiles it\nFROM alpine AS build\n# B second\nARG A=1 B=2\n'), []);
    assert.deepStrictEqual(found('# anything at all\n# build compiles it\nFROM alpine AS build\n'), []);
  });

  it('reports other comments directly above a named FROM or an ARG, on the instruction', () => {
    assert.deepStrictEqual(found('# the version\nARG VERSION=1\n# Build compiles it\nFROM alpine AS build\n# build: compiles\nFROM alpine AS b2\n'), [2, 4, 6]);
    assert.deepStrictEqual(found('# VERSION\n\n# unrelated\nARG VERSION=1\nFROM alpine\n'), [4]);
  });

  it('leaves unnamed stages, other instructions, separated comments and the rule switched off alone', () => {
    assert.deepStrictEqual(found('# base image\nFROM alpine\n# copy it\nCOPY a /b\n# note\n#\nARG X=1\n'), []);
    assert.deepStrictEqual(codes('# note\nARG X=1\nFROM alpine\n'), []);
  });
});
