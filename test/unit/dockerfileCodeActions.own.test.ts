// Quick fixes of our own checks: every "did you mean", duplicates, missing `=`, JSON form, COPY and directives.
import * as assert from 'assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { edit } from './support/dockerfileCaret';
import { quickFixes, resultsOf, URI } from './support/dockerfileCodeActions';

/** Each action at the `‸` of the text as [title, isPreferred, code of its diagnostic, edits]. */
function summary(marked: string): [string, boolean | undefined, string, TextEdit[]][] {
  return quickFixes(marked).actions.map((a) => [a.title, a.isPreferred, (a.diagnostics ?? []).map((d) => String(d.code)).join(','), a.edit?.changes?.[URI] ?? []]);
}

/** Each action at the `‸` of the text as [title, isPreferred, the text after it]. */
function results(marked: string): [string, boolean | undefined, string][] {
  return resultsOf(quickFixes(marked));
}

describe('Dockerfile code actions: our own checks', () => {
  it('unknown-instruction and unknown-flag: the instruction or flag meant', () => {
    assert.deepStrictEqual(summary('FROM alpine\nRU‸NN make\n'), [['Change to RUN', true, 'unknown-instruction', [edit(1, 0, 1, 4, 'RUN')]]]);
    assert.deepStrictEqual(summary('FROM alpine\nCOPY --chm‸ood=755 a /b\n'), [['Change to --chmod', true, 'unknown-flag', [edit(1, 7, 1, 13, 'chmod')]]]);
  });

  it('duplicate-flag and ignored-flag: remove the flag and its blank', () => {
    assert.deepStrictEqual(summary('FROM alpine\nCOPY --link --li‸nk a /b/\n'), [['Remove this --link', true, 'duplicate-flag', [edit(1, 12, 1, 19, '')]]]);
    assert.deepStrictEqual(results('FROM alpine\nSTOPSIGNAL --fo‸o SIGTERM\n'), [['Remove --foo', true, 'FROM alpine\nSTOPSIGNAL SIGTERM\n']]);
  });

  it('flag-missing-value: the next word joined with "=", when enough arguments remain', () => {
    assert.deepStrictEqual(summary('FROM alpine\nCOPY --cho‸wn 1000 a /b/\n'), [['Change to --chown=1000', true, 'flag-missing-value', [edit(1, 12, 1, 13, '=')]]]);
    assert.deepStrictEqual(results('FROM alpine\nRUN --netw‸ork none make\n'), [['Change to --network=none', true, 'FROM alpine\nRUN --network=none make\n']]);
    assert.deepStrictEqual(summary('FROM alpine\nCOPY --cho‸wn 1000 /b/\n'), []);
  });

  it('invalid-flag-value and mount options: the value or key meant', () => {
    assert.deepStrictEqual(summary('FROM alpine\nRUN --network=hostt‸ curl x\n'), [['Change to host', true, 'invalid-flag-value', [edit(1, 14, 1, 19, 'host')]]]);
    assert.deepStrictEqual(results('FROM alpine\nRUN --mount=type=cach‸,target=/x make\n'), [['Change to cache', true, 'FROM alpine\nRUN --mount=type=cache,target=/x make\n']]);
    assert.deepStrictEqual(results('FROM alpine\nRUN --mount=type=cache,targte‸=/x make\n'), [['Change to target', true, 'FROM alpine\nRUN --mount=type=cache,target=/x make\n']]);
    assert.deepStrictEqual(summary('FROM alpine\nRUN --mount=cac‸he,target=/x make\n'), [['Change to type=cache', true, 'unknown-mount-key', [edit(1, 12, 1, 12, 'type=')]]]);
    assert.deepStrictEqual(results('FROM alpine\nRUN --mount=type=cache,target=/x,sharing=lokced‸ make\n'), [
      ['Change to locked', true, 'FROM alpine\nRUN --mount=type=cache,target=/x,sharing=locked make\n'],
    ]);
  });

  it('undefined-stage: the stage meant; preferred only when the name is no valid image either', () => {
    assert.deepStrictEqual(summary('FROM alpine AS build\nFROM alpine\nCOPY --from=Buidl_‸ /a /b\n'), [['Change to build', true, 'undefined-stage', [edit(2, 12, 2, 18, 'build')]]]);
    assert.deepStrictEqual(results('FROM alpine AS builder\nFROM alpine\nRUN --mount=from=buildr‸,target=/x make\n'), [
      ['Change to builder', false, 'FROM alpine AS builder\nFROM alpine\nRUN --mount=from=builder,target=/x make\n'],
    ]);
  });

  it('unknown-healthcheck-type: CMD or NONE when misspelt, else CMD in front of the command', () => {
    assert.deepStrictEqual(summary('FROM alpine\nHEALTHCHECK CD‸M curl x\n'), [['Change to CMD', true, 'unknown-healthcheck-type', [edit(1, 12, 1, 15, 'CMD')]]]);
    assert.deepStrictEqual(summary('FROM alpine\nhealthcheck cu‸rl -f x\n'), [['Insert cmd before the command', true, 'unknown-healthcheck-type', [edit(1, 12, 1, 12, 'cmd ')]]]);
  });

  it('missing-equals: two bare words are joined; a lone one gets an empty value, not preferred', () => {
    assert.deepStrictEqual(summary('FROM alpine\nENV A=1 ‸B 2\n'), [['Change to B=2', true, 'missing-equals', [edit(1, 9, 1, 10, '=')]]]);
    assert.deepStrictEqual(summary('FROM alpine\nENV A=1 B ‸2\n'), []);
    assert.deepStrictEqual(summary('FROM alpine\nLABEL a=1 ‸b\n'), [['Change to b= (an empty value)', false, 'missing-equals', [edit(1, 11, 1, 11, '=')]]]);
    assert.deepStrictEqual(results('FROM alpine\nENV A=1 B 2 ‸C\n'), [['Change to C= (an empty value)', false, 'FROM alpine\nENV A=1 B 2 C=\n']]);
  });

  it('JSON form: shell-json-form, invalid-json of SHELL and json-trailing-text', () => {
    const [first] = results("FROM alpine\nCMD ['node', 'a.‸js']\n");
    assert.deepStrictEqual(first, ['Rewrite as a JSON array', true, 'FROM alpine\nCMD ["node", "a.js"]\n']);
    assert.deepStrictEqual(results('FROM alpine\nSHELL /bin/ba‸sh -c\n'), [['Rewrite as a JSON array', true, 'FROM alpine\nSHELL ["/bin/bash", "-c"]\n']]);
    assert.deepStrictEqual(summary('FROM alpine\nCMD ["a"] # no‸te\n'), [['Remove the text after the array', true, 'json-trailing-text', [edit(1, 9, 1, 16, '')]]]);
  });

  it('COPY: a trailing slash, the JSON form for spaces, ADD for a single remote source', () => {
    assert.deepStrictEqual(summary('FROM alpine\nCOPY a b ‸/c\n'), [['Add a trailing "/"', true, 'copy-destination-not-directory', [edit(1, 11, 1, 11, '/')]]]);
    assert.deepStrictEqual(results('FROM alpine\nCOPY "my file"‸ /app/\n'), [['Rewrite in JSON form', true, 'FROM alpine\nCOPY ["my file", "/app/"]\n']]);
    assert.deepStrictEqual(summary('FROM alpine\ncopy --chown=1 https://x.io/‸a.tgz /a\n'), [['Change copy to add', true, 'copy-remote-source', [edit(1, 0, 1, 4, 'add')]]]);
    // Several sources: ADD would also unpack local archives among them, so no fix.
    assert.deepStrictEqual(summary('FROM alpine\nCOPY https://x.io/‸a.tgz b.tgz /a/\n'), []);
  });

  it('invalid-reference: the repository in lower case, tag kept', () => {
    assert.deepStrictEqual(summary('FROM Ubun‸tu:22.04-RC\n'), [['Change to ubuntu:22.04-RC', true, 'invalid-reference', [edit(0, 5, 0, 20, 'ubuntu:22.04-RC')]]]);
    assert.deepStrictEqual(summary('FROM BASE_IM‸AGE\n'), []);
  });

  it('directives: remove a duplicate; move a misplaced one to the top (not preferred)', () => {
    assert.deepStrictEqual(summary('# syntax=docker/dockerfile:1\n# syn‸tax=docker/dockerfile:1.9\nFROM alpine\n'), [
      ['Remove this syntax directive', true, 'duplicate-directive', [edit(1, 0, 2, 0, '')]],
    ]);
    assert.deepStrictEqual(summary('# syntax=docker/dockerfile:1\n# note\n# esc‸ape=`\nFROM alpine\n'), [
      ['Move the escape directive to the top of the file', false, 'misplaced-directive', [edit(1, 0, 1, 0, '# escape=`\n'), edit(2, 0, 3, 0, '')]],
    ]);
  });

  it('codes without an obvious fix get none', () => {
    for (const marked of ['FROM alpine\nCOPY ‸a\n', 'FROM alpine\nEXPOSE 99‸999\n', 'FROM alpine AS 1‸x\n', 'FROM alpine\nRUN <<E‸OF\nx\n',
      'FROM alpine\nHEALTHCHECK --interval=5‸ CMD x\n', 'FROM alpine\nCOPY --from=$‸X a b\n', 'RUN ‸x\n']) {
      assert.deepStrictEqual(summary(marked), [], marked);
    }
  });
});
