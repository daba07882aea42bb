// A private Docker engine for the tests: its own data-root, exec-root, pidfile and socket, no iptables,
// so it never touches an engine the machine already has. It can be stopped and started again mid-test.
//   node out/test/support/dockerd.js start <dir>   prints the DOCKER_HOST to use
//   node out/test/support/dockerd.js stop <dir>
//   node out/test/support/dockerd.js image <dir>   builds the test image from Debian's busybox-static
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { alive, sleep } from './processes';

export const TEST_IMAGE = 'dw-test/busybox:latest';
/** Applets the test image links to busybox; enough for sleep loops, a web server and shells. */
const APPLETS = ['sh', 'ash', 'echo', 'sleep', 'httpd', 'cat', 'ls', 'env', 'true', 'false', 'ps', 'kill', 'wget', 'hostname', 'id', 'top', 'rm'];

export function socketPath(dir: string): string {
  return path.join(dir, 'docker.sock');
}

export function dockerHost(dir: string): string {
  return `unix://${socketPath(dir)}`;
}

/**
 * DW_DOCKERD_BRIDGE=<name>:<address/prefix> (e.g. dwb1:10.231.1.1/24) gives this engine a bridge of its own
 * instead of docker0, so that two test engines can run side by side without handing out the same addresses.
 */
function ownBridge(): string[] {
  const spec = process.env.DW_DOCKERD_BRIDGE;
  if (!spec) return [];
  const [name, cidr] = spec.split(':');
  return [`--bridge=${makeBridge(name, cidr)}`];
}

/**
 * Makes the bridge `name` with the address `cidr` (e.g. 10.231.1.1/24) unless it exists; returns its name. A second
 * engine needs one of its own: two engines must not share docker0, and an engine started with `--bridge=none`
 * deletes docker0 (dockerd removes the default bridge when its bridge is disabled), under the first engine's feet.
 */
export function makeBridge(name: string, cidr: string): string {
  if (spawnSync('ip', ['link', 'show', name], { stdio: 'ignore' }).status !== 0) {
    for (const args of [['link', 'add', 'name', name, 'type', 'bridge'], ['addr', 'add', cidr, 'dev', name], ['link', 'set', name, 'up']]) {
      const result = spawnSync('ip', args, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr.trim()}`);
    }
  }
  return name;
}

/** Deletes a bridge made by makeBridge (nothing when it is gone already). */
export function deleteBridge(name: string): void {
  spawnSync('ip', ['link', 'delete', name], { stdio: 'ignore' });
}

/**
 * Starts dockerd for `dir` (made if needed) and resolves when it answers on its socket. `extraFlags` are added (a
 * TCP listener with TLS, a bridge of its own); one of them naming a bridge replaces DW_DOCKERD_BRIDGE's.
 */
export async function startDockerd(dir: string, timeoutMs = 60_000, extraFlags: string[] = []): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  if (await ping(dir)) return dockerHost(dir);
  // A dockerd of this folder that is still shutting down holds the pid file: wait until it is gone.
  const previous = readPid(dir);
  const deadline = Date.now() + timeoutMs;
  while (previous && alive(previous) && Date.now() < deadline) {
    if (await ping(dir)) return dockerHost(dir);
    await sleep(200);
  }
  // A config file of its own, so that /etc/docker/daemon.json of the machine does not change the test engine.
  const config = path.join(dir, 'daemon.json');
  if (!fs.existsSync(config)) fs.writeFileSync(config, '{}\n');
  const args = [
    `--config-file=${config}`,
    `--data-root=${path.join(dir, 'data')}`,
    `--exec-root=${path.join(dir, 'exec')}`,
    `--pidfile=${path.join(dir, 'dockerd.pid')}`,
    `--host=${dockerHost(dir)}`,
    '--iptables=false',
    '--ip6tables=false',
    '--ip-masq=false',
    '--shutdown-timeout=2',
    ...(extraFlags.some((flag) => flag.startsWith('--bridge')) ? [] : ownBridge()),
    ...extraFlags,
  ];
  // Started in a session of its own by a shell that leaves at once, so that dockerd is nobody's child and in nobody's
  // process group: an engine a suite test starts again from inside VS Code's extension host would otherwise be among
  // the processes ended with that VS Code (its containerd too), and the next suite would find it gone.
  const launched = spawnSync('sh', ['-c', 'setsid dockerd "$@" >>"$DW_DOCKERD_LOG" 2>&1 </dev/null & echo $!', 'sh', ...args], {
    env: { ...process.env, DW_DOCKERD_LOG: path.join(dir, 'dockerd.log') },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = Number(launched.stdout?.trim());
  while (Date.now() < deadline && pid > 0 && alive(pid)) {
    if (await ping(dir)) return dockerHost(dir);
    await sleep(200);
  }
  const tail = fs.readFileSync(path.join(dir, 'dockerd.log'), 'utf8').split('\n').slice(-15).join('\n');
  throw new Error(`dockerd did not start (see ${dir}/dockerd.log):\n${tail}`);
}

/**
 * Stops the dockerd of `dir` and waits until it is gone. Safe when it is not running. `deleteBridge` false: the engine
 * did not use DW_DOCKERD_BRIDGE's bridge (it belongs to another engine), so it is left alone.
 */
export async function stopDockerd(dir: string, timeoutMs = 30_000, deleteBridge = true): Promise<void> {
  const pid = readPid(dir);
  if (!pid || !alive(pid)) return;
  // dockerd leaves the bridges of its networks behind when it stops; runs after runs they would take every private
  // address range ("could not find an available, non-overlapping IPv4 address pool"). A start makes them again.
  const leftovers = await networkBridges(dir);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  while (alive(pid)) await sleep(100);
  // The bridge of its own (DW_DOCKERD_BRIDGE) goes with the engine; the next start makes it again.
  const bridge = process.env.DW_DOCKERD_BRIDGE?.split(':')[0];
  if (bridge && deleteBridge) spawnSync('ip', ['link', 'delete', bridge], { stdio: 'ignore' });
  for (const name of leftovers) spawnSync('ip', ['link', 'delete', name], { stdio: 'ignore' });
}

/** The bridge interfaces of the engine's own bridge networks (br-<id>), not the default one. */
function networkBridges(dir: string): Promise<string[]> {
  return new Promise((resolve) => {
    const request = http.get({ socketPath: socketPath(dir), path: '/networks', timeout: 5000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          const networks = JSON.parse(body) as { Id: string; Name: string; Driver: string; Options?: Record<string, string> | null }[];
          resolve(
            networks
              .filter((n) => n.Driver === 'bridge' && n.Name !== 'bridge' && !n.Options?.['com.docker.network.bridge.name'])
              .map((n) => `br-${n.Id.slice(0, 12)}`),
          );
        } catch {
          resolve([]);
        }
      });
    });
    request.on('error', () => resolve([]));
    request.on('timeout', () => {
      request.destroy();
      resolve([]);
    });
  });
}

/** Builds the test image: a rootfs holding Debian's static busybox and its applet links, `docker import`ed. */
export function buildTestImage(dir: string): void {
  const env = { ...process.env, DOCKER_HOST: dockerHost(dir) };
  const have = execFileSync('docker', ['images', '-q', TEST_IMAGE], { env, encoding: 'utf8' }).trim();
  if (have) return;
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((file) => fs.existsSync(file));
  if (!busybox) throw new Error('busybox-static is not installed (apt-get install busybox-static)');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-rootfs-'));
  try {
    for (const sub of ['bin', 'tmp', 'etc', 'www']) fs.mkdirSync(path.join(root, sub));
    fs.copyFileSync(busybox, path.join(root, 'bin', 'busybox'));
    fs.chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
    for (const applet of APPLETS) fs.symlinkSync('busybox', path.join(root, 'bin', applet));
    fs.writeFileSync(path.join(root, 'etc', 'passwd'), 'root:x:0:0:root:/:/bin/sh\n');
    fs.writeFileSync(path.join(root, 'www', 'index.html'), '<h1>docker-workflows test image</h1>\n');
    const tar = execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
    execFileSync('docker', ['import', '-c', 'ENV PATH=/bin', '-c', 'CMD ["/bin/sh"]', '-', TEST_IMAGE], {
      env,
      input: tar,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** True when the engine of `dir` answers /_ping. */
export function ping(dir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ socketPath: socketPath(dir), path: '/_ping', timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

function readPid(dir: string): number | undefined {
  const pidFile = path.join(dir, 'dockerd.pid');
  return fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) || undefined : undefined;
}

async function main(): Promise<void> {
  const [verb, dir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: dockerd.js start|stop|image <dir>');
  if (verb === 'start') console.log(await startDockerd(path.resolve(dir)));
  else if (verb === 'stop') await stopDockerd(path.resolve(dir));
  else if (verb === 'image') buildTestImage(path.resolve(dir));
  else throw new Error(`unknown verb ${verb}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
