// The figures of a stats sample, as the docker CLI computes them (cli/command/container/stats_helpers.go), from
// samples shaped like the Engine API reference's GET /containers/{id}/stats answer.
import * as assert from 'assert';
import { isStoppedSample, toContainerStats, type RawStats } from '../../client/src/engine/statsMapping';

describe('stats mapping: one sample as docker stats shows it', () => {
  const v2: RawStats = {
    read: '2024-05-01T12:00:01.500000000Z',
    cpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 2 },
    precpu_stats: { cpu_usage: { total_usage: 1_500_000_000 }, system_cpu_usage: 18_000_000_000, online_cpus: 2 },
    memory_stats: { usage: 100_000_000, limit: 2_000_000_000, stats: { inactive_file: 20_000_000, anon: 70_000_000 } },
    networks: { eth0: { rx_bytes: 1000, tx_bytes: 2000 }, eth1: { rx_bytes: 10, tx_bytes: 20 } },
    blkio_stats: { io_service_bytes_recursive: [{ op: 'read', value: 4096 }, { op: 'write', value: 8192 }, { op: 'read', value: 4 }] },
    pids_stats: { current: 7 },
  };

  it('computes CPU % from the deltas times the online CPUs, memory without inactive_file (cgroup v2), sums network and block I/O', () => {
    assert.deepStrictEqual(toContainerStats(v2), {
      read: Date.UTC(2024, 4, 1, 12, 0, 1, 500),
      cpuPercent: 50,
      memoryUsage: 80_000_000,
      memoryLimit: 2_000_000_000,
      memoryPercent: 4,
      networkRx: 1010,
      networkTx: 2020,
      blockRead: 4100,
      blockWrite: 8192,
      pids: 7,
    });
  });

  it('maps a sample of the test engine (API 1.41, cgroup v1) exactly', () => {
    const line =
      '{"read":"2026-12-07T06:07:14.79133894Z","preread":"2026-12-07T06:07:13.787334764Z","pids_stats":{"current":1},' +
      '"blkio_stats":{"io_service_bytes_recursive":[],"io_serviced_recursive":[]},"num_procs":0,"storage_stats":{},' +
      '"cpu_stats":{"cpu_usage":{"total_usage":32343219,"percpu_usage":[22288262,10054957],"usage_in_kernelmode":10000000,"usage_in_usermode":10000000},"system_cpu_usage":55811830000000,"online_cpus":2},' +
      '"precpu_stats":{"cpu_usage":{"total_usage":32343219,"percpu_usage":[22288262,10054957]},"system_cpu_usage":55809840000000,"online_cpus":2},' +
      '"memory_stats":{"usage":557056,"max_usage":4087808,"stats":{"cache":0,"inactive_file":0,"rss":53248,"total_cache":0,"total_inactive_file":0,"total_rss":53248},"limit":25276182528},' +
      '"name":"/probe","id":"fcb20c2fdb7b0cb2526525553e250fa49d59eb90f3a5718ad4e06fa6e99d4655",' +
      '"networks":{"eth0":{"rx_bytes":376,"rx_packets":4,"rx_errors":0,"rx_dropped":0,"tx_bytes":0,"tx_packets":0,"tx_errors":0,"tx_dropped":0}}}';
    assert.deepStrictEqual(toContainerStats(JSON.parse(line) as RawStats), {
      read: Date.UTC(2026, 11, 7, 6, 7, 14, 791),
      cpuPercent: 0,
      memoryUsage: 557056,
      memoryLimit: 25276182528,
      memoryPercent: (557056 / 25276182528) * 100,
      networkRx: 376,
      networkTx: 0,
      blockRead: 0,
      blockWrite: 0,
      pids: 1,
    });
  });

  it('takes total_inactive_file on cgroup v1 and the per-CPU list when online_cpus is missing', () => {
    const v1: RawStats = {
      cpu_stats: { cpu_usage: { total_usage: 300, percpu_usage: [100, 100, 50, 50] }, system_cpu_usage: 1200 },
      precpu_stats: { cpu_usage: { total_usage: 200 }, system_cpu_usage: 1000 },
      memory_stats: { usage: 50_000, limit: 1_000_000, stats: { total_inactive_file: 10_000, inactive_file: 5_000, cache: 30_000 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'Read', value: 10 },
          { op: 'Write', value: 20 },
          { op: 'Sync', value: 30 },
          { op: 'Async', value: 0 },
          { op: 'Discard', value: 5 },
          { op: 'Total', value: 30 },
          { op: '', value: 99 },
        ],
      },
      pids_stats: { current: 3 },
    };
    const stats = toContainerStats(v1);
    assert.deepStrictEqual(
      { cpu: stats.cpuPercent, memory: stats.memoryUsage, percent: stats.memoryPercent, read: stats.blockRead, write: stats.blockWrite, rx: stats.networkRx, time: stats.read },
      { cpu: 200, memory: 40_000, percent: 4, read: 10, write: 20, rx: 0, time: undefined },
    );
  });

  it('falls back as the CLI does: inactive_file when total_inactive_file is not below the usage, never the cache', () => {
    const memory = (stats: Record<string, number> | undefined) => toContainerStats({ memory_stats: { usage: 50_000, stats } }).memoryUsage;
    assert.deepStrictEqual(
      [
        memory({ total_inactive_file: 60_000, inactive_file: 5_000 }),
        memory({ total_inactive_file: 60_000 }),
        memory({ inactive_file: 50_000 }),
        memory({ cache: 30_000 }),
        memory(undefined),
      ],
      [45_000, 50_000, 50_000, 50_000, 50_000],
    );
  });

  it('gives 0 % CPU when the container or the system used no CPU since the previous sample, and 0 % memory without a limit', () => {
    const idle = { ...v2, precpu_stats: v2.cpu_stats };
    const noSystem = { ...v2, precpu_stats: { ...v2.precpu_stats, system_cpu_usage: 20_000_000_000 } };
    const noLimit = { ...v2, memory_stats: { usage: 1000 } };
    assert.deepStrictEqual(
      [toContainerStats(idle).cpuPercent, toContainerStats(noSystem).cpuPercent, toContainerStats(noLimit).memoryPercent],
      [0, 0, 0],
    );
  });

  it("recognises a stopped container's empty sample and maps it to zeros without a time", () => {
    const empty = {
      read: '0001-01-01T00:00:00Z',
      pids_stats: {},
      blkio_stats: { io_service_bytes_recursive: null },
      cpu_stats: { cpu_usage: { total_usage: 0 } },
      precpu_stats: { cpu_usage: { total_usage: 0 } },
      memory_stats: {},
    } as RawStats;
    assert.deepStrictEqual([isStoppedSample(empty), isStoppedSample(v2), isStoppedSample({})], [true, false, false]);
    assert.deepStrictEqual(toContainerStats(empty), {
      cpuPercent: 0,
      memoryUsage: 0,
      memoryLimit: 0,
      memoryPercent: 0,
      networkRx: 0,
      networkTx: 0,
      blockRead: 0,
      blockWrite: 0,
      pids: 0,
    });
  });
});
