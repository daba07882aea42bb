// The stats terminal's table: columns and units of `docker stats`, aligned like the docker CLI's tables.
import * as assert from 'assert';
import { statsCells, statsTable } from '../../client/src/commands/containers/statsTable';
import { binarySize } from '../../client/src/format/text';
import type { ContainerStats } from '../../client/src/engine/types';

const MIB = 1024 * 1024;

function sample(fields: Partial<ContainerStats> = {}): ContainerStats {
  return { cpuPercent: 0, memoryUsage: 0, memoryLimit: 0, memoryPercent: 0, networkRx: 0, networkTx: 0, blockRead: 0, blockWrite: 0, pids: 0, ...fields };
}

describe('binarySize', () => {
  const cases: [number, string][] = [
    [0, '0 B'],
    [-5, '0 B'],
    [Number.NaN, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [1.234 * MIB, '1.234 MiB'],
    [8_232_407_040, '7.667 GiB'],
    [1024 * MIB - 1, '1 GiB'],
  ];
  for (const [bytes, expected] of cases) it(`${bytes} → ${expected}`, () => assert.strictEqual(binarySize(bytes), expected));
});

describe('statsCells', () => {
  it('formats a sample like docker stats: percentages with two decimals, memory binary, I/O decimal', () => {
    const cells = statsCells(
      sample({ cpuPercent: 12.345, memoryUsage: 512 * MIB, memoryLimit: 2048 * MIB, memoryPercent: 25, networkRx: 1050, networkTx: 648, blockRead: 4_200_000, blockWrite: 0, pids: 3 }),
    );
    assert.deepStrictEqual(cells, ['12.35%', '512 MiB / 2 GiB', '25.00%', '1.05 kB / 648 B', '4.2 MB / 0 B', '3']);
  });

  it('shows 0.00% memory when the engine reports no limit, and CPU above 100% for several CPUs', () => {
    assert.deepStrictEqual(statsCells(sample({ cpuPercent: 200, memoryUsage: 1024 })), ['200.00%', '1 KiB / 0 B', '0.00%', '0 B / 0 B', '0 B / 0 B', '0']);
  });
});

describe('statsTable', () => {
  it('aligns the header and the sample: each column but the last as wide as its widest cell plus 3, at least 10', () => {
    const [header, row] = statsTable(
      sample({ cpuPercent: 0.5, memoryUsage: 1.5 * MIB, memoryLimit: 1024 * MIB, memoryPercent: (1.5 / 1024) * 100, networkRx: 1050, networkTx: 648, pids: 1 }),
    );
    assert.strictEqual(header, 'CPU %     MEM USAGE / LIMIT   MEM %     NET I/O           BLOCK I/O   PIDS');
    assert.strictEqual(row, '0.50%     1.5 MiB / 1 GiB     0.15%     1.05 kB / 648 B   0 B / 0 B   1');
  });
});
