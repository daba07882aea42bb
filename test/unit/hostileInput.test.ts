// Hostile input must not stall the language server (issue 12): each reproduction below once took from seconds
// to minutes. Every test fails when its answer takes a second or more; that is a hang check, not a benchmark.
import * as assert from 'assert';
import { findCycles, dependencyCycleCheck } from '../../server/src/compose/checks/cycles';
import { serviceViews } from '../../server/src/compose/checks/services';
import type { ComposeCheckContext } from '../../server/src/compose/checks/types';
import { parseCompose } from '../../server/src/compose/parse';
import { isIgnored, parseDockerignore } from '../../server/src/dockerfile/dockerignore';
import { closest, editDistance } from '../../server/src/util/closest';

const HANG_MS = 1000;

/** The answer of `work`, asserting that it came in under a second. */
function quickly<T>(what: string, work: () => T): T {
  const started = performance.now();
  const answer = work();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < HANG_MS, `${what} took ${Math.round(elapsed)} ms`);
  return answer;
}

describe('hostile input: .dockerignore patterns', () => {
  // As a backtracking regexp this pattern took over 60 s against a 72-character name.
  const patterns = parseDockerignore('**a**a**a**a**a**a**a**b\n');

  it('matches a pattern of many `**` against a long name in linear time', () => {
    assert.strictEqual(quickly('a 100,000-character name', () => isIgnored(patterns, 'a'.repeat(100_000))), false);
    // `**` between letters stands for whole directories, so only a name after the last `/` can end the match.
    assert.strictEqual(quickly('the same then /aaaaaaab', () => isIgnored(patterns, `${'a'.repeat(100_000)}/aaaaaaab`)), true);
  });

  it('checks every parent directory of a deep path in the same single pass', () => {
    const deep = `${'a/'.repeat(50_000)}c`;
    assert.strictEqual(quickly('a path of 50,000 directories', () => isIgnored(patterns, deep)), false);
    assert.strictEqual(quickly('one ending in a b directory', () => isIgnored(patterns, `${'a/'.repeat(50_000)}b/c`)), true);
  });

  it('reads a huge .dockerignore of wild patterns without trouble', () => {
    const file = Array.from({ length: 1_000 }, (_, i) => `**${'*?[a-z]'.repeat(10)}**${i}`).join('\n');
    const many = quickly('parsing 1,000 wild patterns', () => parseDockerignore(file));
    assert.strictEqual(quickly('matching a long path against them', () => isIgnored(many, `${'x'.repeat(200)}/y`)), false);
  });
});

describe('hostile input: "did you mean"', () => {
  const names = Array.from({ length: 20_000 }, (_, i) => `BUILD_ARG_${i}`);

  it('gives no suggestion for a 10,000-character word among 20,000 names, at once', () => {
    assert.strictEqual(quickly('closest', () => closest('V'.repeat(10_000), names)), undefined);
  });

  it('still compares the longest word that may get a suggestion with 20,000 names quickly', () => {
    const word = `${'X'.repeat(60)}_1`;
    assert.strictEqual(quickly('closest', () => closest(word, [...names, `${'X'.repeat(60)}_12`])), `${'X'.repeat(60)}_12`);
  });

  it('gives no suggestion for a 50 MB word (an unknown instruction or key)', () => {
    const huge = 'A'.repeat(50 * 1024 * 1024);
    assert.strictEqual(quickly('closest', () => closest(huge, ['FROM', 'RUN', 'COPY', 'HEALTHCHECK'])), undefined);
    assert.strictEqual(quickly('editDistance', () => editDistance(huge, 'CMD')), 17);
    assert.strictEqual(quickly('editDistance with a cut-off', () => editDistance(huge, 'NONE', 2)), 3);
  });

  it('stops comparing two long unrelated words at the cut-off', () => {
    assert.strictEqual(quickly('editDistance', () => editDistance('a'.repeat(200_000), 'b'.repeat(200_000))), 17);
    assert.strictEqual(quickly('editDistance', () => editDistance('ab'.repeat(100_000), `${'ab'.repeat(100_000)}x`)), 1);
  });
});

describe('hostile input: dependency cycles', function () {
  this.timeout(60_000); // building the 4,000-service model is not what is timed

  it('reports a depends_on loop through 4,000 services quickly, with short messages', () => {
    const lines = ['services:'];
    for (let i = 0; i < 4_000; i++) lines.push(`  s${i}:`, '    image: x', `    depends_on: [s${(i + 1) % 4_000}]`);
    const model = parseCompose(`${lines.join('\n')}\n`);
    const context: ComposeCheckContext = { model, services: serviceViews(model), fileExists: () => true, baseModels: [], overlay: false, included: [], includeComplete: true };
    const findings = quickly('dependencyCycleCheck', () => dependencyCycleCheck(context));
    assert.strictEqual(findings.length, 4_000);
    assert.strictEqual(findings[0].message, 'Dependency cycle: s0 → s1 → s2 → … → s0 (4000 services depend on one another). Compose cannot decide which service to start first.');
    assert.ok(findings.every((f) => f.message.length < 200));
  });

  it('finds every edge of a loop through 100,000 services, without deep recursion', () => {
    const edges = Array.from({ length: 100_000 }, (_, i) => ({ from: `s${i}`, to: `s${(i + 1) % 100_000}` }));
    const found = quickly('findCycles', () => findCycles(edges));
    assert.strictEqual(found.length, 100_000);
    assert.deepStrictEqual(found[99_999], { edge: 99_999, cycle: 's99999 → s0 → s1 → … → s99999 (100000 services depend on one another)' });
    assert.strictEqual(found.reduce((total, f) => total + f.cycle.length, 0) < 100_000 * 100, true);
  });

  it('walks a chain of 100,000 services and a dense tangle without finding or costing much', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}` }));
    assert.deepStrictEqual(quickly('findCycles on a chain', () => findCycles(chain)), []);
    const tangle: { from: string; to: string }[] = [];
    for (let i = 0; i < 300; i++) for (let j = 0; j < 300; j++) if (i !== j) tangle.push({ from: `t${i}`, to: `t${j}` });
    const found = quickly('findCycles on 300 services that all depend on each other', () => findCycles(tangle));
    assert.strictEqual(found.length, tangle.length);
    assert.strictEqual(found[1].cycle, 't0 → t2 → t0');
  });

  it('shortens very long service names in messages', () => {
    const long = 'n'.repeat(1_000_000);
    const found = quickly('findCycles', () => findCycles([{ from: long, to: 'b' }, { from: 'b', to: long }]));
    assert.deepStrictEqual(found.map((f) => f.cycle.length), [135, 72]);
  });
});
