// What the model remembers per block (compose/blockMemo.ts): results by kind and node, replaced when set again, the
// same whether the block holds a few of them (a flat list) or many (an index).
import * as assert from 'assert';
import { BlockMemo } from '../../server/src/compose/blockMemo';

describe('BlockMemo (results remembered with a block)', () => {
  it('keeps a result per kind and node, and replaces it when set again', () => {
    const memo = new BlockMemo();
    const [a, b] = [{}, {}];
    assert.strictEqual(memo.get('entries', a), undefined);
    memo.set('entries', a, 1);
    memo.set('references', a, 2);
    memo.set('entries', b, 3);
    memo.set('entries', a, 4);
    assert.deepStrictEqual([memo.get('entries', a), memo.get('references', a), memo.get('entries', b), memo.get('references', b)], [4, 2, 3, undefined]);
  });

  it('answers the same with hundreds of results as with a few', () => {
    const memo = new BlockMemo();
    const nodes = Array.from({ length: 300 }, () => ({}));
    nodes.forEach((node, i) => memo.set(i % 2 ? 'odd' : 'even', node, i));
    nodes.forEach((node, i) => memo.set('entries', node, -i));
    memo.set('odd', nodes[1], 'again');
    assert.deepStrictEqual(
      nodes.map((node, i) => [memo.get(i % 2 ? 'odd' : 'even', node), memo.get(i % 2 ? 'even' : 'odd', node), memo.get('entries', node)]),
      nodes.map((_, i) => [i === 1 ? 'again' : i, undefined, -i]),
    );
  });
});
