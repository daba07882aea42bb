// findCycles, the graph part of the dependency-cycle check: which edges lie on a loop and how each loop is named.
import * as assert from 'assert';
import { findCycles } from '../../server/src/compose/checks/cycles';

/** Edges from "a>b" strings. */
const edges = (...pairs: string[]) => pairs.map((pair) => ({ from: pair.split('>')[0], to: pair.split('>')[1] }));

/** A loop s0 -> s1 -> ... -> s(n-1) -> s0. */
const ring = (n: number, prefix = 's') => Array.from({ length: n }, (_, i) => ({ from: `${prefix}${i}`, to: `${prefix}${(i + 1) % n}` }));

describe('findCycles', () => {
  it('lists the edges on loops, in written order, each with the shortest loop through it', () => {
    assert.deepStrictEqual(findCycles(edges('a>b', 'x>a', 'b>c', 'c>a', 'c>b', 'd>d', 'd>e')), [
      { edge: 0, cycle: 'a → b → c → a' },
      { edge: 2, cycle: 'b → c → b' },
      { edge: 3, cycle: 'c → a → b → c' },
      { edge: 4, cycle: 'c → b → c' },
      { edge: 5, cycle: 'd → d' },
    ]);
  });

  it('stays quiet on chains and diamonds', () => {
    assert.deepStrictEqual(findCycles(edges('a>b', 'a>c', 'b>d', 'c>d', 'd>e')), []);
  });

  it('writes out loops of up to six services, and the start and length of longer ones', () => {
    assert.strictEqual(findCycles(ring(6))[0].cycle, 's0 → s1 → s2 → s3 → s4 → s5 → s0');
    assert.strictEqual(findCycles(ring(7))[0].cycle, 's0 → s1 → s2 → … → s0 (a loop of 7 services)');
    assert.strictEqual(findCycles(ring(30))[29].cycle, 's29 → s0 → s1 → … → s29 (a loop of 30 services)');
  });

  it('names the next step and the size of a tangle too big to search from every edge', () => {
    const found = findCycles(ring(500));
    assert.strictEqual(found.length, 500);
    assert.strictEqual(found[10].cycle, 's10 → s11 → s12 → … → s10 (500 services depend on one another)');
  });

  it('still finds a short loop inside a big tangle', () => {
    const found = findCycles([...ring(500), ...edges('s1>s0')]);
    assert.deepStrictEqual(found.slice(0, 1).concat(found.slice(-1)), [
      { edge: 0, cycle: 's0 → s1 → s0' },
      { edge: 500, cycle: 's1 → s0 → s1' },
    ]);
  });

  it('finds a dependency written both ways behind many others', () => {
    const hub = [...Array.from({ length: 100 }, (_, i) => ({ from: 'hub', to: `leaf${i}` })), ...edges('hub>x', 'x>hub')];
    assert.deepStrictEqual(findCycles(hub), [
      { edge: 100, cycle: 'hub → x → hub' },
      { edge: 101, cycle: 'x → hub → x' },
    ]);
  });
});
