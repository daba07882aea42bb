// The table the stats terminal redraws for every sample, with the columns and units of `docker stats` (binary for
// memory, decimal for I/O): pure, tested in plain Node.
import type { ContainerStats } from '../../engine/types';
import { formatBytes } from '../../format/text';

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * Bytes in binary units with four significant digits, as `docker stats` shows memory ("1.234 MiB", "7.667 GiB"),
 * with a space before the unit like the other sizes of the extension. A size that rounds up to 1024 of a unit
 * reads as 1 of the next.
 */
export function binarySize(bytes: number): string {
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  let rounded = Number(value.toPrecision(4));
  if (rounded >= 1024 && unit < BINARY_UNITS.length - 1) {
    rounded = Number((rounded / 1024).toPrecision(4));
    unit++;
  }
  return `${rounded} ${BINARY_UNITS[unit]}`;
}

export const STATS_COLUMNS = ['CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS'] as const;

/** One sample's cells, in the order of STATS_COLUMNS. */
export function statsCells(stats: ContainerStats): string[] {
  const memPercent = stats.memoryLimit > 0 ? (stats.memoryUsage / stats.memoryLimit) * 100 : 0;
  return [
    `${percent(stats.cpuPercent)}%`,
    `${binarySize(stats.memoryUsage)} / ${binarySize(stats.memoryLimit)}`,
    `${percent(memPercent)}%`,
    `${formatBytes(stats.networkRx)} / ${formatBytes(stats.networkTx)}`,
    `${formatBytes(stats.blockRead)} / ${formatBytes(stats.blockWrite)}`,
    String(Math.max(0, Math.round(stats.pids || 0))),
  ];
}

/**
 * The header line and the sample's line, aligned like the docker CLI's tables (every column but the last as wide
 * as its widest cell plus 3 spaces, at least 10).
 */
export function statsTable(stats: ContainerStats): [string, string] {
  const rows = [[...STATS_COLUMNS] as string[], statsCells(stats)];
  const widths = STATS_COLUMNS.map((_, i) => Math.max(10, ...rows.map((row) => row[i].length + 3)));
  const line = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('');
  return [line(rows[0]), line(rows[1])];
}

function percent(value: number): string {
  return (Number.isFinite(value) ? value : 0).toFixed(2);
}
