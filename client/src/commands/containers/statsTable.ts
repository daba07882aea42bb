// The table the stats terminal redraws for every sample, with the columns and units of `docker stats` (binary for
// memory, decimal for I/O): pure, tested in plain Node. The figures come from engine/statsMapping.ts.
import type { ContainerStats } from '../../engine/types';
import { binarySize, formatBytes, formatPercent } from '../../format/text';

export const STATS_COLUMNS = ['CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS'] as const;

/** One sample's cells, in the order of STATS_COLUMNS. */
export function statsCells(stats: ContainerStats): string[] {
  return [
    formatPercent(stats.cpuPercent),
    `${binarySize(stats.memoryUsage)} / ${binarySize(stats.memoryLimit)}`,
    formatPercent(stats.memoryPercent),
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
