// A second Docker engine for the two-node swarm test: its own network namespace (so that its swarm ports, bridge and
// containers never meet the test engine's), joined to the test engine's host side by a veth pair of two private
// addresses that exist only on this machine, and its own host name (a UTS namespace), so that the swarm lists two
// nodes by name. Started once by the test file that needs it and stopped (namespace, veth and all) at its end.
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildTestImage, dockerHost, ping } from './dockerd';
import { sleep } from './processes';

export interface Worker {
  /** The worker's DOCKER_HOST (a unix socket: reachable from the host's namespace). */
  host: string;
  /** The address of the test engine on the veth pair, for the manager to advertise. */
  managerAddr: string;
  /** The worker's own address on the veth pair. */
  workerAddr: string;
  hostname: string;
  dir: string;
}

const NS = `dwsw${process.pid}`;
const HOST_LINK = `dwswh${process.pid % 100000}`;
const NS_LINK = `dwswn${process.pid % 100000}`;
const MANAGER_ADDR = '10.231.15.1';
const WORKER_ADDR = '10.231.15.2';
export const WORKER_HOSTNAME = 'dw-swarm-worker';

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Makes the namespace and the veth pair and starts a dockerd inside, with the test image. */
export async function startWorker(dir: string): Promise<Worker> {
  fs.mkdirSync(dir, { recursive: true });
  ip('netns', 'add', NS);
  ip('link', 'add', HOST_LINK, 'type', 'veth', 'peer', 'name', NS_LINK);
  ip('link', 'set', NS_LINK, 'netns', NS);
  ip('addr', 'add', `${MANAGER_ADDR}/30`, 'dev', HOST_LINK);
  ip('link', 'set', HOST_LINK, 'up');
  ip('netns', 'exec', NS, 'ip', 'addr', 'add', `${WORKER_ADDR}/30`, 'dev', NS_LINK);
  ip('netns', 'exec', NS, 'ip', 'link', 'set', NS_LINK, 'up');
  ip('netns', 'exec', NS, 'ip', 'link', 'set', 'lo', 'up');
  const config = path.join(dir, 'daemon.json');
  fs.writeFileSync(config, '{}\n');
  const dockerd = [
    'dockerd',
    `--config-file=${config}`,
    `--data-root=${path.join(dir, 'data')}`,
    `--exec-root=${path.join(dir, 'exec')}`,
    `--pidfile=${path.join(dir, 'dockerd.pid')}`,
    `--host=${dockerHost(dir)}`,
    '--iptables=false',
    '--ip6tables=false',
    '--ip-masq=false',
    '--shutdown-timeout=2',
  ];
  // nsenter, not `ip netns exec`: that one mounts a sysfs of its own, which hides the cgroups dockerd needs. The host
  // name and the program come in as the script's arguments, never as part of its text.
  const args = ['--uts', '--', 'nsenter', `--net=/run/netns/${NS}`, '--', 'sh', '-c', 'hostname "$1" && shift && exec "$@"', 'sh', WORKER_HOSTNAME, ...dockerd];
  const log = fs.openSync(path.join(dir, 'dockerd.log'), 'a');
  const child = spawn('unshare', args, { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  child.unref();
  const deadline = Date.now() + 60_000;
  while (!(await ping(dir))) {
    if (Date.now() > deadline) throw new Error(`the worker's dockerd did not start (see ${dir}/dockerd.log)`);
    await sleep(200);
  }
  buildTestImage(dir);
  return { host: dockerHost(dir), managerAddr: MANAGER_ADDR, workerAddr: WORKER_ADDR, hostname: WORKER_HOSTNAME, dir };
}

/** Stops the worker's dockerd and removes the namespace and the veth pair. Safe to call after a failed start. */
export async function stopWorker(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'dockerd.pid');
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : undefined;
  const alive = (p: number) => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (pid && alive(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (alive(pid) && Date.now() < deadline) await sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  for (const args of [['link', 'delete', HOST_LINK], ['netns', 'delete', NS]]) {
    try {
      ip(...args);
    } catch {
      // Not there.
    }
  }
}
