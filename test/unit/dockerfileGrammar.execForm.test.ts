// The Dockerfile grammar on the exec (JSON) form and on line continuations. Helpers: ./support/grammar.
import * as assert from 'assert';
import {
  ARRAY, ARR_BEGIN, ARR_END, ARR_SEP, ASSIGN, COMMENT, COMMENT_HASH, CONT, DOLLAR, DQ, KW, PLAIN, STR_BEGIN, STR_END,
  type Tokenized, VAR, at, describeGrammar, fixture, grammar,
} from './support/grammar';

describeGrammar(() => {
  describe('exec (JSON) form', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'exec-form.dockerfile');
    });

    it('marks JSON strings, escapes and punctuation; CMD does not expand variables', () => {
      assert.deepStrictEqual(at(file, 1), [
        ['CMD', KW],
        [' ', PLAIN],
        ['[', ARR_BEGIN],
        ['"', STR_BEGIN],
        ['echo', DQ],
        ['"', STR_END],
        [',', ARR_SEP],
        [' ', ARRAY],
        ['"', STR_BEGIN],
        ['$HOME', DQ],
        ['"', STR_END],
        [',', ARR_SEP],
        [' ', ARRAY],
        ['"', STR_BEGIN],
        ['a', DQ],
        ['\\"', 'constant.character.escape.dockerfile'],
        ['b', DQ],
        ['"', STR_END],
        [']', ARR_END],
      ]);
      assert.deepStrictEqual(at(file, 6), [['CMD', KW], [' ', PLAIN], ['[', ARR_BEGIN], [']', ARR_END]]);
    });

    it('expands variables in the JSON form of COPY', () => {
      assert.deepStrictEqual(at(file, 2), [
        ['COPY', KW],
        [' ', PLAIN],
        ['[', ARR_BEGIN],
        ['"', STR_BEGIN],
        ['$', DOLLAR],
        ['SRC', VAR],
        ['"', STR_END],
        [',', ARR_SEP],
        [' ', ARRAY],
        ['"', STR_BEGIN],
        ['/dst/', DQ],
        ['"', STR_END],
        [']', ARR_END],
      ]);
    });

    it('leaves a shell test [ ... ] alone and follows an array across a continuation', () => {
      assert.deepStrictEqual(at(file, 3), [['RUN', KW], [' [ -f /etc/os-release ] && echo ok', PLAIN]]);
      assert.deepStrictEqual(at(file, 4).slice(-3), [[',', ARR_SEP], [' ', ARRAY], ['\\', CONT]]);
      assert.deepStrictEqual(at(file, 5), [
        ['            ', ARRAY],
        ['"', STR_BEGIN],
        ['-c', DQ],
        ['"', STR_END],
        [']', ARR_END],
      ]);
    });
  });

  describe('line continuations', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'continuations.dockerfile');
    });

    it('continue the instruction past comment and empty lines', () => {
      assert.deepStrictEqual(at(file, 1), [['RUN', KW], [' apt-get update && ', PLAIN], ['\\', CONT]]);
      assert.deepStrictEqual(at(file, 2), [
        ['    ', 'punctuation.whitespace.comment.leading.dockerfile'],
        ['#', COMMENT_HASH],
        [' a comment inside the instruction', COMMENT],
      ]);
      assert.deepStrictEqual(at(file, 3), [['', PLAIN]]);
      assert.deepStrictEqual(at(file, 4), [['    apt-get install -y curl', PLAIN]]);
      assert.deepStrictEqual(at(file, 5), [['COPY', KW], [' a b', PLAIN]]);
    });

    it('continue a string, and allow spaces after the escape character', () => {
      assert.deepStrictEqual(at(file, 6), [['RUN', KW], [' echo ', PLAIN], ['"', STR_BEGIN], ['one ', DQ], ['\\', CONT]]);
      assert.deepStrictEqual(at(file, 7), [['two', DQ], ['"', STR_END]]);
      assert.deepStrictEqual(at(file, 8), [
        ['LABEL', KW],
        [' ', PLAIN],
        ['a', 'support.type.property-name.label.dockerfile'],
        ['=', ASSIGN],
        ['b ', PLAIN],
        ['\\', CONT],
        ['  ', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 9), [
        ['      ', PLAIN],
        ['c', 'support.type.property-name.label.dockerfile'],
        ['=', ASSIGN],
        ['d', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 10), [['EXPOSE', KW], [' ', PLAIN], ['80', 'constant.numeric.port.dockerfile']]);
    });
  });
});
