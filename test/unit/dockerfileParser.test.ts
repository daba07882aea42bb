import * as assert from 'assert';
import type { Instruction, Range, Token } from '../../server/src/dockerfile/model';
import { parseDockerfile, unquote, variablesIn } from '../../server/src/dockerfile/parser';

function rng(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

function tok(value: string, sl: number, sc: number, el: number, ec: number): Token {
  return { value, range: rng(sl, sc, el, ec) };
}

/** Plain copy (no shared objects, no undefined keys) for deepStrictEqual. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function only(text: string): Instruction {
  const model = parseDockerfile(text);
  assert.strictEqual(model.instructions.length, 1, 'one instruction');
  return model.instructions[0];
}

describe('Dockerfile parser', () => {
  describe('parser directives', () => {
    it('reads syntax, escape and check at the top, with ranges', () => {
      const model = parseDockerfile('# syntax=docker/dockerfile:1\n#  Escape = ` \n#check=skip=JSONArgsRecommended\nFROM alpine\n');
      assert.deepStrictEqual(plain(model.directives), [
        { name: 'syntax', value: 'docker/dockerfile:1', range: rng(0, 0, 0, 28), nameRange: rng(0, 2, 0, 8), valueRange: rng(0, 9, 0, 28) },
        { name: 'escape', value: '`', range: rng(1, 0, 1, 14), nameRange: rng(1, 3, 1, 9), valueRange: rng(1, 12, 1, 13) },
        { name: 'check', value: 'skip=JSONArgsRecommended', range: rng(2, 0, 2, 31), nameRange: rng(2, 1, 2, 6), valueRange: rng(2, 7, 2, 31) },
      ]);
      assert.strictEqual(model.escape, '`');
      assert.deepStrictEqual(model.comments, []);
    });

    it('stops at the first line that is not a directive: an unknown directive, an empty line, an instruction', () => {
      const unknown = parseDockerfile('# foo=bar\n# escape=`\nFROM a');
      assert.deepStrictEqual(unknown.directives, []);
      assert.strictEqual(unknown.escape, '\\');
      assert.deepStrictEqual(unknown.comments.map((c) => c.text), ['# foo=bar', '# escape=`']);

      const empty = parseDockerfile('# syntax=x\n\n# escape=`\nFROM a');
      assert.deepStrictEqual(empty.directives.map((d) => d.name), ['syntax']);
      assert.strictEqual(empty.escape, '\\');

      const comment = parseDockerfile('# a comment\n# escape=`\nFROM a');
      assert.deepStrictEqual(comment.directives, []);

      const after = parseDockerfile('FROM a\n# escape=`\n');
      assert.deepStrictEqual(after.directives, []);
      assert.deepStrictEqual(after.comments.map((c) => c.text), ['# escape=`']);
    });

    it('keeps duplicates, ignores an invalid escape value, and reads past a BOM', () => {
      const model = parseDockerfile('\ufeff# escape=`\n# ESCAPE=\\\n# escape=x\nFROM a');
      assert.deepStrictEqual(model.directives.map((d) => [d.name, d.value]), [['escape', '`'], ['escape', '\\'], ['escape', 'x']]);
      assert.strictEqual(model.escape, '`');
      assert.deepStrictEqual(model.directives[0].valueRange, rng(0, 10, 0, 11));
      assert.strictEqual(parseDockerfile('# escape=x\nFROM a').escape, '\\');
    });

    it('uses the backtick for continuations and escapes, leaving the backslash literal', () => {
      const model = parseDockerfile('# escape=`\nFROM a\nRUN dir c:\\ `\n  /b\nCOPY x\\ y z');
      const [, run, copy] = model.instructions;
      assert.strictEqual(run.argsText?.value, 'dir c:\\   /b');
      assert.deepStrictEqual(run.range, rng(2, 0, 3, 4));
      assert.deepStrictEqual(copy.args.map((a) => a.value), ['x\\', 'y', 'z']);
    });
  });

  describe('line continuations', () => {
    it('joins lines, skips comment and empty lines inside, and maps every word back to its line', () => {
      const text = 'RUN apt-get update \\\n  # a comment\n\n    && apt-get install -y \\  \n\tcurl';
      const run = only(text);
      assert.strictEqual(run.argsText?.value, 'apt-get update     && apt-get install -y \tcurl');
      assert.deepStrictEqual(run.argsText?.range, rng(0, 4, 4, 5));
      assert.deepStrictEqual(run.innerCommentLines, [1, 2]);
      assert.deepStrictEqual(run.range, rng(0, 0, 4, 5));
      assert.deepStrictEqual(plain(run.args), [
        tok('apt-get', 0, 4, 0, 11),
        tok('update', 0, 12, 0, 18),
        tok('&&', 3, 4, 3, 6),
        tok('apt-get', 3, 7, 3, 14),
        tok('install', 3, 15, 3, 22),
        tok('-y', 3, 23, 3, 25),
        tok('curl', 4, 1, 4, 5),
      ]);
      assert.deepStrictEqual(parseDockerfile(text).comments, []);
    });

    it('keeps a word that is split by a continuation as one token spanning both lines', () => {
      const run = only('RUN ec\\\nho hi');
      assert.deepStrictEqual(plain(run.args), [tok('echo', 0, 4, 1, 2), tok('hi', 1, 3, 1, 5)]);
    });

    it('does not continue after an escaped escape character (`\\\\` at the end)', () => {
      const model = parseDockerfile('ENV C trailing\\\\\nENV D next');
      assert.deepStrictEqual(model.instructions.map((i) => i.argsText?.value), ['C trailing\\\\', 'D next']);
    });

    it('ends the instruction at the end of the file when the last line continues', () => {
      const model = parseDockerfile('FROM alpine\nRUN something \\');
      assert.strictEqual(model.instructions.length, 2);
      assert.strictEqual(model.instructions[1].argsText?.value, 'something');
      assert.deepStrictEqual(model.instructions[1].range, rng(1, 0, 1, 15));
    });

    it('reports a comment after a continuation at the end of the file as a comment, not inside the instruction', () => {
      const model = parseDockerfile('RUN a \\\n# tail');
      assert.deepStrictEqual(model.instructions[0].range, rng(0, 0, 0, 7));
      assert.deepStrictEqual(model.instructions[0].innerCommentLines, []);
      assert.deepStrictEqual(plain(model.comments), [{ text: '# tail', range: rng(1, 0, 1, 6) }]);
    });

    it('joins an instruction that follows an empty continuation line (as BuildKit does)', () => {
      const model = parseDockerfile('RUN a \\\n\nEXPOSE 80');
      assert.strictEqual(model.instructions.length, 1);
      assert.strictEqual(model.instructions[0].argsText?.value, 'a EXPOSE 80');
      assert.deepStrictEqual(model.instructions[0].innerCommentLines, [1]);
    });
  });

  describe('heredocs', () => {
    it('reads one heredoc; its body lines are not instructions', () => {
      const model = parseDockerfile('FROM a\nRUN <<EOF\nFROM b\necho hi\nEOF\nUSER x');
      assert.deepStrictEqual(model.instructions.map((i) => i.name), ['FROM', 'RUN', 'USER']);
      const run = model.instructions[1];
      assert.deepStrictEqual(plain(run.heredocs), [
        { delimiter: 'EOF', stripTabs: false, quoted: false, openerRange: rng(1, 4, 1, 9), bodyRange: rng(2, 0, 3, 7), body: 'FROM b\necho hi\n', closerRange: rng(4, 0, 4, 3) },
      ]);
      assert.deepStrictEqual(run.range, rng(1, 0, 4, 3));
      assert.strictEqual(model.stages.length, 1);
    });

    it('reads several heredocs of one line one after another (COPY, quoted, <<-)', () => {
      const model = parseDockerfile('COPY <<"A" <<-\'B\' /dest/\n$x\nA\n\tb\n\tB\nRUN x');
      const copy = model.instructions[0];
      assert.deepStrictEqual(plain(copy.heredocs), [
        { delimiter: 'A', stripTabs: false, quoted: true, openerRange: rng(0, 5, 0, 10), bodyRange: rng(1, 0, 1, 2), body: '$x\n', closerRange: rng(2, 0, 2, 1) },
        { delimiter: 'B', stripTabs: true, quoted: true, openerRange: rng(0, 11, 0, 17), bodyRange: rng(3, 0, 3, 2), body: '\tb\n', closerRange: rng(4, 0, 4, 2) },
      ]);
      assert.deepStrictEqual(copy.variables, []);
      assert.deepStrictEqual(model.instructions.map((i) => i.name), ['COPY', 'RUN']);
    });

    it('accepts a file descriptor and an empty body; only a whole `<<WORD` word opens a heredoc', () => {
      const run = only('RUN 3<<EOF cat /dev/fd/3\nEOF');
      assert.deepStrictEqual(plain(run.heredocs.map((h) => [h.delimiter, h.bodyRange, h.body, h.closerRange])), [['EOF', rng(1, 0, 1, 0), '', rng(1, 0, 1, 3)]]);
      const notHeredocs = parseDockerfile('RUN cat<<EOF\nRUN echo "<<EOF"\nRUN ["<<EOF"]\nENV A=<<EOF\nRUN echo <<"" x');
      assert.deepStrictEqual(notHeredocs.instructions.map((i) => i.heredocs.length), [0, 0, 0, 0, 0]);
      assert.strictEqual(notHeredocs.instructions.length, 5);
    });

    it('leaves the closer undefined and runs the body to the end of the file when unterminated', () => {
      const model = parseDockerfile('RUN <<EOF <<END\nline\n  EOF\n');
      const run = model.instructions[0];
      assert.deepStrictEqual(plain(run.heredocs), [
        { delimiter: 'EOF', stripTabs: false, quoted: false, openerRange: rng(0, 4, 0, 9), bodyRange: rng(1, 0, 3, 0), body: 'line\n  EOF\n\n' },
        { delimiter: 'END', stripTabs: false, quoted: false, openerRange: rng(0, 10, 0, 15), bodyRange: rng(3, 0, 3, 0), body: '' },
      ]);
      assert.strictEqual(run.heredocs[0].closerRange, undefined);
      assert.deepStrictEqual(run.range, rng(0, 0, 3, 0));
    });

    it('reads heredocs of an ONBUILD trigger, and after a continued opener line', () => {
      const model = parseDockerfile('ONBUILD RUN <<EOF \\\n  --x\nhello\nEOF\nUSER a');
      const onbuild = model.instructions[0];
      assert.strictEqual(onbuild.trigger?.name, 'RUN');
      assert.deepStrictEqual(onbuild.heredocs.map((h) => [h.delimiter, h.body]), [['EOF', 'hello\n']]);
      assert.strictEqual(onbuild.trigger?.heredocs, onbuild.heredocs);
      assert.deepStrictEqual(onbuild.range, rng(0, 0, 3, 3));
      assert.deepStrictEqual(model.instructions.map((i) => i.name), ['ONBUILD', 'USER']);
    });
  });

  describe('exec (JSON) form', () => {
    it('gives each string with its exact range (quotes included) and decoded value', () => {
      const cmd = only('CMD [ "a b", "q\\"x\\u00e9\\\\", "" ]');
      assert.deepStrictEqual(plain(cmd.json), [tok('a b', 0, 6, 0, 11), tok('q"xé\\', 0, 13, 0, 27), tok('', 0, 29, 0, 31)]);
      assert.strictEqual(cmd.jsonMalformed, false);
    });

    it('follows a JSON array over continuation lines, after flags', () => {
      const run = only('RUN --network=none [ "sh", \\\n  "-c", "echo" ]');
      assert.deepStrictEqual(plain(run.json), [tok('sh', 0, 21, 0, 25), tok('-c', 1, 2, 1, 6), tok('echo', 1, 8, 1, 14)]);
      assert.deepStrictEqual(run.flags.map((f) => f.name), ['network']);
    });

    it('falls back to the shell form when the array is malformed', () => {
      for (const bad of ['CMD ["a", ]', 'CMD [a]', 'CMD ["a"', 'ENTRYPOINT [1, 2]', "COPY ['a', 'b']", 'CMD ["a\tb"]']) {
        const instruction = only(bad);
        assert.strictEqual(instruction.json, undefined, bad);
        assert.strictEqual(instruction.jsonMalformed, true, bad);
        assert.ok(instruction.args.length > 0);
      }
      const shell = only('CMD echo [a]');
      assert.strictEqual(shell.jsonMalformed, false);
    });

    it('ignores what follows the array, as BuildKit decodes one JSON value', () => {
      assert.deepStrictEqual(only('CMD ["a"] b').json?.map((j) => j.value), ['a']);
    });

    it('applies only to instructions with an exec form, and to HEALTHCHECK after its type', () => {
      assert.strictEqual(only('EXPOSE ["80"]').json, undefined);
      assert.strictEqual(only('EXPOSE ["80"]').jsonMalformed, false);
      const health = only('HEALTHCHECK --interval=5s CMD ["curl", "-f"]');
      assert.deepStrictEqual(plain(health.json), [tok('curl', 0, 31, 0, 37), tok('-f', 0, 39, 0, 43)]);
      assert.deepStrictEqual(only('SHELL ["pwsh", "-c"]').json?.map((j) => j.value), ['pwsh', '-c']);
      assert.deepStrictEqual(only('VOLUME ["/a"]').json?.map((j) => j.value), ['/a']);
    });
  });

  describe('flags', () => {
    it('reads flags with name and value ranges, before the first other word', () => {
      const copy = only('COPY --from=builder --link --chown="1000:1000" src --x=y dest');
      assert.deepStrictEqual(plain(copy.flags), [
        { name: 'from', value: 'builder', range: rng(0, 5, 0, 19), nameRange: rng(0, 7, 0, 11), valueRange: rng(0, 12, 0, 19) },
        { name: 'link', range: rng(0, 20, 0, 26), nameRange: rng(0, 22, 0, 26) },
        { name: 'chown', value: '1000:1000', range: rng(0, 27, 0, 46), nameRange: rng(0, 29, 0, 34), valueRange: rng(0, 35, 0, 46) },
      ]);
      assert.deepStrictEqual(copy.args.map((a) => a.value), ['src', '--x=y', 'dest']);
      assert.deepStrictEqual(copy.argsText?.range, rng(0, 47, 0, 61));
    });

    it('reads FROM --platform, an empty value, and stops at a bare --', () => {
      const from = only('FROM --platform=$BUILDPLATFORM golang AS build');
      assert.deepStrictEqual(plain(from.flags), [
        { name: 'platform', value: '$BUILDPLATFORM', range: rng(0, 5, 0, 30), nameRange: rng(0, 7, 0, 15), valueRange: rng(0, 16, 0, 30) },
      ]);
      assert.deepStrictEqual(from.variables.map((v) => [v.name, v.range]), [['BUILDPLATFORM', rng(0, 16, 0, 30)]]);
      const empty = only('RUN --mount= -- --not-a-flag');
      assert.deepStrictEqual(plain(empty.flags), [{ name: 'mount', value: '', range: rng(0, 4, 0, 12), nameRange: rng(0, 6, 0, 11), valueRange: rng(0, 12, 0, 12) }]);
      assert.deepStrictEqual(empty.args.map((a) => a.value), ['--not-a-flag']);
    });

    it('reads flags across a continuation', () => {
      const run = only('RUN --mount=type=cache,target=/root/.cache \\\n    --network=host pip install x');
      assert.deepStrictEqual(run.flags.map((f) => [f.name, f.value, f.valueRange]), [
        ['mount', 'type=cache,target=/root/.cache', rng(0, 12, 0, 42)],
        ['network', 'host', rng(1, 14, 1, 18)],
      ]);
      assert.strictEqual(run.argsText?.value, 'pip install x');
    });
  });

  describe('ARG, ENV and LABEL pairs', () => {
    it('reads ARG names with and without defaults', () => {
      const arg = only('ARG A B=2 C=');
      assert.deepStrictEqual(plain(arg.pairs), [
        { key: tok('A', 0, 4, 0, 5), legacy: false },
        { key: tok('B', 0, 6, 0, 7), value: tok('2', 0, 8, 0, 9), legacy: false },
        { key: tok('C', 0, 10, 0, 11), value: tok('', 0, 12, 0, 12), legacy: false },
      ]);
    });

    it('reads ENV key=value pairs with quotes kept in the value', () => {
      const env = only('ENV A=1 B="x y" \\\n    C=\'$z\'');
      assert.deepStrictEqual(plain(env.pairs), [
        { key: tok('A', 0, 4, 0, 5), value: tok('1', 0, 6, 0, 7), legacy: false },
        { key: tok('B', 0, 8, 0, 9), value: tok('"x y"', 0, 10, 0, 15), legacy: false },
        { key: tok('C', 1, 4, 1, 5), value: tok("'$z'", 1, 6, 1, 10), legacy: false },
      ]);
      assert.deepStrictEqual(env.variables, []);
    });

    it('reads the legacy `ENV NAME value` form as one pair', () => {
      const env = only('ENV PATH  /usr/bin:$PATH more');
      assert.deepStrictEqual(plain(env.pairs), [{ key: tok('PATH', 0, 4, 0, 8), value: tok('/usr/bin:$PATH more', 0, 10, 0, 29), legacy: true }]);
      const label = only('LABEL maintainer "Jane Doe <jane@example.com>"');
      assert.deepStrictEqual(plain(label.pairs), [{ key: tok('maintainer', 0, 6, 0, 16), value: tok('"Jane Doe <jane@example.com>"', 0, 17, 0, 46), legacy: true }]);
      assert.deepStrictEqual(plain(only('ENV ALONE').pairs), [{ key: tok('ALONE', 0, 4, 0, 9), legacy: true }]);
    });

    it('reads LABEL pairs and gives other instructions none', () => {
      assert.deepStrictEqual(only('LABEL a.b=c "d e"=f').pairs.map((p) => [p.key.value, p.value?.value]), [['a.b', 'c'], ['"d e"', 'f']]);
      assert.deepStrictEqual(only('RUN A=1').pairs, []);
    });
  });

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

    it('skips single-quoted text where BuildKit expands, but records it in commands a shell runs', () => {
      assert.deepStrictEqual(only(`ENV A='$X' B="$Y" C=$'Z'`).variables.map((r) => r.name), ['Y']);
      assert.deepStrictEqual(only(`RUN echo '$X' "$Y" \\$Z`).variables.map((r) => r.name), ['X', 'Y']);
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

  describe('stages', () => {
    it('starts a stage at each FROM, with image, AS keyword and name in any case', () => {
      const model = parseDockerfile('ARG V=1\nFROM base:$V as Build\nRUN x\nFROM build AS final\nCOPY --from=Build / /\nFROM scratch aS  other\n');
      assert.deepStrictEqual(
        model.stages.map((s) => [s.index, s.image?.value, s.asKeyword?.value, s.name?.value, s.instructions.map((i) => i.name), s.range]),
        [
          [0, 'base:$V', 'as', 'Build', ['RUN'], rng(1, 0, 2, 5)],
          [1, 'build', 'AS', 'final', ['COPY'], rng(3, 0, 4, 21)],
          [2, 'scratch', 'aS', 'other', [], rng(5, 0, 5, 22)],
        ],
      );
      assert.deepStrictEqual(plain(model.stages[2].name), tok('other', 5, 17, 5, 22));
      assert.deepStrictEqual(plain(model.stages[2].asKeyword), tok('aS', 5, 13, 5, 15));
      assert.deepStrictEqual(model.instructions.map((i) => i.stage), [-1, 0, 0, 1, 1, 2]);
      assert.deepStrictEqual(model.globalArgs.map((i) => i.argsText?.value), ['V=1']);
      assert.strictEqual(model.stages[0].from, model.instructions[1]);
    });

    it('reads a FROM without a name', () => {
      const model = parseDockerfile('FROM alpine');
      assert.deepStrictEqual(plain(model.stages[0].image), tok('alpine', 0, 5, 0, 11));
      assert.strictEqual(model.stages[0].name, undefined);
      assert.strictEqual(model.stages[0].asKeyword, undefined);
    });

    it('parses an ONBUILD trigger like a top-level instruction, with ranges inside the line', () => {
      const model = parseDockerfile('FROM a\nonbuild   copy --from=b x \\\n  y');
      const onbuild = model.instructions[1];
      const trigger = onbuild.trigger!;
      assert.strictEqual(onbuild.name, 'ONBUILD');
      assert.deepStrictEqual(plain(trigger.keyword), tok('copy', 1, 10, 1, 14));
      assert.strictEqual(trigger.name, 'COPY');
      assert.deepStrictEqual(trigger.flags.map((f) => [f.name, f.value, f.range]), [['from', 'b', rng(1, 15, 1, 23)]]);
      assert.deepStrictEqual(plain(trigger.args), [tok('x', 1, 24, 1, 25), tok('y', 2, 2, 2, 3)]);
      assert.deepStrictEqual(trigger.range, rng(1, 10, 2, 3));
      assert.strictEqual(trigger.stage, 0);
      assert.deepStrictEqual(model.stages[0].instructions, [onbuild]);
    });
  });

  describe('re-parsing with the previous model', () => {
    it('takes over unchanged instructions and gives the same model as a fresh parse', () => {
      const before = parseDockerfile('FROM a AS one\nRUN x \\\n  y\nCOPY <<EOF /f\nhi\nEOF\nFROM b\nUSER u\nONBUILD RUN z');
      const text = 'FROM a AS one\nRUN x \\\n  y\nCOPY <<EOF /f\nhi\nEOF\nFROM b\nUSER v\nONBUILD RUN z';
      const after = parseDockerfile(text, before);
      assert.deepStrictEqual(plain(after), plain(parseDockerfile(text)));
      assert.strictEqual(after.instructions[0], before.instructions[0]);
      assert.strictEqual(after.instructions[1], before.instructions[1]);
      assert.strictEqual(after.instructions[2], before.instructions[2]);
      assert.notStrictEqual(after.instructions[4], before.instructions[4]);
      assert.strictEqual(after.stages[1].instructions[1], before.instructions[5]);
    });

    it('copies a taken-over instruction whose stage changed, leaving the previous model as it was', () => {
      const before = parseDockerfile('ARG V\nRUN a\nONBUILD RUN b');
      const after = parseDockerfile('FROM x\nRUN a\nONBUILD RUN b', before);
      assert.deepStrictEqual(after.instructions.map((i) => i.stage), [0, 0, 0]);
      assert.strictEqual(after.instructions[2].trigger?.stage, 0);
      assert.deepStrictEqual(before.instructions.map((i) => i.stage), [-1, -1, -1]);
      assert.strictEqual(before.instructions[2].trigger?.stage, -1);
      assert.strictEqual(after.instructions[1].args, before.instructions[1].args);
      assert.deepStrictEqual(plain(after), plain(parseDockerfile('FROM x\nRUN a\nONBUILD RUN b')));
    });

    it('does not take over an instruction whose end depended on the end of the file', () => {
      const before = parseDockerfile('RUN a \\');
      assert.deepStrictEqual(plain(parseDockerfile('RUN a \\\nb', before)), plain(parseDockerfile('RUN a \\\nb')));
      const heredoc = parseDockerfile('RUN <<EOF\nx');
      assert.deepStrictEqual(plain(parseDockerfile('RUN <<EOF\nx\nEOF\nUSER u', heredoc)), plain(parseDockerfile('RUN <<EOF\nx\nEOF\nUSER u')));
      const escape = parseDockerfile('FROM a\nRUN b `\nc');
      assert.deepStrictEqual(plain(parseDockerfile('# escape=`\nFROM a\nRUN b `\nc', escape)), plain(parseDockerfile('# escape=`\nFROM a\nRUN b `\nc')));
    });
  });

  describe('lines, comments and odd input', () => {
    it('reads comments, but not a # in the middle of a line', () => {
      const model = parseDockerfile('  # one\nRUN echo # not a comment\n#two');
      assert.deepStrictEqual(plain(model.comments), [{ text: '# one', range: rng(0, 2, 0, 7) }, { text: '#two', range: rng(2, 0, 2, 4) }]);
      assert.strictEqual(model.instructions[0].argsText?.value, 'echo # not a comment');
    });

    it('reads CRLF and CR line endings', () => {
      for (const eol of ['\r\n', '\r']) {
        const model = parseDockerfile(['# escape=`', 'FROM a AS b', 'RUN x `', '  y', 'COPY <<EOF /f', 'hi', 'EOF', ''].join(eol));
        assert.deepStrictEqual(model.lines, ['# escape=`', 'FROM a AS b', 'RUN x `', '  y', 'COPY <<EOF /f', 'hi', 'EOF', '']);
        assert.deepStrictEqual(model.instructions.map((i) => [i.name, i.range]), [['FROM', rng(1, 0, 1, 11)], ['RUN', rng(2, 0, 3, 3)], ['COPY', rng(4, 0, 6, 3)]]);
        assert.strictEqual(model.instructions[2].heredocs[0].body, 'hi\n');
        assert.strictEqual(model.escape, '`');
      }
    });

    it('handles a BOM, tabs and non-ASCII text in UTF-16 units', () => {
      const model = parseDockerfile('\ufeffFROM\talpine\nLABEL desc="naïve 😀" x=$Y');
      assert.deepStrictEqual(plain(model.instructions[0].keyword), tok('FROM', 0, 1, 0, 5));
      assert.deepStrictEqual(plain(model.stages[0].image), tok('alpine', 0, 6, 0, 12));
      const label = model.instructions[1];
      assert.deepStrictEqual(label.pairs.map((p) => p.value?.range), [rng(1, 11, 1, 21), rng(1, 24, 1, 26)]);
      assert.deepStrictEqual(label.variables[0].range, rng(1, 24, 1, 26));
    });

    it('keeps unknown instructions, upper-casing their name', () => {
      const model = parseDockerfile('FROM a\nrunn --x=1 echo\nfrom b');
      assert.deepStrictEqual(model.instructions.map((i) => [i.name, i.keyword.value, i.stage]), [['FROM', 'FROM', 0], ['RUNN', 'runn', 0], ['FROM', 'from', 1]]);
      assert.deepStrictEqual(model.instructions[1].flags.map((f) => f.name), ['x']);
    });

    it('gives an empty model for an empty or blank file', () => {
      for (const text of ['', '   \n\t\n', '\r\n']) {
        const model = parseDockerfile(text);
        assert.deepStrictEqual([model.directives, model.instructions, model.stages, model.comments, model.globalArgs, model.escape], [[], [], [], [], [], '\\']);
      }
    });

    it('gives an instruction without arguments no argsText', () => {
      const run = only('RUN   ');
      assert.strictEqual(run.argsText, undefined);
      assert.deepStrictEqual(run.args, []);
      assert.deepStrictEqual(run.range, rng(0, 0, 0, 6));
      assert.deepStrictEqual(run.keyword.range, rng(0, 0, 0, 3));
    });
  });
});
