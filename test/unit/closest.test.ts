// "Did you mean": edit distance with a cut-off, and which candidate a typo gets.
import * as assert from 'assert';
import { closest, didYouMean, editDistance, MAX_WORD_LENGTH } from '../../server/src/util/closest';

describe('editDistance', () => {
  it('counts insertions, deletions and replacements, ignoring case', () => {
    assert.deepStrictEqual(
      [editDistance('kitten', 'sitting'), editDistance('PATH', 'path'), editDistance('', 'abc'), editDistance('flaw', 'lawn'), editDistance('abc', '')],
      [3, 0, 3, 2, 3],
    );
  });

  it('answers max + 1 for anything farther than the cut-off', () => {
    assert.deepStrictEqual(
      [editDistance('kitten', 'sitting', 2), editDistance('kitten', 'sitting', 3), editDistance('a', 'abcdef', 2), editDistance('abcdef', 'uvwxyz', 0)],
      [3, 3, 3, 1],
    );
    assert.strictEqual(editDistance('x'.repeat(40), 'y'.repeat(40)), 17);
  });
});

describe('closest', () => {
  it('suggests a candidate within a third of the word (1 to 3 edits)', () => {
    assert.deepStrictEqual(
      [closest('dbb', ['web', 'db']), closest('x', ['y']), closest('webb', ['db', 'web']), closest('abcdefghijkl', ['abcdefghwxyz'])],
      ['db', 'y', 'web', undefined],
    );
    assert.strictEqual(closest('abcdefghijkl', ['abcdefghixyz']), 'abcdefghixyz');
  });

  it('suggests a name with two neighbouring letters swapped when nothing is closer (imgae, tset)', () => {
    assert.deepStrictEqual(
      [closest('imgae', ['build', 'image']), closest('tset', ['interval', 'test']), closest('PAHT', ['path']), closest('ab', ['ba']), closest('abc', ['acd'])],
      ['image', 'test', 'path', undefined, undefined],
    );
    // A candidate within the cut-off wins over a swap.
    assert.strictEqual(closest('portss', ['ports', 'protss']), 'ports');
  });

  it('prefers the first of equally close candidates, and a match in another case over a near one', () => {
    assert.deepStrictEqual([closest('ab', ['ac', 'ad']), closest('path', ['pat', 'PATH', 'Path'])], ['ac', 'PATH']);
  });

  it('suggests nothing for a word that is itself a candidate, wherever it is in the list', () => {
    assert.deepStrictEqual([closest('path', ['PATH', 'path']), closest('web', ['web', 'webb'])], [undefined, undefined]);
  });

  it('suggests nothing for words longer than the word cap', () => {
    const word = 'n'.repeat(MAX_WORD_LENGTH - 1);
    assert.strictEqual(closest(`${word}a`, [`${word}b`]), `${word}b`);
    assert.strictEqual(closest(`${word}aa`, [`${word}a`]), undefined);
  });

  it('writes the suggestion as a sentence part', () => {
    assert.deepStrictEqual([didYouMean('RUNN', ['RUN', 'CMD']), didYouMean('zzz', ['RUN'])], [' (did you mean RUN?)', '']);
  });
});
