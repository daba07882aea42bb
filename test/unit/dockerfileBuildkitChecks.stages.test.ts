// BuildKit build checks: the rule set, stage names and instruction casing. Helpers: ./support/buildkitChecks.
import * as assert from 'assert';
import { BUILDKIT_RULE_NAMES } from '../../server/src/dockerfile/checks/buildkit';
import { CHECK_RULES } from '../../server/src/dockerfile/docs/checks';
import { found, lint, none, range } from './support/buildkitChecks';

describe('BuildKit build checks', () => {
  it('implements every rule of the reference (CopyIgnoredFile in its own module, as it needs the ignore file)', () => {
    assert.deepStrictEqual([...BUILDKIT_RULE_NAMES, 'CopyIgnoredFile'].sort(), CHECK_RULES.map((r) => r.name).sort());
    for (const finding of lint('FROM scratch AS Bad\nMAINTAINER x\nCMD run\nCMD run\nENV a b\n')) {
      assert.strictEqual(finding.severity, 'warning');
    }
  });

  describe('StageNameCasing', () => {
    it('reports an upper-case stage name, with the lower-case fix', () => {
      assert.deepStrictEqual(found('FROM alpine AS Build\n', 'StageNameCasing'), [{
        code: 'StageNameCasing', message: "Stage name 'Build' should be written in lower case, as 'build'.", range: range(0, 15, 20),
      }]);
      assert.deepStrictEqual(lint('FROM alpine AS Build\n', 'StageNameCasing')[0].fix, { title: "Change to 'build'", range: range(0, 15, 20), newText: 'build' });
    });
    it('accepts lower-case names', () => none('FROM alpine AS build-env.1_x\n', 'StageNameCasing'));
  });

  describe('FromAsCasing', () => {
    it('reports AS in another case than FROM, on the AS keyword', () => {
      assert.deepStrictEqual(found('FROM alpine as build\n', 'FromAsCasing'), [{
        code: 'FromAsCasing', message: "'as' does not match the case of 'FROM'; write 'AS'.", range: range(0, 12, 14),
      }]);
      assert.deepStrictEqual(found('from alpine AS build\n', 'FromAsCasing')[0].message, "'AS' does not match the case of 'from'; write 'as'.");
    });
    it('accepts matching case, and leaves a mixed-case FROM to ConsistentInstructionCasing', () => {
      none('FROM alpine AS build\nfrom alpine as other\n', 'FromAsCasing');
      none('From alpine as build\n', 'FromAsCasing');
    });
  });

  describe('ConsistentInstructionCasing', () => {
    it('reports instructions against the majority case, and mixed-case keywords', () => {
      assert.deepStrictEqual(found('FROM scratch\ncopy a /b\nCOPY c /d\n', 'ConsistentInstructionCasing'), [{
        code: 'ConsistentInstructionCasing',
        message: "'copy' should be written 'COPY', in the upper case most instructions of this file use.",
        range: range(1, 0, 4),
      }]);
      assert.deepStrictEqual(found('frOM scratch\ncopy a /b\n', 'ConsistentInstructionCasing').map((f) => f.message),
        ["'frOM' should be written 'from', in the lower case most instructions of this file use."]);
    });
    it('accepts a file written in one case; global ARGs do not count', () => {
      none('from scratch\ncopy a /b\n', 'ConsistentInstructionCasing');
      none('ARG X=1\nARG Y=2\nfrom scratch\n', 'ConsistentInstructionCasing');
    });
  });

  describe('DuplicateStageName', () => {
    it('reports the second stage with a name already used (case-insensitively)', () => {
      assert.deepStrictEqual(found('FROM scratch AS b\nFROM scratch AS b\n', 'DuplicateStageName'), [{
        code: 'DuplicateStageName', message: "A stage named 'b' is already defined above; stage names must be unique.", range: range(1, 16, 17),
      }]);
      assert.strictEqual(found('FROM scratch AS b\nFROM scratch AS B\n', 'DuplicateStageName').length, 1);
    });
    it('accepts distinct names', () => none('FROM scratch AS b1\nFROM scratch AS b2\n', 'DuplicateStageName'));
  });

  describe('ReservedStageName', () => {
    it('reports scratch and context as stage names', () => {
      assert.deepStrictEqual(found('FROM scratch AS scratch\nFROM scratch AS context\n', 'ReservedStageName'), [
        { code: 'ReservedStageName', message: "'scratch' is reserved (it already means the empty image); give the stage another name.", range: range(0, 16, 23) },
        { code: 'ReservedStageName', message: "'context' is reserved (it already means the build context); give the stage another name.", range: range(1, 16, 23) },
      ]);
    });
    it('accepts scratch as the base image', () => none('FROM scratch\nFROM scratch AS a\n', 'ReservedStageName'));
  });
});
