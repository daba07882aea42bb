// The Dockerfile parser on stages, and re-parsing with the previous model. Helpers: ./support/parser.
import * as assert from 'assert';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { plain, rng, tok } from './support/parser';

describe('Dockerfile parser', () => {
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
});
