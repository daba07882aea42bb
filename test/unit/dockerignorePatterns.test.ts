// .dockerignore patterns, rule by rule, as BuildKit (moby/patternmatcher) reads them.
import * as assert from 'assert';
import { isIgnored, parseDockerignore } from '../../server/src/dockerfile/dockerignore';

/** Whether each path is excluded by the .dockerignore text, as [path, excluded] pairs. */
function verdicts(ignoreFile: string, paths: string[]): [string, boolean][] {
  const patterns = parseDockerignore(ignoreFile);
  return paths.map((file) => [file, isIgnored(patterns, file)]);
}

/** Checks [path, excluded] pairs against a .dockerignore text. */
function expectVerdicts(ignoreFile: string, cases: [string, boolean][]): void {
  assert.deepStrictEqual(verdicts(ignoreFile, cases.map(([file]) => file)), cases);
}

describe('.dockerignore pattern rules (as BuildKit reads them)', () => {
  it('`*` and `?` stay within one path segment', () => {
    expectVerdicts('*/temp*\n', [
      ['somedir/temporary.txt', true],
      ['somedir/temp', true],
      ['temp', false],
      ['a/b/temp', false],
    ]);
    expectVerdicts('*/*/temp*\n', [
      ['a/b/temp.txt', true],
      ['a/temp.txt', false],
    ]);
    expectVerdicts('temp?\n', [
      ['tempa', true],
      ['temp', false],
      ['tempab', false],
      ['temp/', false],
      ['tempa/inner.txt', true],
    ]);
  });

  it('`**` matches any number of directories, none included', () => {
    expectVerdicts('**/*.go\n', [
      ['main.go', true],
      ['a/b/c.go', true],
      ['a/b/c.golang', false],
    ]);
    expectVerdicts('a/**/z\n', [
      ['a/z', true],
      ['a/b/z', true],
      ['a/b/c/z', true],
      ['az', false],
      ['a/bz', false],
    ]);
    // In the middle of a name `**` still stands for whole directories: `a**b` is `a` + directories + `b`.
    expectVerdicts('a**b\n', [
      ['ab', true],
      ['ax/b', true],
      ['a/x/b', true],
      ['axb', false],
    ]);
    expectVerdicts('build/**\n', [
      ['build/out/app', true],
      ['build', false],
      ['builder/x', false],
    ]);
    expectVerdicts('**\n', [
      ['anything', true],
      ['deep/er/path', true],
    ]);
  });

  it('reads `**` followed by plain characters as a suffix of the path, as BuildKit does', () => {
    expectVerdicts('**.log\n', [
      ['a.log', true],
      ['dir/b.log', true],
      ['.log', true],
      ['a.logs', false],
    ]);
    expectVerdicts('**/cache\n', [
      ['cache', true],
      ['x/cache', true],
      ['x/y/cache/file', true],
      ['xcache', false],
    ]);
  });

  it('reads character classes, ranges and negation (a negated class also matches `/`)', () => {
    expectVerdicts('file[0-9].txt\nlog[^a-c]\nsign[!]\n', [
      ['file7.txt', true],
      ['filex.txt', false],
      ['logd', true],
      ['logb', false],
      ['sign!', true],
      ['signa', false],
    ]);
    expectVerdicts('a[^x]b\n', [
      ['a/b', true],
      ['axb', false],
    ]);
    expectVerdicts('[\\]x]y\n', [
      [']y', true],
      ['xy', true],
      ['\\y', false],
    ]);
  });

  it('escapes a special character with a backslash', () => {
    expectVerdicts('star\\*\nq\\?\nbr\\[x]\n', [
      ['star*', true],
      ['starry', false],
      ['q?', true],
      ['qa', false],
      ['br[x]', true],
      ['brx', false],
    ]);
  });

  it('takes regexp characters literally', () => {
    expectVerdicts('a.b\n(x)+{y}|$\n', [
      ['a.b', true],
      ['axb', false],
      ['(x)+{y}|$', true],
    ]);
  });

  it('cleans patterns: a leading `/` or `./`, `.` and `..` parts, doubled and trailing slashes', () => {
    expectVerdicts('/root.txt\n./dot.txt\nsrc//gen/\nx/../y\n', [
      ['root.txt', true],
      ['dot.txt', true],
      ['src/gen/a.ts', true],
      ['y', true],
      ['x', false],
    ]);
    assert.deepStrictEqual(
      parseDockerignore('/a\n./b/\nc/./d/..\n../e\n!/f\n! g \n').map((p) => [p.exclusion, p.pattern]),
      [[false, 'a'], [false, 'b'], [false, 'c'], [false, '../e'], [true, 'f'], [true, 'g']],
    );
  });

  it('takes `#` as a comment only in the first column, and skips blank lines and a lone `!`', () => {
    assert.deepStrictEqual(
      parseDockerignore('\uFEFF# comment\n  # not a comment\n\n   \n!\n  spaced  \r\nlast').map((p) => p.pattern),
      ['# not a comment', 'spaced', 'last'],
    );
  });

  it('lets the last matching pattern decide: exceptions and re-exclusions', () => {
    expectVerdicts('*.md\n!README*.md\nREADME-secret.md\n', [
      ['CHANGELOG.md', true],
      ['README.md', false],
      ['README-dev.md', false],
      ['README-secret.md', true],
    ]);
    expectVerdicts('*.md\nREADME-secret.md\n!README*.md\n', [
      ['CHANGELOG.md', true],
      ['README-secret.md', false],
    ]);
  });

  it('excludes everything below a directory a pattern matches, unless a later exception matches it', () => {
    expectVerdicts('vendor\n!vendor/keep\n', [
      ['vendor', true],
      ['vendor/lib/x.go', true],
      ['vendor/keep', false],
      ['vendor/keep/inner', false],
      ['vendors', false],
    ]);
    expectVerdicts('*/secret\n', [
      ['app/secret/key.pem', true],
      ['app/other/secret', false],
      ['secret/key.pem', false],
    ]);
  });

  it('matches nothing with a pattern Go refuses (BuildKit would stop the build)', () => {
    for (const bad of ['[a-]', '[]x', '[z-a]', 'trailing\\', '[abc', '[^]']) {
      assert.deepStrictEqual([bad, parseDockerignore(bad)[0].steps], [bad, undefined]);
    }
    expectVerdicts('[abc\n', [['[abc', false]]);
  });

  it('counts characters, not UTF-16 units, for `?`', () => {
    expectVerdicts('emoji-?.png\n', [
      ['emoji-😀.png', true],
      ['emoji-ab.png', false],
    ]);
  });
});
