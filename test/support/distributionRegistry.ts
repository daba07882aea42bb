// The real CNCF distribution registry (Debian's `docker-registry`) on 127.0.0.1 at a free port, its storage under a
// temporary folder, deletion enabled, with or without htpasswd authentication (bcrypt entries made by `htpasswd
// -Bbn` from apache2-utils). A suite starts each kind once and stops it at the end. dockerd treats registries on
// 127.0.0.0/8 as insecure, so the docker CLI pushes to it over plain HTTP.
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './processes';

export interface DistributionRegistry {
  /** "127.0.0.1:<port>", the registry part of an image reference. */
  host: string;
  /** "http://127.0.0.1:<port>". */
  url: string;
  /** The login it accepts, when it has authentication. */
  login?: { username: string; password: string };
  /** Where it keeps its data and log. */
  dir: string;
  stop(): Promise<void>;
}

/** GET /v2/ answers (200, or 401 with authentication): the registry is serving. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/v2/', timeout: 1_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200 || response.statusCode === 401);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

/**
 * Starts `docker-registry serve CONFIG` and resolves once it answers. `login` adds an htpasswd realm with that one
 * login; `deleteEnabled: false` makes it refuse deletions (405), as registries do by default. The configuration is YAML; JSON is YAML too, so it is written with JSON.stringify.
 */
export async function startDistributionRegistry(options: { login?: { username: string; password: string }; deleteEnabled?: boolean } = {}): Promise<DistributionRegistry> {
  const auth = options.login;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-distribution-'));
  const port = await freePort();
  const config: Record<string, unknown> = {
    version: 0.1,
    log: { level: 'warn', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: path.join(dir, 'data') }, delete: { enabled: options.deleteEnabled ?? true }, cache: {} },
    http: { addr: `127.0.0.1:${port}`, secret: 'dw-test-secret' },
  };
  if (auth) {
    const line = execFileSync('htpasswd', ['-Bbn', auth.username, auth.password], { encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join(dir, 'htpasswd'), `${line}\n`);
    config.auth = { htpasswd: { realm: 'dw-test', path: path.join(dir, 'htpasswd') } };
  }
  const configFile = path.join(dir, 'config.yml');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  const log = fs.openSync(path.join(dir, 'registry.log'), 'a');
  const child: ChildProcess = spawn('docker-registry', ['serve', configFile], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  let exited = false;
  child.on('exit', () => (exited = true));
  child.on('error', () => (exited = true));
  const deadline = Date.now() + 20_000;
  while (!exited && Date.now() < deadline && !(await answers(port))) await new Promise((r) => setTimeout(r, 100));
  if (exited || !(await answers(port))) {
    child.kill();
    throw new Error(`docker-registry did not start: ${fs.readFileSync(path.join(dir, 'registry.log'), 'utf8').slice(-2000)}`);
  }
  const host = `127.0.0.1:${port}`;
  return {
    host,
    url: `http://${host}`,
    ...(auth ? { login: auth } : {}),
    dir,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (exited) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
