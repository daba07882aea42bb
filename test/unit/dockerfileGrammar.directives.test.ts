// The Dockerfile grammar as a file, and parser directives (also # escape=`). Helpers: ./support/grammar.
import * as assert from 'assert';
import * as fs from 'fs';
import {
  ARR_BEGIN, ARR_END, ASSIGN, COMMENT, COMMENT_HASH, CONT, DIRECTIVE, DIRECTIVE_HASH, DIRECTIVE_NAME, DIRECTIVE_VALUE,
  DQ, KW, PLAIN, STR_BEGIN, STR_END, type Tokenized, at, describeGrammar, fixture, fixtureDir, grammar, grammarFile,
} from './support/grammar';

describeGrammar(() => {
  describe('as a file', () => {
    it('is source.dockerfile, and every "#rule" it includes is in its repository', () => {
      const raw = JSON.parse(fs.readFileSync(grammarFile, 'utf8'));
      assert.strictEqual(raw.scopeName, 'source.dockerfile');
      const missing = new Set<string>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            if (key === 'include' && typeof value === 'string' && value.startsWith('#') && !(value.slice(1) in raw.repository)) missing.add(value);
            walk(value);
          }
        }
      };
      walk(raw);
      assert.deepStrictEqual([...missing], []);
    });

    it('tokenizes every fixture to its end and is ready for an instruction after it', () => {
      const names = fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.dockerfile')).sort();
      assert.ok(names.length >= 9, `fixtures: ${names.join(', ')}`);
      for (const name of names) {
        const file = fixture(grammar, name);
        assert.strictEqual(file.stoppedEarly, false, name);
        const next = grammar.tokenizeLine('RUN true', file.end).tokens;
        assert.deepStrictEqual(next[0].scopes[next[0].scopes.length - 1], KW, name);
      }
    });
  });

  describe('parser directives', () => {
    it('marks syntax, check and escape at the top of the file (any case, spaces around =)', () => {
      const file = fixture(grammar, 'directives.dockerfile');
      assert.deepStrictEqual(at(file, 1), [
        ['#', DIRECTIVE_HASH],
        [' ', DIRECTIVE],
        ['syntax', DIRECTIVE_NAME],
        ['=', ASSIGN],
        ['docker/dockerfile:1.7', DIRECTIVE_VALUE],
      ]);
      assert.deepStrictEqual(at(file, 2), [
        ['#', DIRECTIVE_HASH],
        ['Check', DIRECTIVE_NAME],
        [' ', DIRECTIVE],
        ['=', ASSIGN],
        [' ', DIRECTIVE],
        ['skip=JSONArgsRecommended;error=true', DIRECTIVE_VALUE],
      ]);
      assert.deepStrictEqual(at(file, 3), [
        ['#', DIRECTIVE_HASH],
        [' ', DIRECTIVE],
        ['escape', DIRECTIVE_NAME],
        ['=', ASSIGN],
        ['\\', DIRECTIVE_VALUE],
      ]);
    });

    it('takes a directive after the first other line for a comment', () => {
      const file = fixture(grammar, 'directives.dockerfile');
      assert.deepStrictEqual(at(file, 5), [
        ['#', COMMENT_HASH],
        [' syntax=ignored: directives end at the first other line', COMMENT],
      ]);
      assert.deepStrictEqual(at(file, 6), [['FROM', KW], [' alpine:3.20', PLAIN]]);
    });

    it('stops looking for directives after an unknown one', () => {
      const file = fixture(grammar, 'not-directives.dockerfile');
      assert.deepStrictEqual(at(file, 1), [['#', COMMENT_HASH], [' unknown=value', COMMENT]]);
      assert.deepStrictEqual(at(file, 2), [['#', COMMENT_HASH], [' syntax=docker/dockerfile:1', COMMENT]]);
    });
  });

  describe('# escape=`', () => {
    let file: Tokenized;
    const BT = 'meta.escape-backtick.dockerfile';
    before(() => {
      file = fixture(grammar, 'escape-backtick.dockerfile');
    });

    it('keeps reading directives after it', () => {
      assert.deepStrictEqual(at(file, 1).slice(-1), [['`', DIRECTIVE_VALUE]]);
      assert.deepStrictEqual(at(file, 2).slice(2, 3), [['syntax', DIRECTIVE_NAME]]);
    });

    it('takes a backslash at the end of a line for text, not a continuation', () => {
      assert.deepStrictEqual(at(file, 4), [['COPY', KW], [' app.exe c:\\', BT]]);
      assert.deepStrictEqual(at(file, 5), [['RUN', KW], [' dir c:\\', BT]]);
      assert.deepStrictEqual(at(file, 8), [['WORKDIR', KW], [' C:\\app', BT]]);
    });

    it('continues lines and escapes with the backtick; JSON keeps its backslash escapes', () => {
      assert.deepStrictEqual(at(file, 6), [
        ['RUN', KW],
        [' echo ', BT],
        ['"', STR_BEGIN],
        ['a ', DQ],
        ['`"', 'constant.character.escape.dockerfile'],
        ['quoted', DQ],
        ['`"', 'constant.character.escape.dockerfile'],
        [' word', DQ],
        ['"', STR_END],
        [' ', BT],
        ['`', CONT],
      ]);
      assert.deepStrictEqual(at(file, 7), [['    && echo done', BT]]);
      assert.deepStrictEqual(at(file, 9), [
        ['CMD', KW],
        [' ', BT],
        ['[', ARR_BEGIN],
        ['"', STR_BEGIN],
        ['c:', DQ],
        ['\\\\', 'constant.character.escape.dockerfile'],
        ['app.exe', DQ],
        ['"', STR_END],
        [']', ARR_END],
      ]);
    });
  });
});
