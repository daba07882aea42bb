// The rolling window of one container's samples behind the stats view: the figures of each sample (engine/statsMapping.ts
// computes them as `docker stats` does) plus the network and block I/O rates between two samples of the same stream.
// Pure, no vscode import: tested in plain Node.
import type { ContainerStats } from '../engine/types';

/** How much history the view keeps and draws: the last two minutes. */
export const STATS_WINDOW_MS = 120_000;

/**
 * One sample in the window: its figures (totals since the container started, as `docker stats` shows them) and the
 * rates in bytes per second since the previous sample of the same stream.
 */
export interface StatsPoint extends Omit<ContainerStats, 'read'> {
  /** When the engine took the sample (milliseconds since the epoch), else when it arrived. */
  t: number;
  /** True for the first sample of a stream (after opening, showing the view again or a restart): a gap before it. */
  first: boolean;
  /** Undefined for the first sample of a stream, or when a counter went back (the container restarted). */
  rxRate?: number;
  txRate?: number;
  readRate?: number;
  writeRate?: number;
}

/** Bytes per second from two totals `ms` apart; undefined when no time passed or the counter went back. */
export function ratePerSecond(now: number, before: number, ms: number): number | undefined {
  const delta = now - before;
  return ms > 0 && delta >= 0 ? (delta * 1000) / ms : undefined;
}

/** The samples of the last `windowMs` (by the newest sample's time), oldest first. */
export class StatsWindow {
  private readonly kept: StatsPoint[] = [];
  /** The previous sample of the stream being followed; undefined at the start of a stream. */
  private previous: StatsPoint | undefined;

  constructor(private readonly windowMs = STATS_WINDOW_MS) {}

  get points(): readonly StatsPoint[] {
    return this.kept;
  }

  get latest(): StatsPoint | undefined {
    return this.kept[this.kept.length - 1];
  }

  /** A new stream begins: its first sample starts a new line and has no rates. */
  startStream(): void {
    this.previous = undefined;
  }

  /** Adds a sample (`receivedAt` stands in for the engine's time when the sample has none) and drops the old ones. */
  add(stats: ContainerStats, receivedAt: number): StatsPoint {
    const t = stats.read ?? receivedAt;
    const before = this.previous && this.previous.t < t ? this.previous : undefined;
    const ms = before ? t - before.t : 0;
    const rate = (now: number, then: number | undefined) => (before && then !== undefined ? ratePerSecond(now, then, ms) : undefined);
    const { read: _read, ...figures } = stats;
    const point: StatsPoint = { ...figures, t, first: !before };
    const rates = {
      rxRate: rate(stats.networkRx, before?.networkRx),
      txRate: rate(stats.networkTx, before?.networkTx),
      readRate: rate(stats.blockRead, before?.blockRead),
      writeRate: rate(stats.blockWrite, before?.blockWrite),
    };
    for (const [key, value] of Object.entries(rates) as [keyof typeof rates, number | undefined][]) if (value !== undefined) point[key] = value;
    // A clock that went back (another engine, a corrected clock) starts the window again.
    if (this.latest && t < this.latest.t) this.kept.length = 0;
    this.kept.push(point);
    this.previous = point;
    const oldest = t - this.windowMs;
    const drop = this.kept.findIndex((kept) => kept.t >= oldest);
    if (drop > 0) this.kept.splice(0, drop);
    return point;
  }
}
