// What the engine test files share: the docker CLI and the raw Engine API of the test engine, a fresh engine
// object, and small images made on the spot.
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { resolveConnection } from '../../client/src/engine/connection';
import { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import { dockerHost, socketPath } from '../support/dockerd';

const dir = process.env.DW_DOCKERD_DIR;
if (!dir) throw new Error('DW_DOCKERD_DIR is not set: run the engine suite through `npm test`');
export const engineDir = dir;
export const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: dockerHost(dir) };

/** Runs the docker CLI against the test engine; its trimmed stdout. */
export function docker(...args: string[]): string {
  return execFileSync('docker', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).trim();
}

/** The docker CLI without blocking this process: needed while a server of this process (the registry) must answer. */
export async function dockerAsync(...args: string[]): Promise<string> {
  return (await promisify(execFile)('docker', args, { env, encoding: 'utf8' })).stdout.trim();
}

/** Lines of a docker command's output, without empty ones. */
export function dockerLines(...args: string[]): string[] {
  return docker(...args).split('\n').filter(Boolean);
}

export function newEngine(): DockerodeEngine {
  return new DockerodeEngine(resolveConnection({ setting: '', env, readFile: () => undefined }));
}

/** A GET of the test engine's API, parsed: what the engine itself says, to compare our results with. */
export function api<T>(apiPath: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath: socketPath(dir!), path: apiPath }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        response.statusCode === 200 ? resolve(JSON.parse(body) as T) : reject(new Error(`GET ${apiPath}: ${response.statusCode} ${body}`)),
      );
    });
    request.on('error', reject);
  });
}

/** The body of a GET over plain HTTP (a container's published port on 127.0.0.1). */
export function httpGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

/** POSTs a body to the test engine's API and reads the whole answer (e.g. a BuildKit build). */
export function apiPost(apiPath: string, body: Buffer, contentType: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request({ socketPath: socketPath(dir!), path: apiPath, method: 'POST', headers: { 'Content-Type': contentType } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`POST ${apiPath}: ${response.statusCode} ${text}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A tar of the given files (path -> content), made with the tar command. */
export function tarOf(files: Record<string, string>): Buffer {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-tar-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), content);
    }
    return execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** `docker import`s a one-layer image of the given files; its id. */
export function importImage(files: Record<string, string>, reference: string): string {
  execFileSync('docker', ['import', '-', reference], { env, input: tarOf(files), stdio: ['pipe', 'ignore', 'pipe'] });
  return docker('image', 'inspect', '-f', '{{.Id}}', reference);
}

/** `docker build` of a Dockerfile text in a temporary folder (the legacy builder of the CLI); the image id. */
export function buildImage(dockerfile: string, reference: string): string {
  const context = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-build-'));
  try {
    fs.writeFileSync(path.join(context, 'Dockerfile'), dockerfile);
    docker('build', '-q', '-t', reference, context);
    return docker('image', 'inspect', '-f', '{{.Id}}', reference);
  } finally {
    fs.rmSync(context, { recursive: true, force: true });
  }
}

/** Milliseconds of a time as docker inspect prints it, to the second (the precision of Unix-time fields). */
export function toSecondMs(time: string): number {
  return Math.floor(Date.parse(time) / 1000) * 1000;
}

/** Removes containers, images, volumes and networks a test may have left behind; ignores what is not there. */
export function removeLeftovers(what: { containersLabel?: string; images?: string[]; volumes?: string[]; networks?: string[] }): void {
  const tryDocker = (...args: string[]) => {
    try {
      docker(...args);
    } catch {
      // Not there.
    }
  };
  if (what.containersLabel) {
    const ids = dockerLines('ps', '-aq', '--filter', `label=${what.containersLabel}`);
    if (ids.length) docker('rm', '-f', ...ids);
  }
  for (const image of what.images ?? []) tryDocker('rmi', '-f', image);
  for (const volume of what.volumes ?? []) tryDocker('volume', 'rm', '-f', volume);
  for (const network of what.networks ?? []) tryDocker('network', 'rm', network);
}
