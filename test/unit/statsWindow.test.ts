// The stats view's rolling window: rates between two samples of one stream, a new line for each stream, two minutes kept.
import * as assert from 'assert';
import type { ContainerStats } from '../../client/src/engine/types';
import { ratePerSecond, STATS_WINDOW_MS, StatsWindow } from '../../client/src/statsView/statsWindow';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

function sample(read: number | undefined, fields: Partial<ContainerStats> = {}): ContainerStats {
  return {
    ...(read === undefined ? {} : { read }),
    cpuPercent: 0,
    memoryUsage: 0,
    memoryLimit: 0,
    memoryPercent: 0,
    networkRx: 0,
    networkTx: 0,
    blockRead: 0,
    blockWrite: 0,
    pids: 1,
    ...fields,
  };
}

describe('stats window', () => {
  it('computes bytes per second from two totals, none when no time passed or the counter went back', () => {
    assert.deepStrictEqual([ratePerSecond(3000, 1000, 500), ratePerSecond(10, 10, 1000), ratePerSecond(5, 1, 0), ratePerSecond(1, 5, 1000)], [4000, 0, undefined, undefined]);
  });

  it('gives rates from the second sample of a stream on, and starts over with a new stream or a restarted container', () => {
    const window = new StatsWindow();
    const rates = () => window.points.map((p) => [p.first, p.rxRate, p.txRate, p.readRate, p.writeRate]);
    window.add(sample(T0, { networkRx: 100, networkTx: 50, blockRead: 0, blockWrite: 0 }), 0);
    window.add(sample(T0 + 1000, { networkRx: 1100, networkTx: 50, blockRead: 4096, blockWrite: 0 }), 0);
    window.add(sample(T0 + 1500, { networkRx: 3100, networkTx: 150, blockRead: 4096, blockWrite: 8192 }), 0);
    window.startStream();
    window.add(sample(T0 + 10_000, { networkRx: 5000, networkTx: 200, blockRead: 4096, blockWrite: 8192 }), 0);
    // The container restarted: its counters begin at zero again.
    window.add(sample(T0 + 11_000, { networkRx: 70, networkTx: 300, blockRead: 0, blockWrite: 8192 }), 0);
    assert.deepStrictEqual(rates(), [
      [true, undefined, undefined, undefined, undefined],
      [false, 1000, 0, 4096, 0],
      [false, 4000, 200, 0, 16384],
      [true, undefined, undefined, undefined, undefined],
      [false, undefined, 100, undefined, 0],
    ]);
    assert.deepStrictEqual(
      window.points.map((p) => p.t - T0),
      [0, 1000, 1500, 10_000, 11_000],
    );
  });

  it('keeps the figures of each sample and the samples of the last two minutes by the newest one', () => {
    const window = new StatsWindow();
    window.add(sample(T0, { cpuPercent: 12.5, memoryUsage: 1024, memoryLimit: 4096, memoryPercent: 25, pids: 3 }), 0);
    window.add(sample(T0 + 1000), 0);
    assert.deepStrictEqual(window.points[0], {
      t: T0,
      first: true,
      cpuPercent: 12.5,
      memoryUsage: 1024,
      memoryLimit: 4096,
      memoryPercent: 25,
      networkRx: 0,
      networkTx: 0,
      blockRead: 0,
      blockWrite: 0,
      pids: 3,
    });
    window.add(sample(T0 + STATS_WINDOW_MS), 0);
    assert.deepStrictEqual(window.points.map((p) => p.t - T0), [0, 1000, STATS_WINDOW_MS]);
    window.add(sample(T0 + STATS_WINDOW_MS + 500), 0);
    assert.deepStrictEqual(window.points.map((p) => p.t - T0), [1000, STATS_WINDOW_MS, STATS_WINDOW_MS + 500]);
    assert.strictEqual(window.latest?.t, T0 + STATS_WINDOW_MS + 500);
  });

  it('takes the arrival time for a sample without one, and starts the window again when the time goes back', () => {
    const window = new StatsWindow(10_000);
    window.add(sample(undefined, { networkRx: 0 }), T0);
    window.add(sample(undefined, { networkRx: 2000 }), T0 + 2000);
    assert.deepStrictEqual(window.points.map((p) => [p.t, p.rxRate]), [[T0, undefined], [T0 + 2000, 1000]]);
    window.add(sample(T0 - 60_000, { networkRx: 2000 }), T0 + 3000);
    assert.deepStrictEqual(window.points.map((p) => [p.t, p.first]), [[T0 - 60_000, true]]);
  });
});
