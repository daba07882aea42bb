// What the stats view's webview is sent (and may send back): one message per container with its four charts, every
// number already in words and every line already scaled to the chart (x and y from 0 to 1), so the webview's script
// (media/statsView.js) only draws. Pure, no vscode import: tested in plain Node.
import { binarySize, formatBytes, formatPercent, plural } from '../format/text';
import { STATS_WINDOW_MS, type StatsPoint } from './statsWindow';

/** Where a container of the view stands: streaming (running, paused) or not any more. */
export type StatsStatus = 'running' | 'paused' | 'stopped' | 'removed' | 'failed';

/** How the view shows a container of this state (of the engine's list). */
export function statusOf(state: string): StatsStatus {
  return state === 'paused' ? 'paused' : state === 'running' || state === 'restarting' ? 'running' : 'stopped';
}

/** The statuses whose container has a stats stream to follow. */
export const STREAMING: ReadonlySet<StatsStatus> = new Set(['running', 'paused']);
/** Container events that change what the view shows. */
export const STATUS_OF_EVENT: Record<string, StatsStatus | undefined> = { start: 'running', unpause: 'running', pause: 'paused', die: 'stopped', destroy: 'removed' };

export type SeriesKey = 'cpu' | 'memory' | 'rx' | 'tx' | 'read' | 'write';
export type ChartKey = 'cpu' | 'memory' | 'network' | 'block';

/** One line of a chart. The webview colours it by its key (media/statsView.css, from the theme's chart colours). */
export interface SeriesMessage {
  key: SeriesKey;
  label: string;
  /** The newest value in words ("12.35%", "1.05 kB/s"), "–" before there is one. */
  value: string;
  /** [x, y] across the window and up to the chart's top, 0 to 1 (4 decimals); null breaks the line. */
  points: ([number, number] | null)[];
}

export interface ChartMessage {
  key: ChartKey;
  title: string;
  /** What the top of the chart stands for ("5%", "16 MiB", "2 kB/s"). */
  top: string;
  /** More words under the legend: the limit, the totals, the processes; empty before the first sample. */
  note: string;
  series: SeriesMessage[];
}

export interface ContainerMessage {
  id: string;
  name: string;
  status: StatsStatus;
  /** What the header says beside the name. */
  statusText: string;
  /** The x axis' ends: two minutes before the newest sample, and that sample ("now" while it is followed). */
  axis: { from: string; to: string };
  charts: ChartMessage[];
}

/** The first message after the webview is ready, with every container, and then one per changed container. */
export type ToWebview =
  | { type: 'containers'; containers: ContainerMessage[] }
  | { type: 'container'; container: ContainerMessage };

/** What the webview sends: it is ready for data, or it drew a container's charts (how many line points in all). */
export type FromWebview = { type: 'ready' } | { type: 'drawn'; id: string; points: number };


/** The smallest of 1, 2, 5 × a power of ten that is at least the value (and at least `floor`). */
export function decimalTop(value: number, floor: number): number {
  const target = Math.max(Number.isFinite(value) ? value : 0, floor);
  let power = 1;
  while (power * 10 <= target) power *= 10;
  while (power > target) power /= 10;
  for (const step of [1, 2, 5]) if (step * power >= target) return step * power;
  return 10 * power;
}

/** The smallest power of two that is at least the value (and at least `floor`), for binary sizes. */
export function binaryTop(value: number, floor: number): number {
  const target = Math.max(Number.isFinite(value) ? value : 0, floor);
  return 2 ** Math.ceil(Math.log2(target));
}

/** Bytes per second in decimal units, as `docker stats` shows I/O ("1.05 kB/s"). */
export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

const MIB = 1024 * 1024;
/** The least the charts' tops go down to: 1 % CPU, 1 MiB of memory, 1 kB/s of I/O. */
const FLOORS = { cpu: 1, memory: MIB, rate: 1000 } as const;
const NONE = '–';

type Reading = (point: StatsPoint) => number | undefined;

/** The chart's lines: each point's value over the top, across the window that ends at the newest point. */
function scaled(points: readonly StatsPoint[], read: Reading, top: number, windowMs: number): ([number, number] | null)[] {
  const end = points[points.length - 1]?.t ?? 0;
  const line: ([number, number] | null)[] = [];
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  for (const point of points) {
    const value = read(point);
    const broken = value === undefined || point.first;
    if (broken && line.length > 0 && line[line.length - 1] !== null) line.push(null);
    if (value === undefined) continue;
    line.push([round(Math.max(0, 1 - (end - point.t) / windowMs)), round(Math.min(1, value / top))]);
  }
  if (line[line.length - 1] === null) line.pop();
  return line;
}

function highest(points: readonly StatsPoint[], ...reads: Reading[]): number {
  let max = 0;
  for (const point of points) for (const read of reads) max = Math.max(max, read(point) ?? 0);
  return max;
}

/** The four charts of a container's window: CPU, memory, network I/O and block I/O. */
export function chartsOf(points: readonly StatsPoint[], windowMs = STATS_WINDOW_MS): ChartMessage[] {
  const latest = points[points.length - 1];
  const series = (key: SeriesKey, label: string, read: Reading, top: number, format: (value: number) => string): SeriesMessage => {
    const value = latest && read(latest);
    return { key, label, value: value === undefined ? NONE : format(value), points: scaled(points, read, top, windowMs) };
  };
  const rx: Reading = (p) => p.rxRate;
  const tx: Reading = (p) => p.txRate;
  const read: Reading = (p) => p.readRate;
  const write: Reading = (p) => p.writeRate;
  const cpuTop = decimalTop(highest(points, (p) => p.cpuPercent), FLOORS.cpu);
  const memoryTop = binaryTop(highest(points, (p) => p.memoryUsage), FLOORS.memory);
  const networkTop = decimalTop(highest(points, rx, tx), FLOORS.rate);
  const blockTop = decimalTop(highest(points, read, write), FLOORS.rate);
  const note = (text: (newest: StatsPoint) => string) => (latest ? text(latest) : '');
  return [
    {
      key: 'cpu',
      title: 'CPU',
      top: `${cpuTop}%`,
      note: note((newest) => plural(newest.pids, 'process', 'processes')),
      series: [series('cpu', 'CPU', (p) => p.cpuPercent, cpuTop, formatPercent)],
    },
    {
      key: 'memory',
      title: 'Memory',
      top: binarySize(memoryTop),
      note: note((newest) => `limit ${binarySize(newest.memoryLimit)} (${formatPercent(newest.memoryPercent)} used)`),
      series: [series('memory', 'used', (p) => p.memoryUsage, memoryTop, binarySize)],
    },
    {
      key: 'network',
      title: 'Network I/O',
      top: formatRate(networkTop),
      note: note((newest) => `in all ${formatBytes(newest.networkRx)} received, ${formatBytes(newest.networkTx)} sent`),
      series: [series('rx', 'received', rx, networkTop, formatRate), series('tx', 'sent', tx, networkTop, formatRate)],
    },
    {
      key: 'block',
      title: 'Block I/O',
      top: formatRate(blockTop),
      note: note((newest) => `in all ${formatBytes(newest.blockRead)} read, ${formatBytes(newest.blockWrite)} written`),
      series: [series('read', 'read', read, blockTop, formatRate), series('write', 'written', write, blockTop, formatRate)],
    },
  ];
}

/** What the header says about a container: its state, and why its stats stopped when they failed. */
export function statusText(status: StatsStatus, samples: number, reason?: string): string {
  if (status === 'failed') return `stats stopped: ${reason ?? 'the stream ended'}`;
  if ((status === 'running' || status === 'paused') && samples === 0) return `${status}, waiting for the first sample`;
  return status;
}

export interface ContainerView {
  id: string;
  name: string;
  status: StatsStatus;
  /** Samples of the stream followed now (0 until its first one). */
  samples: number;
  reason?: string;
  points: readonly StatsPoint[];
}

export function containerMessage(view: ContainerView, windowMs = STATS_WINDOW_MS): ContainerMessage {
  const followed = view.status === 'running' || view.status === 'paused';
  return {
    id: view.id,
    name: view.name,
    status: view.status,
    statusText: statusText(view.status, view.samples, view.reason),
    axis: { from: `−${windowMs / 60_000} min`, to: followed ? 'now' : 'last sample' },
    charts: chartsOf(view.points, windowMs),
  };
}

/** A message from the webview, or undefined for anything else (the webview's content is not trusted either). */
export function parseWebviewMessage(message: unknown): FromWebview | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, id, points } = message as { type?: unknown; id?: unknown; points?: unknown };
  if (type === 'ready') return { type };
  if (type === 'drawn' && typeof id === 'string' && typeof points === 'number' && Number.isSafeInteger(points) && points >= 0) {
    return { type, id, points };
  }
  return undefined;
}
