// When a view is told that its top-level rows changed (rootRows.ts): a view that shows its rows is told only once the
// new rows are built, so VS Code never goes without rows while the engine is asked; a view nobody reads is told at
// once and builds nothing until it is read.
import * as assert from 'assert';
import { RootRows } from '../../client/src/tree/rootRows';

/** A build whose answers the test gives, one per call, and a log of what happened in order. */
function harness() {
  const log: string[] = [];
  const answers: ((rows: string[] | undefined) => void)[] = [];
  const rows = new RootRows<string>(
    () => {
      log.push('build');
      return new Promise((resolve) => answers.push(resolve));
    },
    () => log.push('told'),
  );
  /** Answers build number `i` (from 0) and lets its callbacks run. */
  const answer = async (i: number, value: string[] | undefined) => {
    answers[i](value);
    await new Promise((resolve) => setImmediate(resolve));
  };
  /** The view reads its rows once (the first build, answered with `value`), as a shown view does. */
  const shown = async (value: string[]) => {
    const first = rows.get();
    await answer(0, value);
    await first;
  };
  return { rows, log, answer, shown };
}

describe('RootRows (when a view hears that its rows changed)', () => {
  it('builds the rows when first read, once for readers at the same time', async () => {
    const { rows, log, answer } = harness();
    const [a, b] = [rows.get(), rows.get()];
    await answer(0, ['web']);
    assert.deepStrictEqual([await a, await b, log], [['web'], ['web'], ['build']]);
  });

  it('tells a view that read its rows only when the new rows are built, and then gives them without building', async () => {
    const { rows, log, answer, shown } = harness();
    await shown(['web']);
    rows.refresh();
    assert.deepStrictEqual(log, ['build', 'build']);
    await answer(1, ['web', 'worker']);
    assert.deepStrictEqual(log, ['build', 'build', 'told']);
    assert.deepStrictEqual(await rows.get(), ['web', 'worker']);
    assert.deepStrictEqual(log, ['build', 'build', 'told']);
  });

  it('tells once for a burst of refreshes, with the rows of the last', async () => {
    const { rows, log, answer, shown } = harness();
    await shown(['a']);
    rows.refresh();
    rows.refresh();
    await answer(1, ['b']);
    assert.deepStrictEqual(log, ['build', 'build', 'build']);
    await answer(2, ['c']);
    assert.deepStrictEqual(log, ['build', 'build', 'build', 'told']);
    assert.deepStrictEqual(await rows.get(), ['c']);
  });

  it('tells a view nobody read at once, and builds nothing until it is read', async () => {
    const { rows, log, answer, shown } = harness();
    rows.refresh();
    assert.deepStrictEqual(log, ['told']);
    await shown(['web']);
    rows.refresh();
    await answer(1, ['web', 'db']);
    // Told, but not read since (the view is hidden): the next change is told at once.
    rows.refresh();
    assert.deepStrictEqual(log, ['told', 'build', 'build', 'told', 'told']);
    const again = rows.get();
    await answer(2, ['db']);
    assert.deepStrictEqual(await again, ['db']);
  });

  it('tells the view when a build finds no rows (a list that could not be read), and builds again when read', async () => {
    const { rows, log, answer, shown } = harness();
    await shown(['web']);
    rows.refresh();
    await answer(1, undefined);
    assert.deepStrictEqual(log, ['build', 'build', 'told']);
    const empty = rows.get();
    assert.deepStrictEqual(await empty, []);
    const next = rows.get();
    await answer(2, ['web']);
    assert.deepStrictEqual([await next, log], [['web'], ['build', 'build', 'told', 'build']]);
  });
});
