// The Dockerfile grammar on comments and instruction keywords and arguments. Helpers: ./support/grammar.
import * as assert from 'assert';
import {
  ASSIGN, COMMENT, COMMENT_HASH, DOLLAR, DQ, FLAG, FLAG_VALUE, KW, PLAIN, STAGE, STR_BEGIN, STR_END, type Tokenized,
  VAR, at, describeGrammar, fixture, grammar,
} from './support/grammar';

describeGrammar(() => {
  describe('comments and instructions', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'instructions.dockerfile');
    });

    it('marks whole-line comments, also indented, but not a # inside an instruction', () => {
      assert.deepStrictEqual(at(file, 4), [['#', COMMENT_HASH], [' a whole-line comment', COMMENT]]);
      assert.deepStrictEqual(at(file, 5), [
        ['\t', 'punctuation.whitespace.comment.leading.dockerfile'],
        ['#', COMMENT_HASH],
        [' an indented comment', COMMENT],
      ]);
      assert.deepStrictEqual(at(file, 3), [
        ['  ', PLAIN],
        ['Run', KW],
        [' echo hi # handed to the shell, not a Dockerfile comment', PLAIN],
      ]);
    });

    it('marks every instruction keyword (and FROM\'s AS, HEALTHCHECK\'s CMD), in any case', () => {
      const keywords = file.lines.flatMap((_, i) => at(file, i + 1).filter(([, scope]) => scope === KW).map(([text]) => text));
      assert.deepStrictEqual(keywords, [
        'FROM', 'AS', 'from', 'as', 'Run', 'RUN', 'copy', 'ARG', 'ENV', 'ENV', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD',
        'HEALTHCHECK', 'USER', 'WORKDIR', 'VOLUME', 'MAINTAINER', 'SHELL', 'ENTRYPOINT', 'CMD', 'ADD', 'COPY',
      ]);
      assert.deepStrictEqual(at(file, 26), [['RUNNER is not an instruction', PLAIN]]);
    });

    it('marks ONBUILD and the instruction after it', () => {
      assert.deepStrictEqual(at(file, 6), [['ONBUILD', 'keyword.control.dockerfile'], [' ', PLAIN], ['RUN', KW], [' make', PLAIN]]);
      assert.deepStrictEqual(at(file, 7), [['onbuild', 'keyword.control.dockerfile'], [' ', PLAIN], ['copy', KW], [' . /src', PLAIN]]);
      assert.deepStrictEqual(at(file, 8), [['ONBUILD', 'keyword.control.dockerfile']]);
    });

    it('marks AS and the stage name in FROM', () => {
      assert.deepStrictEqual(at(file, 1), [
        ['FROM', KW],
        [' ', PLAIN],
        ['--platform', FLAG],
        ['=', ASSIGN],
        ['$', DOLLAR],
        ['BUILDPLATFORM', VAR],
        [' golang:1.22 ', PLAIN],
        ['AS', KW],
        [' ', PLAIN],
        ['build', STAGE],
      ]);
      assert.deepStrictEqual(at(file, 2), [['from', KW], [' alpine ', PLAIN], ['as', KW], [' ', PLAIN], ['Final', STAGE]]);
    });

    it('marks the names ARG, ENV and LABEL assign', () => {
      assert.deepStrictEqual(at(file, 9), [
        ['ARG', KW],
        [' ', PLAIN],
        ['VERSION', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['1.0 ', PLAIN],
        ['DEBUG', 'variable.other.assignment.dockerfile'],
      ]);
      assert.deepStrictEqual(at(file, 10), [
        ['ENV', KW],
        [' ', PLAIN],
        ['PATH', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['/opt/bin:', PLAIN],
        ['$', DOLLAR],
        ['PATH', VAR],
        [' ', PLAIN],
        ['MODE', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['"', STR_BEGIN],
        ['prod build', DQ],
        ['"', STR_END],
      ]);
      assert.deepStrictEqual(at(file, 11), [
        ['ENV', KW],
        [' ', PLAIN],
        ['LEGACY', 'variable.other.assignment.dockerfile'],
        [' value with spaces', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 12), [
        ['LABEL', KW],
        [' ', PLAIN],
        ['org.opencontainers.image.title', 'support.type.property-name.label.dockerfile'],
        ['=', ASSIGN],
        ['"', STR_BEGIN],
        ['app', DQ],
        ['"', STR_END],
        [' ', PLAIN],
        ['"', STR_BEGIN],
        ['quoted.key', DQ],
        ['"', STR_END],
        ['=', ASSIGN],
        ['v', PLAIN],
      ]);
    });

    it('marks EXPOSE ports, STOPSIGNAL signals and HEALTHCHECK CMD / NONE', () => {
      assert.deepStrictEqual(at(file, 13), [
        ['EXPOSE', KW],
        [' ', PLAIN],
        ['80', 'constant.numeric.port.dockerfile'],
        ['/', 'punctuation.separator.protocol.dockerfile'],
        ['tcp', 'constant.language.protocol.dockerfile'],
        [' ', PLAIN],
        ['8000-8010', 'constant.numeric.port.dockerfile'],
      ]);
      assert.deepStrictEqual(at(file, 14), [['STOPSIGNAL', KW], [' ', PLAIN], ['SIGTERM', 'constant.language.signal.dockerfile']]);
      assert.deepStrictEqual(at(file, 15), [
        ['HEALTHCHECK', KW],
        [' ', PLAIN],
        ['--interval', FLAG],
        ['=', ASSIGN],
        ['30s', FLAG_VALUE],
        [' ', PLAIN],
        ['CMD', KW],
        [' curl -f http://localhost/ || exit 1', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 16), [['HEALTHCHECK', KW], [' ', PLAIN], ['NONE', 'constant.language.none.dockerfile']]);
    });
  });
});
