// The Dockerfile parser on parser directives, line continuations, comments and odd input. Helpers: ./support/parser.
import * as assert from 'assert';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { only, plain, rng, tok } from './support/parser';

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
