// Unit tests of our own Dockerfile checks (OWN_CHECKS): for each check, a case that fires (code, severity,
// message, range) and one that must not. The helpers are exported for the other dockerfileOwnChecks*.test.ts.
import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { OWN_CHECKS } from '../../server/src/dockerfile/checks/index';
import type { Finding, Severity } from '../../server/src/dockerfile/checks/types';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

export function lintAll(text: string): Finding[] {
  const model = parseDockerfile(text);
  return OWN_CHECKS.flatMap((check) => check(model));
}

export function lint(text: string, code: string): Finding[] {
  return lintAll(text).filter((f) => f.code === code);
}

/**
 * The range of the `occurrence`-th (0-based) appearance of `needle` in the text, which must be on one line.
 * Lets a test name the offending token instead of counting columns.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const lines = text.split('\n');
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const at = lines[line].indexOf(needle, from);
      if (at < 0) break;
      if (seen === occurrence) return { start: { line, character: at }, end: { line, character: at + needle.length } };
      seen++;
      from = at + 1;
    }
  }
  throw new Error(`${JSON.stringify(needle)} not found in the test text`);
}

export interface Expected {
  severity: Severity;
  message: string;
  /** The offending text (its first occurrence unless `occurrence` says otherwise), or an explicit range. */
  at: string | Range;
  occurrence?: number;
}

function byPosition(a: { range: Range }, b: { range: Range }): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Exactly these findings of `code` (in any order), with code, severity, message and range. */
export function fires(text: string, code: string, ...expected: Expected[]): void {
  const actual = lint(text, code).map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range }));
  const wanted = expected.map((e) => ({
    code, severity: e.severity, message: e.message, range: typeof e.at === 'string' ? rangeOf(text, e.at, e.occurrence) : e.at,
  }));
  assert.deepStrictEqual(actual.sort(byPosition), wanted.sort(byPosition));
}

/** No finding of `code` (or, with code undefined, no finding at all). */
export function none(text: string, code?: string): void {
  const actual = code === undefined ? lintAll(text) : lint(text, code);
  assert.deepStrictEqual(actual.map((f) => `${f.code}: ${f.message}`), [], `${code ?? 'nothing'} should not fire on:\n${text}`);
}

export function fixOf(text: string, code: string): Finding['fix'] {
  const [first] = lint(text, code);
  assert.ok(first, `${code} did not fire`);
  return first.fix;
}

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

describe('Own Dockerfile checks: arguments', () => {
  it('missing-argument: an instruction BuildKit rejects without arguments', () => {
    fires('FROM alpine\nWORKDIR\n', 'missing-argument', { severity: 'error', message: 'WORKDIR needs a path.', at: 'WORKDIR' });
    fires('FROM alpine\nONBUILD\n', 'missing-argument', { severity: 'error', message: 'ONBUILD needs an instruction to run later, e.g. ONBUILD COPY . /app.', at: 'ONBUILD' });
    none('FROM alpine\nCMD\nENTRYPOINT []\nCMD []\n', 'missing-argument');
  });

  it('missing-argument: RUN without a command is only a warning', () => {
    fires('FROM alpine\nRUN --network=none\n', 'missing-argument', { severity: 'warning', message: 'RUN has no command to run.', at: 'RUN' });
    none('FROM alpine\nRUN <<EOF\necho\nEOF\n', 'missing-argument');
  });

  it('missing-argument: COPY without a destination', () => {
    fires('FROM alpine\nCOPY app.py\n', 'missing-argument', {
      severity: 'error', message: 'COPY needs a source and a destination; only "app.py" is given.', at: 'app.py',
    });
    none('FROM alpine\nCOPY app.py /app/\nCOPY ["a b", "/c/"]\nCOPY <<EOF /etc/x\nhi\nEOF\n', 'missing-argument');
  });

  it('missing-argument: ENV in the legacy form without a value, and FROM ... AS without a name', () => {
    fires('FROM alpine\nENV DEBUG\n', 'missing-argument', { severity: 'error', message: 'ENV DEBUG has no value: write ENV DEBUG=<value>.', at: 'DEBUG' });
    fires('FROM alpine AS\n', 'missing-argument', { severity: 'error', message: 'AS must be followed by a stage name.', at: 'AS' });
    none('FROM alpine\nENV DEBUG 1\nENV A=1 B="two words"\n', 'missing-argument');
  });

  it('missing-argument: an empty VOLUME path and HEALTHCHECK CMD without a command', () => {
    fires('FROM alpine\nVOLUME ["/data", ""]\n', 'missing-argument', { severity: 'error', message: 'A VOLUME path cannot be empty.', at: '""' });
    fires('FROM alpine\nHEALTHCHECK CMD\n', 'missing-argument', { severity: 'error', message: 'HEALTHCHECK CMD needs the command that checks the container.', at: 'CMD' });
    none('FROM alpine\nVOLUME ["/data"]\nHEALTHCHECK CMD ["/bin/check"]\n', 'missing-argument');
  });

  it('extra-argument: FROM takes one image and an optional AS name', () => {
    fires('FROM alpine latest\n', 'extra-argument', {
      severity: 'error', message: 'FROM takes one image, optionally followed by AS <name>; "latest" is not AS.', at: 'latest',
    });
    fires('FROM alpine AS build extra\n', 'extra-argument', {
      severity: 'error', message: 'FROM takes one image, optionally followed by AS <name>; "extra" is one word too many.', at: 'extra',
    });
    none('FROM alpine\nFROM alpine as build\n', 'extra-argument');
  });

  it('extra-argument: HEALTHCHECK NONE takes nothing', () => {
    fires('FROM alpine\nHEALTHCHECK NONE CMD true\n', 'extra-argument', { severity: 'error', message: 'HEALTHCHECK NONE takes no arguments.', at: 'CMD true' });
    none('FROM alpine\nHEALTHCHECK NONE\n', 'extra-argument');
  });

  it('extra-argument: WORKDIR and USER read the whole line as one value', () => {
    fires('FROM alpine\nWORKDIR /app /src\n', 'extra-argument', {
      severity: 'warning', message: 'WORKDIR takes one path; this creates one directory named "/app /src", spaces included.', at: '/src',
    });
    fires('FROM alpine\nUSER app staff\n', 'extra-argument', {
      severity: 'warning', message: 'USER takes one user[:group], e.g. USER app:staff; "app staff" is read as a single name containing a space.', at: 'staff',
    });
    none('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\Program Files (x86)\\App\nUSER NT AUTHORITY\\SYSTEM\n', 'extra-argument');
  });

  it('unknown-healthcheck-type: HEALTHCHECK needs CMD or NONE', () => {
    fires('FROM alpine\nHEALTHCHECK CMDD curl -f localhost\n', 'unknown-healthcheck-type', {
      severity: 'error', message: 'HEALTHCHECK expects CMD <command> or NONE, not "CMDD" (did you mean CMD?).', at: 'CMDD',
    });
    none('FROM alpine\nHEALTHCHECK --interval=5s cmd curl -f localhost\n', 'unknown-healthcheck-type');
  });

  it('missing-equals: later ENV words without "="', () => {
    fires('FROM alpine\nENV A=1 B\n', 'missing-equals', {
      severity: 'error', message: '"B" has no "=": once the first pair of ENV uses name=value, every word must.', at: 'B',
    });
    none('FROM alpine\nENV A=1 B=2\nLABEL version 1.0 beta\n', 'missing-equals');
  });

  it('empty-name: "=value" without a name', () => {
    fires('FROM alpine\nLABEL =x\n', 'empty-name', { severity: 'error', message: 'LABEL needs a name before "=".', at: '=x' });
    none('FROM alpine\nLABEL a=\nARG B=\n', 'empty-name');
  });

  it('invalid-arg-name: an ARG that no $NAME can reach', () => {
    fires('FROM alpine\nARG my-version=1\n', 'invalid-arg-name', {
      severity: 'information', message: '"my-version" is not a valid variable name (letters, digits and _), so $my-version can never refer to it.', at: 'my-version',
    });
    none('FROM alpine\nARG MY_VERSION=1 _x\n', 'invalid-arg-name');
  });

  it('copy-remote-source: COPY does not download', () => {
    fires('FROM alpine\nCOPY https://example.com/tool.tgz /opt/\n', 'copy-remote-source', {
      severity: 'error', message: 'COPY cannot read a URL ("https://example.com/tool.tgz"); use ADD, or download it in a RUN step.', at: 'https://example.com/tool.tgz',
    });
    none('FROM alpine\nADD https://example.com/tool.tgz /opt/\nCOPY --from=build http/file /opt/\n', 'copy-remote-source');
  });

  it('copy-quoted-space: shell-form COPY splits at spaces before removing quotes', () => {
    const text = 'FROM alpine\nCOPY "my file.txt" /app/\n';
    fires(text, 'copy-quoted-space', {
      severity: 'error',
      message: 'COPY splits its arguments at spaces before removing quotes, so "my file.txt" breaks apart; use the JSON form for paths with spaces.',
      at: '"my file.txt"',
    });
    assert.deepStrictEqual(fixOf(text, 'copy-quoted-space'), { title: 'Rewrite in JSON form', range: rangeOf(text, '"my file.txt" /app/'), newText: '["my file.txt", "/app/"]' });
    none('FROM alpine\nCOPY "file.txt" /app/\nCOPY ["my file.txt", "/app/"]\n', 'copy-quoted-space');
  });

  it('copy-destination-not-directory: several sources need a directory destination', () => {
    const text = 'FROM alpine\nCOPY package.json package-lock.json /app\n';
    fires(text, 'copy-destination-not-directory', {
      severity: 'warning', message: 'COPY has 2 sources, so the destination "/app" should end with "/" to be a directory.', at: '/app',
    });
    const end = rangeOf(text, '/app').end;
    assert.deepStrictEqual(fixOf(text, 'copy-destination-not-directory'), { title: 'Add a trailing "/"', range: { start: end, end }, newText: '/' });
    none('FROM alpine\nCOPY a b /app/\nCOPY a b .\nCOPY a b $DEST\nCOPY a /app\nCOPY ["a", "b", "C:\\\\app\\\\"]\n', 'copy-destination-not-directory');
  });
});

describe('Own Dockerfile checks: JSON form', () => {
  it('shell-json-form: single quotes, with a fix to double quotes', () => {
    const text = "FROM alpine\nCMD ['node', 'server.js']\n";
    fires(text, 'shell-json-form', {
      severity: 'warning',
      message: 'This looks like a JSON array but it uses single quotes (JSON needs double quotes), so Docker will run the whole text of CMD through a shell instead of as an exec-form command.',
      at: "['node', 'server.js']",
    });
    assert.deepStrictEqual(fixOf(text, 'shell-json-form'), { title: 'Rewrite as a JSON array', range: rangeOf(text, "['node', 'server.js']"), newText: '["node", "server.js"]' });
    none('FROM alpine\nCMD ["node", "server.js"]\nRUN [ -f /etc/os-release ] && echo ok\nRUN [ "$A" = "b" ] || exit 1\n', 'shell-json-form');
  });

  it('shell-json-form: a trailing comma', () => {
    fires('FROM alpine\nENTRYPOINT ["a", "b",]\n', 'shell-json-form', {
      severity: 'warning',
      message: 'This looks like a JSON array but it has a comma before the closing ], so Docker will run the whole text of ENTRYPOINT through a shell instead of as an exec-form command.',
      at: '["a", "b",]',
    });
  });

  it('json-trailing-text: Docker reads one JSON array and drops the rest', () => {
    const text = 'FROM alpine\nCMD ["a"] # the app\nCMD ["b"] && c\n';
    fires(text, 'json-trailing-text',
      { severity: 'information', message: 'Docker ignores the text after the JSON array, so "# the app" is not a comment but is dropped; put comments on their own line.', at: '# the app' },
      { severity: 'warning', message: 'Docker ignores the text after the JSON array: "&& c" is not part of the CMD command.', at: '&& c' });
    assert.deepStrictEqual(fixOf(text, 'json-trailing-text'), { title: 'Remove the text after the array', range: rangeOf(text, ' # the app'), newText: '' });
    none('FROM alpine\nCMD ["a"]   \nCMD [ "b" ]\n', 'json-trailing-text');
  });

  it('invalid-json: SHELL needs a JSON array', () => {
    const text = 'FROM alpine\nSHELL /bin/bash -c\n';
    fires(text, 'invalid-json', { severity: 'error', message: 'SHELL must be written as a JSON array: SHELL ["/bin/bash", "-c"].', at: '/bin/bash -c' });
    assert.deepStrictEqual(fixOf(text, 'invalid-json'), { title: 'Rewrite as a JSON array', range: rangeOf(text, '/bin/bash -c'), newText: '["/bin/bash", "-c"]' });
    none('FROM alpine\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n', 'invalid-json');
  });

  it('invalid-json: a non-string element stops the build', () => {
    fires('FROM alpine\nCMD ["sleep", 10]\n', 'invalid-json', {
      severity: 'error', message: 'The JSON array of CMD may only contain strings; 10 is not a string.', at: '["sleep", 10]',
    });
    none('FROM alpine\nCMD ["sleep", "10"]\n', 'invalid-json');
  });

  it('invalid-json: a broken array runs as a shell command', () => {
    fires('FROM alpine\nCMD ["a" "b"]\n', 'invalid-json', {
      severity: 'warning',
      message: 'This is not a valid JSON array, so Docker will run the whole text of CMD through a shell instead of as an exec-form command.',
      at: '["a" "b"]',
    });
    none('FROM alpine\nRUN [ "$(uname -m)" = "x86_64" ] && make\n', 'invalid-json');
  });
});

describe('Own Dockerfile checks: JSON form of COPY and VOLUME', () => {
  it('shell-json-form: COPY and VOLUME fall back to plain words, not to a shell', () => {
    fires("FROM alpine\nVOLUME ['/data']\n", 'shell-json-form', {
      severity: 'warning',
      message: 'This looks like a JSON array but it uses single quotes (JSON needs double quotes), so Docker reads VOLUME as space-separated words, brackets and quotes included.',
      at: "['/data']",
    });
    none('FROM alpine\nVOLUME ["/data"]\nCOPY ["a", "/b/"]\n', 'shell-json-form');
  });
});
