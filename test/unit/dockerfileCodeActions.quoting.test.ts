// Quick fixes that rewrite text under the Dockerfile's quoting rules: JSONArgsRecommended (the exec form, only
// when no shell feature is used) and LegacyKeyValueFormat (KEY=value with the same value).
import * as assert from 'assert';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { shellWords } from '../../server/src/dockerfile/codeActionsText';
import { parseDockerfile, unquote } from '../../server/src/dockerfile/parser';
import { edit } from './support/dockerfileCaret';
import { quickFixes as allQuickFixes, resultsOf, URI } from './support/dockerfileCodeActions';

/** The quick fixes (without "Ignore ...") at the `‸` of the text. */
function quickFixes(marked: string): { text: string; actions: CodeAction[] } {
  const { text, actions } = allQuickFixes(marked);
  return { text, actions: actions.filter((a) => !a.title.startsWith('Ignore ')) };
}

function summary(marked: string): [string, boolean | undefined, TextEdit[]][] {
  return quickFixes(marked).actions.map((a) => [a.title, a.isPreferred, a.edit?.changes?.[URI] ?? []]);
}

/** Each fix as [title, preferred, the text after it]. */
function results(marked: string): [string, boolean | undefined, string][] {
  return resultsOf(quickFixes(marked));
}

describe('Dockerfile code actions: exec form (JSONArgsRecommended)', () => {
  it('turns plain words into the exec form, preferred for CMD', () => {
    assert.deepStrictEqual(summary('FROM alpine\nCMD java -jar ‸/app.jar\n'), [
      ['Change to the exec form ["java", "-jar", "/app.jar"]', true, [edit(1, 4, 1, 22, '["java", "-jar", "/app.jar"]')]],
    ]);
  });

  it('keeps quoted words whole, JSON-escaped, and drops a leading exec', () => {
    assert.deepStrictEqual(results('FROM alpine\nCMD exec node ‸\'my app.js\' "--name=a b" \'say "hi"\'\n'), [
      ['Change to the exec form ["node", "my app.js", "--name=a b", "say \\"hi...', true,
        'FROM alpine\nCMD ["node", "my app.js", "--name=a b", "say \\"hi\\""]\n'],
    ]);
  });

  it('offers only ["/bin/sh", "-c", ...] when the text uses the shell, never a change of meaning', () => {
    for (const command of ['nginx -g "daemon off;" && true', 'echo $HOME', 'echo hi > /tmp/x', 'ls *.txt', 'a | b', 'cd /app', 'A=1 run',
      'echo ~', 'run # note', 'echo "$(date)"', 'x \\; y']) {
      assert.deepStrictEqual(results(`FROM alpine\nCMD ‸${command}\n`), [
        ['Change to the exec form ["/bin/sh", "-c", ...] (keeps the shell)', false, `FROM alpine\nCMD ${JSON.stringify(['/bin/sh', '-c', command]).replace(/","/g, '", "')}\n`],
      ], command);
    }
  });

  it('does not wrap in /bin/sh on Windows stages', () => {
    assert.deepStrictEqual(summary('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ‸echo %PATH% > x\n'), []);
    assert.deepStrictEqual(summary('# escape=`\nFROM alpine\nCMD ‸echo hi > x\n'), []);
  });

  it('ENTRYPOINT: exec form only without a CMD to append, and not preferred (docker run arguments then reach it)', () => {
    assert.deepStrictEqual(results('FROM alpine\nENTRYPOINT ‸node a.js\n'), [
      ['Change to the exec form ["node", "a.js"]', false, 'FROM alpine\nENTRYPOINT ["node", "a.js"]\n'],
    ]);
    assert.deepStrictEqual(results('FROM alpine AS base\nCMD ["x"]\nFROM base\nENTRYPOINT ‸node a.js\n'), [
      ['Change to the exec form ["/bin/sh", "-c", ...] (keeps the shell)', false, 'FROM alpine AS base\nCMD ["x"]\nFROM base\nENTRYPOINT ["/bin/sh", "-c", "node a.js"]\n'],
    ]);
  });

  it('CMD under an ENTRYPOINT becomes its arguments: offered, not preferred', () => {
    assert.deepStrictEqual(summary('FROM alpine\nENTRYPOINT ["tini", "--"]\nCMD ‸node a.js\n'), [
      ['Change to the exec form ["node", "a.js"]', false, [edit(2, 4, 2, 13, '["node", "a.js"]')]],
    ]);
  });

  it('joins continuation lines, and leaves an instruction with a comment inside alone', () => {
    assert.deepStrictEqual(results('FROM alpine\nCMD ‸node \\\n  a.js\n'), [
      ['Change to the exec form ["node", "a.js"]', true, 'FROM alpine\nCMD ["node", "a.js"]\n'],
    ]);
    assert.deepStrictEqual(summary('FROM alpine\nCMD ‸node \\\n# the app\n  a.js\n'), []);
  });

  it('shellWords: the words sh would run, or nothing', () => {
    assert.deepStrictEqual(shellWords("a 'b c' \"d\"e '' x=1"), ['a', 'b c', 'de', '', 'x=1']);
    assert.deepStrictEqual(shellWords('exec -a name x'), undefined);
    assert.deepStrictEqual(shellWords('exec exec x'), undefined);
    assert.deepStrictEqual(shellWords('"unterminated'), undefined);
    assert.deepStrictEqual(shellWords('   '), undefined);
    assert.deepStrictEqual(shellWords('héllo wörld'), ['héllo', 'wörld']);
  });
});

describe('Dockerfile code actions: KEY=value (LegacyKeyValueFormat)', () => {
  it('one word: just the "="', () => {
    assert.deepStrictEqual(summary('FROM alpine\nENV ‸GOPATH /go\n'), [['Change to GOPATH=/go', true, [edit(1, 10, 1, 11, '=')]]]);
    assert.deepStrictEqual(results('FROM alpine\nENV ‸JAVA_HOME C:\\\\openjdk-21\n'), [
      ['Change to JAVA_HOME=C:\\\\openjdk-21', true, 'FROM alpine\nENV JAVA_HOME=C:\\\\openjdk-21\n'],
    ]);
  });

  it('several words are one value: quoted whole (ENV A b c means A="b c")', () => {
    assert.deepStrictEqual(summary('FROM alpine\nLABEL ‸description My  app, v$VERSION\n'), [
      ['Change to description="My  app, v$VERSION"', true, [edit(1, 17, 1, 18, '="'), edit(1, 36, 1, 36, '"')]],
    ]);
  });

  it('keeps continuation lines where they are', () => {
    assert.deepStrictEqual(results('FROM alpine\nENV ‸PHPIZE_DEPS \\\n\t\tautoconf \\\n\t\tmake\n'), [
      ['Change to PHPIZE_DEPS="autoconf \t\tmake"', true, 'FROM alpine\nENV PHPIZE_DEPS="autoconf \\\n\t\tmake"\n'],
    ]);
    assert.deepStrictEqual(results('FROM alpine\nENV ‸GOPATH \\\n/go\n'), [['Change to GOPATH=/go', true, 'FROM alpine\nENV GOPATH=/go\n']]);
  });

  it('quotes and escapes inside several words become one double-quoted word', () => {
    assert.deepStrictEqual(results('FROM alpine\nLABEL ‸x "a b" \'c "d"\' e\\ f\n'), [
      ['Change to x="a b c \\"d\\" e f"', true, 'FROM alpine\nLABEL x="a b c \\"d\\" e f"\n'],
    ]);
  });

  it('the fixed value reads exactly as the legacy one did', () => {
    for (const value of ['b c', 'C:\\\\x y', '"a b" c', "'it''s' x", 'a\\ b c', '"q\\"uote" x', 'C:\\\\dir  two']) {
      const [[, , text] = ['', false, '']] = results(`FROM alpine\nENV ‸A ${value}\n`);
      const legacy = parseDockerfile(`FROM alpine\nENV A ${value}\n`).instructions[1].pairs[0];
      const pair = parseDockerfile(text).instructions[1].pairs[0];
      assert.strictEqual(pair.legacy, false, text);
      assert.strictEqual(unquote(pair.value!.value), unquote(legacy.value!.value), text);
    }
  });

  it('no fix when it cannot be exact: variables next to quotes, a comment inside, a quoted key', () => {
    assert.deepStrictEqual(summary('FROM alpine\nENV ‸A "$B c" d\n'), []);
    assert.deepStrictEqual(summary('FROM alpine\nENV ‸A x\\$y z\n'), []);
    assert.deepStrictEqual(summary('FROM alpine\nENV ‸A b \\\n# note\n  c\n'), []);
  });
});
