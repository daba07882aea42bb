// Document formatting: instruction keywords take the file's dominant case (or upper case by setting), and FROM's
// `AS` follows its keyword (BuildKit's ConsistentInstructionCasing and FromAsCasing).
import * as assert from 'assert';
import type { DockerfileFormatOptions } from '../../server/src/dockerfile/format';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { edits, format, SPACES } from './support/dockerfileFormat';

const UPPER: DockerfileFormatOptions = { ...SPACES, keywordCase: 'upper' };

describe('Dockerfile formatting: keyword case', () => {
  it('writes every keyword in the case most keywords of the file use', () => {
    assert.strictEqual(format('from alpine\nrun a\nCOPY b c\nworkdir /d\n'), 'from alpine\nrun a\ncopy b c\nworkdir /d\n');
    assert.strictEqual(format('FROM alpine\nrun a\nCOPY b c\n'), 'FROM alpine\nRUN a\nCOPY b c\n');
  });

  it('goes to upper case on a tie', () => {
    assert.strictEqual(format('from alpine\nRUN a\n'), 'FROM alpine\nRUN a\n');
  });

  it('counts mixed-case keywords for neither case, and fixes them', () => {
    assert.strictEqual(format('From alpine\nRun a\nrun b\n'), 'from alpine\nrun a\nrun b\n');
    assert.strictEqual(format('From alpine\nRun a\nCopy b c\n'), 'FROM alpine\nRUN a\nCOPY b c\n');
  });

  it('uses upper case whatever the file does when the setting asks for it', () => {
    assert.strictEqual(format('from alpine as build\nrun a\nrun b\n', UPPER), 'FROM alpine AS build\nRUN a\nRUN b\n');
  });

  it('gives FROM\'s AS the case its keyword gets', () => {
    assert.strictEqual(format('FROM alpine as build\nFROM build As test\n'), 'FROM alpine AS build\nFROM build AS test\n');
    assert.strictEqual(format('from alpine AS build\nrun a\n'), 'from alpine as build\nrun a\n');
    assert.deepStrictEqual(edits('from alpine AS build\nrun a\n'), [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 14 } }, newText: 'as' }]);
  });

  it('recases an ONBUILD trigger keyword too', () => {
    assert.strictEqual(format('FROM alpine\nonbuild run make\n'), 'FROM alpine\nONBUILD RUN make\n');
  });

  it('leaves words that are not instructions as written', () => {
    assert.strictEqual(format('FROM alpine\nRunn a\nfoo b\n'), 'FROM alpine\nRunn a\nfoo b\n');
  });

  it('leaves a keyword that a line continuation splits, and one with a non-ASCII letter', () => {
    // `ſ` upper-cases to `S` in JavaScript, but BuildKit does not read `ſhell` as SHELL.
    assert.strictEqual(format('FROM alpine\nru\\\nn a\n'), 'FROM alpine\nru\\\nn a\n');
    assert.strictEqual(parseDockerfile('FROM alpine\nru\\\nn a\n').instructions[1].name, 'RUN');
    assert.strictEqual(format('FROM alpine\nſhell ["sh"]\n'), 'FROM alpine\nſhell ["sh"]\n');
  });

  it('counts only known keywords for the dominant case', () => {
    assert.strictEqual(format('FROM alpine\nfoo a\nbar b\nbaz c\nrun d\n'), 'FROM alpine\nfoo a\nbar b\nbaz c\nRUN d\n');
  });

  it('does not touch arguments that look like keywords', () => {
    assert.strictEqual(format('from alpine\nrun echo RUN FROM as\nCMD ["RUN"]\n'), 'from alpine\nrun echo RUN FROM as\ncmd ["RUN"]\n');
  });
});
