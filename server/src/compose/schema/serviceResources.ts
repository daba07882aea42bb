// Service keys about resources: CPU, memory, block IO, PIDs, ulimits, devices and GPUs.
import { deviceRequest } from './deploy';
import { stringList, ulimitsKey } from './shared';
import { fields, key, KeyDoc, optionsMap, ref } from './types';

const at = (anchor: string): string => ref('services', anchor);
const BLKIO = at('blkio_config');

function blkioLimits(name: string, anchor: string, what: string, rate: KeyDoc): KeyDoc {
  return key(name, 'list', at(anchor), `Limits ${what} for given devices.`,
    `blkio_config:\n  ${name}:\n    - path: /dev/sdb\n      rate: ${rate.example.replace('rate: ', '')}`, {
      items: key(`${name}[]`, 'object', at(anchor), 'One device and its limit.', `- path: /dev/sdb\n  ${rate.example}`, {
        extensions: false,
        children: fields(key('path', 'string', at(anchor), 'The path of the device, such as `/dev/sda`.', 'path: /dev/sda'), rate),
      }),
    });
}

const bpsRate = key('rate', 'byte-size', at('device_read_bps-device_write_bps'), 'Bytes per second, as a number or a value such as `12mb`.', "rate: '12mb'");
const iopsRate = key('rate', 'integer', at('device_read_iops-device_write_iops'), 'The limit in operations per second.', 'rate: 120');

const BLKIO_CONFIG: KeyDoc = key('blkio_config', 'object', BLKIO,
  'Block IO limits and weights of the containers.',
  'blkio_config:\n  weight: 300\n  device_read_bps:\n    - path: /dev/sdb\n      rate: 12mb', {
    extensions: false,
    children: fields(
      blkioLimits('device_read_bps', 'device_read_bps-device_write_bps', 'the read rate, in bytes per second,', bpsRate),
      blkioLimits('device_write_bps', 'device_read_bps-device_write_bps', 'the write rate, in bytes per second,', bpsRate),
      blkioLimits('device_read_iops', 'device_read_iops-device_write_iops', 'the read rate, in operations per second,', iopsRate),
      blkioLimits('device_write_iops', 'device_read_iops-device_write_iops', 'the write rate, in operations per second,', iopsRate),
      key('weight', 'integer', at('weight'),
        'The share of block IO bandwidth relative to other containers, from 10 to 1000 (default 500).',
        'weight: 300', { min: 10, max: 1000 }),
      key('weight_device', 'list', at('weight_device'), 'Block IO weights for given devices.',
        'weight_device:\n  - path: /dev/sda\n    weight: 400', {
          items: key('weight_device[]', 'object', at('weight_device'), 'One device and its weight.', '- path: /dev/sda\n  weight: 400', {
            extensions: false,
            children: fields(
              key('path', 'string', at('weight_device'), 'The path of the device, such as `/dev/sda`.', 'path: /dev/sda'),
              key('weight', 'integer', at('weight_device'), 'The relative weight for this device, from 10 to 1000.', 'weight: 400', { min: 10, max: 1000 }),
            ),
          }),
        }),
    ),
  });

const DEVICE: KeyDoc = key('devices[]', 'object', at('devices'),
  'One device: `HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]]`, a CDI name such as `vendor.com/class=name`, or a mapping.',
  '- "/dev/ttyUSB0:/dev/ttyUSB0:rwm"', {
    alternatives: ['string'],
    children: fields(
      key('source', 'string', at('devices'), 'The path of the device on the host. Required.', 'source: /dev/ttyUSB0', { required: true }),
      key('target', 'string', at('devices'), 'The path of the device in the container.', 'target: /dev/ttyUSB0'),
      key('permissions', 'string', at('devices'), 'The cgroup permissions: a combination of `r`, `w` and `m`.', 'permissions: rwm'),
    ),
  });

export const SERVICE_RESOURCE_KEYS: readonly KeyDoc[] = [
  key('cpu_count', 'integer', at('cpu_count'), 'The number of CPUs the containers may use (Windows).', 'cpu_count: 2', { min: 0 }),
  key('cpu_percent', 'integer', at('cpu_percent'), 'The percentage of the available CPUs the containers may use (Windows).', 'cpu_percent: 50', { min: 0, max: 100 }),
  key('cpu_shares', 'integer', at('cpu_shares'), 'The CPU weight of the containers relative to others (default 1024).', 'cpu_shares: 512'),
  key('cpu_period', 'integer', at('cpu_period'), 'The length, in microseconds, of the CPU CFS scheduler period on Linux.', 'cpu_period: 100000'),
  key('cpu_quota', 'integer', at('cpu_quota'), 'The CPU time, in microseconds, the containers may use per CFS period on Linux.', 'cpu_quota: 50000'),
  key('cpu_rt_runtime', 'duration', at('cpu_rt_runtime'),
    'The real-time CPU time the containers may use per period: microseconds, or a duration.',
    "cpu_rt_runtime: '400ms'", { alternatives: ['integer'] }),
  key('cpu_rt_period', 'duration', at('cpu_rt_period'),
    'The period of the real-time scheduler: microseconds, or a duration.',
    "cpu_rt_period: '1400us'", { alternatives: ['integer'] }),
  key('cpus', 'number', at('cpus'),
    'How many CPUs, possibly fractional, the containers may use; 0 means no limit. Must agree with `deploy.resources.limits.cpus`.',
    "cpus: '1.5'"),
  key('cpuset', 'string', at('cpuset'), 'The CPUs the containers may run on, as a range (`0-3`) or list (`0,1`).', 'cpuset: "0-3"'),
  key('mem_limit', 'byte-size', at('mem_limit'),
    'The most memory the containers may use, such as `512m`. Must agree with `deploy.resources.limits.memory`.',
    'mem_limit: 512m'),
  key('mem_reservation', 'byte-size', at('mem_reservation'),
    'The memory set aside for the containers, such as `256m`. Must agree with `deploy.resources.reservations.memory`.',
    'mem_reservation: 256m'),
  key('mem_swappiness', 'integer', at('mem_swappiness'),
    'How readily the kernel swaps out anonymous memory of the containers, from 0 (never) to 100.',
    'mem_swappiness: 10', { min: 0, max: 100 }),
  key('memswap_limit', 'byte-size', at('memswap_limit'),
    'The total of memory plus swap the containers may use; -1 for unlimited swap, 0 to ignore. Only meaningful with a memory limit.',
    'memswap_limit: 1g'),
  key('oom_kill_disable', 'boolean', at('oom_kill_disable'), 'Keeps the kernel from killing the containers when memory runs out.', 'oom_kill_disable: true'),
  key('oom_score_adj', 'integer', at('oom_score_adj'),
    'Adjusts how likely the kernel is to kill the containers when memory runs out, from -1000 to 1000.',
    'oom_score_adj: -500', { min: -1000, max: 1000 }),
  key('pids_limit', 'integer', at('pids_limit'),
    'The most processes the containers may run; -1 for no limit. Must agree with `deploy.resources.limits.pids`.',
    'pids_limit: 200'),
  key('shm_size', 'byte-size', at('shm_size'), 'The size of shared memory (`/dev/shm` on Linux) of the containers.', 'shm_size: 256m'),
  BLKIO_CONFIG,
  ulimitsKey(at('ulimits'),
    'Overrides resource limits (ulimits) of the containers: a number sets both limits, a mapping sets soft and hard apart.',
    'ulimits:\n  nproc: 65535\n  nofile:\n    soft: 20000\n    hard: 40000'),
  key('devices', 'list', at('devices'), 'Host devices to make available in the containers.',
    'devices:\n  - "/dev/ttyUSB0:/dev/ttyUSB0"', { items: DEVICE }),
  stringList('device_cgroup_rules', at('device_cgroup_rules'),
    'Rules added to the cgroup list of devices the containers may use, in the kernel\'s `type major:minor access` format.',
    "device_cgroup_rules:\n  - 'c 1:3 mr'", 'One rule, such as `c 1:3 mr`.', "- 'a 7:* rmw'"),
  key('gpus', 'list', at('gpus'),
    'GPUs for the containers: `all`, or a list of device requests (like `deploy.resources.reservations.devices`, with the `gpu` capability implied).',
    'gpus: all', { alternatives: ['enum'], values: ['all'], items: deviceRequest('gpus[]', () => at('gpus'), 'GPU') }),
  optionsMap('storage_opt', at('storage_opt'), 'Options of the storage driver for the containers, such as a size limit.', "storage_opt:\n  size: '1G'"),
];
