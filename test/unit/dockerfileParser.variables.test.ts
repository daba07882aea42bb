// The Dockerfile parser on variable references, variablesIn() and unquote(). Helpers: ./support/parser.
import * as assert from 'assert';
import { parseDockerfile, unquote, variablesIn } from '../../server/src/dockerfile/parser';
import { only, plain, rng, tok } from './support/parser';

describe('Dockerfile parser', () => {
  describe('variable references', () => {
    it('reads $NAME and ${NAME} with exact ranges', () => {
      const env = only('ENV A=$B_1/${C}x');
      assert.deepStrictEqual(plain(env.variables), [
        { name: 'B_1', range: rng(0, 6, 0, 10), nameRange: rng(0, 7, 0, 10), braced: false },
        { name: 'C', range: rng(0, 11, 0, 15), nameRange: rng(0, 13, 0, 14), braced: true },
      ]);
    });

    it('reads every modifier and its word', () => {
      const modifiers = [':-', '-', ':+', '+', ':?', '?', '#', '##', '%', '%%', '/', '//'];
      const words = ['d', 'd', 'x', 'x', 'err msg', 'e', '*/', '*/', '.*', '.*', 'a/b', 'a/'];
      const text = 'WORKDIR ' + modifiers.map((m, i) => `\${V${i}${m}${words[i]}}`).join(' ');
      const refs = only(text).variables;
      assert.deepStrictEqual(refs.map((r) => [r.name, r.modifier, r.word, r.braced]), modifiers.map((m, i) => [`V${i}`, m, words[i], true]));
      assert.deepStrictEqual(plain(refs[0]), { name: 'V0', range: rng(0, 8, 0, 16), nameRange: rng(0, 10, 0, 12), modifier: ':-', word: 'd', braced: true });
      assert.deepStrictEqual(refs[4].range, rng(0, 42, 0, 56));
    });

    it('reads nested references, outer first', () => {
      const refs = only('USER ${A:-${B:+"$C"}}').variables;
      assert.deepStrictEqual(refs.map((r) => [r.name, r.modifier, r.word, r.range]), [
        ['A', ':-', '${B:+"$C"}', rng(0, 5, 0, 21)],
        ['B', ':+', '"$C"', rng(0, 10, 0, 20)],
        ['C', undefined, undefined, rng(0, 16, 0, 18)],
      ]);
    });

    it('skips escaped dollars, $$, positional and special parameters, and malformed references', () => {
      const refs = only('WORKDIR \\$A $$B $1 $@ ${} ${:x} ${C ${D:=x} ${F:#x} $E').variables;
      assert.deepStrictEqual(refs.map((r) => [r.name, r.range]), [['E', rng(0, 52, 0, 54)]]);
      assert.deepStrictEqual(only('# escape=`\nWORKDIR \\$A `$B').variables.map((r) => r.name), ['A']);
    });

    it('skips single-quoted text where BuildKit or a shell expands, but records the script handed to a shell with -c', () => {
      assert.deepStrictEqual(only(`ENV A='$X' B="$Y" C=$'Z'`).variables.map((r) => r.name), ['Y']);
      assert.deepStrictEqual(only(`RUN echo '$X' "$Y" \\$Z`).variables.map((r) => r.name), ['Y']);
      assert.deepStrictEqual(only(`RUN sh -c 'echo $A' && bash -euxc '$B' && su app -c 'run $C' && echo x-c '$D' && f'$E'`).variables.map((r) => r.name), ['A', 'B', 'C']);
      assert.deepStrictEqual(only(`CMD ["sh", "-c", "echo '$X' $Y"]`).variables.map((r) => r.name), ['Y']);
      assert.deepStrictEqual(only(`CMD ["sh", "-c", "echo $HOME \\"\${X:-1}\\""]`).variables.map((r) => [r.name, r.range]), [
        ['HOME', rng(0, 23, 0, 28)],
        ['X', rng(0, 31, 0, 38)],
      ]);
    });

    it('records references in flag values and ONBUILD triggers, not in heredoc bodies', () => {
      assert.deepStrictEqual(only('COPY --chown=$UID:${GID} a b').variables.map((r) => r.name), ['UID', 'GID']);
      const onbuild = only('ONBUILD ADD $SRC /dst');
      assert.deepStrictEqual(onbuild.variables.map((r) => [r.name, r.range]), [['SRC', rng(0, 12, 0, 16)]]);
      assert.strictEqual(onbuild.variables[0], onbuild.trigger?.variables[0]);
      assert.deepStrictEqual(only('RUN <<EOF $A\necho $B\nEOF').variables.map((r) => r.name), ['A']);
    });

    it('maps references across continuation lines and in UTF-16 units', () => {
      const refs = only('LABEL x="😀 $A" \\\n  y=${B}').variables;
      assert.deepStrictEqual(refs.map((r) => [r.name, r.range]), [['A', rng(0, 12, 0, 14)], ['B', rng(1, 4, 1, 8)]]);
    });

    it('variablesIn() finds the references of a token, across lines when given the lines', () => {
      const model = parseDockerfile('ENV A="${X}\\\n  $Y"');
      const token = model.instructions[0].pairs[0].value!;
      assert.deepStrictEqual(plain(token), tok('"${X}  $Y"', 0, 6, 1, 5));
      assert.deepStrictEqual(variablesIn(token, '\\', model.lines).map((r) => [r.name, r.range]), [['X', rng(0, 7, 0, 11)], ['Y', rng(1, 2, 1, 4)]]);
      assert.deepStrictEqual(model.instructions[0].variables.map((r) => [r.name, r.range]), [['X', rng(0, 7, 0, 11)], ['Y', rng(1, 2, 1, 4)]]);
      assert.deepStrictEqual(variablesIn(tok("'$A' $B", 3, 2, 3, 9), '\\').map((r) => [r.name, r.range]), [['B', rng(3, 7, 3, 9)]]);
    });

    it('unquote() removes quotes and escapes as BuildKit does', () => {
      assert.strictEqual(unquote(`"a b"'c d'e\\ f`), 'a bc de f');
      assert.strictEqual(unquote(`"x\\"y\\n"`), 'x"y\\n');
      assert.strictEqual(unquote(`'a\\'`), 'a\\');
      assert.strictEqual(unquote('a`b', '`'), 'ab');
      assert.strictEqual(unquote('"unterminated'), 'unterminated');
      assert.strictEqual(unquote('plain'), 'plain');
    });
  });
});
