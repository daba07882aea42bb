// Unit tests of our own Dockerfile checks (OWN_CHECKS): for each check, a case that fires (code, severity,
// message, range) and one that must not. This file: structure (instructions, FROM, directives, heredocs, ONBUILD);
// also dockerfileOwnChecks.arguments.test.ts and dockerfileOwnChecks.jsonForm.test.ts. Helpers: ./support/ownChecks.
import * as assert from 'assert';
import { fires, fixOf, none, rangeOf } from './support/ownChecks';

describe('Own Dockerfile checks: structure', () => {
  it('unknown-instruction: an unknown keyword, with the closest instruction and a fix', () => {
    const text = 'FROM alpine\nRUNN echo hi\n';
    fires(text, 'unknown-instruction', { severity: 'error', message: 'Unknown instruction "RUNN" (did you mean RUN?).', at: 'RUNN' });
    assert.deepStrictEqual(fixOf(text, 'unknown-instruction'), { title: 'Change to RUN', range: rangeOf(text, 'RUNN'), newText: 'RUN' });
    none('FROM alpine\nrun echo hi\nMaintainer me\n', 'unknown-instruction');
  });

  it('unknown-instruction: only a warning inside an ONBUILD trigger', () => {
    fires('FROM alpine\nONBUILD COPYY . /app\n', 'unknown-instruction', {
      severity: 'warning',
      message: 'Unknown instruction "COPYY" in this ONBUILD trigger: builds that use this image as their base will fail (did you mean COPY?).',
      at: 'COPYY',
    });
  });

  it('no-from: instructions other than ARG before the first FROM', () => {
    fires('ARG V=1\nRUN echo\nFROM alpine\n', 'no-from', { severity: 'error', message: 'RUN comes before the first FROM: only ARG may appear there.', at: 'RUN' });
    none('# syntax=docker/dockerfile:1\nARG V=1\n# comment\nFROM alpine:$V\nRUN echo\n', 'no-from');
  });

  it('no-from: a file without FROM, reported once', () => {
    fires('ARG A\nRUN make\n', 'no-from', {
      severity: 'error', message: 'This Dockerfile has no FROM instruction: every build starts with FROM <image> (or FROM scratch).', at: 'ARG',
    });
    none('', 'no-from');
    none('# only a comment\n', 'no-from');
  });

  it('invalid-escape-directive: only \\ and ` are escape characters', () => {
    fires('# escape=x\nFROM alpine\n', 'invalid-escape-directive', { severity: 'error', message: 'The escape character must be \\ or `, not "x".', at: 'x' });
    none('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n', 'invalid-escape-directive');
  });

  it('duplicate-directive: a directive may appear once', () => {
    fires('# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM alpine\n', 'duplicate-directive', {
      severity: 'error', message: 'The syntax directive is already set on line 1; a directive may appear only once.', at: 'syntax', occurrence: 1,
    });
    none('# syntax=docker/dockerfile:1\n# escape=`\n# check=error=true\nFROM alpine\n', 'duplicate-directive');
  });

  it('misplaced-directive: a directive below another comment is a plain comment', () => {
    const text = '# Build the app\n# escape=`\nFROM alpine\n';
    fires(text, 'misplaced-directive', {
      severity: 'warning',
      message: 'This escape directive is read as a plain comment: directives must be the very first lines, before any other comment or blank line.',
      at: '# escape=`',
    });
    none('#!/usr/bin/env docker-build\n# syntax=docker/dockerfile:1\nFROM alpine\n', 'misplaced-directive');
    none('FROM alpine\n# escape=`\nRUN echo\n', 'misplaced-directive');
  });

  it('unterminated-heredoc: the file ends before the closing line', () => {
    fires('FROM alpine\nRUN <<EOF\necho hi\n', 'unterminated-heredoc', {
      severity: 'error', message: 'The heredoc EOF is never closed: add a line containing only EOF after its content.', at: '<<EOF',
    });
    none('FROM alpine\nRUN <<EOF\necho hi\nEOF\nCOPY <<-END /x\n\tcontent\n\tEND\n', 'unterminated-heredoc');
  });

  it('invalid-onbuild-trigger: ONBUILD ONBUILD, FROM and MAINTAINER', () => {
    fires('FROM alpine\nONBUILD ONBUILD RUN x\nONBUILD maintainer me\n', 'invalid-onbuild-trigger',
      { severity: 'error', message: 'ONBUILD cannot be chained: ONBUILD ONBUILD is not allowed.', at: 'ONBUILD', occurrence: 1 },
      { severity: 'error', message: 'maintainer cannot be an ONBUILD trigger.', at: 'maintainer' });
    none('FROM alpine\nONBUILD COPY . /app\nONBUILD RUN make\n', 'invalid-onbuild-trigger');
  });
});
