// Semantic tokens deltas: the one edit between two answers, and when a full answer is needed instead.
import * as assert from 'assert';
import { SemanticTokensCache, tokensEdit } from '../../server/src/service/semanticDelta';

describe('semantic tokens: deltas', () => {
  it('finds the one edit between two token arrays', () => {
    assert.deepStrictEqual(tokensEdit([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]), []);
    assert.deepStrictEqual(tokensEdit([1, 2, 3, 4, 5], [1, 2, 9, 4, 5]), [{ start: 2, deleteCount: 1, data: [9] }]);
    assert.deepStrictEqual(tokensEdit([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7]), [{ start: 5, deleteCount: 0, data: [6, 7] }]);
    assert.deepStrictEqual(tokensEdit([1, 2, 3, 4, 5], [4, 5]), [{ start: 0, deleteCount: 3, data: [] }]);
    assert.deepStrictEqual(tokensEdit([], [1, 2]), [{ start: 0, deleteCount: 0, data: [1, 2] }]);
    // A repeated value at the seam is not counted twice.
    assert.deepStrictEqual(tokensEdit([1, 1], [1, 1, 1]), [{ start: 2, deleteCount: 0, data: [1] }]);
  });

  it('applying the edit to the previous data gives the new data', () => {
    const before = [0, 0, 4, 0, 0, 1, 0, 3, 1, 0, 0, 5, 6, 2, 1];
    const after = [0, 0, 4, 0, 0, 1, 2, 3, 1, 0, 0, 5, 6, 2, 1, 1, 0, 2, 0, 0];
    const [edit] = tokensEdit(before, after);
    const applied = [...before.slice(0, edit.start), ...(edit.data ?? []), ...before.slice(edit.start + edit.deleteCount)];
    assert.deepStrictEqual(applied, after);
  });

  it('answers a delta against the last result of the document, and full tokens otherwise', () => {
    const cache = new SemanticTokensCache();
    const first = cache.full('file:///a', [1, 2, 3, 4, 5]);
    assert.deepStrictEqual(first, { resultId: '1', data: [1, 2, 3, 4, 5] });
    assert.deepStrictEqual(cache.delta('file:///a', '1', [1, 2, 3, 4, 6]), { resultId: '2', edits: [{ start: 4, deleteCount: 1, data: [6] }] });
    // An old result id (or another document's) gets the full tokens again.
    assert.deepStrictEqual(cache.delta('file:///a', '1', [7, 7, 7, 7, 7]), { resultId: '3', data: [7, 7, 7, 7, 7] });
    assert.deepStrictEqual(cache.delta('file:///b', '3', [1, 1, 1, 1, 1]), { resultId: '4', data: [1, 1, 1, 1, 1] });
    cache.delete('file:///a');
    assert.deepStrictEqual(cache.delta('file:///a', '3', [7, 7, 7, 7, 7]), { resultId: '5', data: [7, 7, 7, 7, 7] });
  });
});
