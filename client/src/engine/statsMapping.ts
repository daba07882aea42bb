// One sample of the engine's stats stream (GET /containers/{id}/stats) as the figures `docker stats` shows: CPU %,
// memory without the reclaimable page cache, its share of the limit, network and block I/O totals. The docker CLI's
// own formulas (cli/command/container/stats_helpers.go), on Linux engines; pure, tested in plain Node. The stats
// terminal and the stats view both take their numbers from here.
import type { ContainerStats } from './types';

interface RawCpu {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** The fields of a stats sample that we read, named as the Engine API reference names them. */
export interface RawStats {
  /** When the sample was taken; Go's zero time ("0001-01-01T00:00:00Z") once the container has stopped. */
  read?: string;
  cpu_stats?: RawCpu;
  precpu_stats?: RawCpu;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }> | null;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null };
  pids_stats?: { current?: number };
}

/** Whether the sample is the empty one the engine sends for a container that no longer runs. */
export function isStoppedSample(raw: RawStats): boolean {
  return raw.read?.startsWith('0001-01-01') === true;
}

/** One sample of the engine's stats stream, computed as `docker stats` does. */
export function toContainerStats(raw: RawStats): ContainerStats {
  const memoryUsage = memoryWithoutCache(raw.memory_stats);
  const memoryLimit = raw.memory_stats?.limit ?? 0;
  const read = raw.read === undefined || isStoppedSample(raw) ? Number.NaN : Date.parse(raw.read);
  return {
    ...(Number.isFinite(read) ? { read } : {}),
    cpuPercent: cpuPercent(raw.cpu_stats, raw.precpu_stats),
    memoryUsage,
    memoryLimit,
    memoryPercent: memoryLimit !== 0 ? (memoryUsage / memoryLimit) * 100 : 0,
    ...networkTotals(raw.networks),
    ...blockTotals(raw.blkio_stats?.io_service_bytes_recursive),
    pids: raw.pids_stats?.current ?? 0,
  };
}

/**
 * The container's CPU time since the previous sample (precpu_stats) as a share of the host's, times the CPUs online
 * (else the length of the per-CPU list), in per cent; 0 unless both grew.
 */
function cpuPercent(now: RawCpu | undefined, before: RawCpu | undefined): number {
  const cpuDelta = (now?.cpu_usage?.total_usage ?? 0) - (before?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (now?.system_cpu_usage ?? 0) - (before?.system_cpu_usage ?? 0);
  const cpus = now?.online_cpus || now?.cpu_usage?.percpu_usage?.length || 0;
  return cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0;
}

/**
 * Memory in use without the page cache the kernel can drop, in the CLI's order: usage minus total_inactive_file when
 * the engine reports it (cgroup v1) and it is below the usage, else minus inactive_file (cgroup v2; a missing one
 * counts as 0) when that is below the usage, else the usage.
 */
function memoryWithoutCache(memory: RawStats['memory_stats']): number {
  const usage = memory?.usage ?? 0;
  const stats = memory?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (typeof v1 === 'number' && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file ?? 0;
  return v2 < usage ? usage - v2 : usage;
}

/** Bytes received and sent, summed over every interface of the container. */
function networkTotals(networks: RawStats['networks']): Pick<ContainerStats, 'networkRx' | 'networkTx'> {
  let networkRx = 0;
  let networkTx = 0;
  for (const network of Object.values(networks ?? {})) {
    networkRx += network.rx_bytes ?? 0;
    networkTx += network.tx_bytes ?? 0;
  }
  return { networkRx, networkTx };
}

/** Bytes read and written, from io_service_bytes_recursive: entries whose op starts with r / R, and w / W. */
function blockTotals(entries: { op?: string; value?: number }[] | null | undefined): Pick<ContainerStats, 'blockRead' | 'blockWrite'> {
  let blockRead = 0;
  let blockWrite = 0;
  for (const entry of entries ?? []) {
    const first = entry.op?.charAt(0).toLowerCase();
    if (first === 'r') blockRead += entry.value ?? 0;
    else if (first === 'w') blockWrite += entry.value ?? 0;
  }
  return { blockRead, blockWrite };
}
