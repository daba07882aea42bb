// A Podman engine for the tests: `podman system service` answering the Docker-compatible API on a Unix socket of a
// temporary folder, with its own storage (vfs, under the folder), so it touches nothing of the machine's podman.
//   node out/test/support/podman.js start <dir>   prints the DOCKER_HOST of the service
//   node out/test/support/podman.js stop <dir>
// The socket is <dir>/docker.sock, so buildTestImage (dockerd.ts) loads the test image into it as it does for dockerd.
// Podman raises a container's open-files and process limits to values this sandbox's hard limits refuse ("error
// setting rlimit ... operation not permitted"); containers.conf sets them to values inside the limits.
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildTestImage, dockerHost, ping } from './dockerd';

/** The environment podman and podman-compose need to use this folder's storage and settings. */
export function podmanEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CONTAINERS_STORAGE_CONF: path.join(dir, 'storage.conf'),
    CONTAINERS_CONF: path.join(dir, 'containers.conf'),
    DOCKER_HOST: dockerHost(dir),
  };
}

export async function startPodman(dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'storage.conf'),
    `[storage]\ndriver = "vfs"\ngraphroot = "${path.join(dir, 'root')}"\nrunroot = "${path.join(dir, 'run')}"\n`,
  );
  const nproc = Math.min(hardLimit('-Hu'), 4096);
  const nofile = Math.min(hardLimit('-Hn'), 1024);
  fs.writeFileSync(path.join(dir, 'containers.conf'), `[containers]\ndefault_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]\n`);
  const log = fs.openSync(path.join(dir, 'podman.log'), 'a');
  const child = spawn('podman', ['system', 'service', '--time=0', dockerHost(dir)], {
    detached: true,
    stdio: ['ignore', log, log],
    env: podmanEnv(dir),
  });
  child.on('error', () => undefined);
  fs.writeFileSync(path.join(dir, 'podman.pid'), String(child.pid ?? ''));
  child.unref();
  for (let i = 0; i < 100; i++) {
    if (await ping(dir)) {
      buildTestImage(dir);
      return dockerHost(dir);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`podman system service did not answer on ${dockerHost(dir)}: ${fs.readFileSync(path.join(dir, 'podman.log'), 'utf8').slice(-2000)}`);
}

/** Removes the service's containers (their conmon processes outlive it), stops it and deletes the folder. */
export function stopPodman(dir: string): void {
  const env = podmanEnv(dir);
  spawnSync('podman', ['rm', '--all', '--force', '--time', '0'], { env, stdio: 'ignore' });
  spawnSync('podman', ['pod', 'rm', '--all', '--force'], { env, stdio: 'ignore' });
  const pid = Number(fs.existsSync(path.join(dir, 'podman.pid')) ? fs.readFileSync(path.join(dir, 'podman.pid'), 'utf8') : '');
  if (pid > 0) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  spawnSync('umount', ['-R', path.join(dir, 'root')], { stdio: 'ignore' });
  spawnSync('umount', ['-R', path.join(dir, 'run')], { stdio: 'ignore' });
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

function hardLimit(flag: string): number {
  const value = execFileSync('bash', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim();
  return value === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(value);
}

if (require.main === module) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start' && dir) {
    startPodman(dir).then(
      (host) => console.log(host),
      (error) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  } else if (command === 'stop' && dir) {
    stopPodman(dir);
  } else {
    console.error('usage: podman.js start|stop <dir>');
    process.exit(2);
  }
}
