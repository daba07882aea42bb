// The Dockerfile grammar on variables and strings. Helpers: ./support/grammar.
import * as assert from 'assert';
import {
  ASSIGN, DOLLAR, DQ, EXPANSION, KW, PLAIN, SQ, STR_BEGIN, STR_END, type Tokenized, VAR, VAR_BEGIN, VAR_END, WORD, at,
  describeGrammar, fixture, grammar,
} from './support/grammar';

describeGrammar(() => {
  describe('variables and strings', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'variables.dockerfile');
    });

    it('marks $VAR, ${VAR} and ${VAR:-word} / ${VAR:+word}', () => {
      assert.deepStrictEqual(at(file, 1), [
        ['ENV', KW],
        [' ', PLAIN],
        ['A', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['$', DOLLAR],
        ['HOME', VAR],
        [' ', PLAIN],
        ['B', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['${', VAR_BEGIN],
        ['HOME', VAR],
        ['}', VAR_END],
        [' ', PLAIN],
        ['C', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['${', VAR_BEGIN],
        ['VAR', VAR],
        [':-', EXPANSION],
        ['default', WORD],
        ['}', VAR_END],
        [' ', PLAIN],
        ['D', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['${', VAR_BEGIN],
        ['VAR', VAR],
        [':+', EXPANSION],
        ['alt', WORD],
        ['}', VAR_END],
      ]);
    });

    it('marks the other modifiers and nested expansions', () => {
      const expansion = (name: string, op: string, word: string): [string, string][] => [
        ['${', VAR_BEGIN],
        [name, VAR],
        [op, EXPANSION],
        [word, WORD],
        ['}', VAR_END],
      ];
      assert.deepStrictEqual(at(file, 2), [
        ['RUN', KW],
        [' echo ', PLAIN],
        ...expansion('VAR', '-', 'x'),
        [' ', PLAIN],
        ...expansion('VAR', '?', 'err'),
        [' ', PLAIN],
        ...expansion('VAR', '#', 'pre'),
        [' ', PLAIN],
        ...expansion('VAR', '%%', 'suf'),
        [' ', PLAIN],
        ...expansion('VAR', '/', 'a/b'),
        [' ', PLAIN],
        ['${', VAR_BEGIN],
        ['A', VAR],
        [':-', EXPANSION],
        ['${', VAR_BEGIN],
        ['B', VAR],
        ['}', VAR_END],
        ['}', VAR_END],
      ]);
    });

    it('expands in double quotes, not in single quotes nor after a backslash', () => {
      assert.deepStrictEqual(at(file, 3), [
        ['RUN', KW],
        [' echo ', PLAIN],
        ['"', STR_BEGIN],
        ['home is ', DQ],
        ['$', DOLLAR],
        ['HOME', VAR],
        ['"', STR_END],
        [' ', PLAIN],
        ["'", STR_BEGIN],
        ['not $HOME', SQ],
        ["'", STR_END],
        [' ', PLAIN],
        ['\\$', 'constant.character.escape.dockerfile'],
        ['HOME', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 4), [['WORKDIR', KW], [' ', PLAIN], ['${', VAR_BEGIN], ['APP_DIR', VAR], ['}', VAR_END], ['/src', PLAIN]]);
    });
  });
});
