// The remote engines of the tests, all on loopback and made by the test run itself:
// - a second dockerd on tcp://127.0.0.1:PORT with --tlsverify, and certificates made with openssl (a CA, the
//   server's and the client's, and the bad ones the error tests need);
// - an sshd on 127.0.0.1:PORT with a host key and a client key made here, whose sessions get DOCKER_HOST of the main
//   test engine, so `ssh ... docker system dial-stdio` reaches it as a real remote would; ssh config files of our
//   own (never ~/.ssh), also with a wrong known host key and with a key the server does not accept.
//   node out/test/support/remoteEngines.js start <dir> [<main engine dir>]   prints `export NAME=value` lines
//   node out/test/support/remoteEngines.js stop <dir>
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { buildTestImage, deleteBridge, dockerHost, makeBridge, startDockerd, stopDockerd, TEST_IMAGE } from './dockerd';
import { makeCertificates } from './remoteCerts';
import { alive, freePort, sleep } from './processes';

/** What the tests need to reach the remote engines (also the names of the variables `start` prints). */
export interface RemoteEngines {
  /** tcp://127.0.0.1:PORT of the TLS engine. */
  DW_TLS_HOST: string;
  /** Folder with ca.pem, cert.pem, key.pem for DOCKER_CERT_PATH; its siblings hold the bad certificates. */
  DW_TLS_CERTS: string;
  /** The TLS engine's own folder (dockerd.js start/stop work on it; it also listens on its docker.sock). */
  DW_TLS_DIR: string;
  /** ssh://root@127.0.0.1:PORT. */
  DW_SSH_HOST: string;
  /** An ssh config file that knows the server's host key and uses the authorized key. */
  DW_SSH_CONFIG: string;
  /** The folder of the ssh files (config-wrong-host-key, config-unknown-host, config-refused-key, config-no-docker, sshd.pid). */
  DW_SSH_DIR: string;
}

function run(program: string, args: string[], options: { cwd?: string } = {}): string {
  return execFileSync(program, args, { ...options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// ---- The TLS engine ----

interface State {
  tlsPort: number;
  sshPort: number;
  /** A second port of the same sshd where the commands find no docker. */
  sshNoDockerPort: number;
}

function tlsDaemonFlags(dir: string, port: number): string[] {
  const work = path.join(dir, 'certs', 'work');
  return [
    `--host=tcp://127.0.0.1:${port}`,
    '--tlsverify',
    `--tlscacert=${path.join(work, 'ca.pem')}`,
    `--tlscert=${path.join(work, 'server.pem')}`,
    `--tlskey=${path.join(work, 'server-key.pem')}`,
    // A bridge of its own: two engines must not both own docker0, and `--bridge=none` would make dockerd delete
    // docker0 (the test engine's) when it starts.
    `--bridge=${makeBridge(TLS_BRIDGE, TLS_BRIDGE_CIDR)}`,
  ];
}

/** Starts (or starts again, on the same port) the TLS engine of `dir`. */
export async function startTlsEngine(dir: string): Promise<void> {
  const state = readState(dir);
  await startDockerd(path.join(dir, 'tls'), 60_000, tlsDaemonFlags(dir, state.tlsPort));
}

export async function stopTlsEngine(dir: string): Promise<void> {
  await stopDockerd(path.join(dir, 'tls'), 30_000, false);
}

/** The TLS engine's bridge and its address (a private range only this machine uses). */
const TLS_BRIDGE = 'dwtls0';
const TLS_BRIDGE_CIDR = '10.231.90.1/24';

/** Copies the test image from the main test engine into the TLS engine (docker save | docker load). */
function loadTestImage(tlsDir: string, mainDir: string): void {
  const env = { ...process.env, DOCKER_HOST: dockerHost(tlsDir) };
  if (execFileSync('docker', ['images', '-q', TEST_IMAGE], { env, encoding: 'utf8' }).trim()) return;
  buildTestImage(mainDir);
  const image = execFileSync('docker', ['save', TEST_IMAGE], { env: { ...process.env, DOCKER_HOST: dockerHost(mainDir) }, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('docker', ['load', '-q'], { env, input: image, stdio: ['pipe', 'ignore', 'inherit'] });
}

// ---- sshd ----

function publicKey(file: string): string {
  return fs.readFileSync(`${file}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
}

function sshConfig(port: number, knownHosts: string, identity: string): string {
  return [
    '# Written by the docker-workflows tests for their own sshd on 127.0.0.1; never the user\'s ~/.ssh.',
    'Host 127.0.0.1',
    `  Port ${port}`,
    '  User root',
    `  IdentityFile ${identity}`,
    '  IdentitiesOnly yes',
    '  IdentityAgent none',
    `  UserKnownHostsFile ${knownHosts}`,
    '  GlobalKnownHostsFile /dev/null',
    '  StrictHostKeyChecking yes',
    '  UpdateHostKeys no',
    '',
  ].join('\n');
}

function makeSshFiles(sshDir: string, port: number, noDockerPort: number, mainDir: string): void {
  fs.mkdirSync(sshDir, { recursive: true, mode: 0o700 });
  const key = (name: string) => {
    const file = path.join(sshDir, name);
    if (!fs.existsSync(file)) run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `docker-workflows test ${name}`, '-f', file]);
    return file;
  };
  const hostKey = key('host_ed25519');
  const otherHostKey = key('other_host_ed25519');
  const client = key('id_ed25519');
  const refused = key('refused_ed25519');
  fs.writeFileSync(path.join(sshDir, 'authorized_keys'), `${publicKey(client)}\n`);
  fs.writeFileSync(path.join(sshDir, 'known_hosts'), `[127.0.0.1]:${port} ${publicKey(hostKey)}\n`);
  fs.writeFileSync(path.join(sshDir, 'known_hosts_wrong'), `[127.0.0.1]:${port} ${publicKey(otherHostKey)}\n`);
  fs.writeFileSync(path.join(sshDir, 'known_hosts_empty'), '');
  fs.writeFileSync(path.join(sshDir, 'config'), sshConfig(port, path.join(sshDir, 'known_hosts'), client));
  fs.writeFileSync(path.join(sshDir, 'config-wrong-host-key'), sshConfig(port, path.join(sshDir, 'known_hosts_wrong'), client));
  fs.writeFileSync(path.join(sshDir, 'config-unknown-host'), sshConfig(port, path.join(sshDir, 'known_hosts_empty'), client));
  fs.writeFileSync(path.join(sshDir, 'config-refused-key'), sshConfig(port, path.join(sshDir, 'known_hosts'), refused));
  // A remote host without docker: the sshd's second port runs commands with a PATH that has no docker.
  fs.writeFileSync(path.join(sshDir, 'config-no-docker'), sshConfig(noDockerPort, path.join(sshDir, 'known_hosts'), client));
  fs.appendFileSync(path.join(sshDir, 'known_hosts'), `[127.0.0.1]:${noDockerPort} ${publicKey(hostKey)}\n`);
  fs.writeFileSync(
    path.join(sshDir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${path.join(sshDir, 'authorized_keys')}`,
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      `PidFile ${path.join(sshDir, 'sshd.pid')}`,
      // The remote `docker system dial-stdio` talks to the main test engine.
      `SetEnv DOCKER_HOST=${dockerHost(mainDir)}`,
      `Port ${noDockerPort}`,
      `Match LocalPort ${noDockerPort}`,
      '  ForceCommand exec env PATH=/nonexistent /bin/sh -c "$SSH_ORIGINAL_COMMAND"',
      '',
    ].join('\n'),
  );
}

/** Starts the sshd of `dir` (its files made before) and resolves when it accepts connections. */
export async function startSshd(dir: string): Promise<void> {
  const sshDir = path.join(dir, 'ssh');
  const { sshPort } = readState(dir);
  if (await accepts(sshPort)) return;
  fs.mkdirSync('/run/sshd', { recursive: true });
  const result = spawnSync('/usr/sbin/sshd', ['-f', path.join(sshDir, 'sshd_config'), '-E', path.join(sshDir, 'sshd.log')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sshd did not start: ${result.stderr.trim()}`);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await accepts(sshPort)) return;
    await sleep(100);
  }
  throw new Error(`sshd does not accept connections on 127.0.0.1:${sshPort} (see ${sshDir}/sshd.log)`);
}

export async function stopSshd(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'ssh', 'sshd.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  if (!pid || !alive(pid)) return;
  // The listener only: the sessions it started end when their ssh clients go.
  process.kill(pid, 'SIGTERM');
  while (alive(pid)) await sleep(50);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

// ---- Both ----

function readState(dir: string): State {
  return JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as State;
}

export function remoteEngines(dir: string): RemoteEngines {
  const state = readState(dir);
  return {
    DW_TLS_HOST: `tcp://127.0.0.1:${state.tlsPort}`,
    DW_TLS_CERTS: path.join(dir, 'certs', 'client'),
    DW_TLS_DIR: path.join(dir, 'tls'),
    DW_SSH_HOST: `ssh://root@127.0.0.1:${state.sshPort}`,
    DW_SSH_CONFIG: path.join(dir, 'ssh', 'config'),
    DW_SSH_DIR: path.join(dir, 'ssh'),
  };
}

export async function startRemoteEngines(dir: string, mainDir: string): Promise<RemoteEngines> {
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'state.json'))) {
    fs.writeFileSync(path.join(dir, 'state.json'), JSON.stringify({ tlsPort: await freePort(), sshPort: await freePort(), sshNoDockerPort: await freePort() }));
  }
  const state = readState(dir);
  if (!fs.existsSync(path.join(dir, 'certs', 'client', 'cert.pem'))) makeCertificates(path.join(dir, 'certs'));
  await startTlsEngine(dir);
  loadTestImage(path.join(dir, 'tls'), mainDir);
  makeSshFiles(path.join(dir, 'ssh'), state.sshPort, state.sshNoDockerPort, mainDir);
  await startSshd(dir);
  return remoteEngines(dir);
}

export async function stopRemoteEngines(dir: string): Promise<void> {
  if (!fs.existsSync(path.join(dir, 'state.json'))) return;
  await stopSshd(dir);
  await stopTlsEngine(dir);
  deleteBridge(TLS_BRIDGE);
}

async function main(): Promise<void> {
  const [verb, dir, mainDir = process.env.DW_DOCKERD_DIR] = process.argv.slice(2);
  if (!dir) throw new Error('usage: remoteEngines.js start <dir> [<main engine dir>] | stop <dir>');
  if (verb === 'start') {
    if (!mainDir) throw new Error('the main test engine folder is needed (second argument or DW_DOCKERD_DIR)');
    const engines = await startRemoteEngines(path.resolve(dir), path.resolve(mainDir));
    for (const [name, value] of Object.entries(engines)) console.log(`export ${name}=${value}`);
  } else if (verb === 'stop') {
    await stopRemoteEngines(path.resolve(dir));
  } else {
    throw new Error(`unknown verb ${verb}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
