// The Dockerfile parser on heredocs. Helpers: ./support/parser.
import * as assert from 'assert';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { only, plain, rng } from './support/parser';

describe('Dockerfile parser', () => {
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
});
