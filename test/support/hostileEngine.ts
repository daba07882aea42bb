// A deliberately hostile Docker engine: a tiny Engine API stand-in (node's http server on a unix socket in a
// temporary folder) whose containers, images, volumes and networks have ids and names like
// `--env-file=/proc/self/environ`, `$(...)`, `;`, quotes and line breaks (issue 12). It records every request it
// receives, so a test can check what reached it (an environment variable, a command) and what did not.
//
// It answers /_ping, /version, /info, /containers/json, /images/json, /volumes, /networks, /events (held open,
// no events), /containers/{id}/json for any id or name (its own containers, or one made up on the spot, as an
// attacker's engine would); everything else is recorded and answered 404, so no
// docker CLI run against it gets as far as running anything. Pure Node: the unit tests use it, and the VS Code
// suite starts it inside the extension host.
import * as fs from 'fs';
import * as http from 'http';
import type * as net from 'net';
import * as os from 'os';
import * as path from 'path';

/** One request as the stand-in received it. `path` is without the API version prefix ("/v1.41") and query. */
export interface RecordedRequest {
  method: string;
  /** As sent, e.g. "/v1.41/containers/json?all=1". */
  url: string;
  /** Decoded, without "/v1.xx" and without the query, e.g. "/containers/json". */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** The request body as UTF-8 text (at most 1 MiB kept). */
  body: string;
}

export interface HostileEngine {
  /** The socket's path, e.g. /tmp/dw-hostile-XXXX/docker.sock. */
  socketPath: string;
  /** `unix://<socketPath>`, for DOCKER_HOST or the docker-workflows.host setting. */
  host: string;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** The ids and names a hostile engine reports: each one an option, a shell expansion, a separator or a break. */
export const HOSTILE = {
  envFile: '--env-file=/proc/self/environ',
  substitution: '$(touch /tmp/dw-hostile-pwned)',
  backticks: '`touch /tmp/dw-hostile-pwned`',
  semicolon: 'x; touch /tmp/dw-hostile-pwned',
  quotes: `it's "quoted"`,
  newline: 'web\n--privileged',
  shortOption: '-it',
  link: '[open](command:workbench.action.terminal.new)',
  escape: '\u001b]0;pwned\u0007',
} as const;

export const HOSTILE_VALUES: readonly string[] = Object.values(HOSTILE);

/** A well-formed container id, for the container whose id is fine but whose name is not. */
export const GOOD_CONTAINER_ID = 'c0ffee'.padEnd(64, '0');
/** The name of that container. */
export const HOSTILE_NAME_OF_GOOD_ID = '--privileged';
/** A well-formed image id whose only tag is hostile. */
export const GOOD_IMAGE_ID = `sha256:${'beef'.padEnd(64, '0')}`;
/** The hostile Compose project: its labels name an option as the working folder and /proc/self/environ as a file. */
export const HOSTILE_PROJECT = {
  id: 'decade'.padEnd(64, '0'),
  name: 'evil_web_1',
  project: '--evil',
  workingDir: '--project-directory=/',
  configFiles: '--env-file=/proc/self/environ,$(touch /tmp/dw-hostile-pwned).yml',
} as const;
/** A Compose project whose labels point at a device: reading it would never end. */
export const DEVICE_PROJECT = {
  id: 'facade'.padEnd(64, '0'),
  name: 'device_web_1',
  project: 'device',
  workingDir: '/dev',
  configFiles: '/dev/zero',
} as const;

const API_VERSION = '1.41';

function containerList(): object[] {
  const base = (id: string, name: string, labels: Record<string, string> = {}) => ({
    Id: id,
    Names: [`/${name}`],
    Image: HOSTILE.envFile,
    ImageID: GOOD_IMAGE_ID,
    Command: HOSTILE.substitution,
    Created: 1_700_000_000,
    State: 'running',
    Status: 'Up 5 minutes',
    Ports: [],
    Labels: labels,
    NetworkSettings: { Networks: { [HOSTILE.semicolon]: { IPAddress: '172.17.0.9' } } },
    Mounts: [{ Type: 'bind', Source: HOSTILE.substitution, Destination: HOSTILE.envFile, RW: true }],
  });
  const compose = (p: typeof HOSTILE_PROJECT | typeof DEVICE_PROJECT) =>
    base(p.id, p.name, {
      'com.docker.compose.project': p.project,
      'com.docker.compose.service': 'web',
      'com.docker.compose.project.working_dir': p.workingDir,
      'com.docker.compose.project.config_files': p.configFiles,
    });
  return [
    ...HOSTILE_VALUES.map((value) => base(value, value)),
    base(GOOD_CONTAINER_ID, HOSTILE_NAME_OF_GOOD_ID),
    compose(HOSTILE_PROJECT),
    compose(DEVICE_PROJECT),
  ];
}

function imageList(): object[] {
  const image = (id: string, repoTags: string[]) => ({ Id: id, RepoTags: repoTags, Size: 1024, Created: 1_700_000_000, Labels: {} });
  return [
    // Hostile ids, each tagged with a hostile reference too.
    ...HOSTILE_VALUES.map((value) => image(value, [`${value}:latest`])),
    // A well-formed id with a hostile tag, and hostile dangling images (no tag: commands use the id).
    image(GOOD_IMAGE_ID, [`${HOSTILE.envFile}:latest`]),
    image(`sha256:${HOSTILE.envFile}`, ['<none>:<none>']),
    image('--rm', []),
  ];
}

function inspectOf(container: { Id: string; Names: string[]; Image: string }): object {
  return {
    Id: container.Id,
    Name: container.Names[0],
    Config: { Tty: false, Image: container.Image, Env: [] },
    State: { Status: 'running', Running: true },
  };
}

/** Starts the stand-in on a fresh socket; `close()` ends it, its held streams and its folder. */
export async function startHostileEngine(): Promise<HostileEngine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-hostile-'));
  const socketPath = path.join(dir, 'docker.sock');
  const requests: RecordedRequest[] = [];
  const sockets = new Set<net.Socket>();

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 1024 * 1024) chunks.push(chunk);
    });
    request.on('end', () => {
      const url = request.url ?? '/';
      const parsed = new URL(url, 'http://engine');
      let decoded: string;
      try {
        decoded = decodeURIComponent(parsed.pathname);
      } catch {
        decoded = parsed.pathname;
      }
      const route = decoded.replace(/^\/v\d+\.\d+(?=\/)/, '');
      requests.push({
        method: request.method ?? 'GET',
        url,
        path: route,
        query: parsed.searchParams,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      answer(request.method ?? 'GET', route, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const json = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Api-Version': API_VERSION });
    response.end(JSON.stringify(body));
  };

  function answer(method: string, route: string, response: http.ServerResponse): void {
    if (route === '/_ping') {
      response.writeHead(200, { 'Content-Type': 'text/plain', 'Api-Version': API_VERSION, 'Docker-Experimental': 'false', Ostype: 'linux' });
      response.end(method === 'HEAD' ? undefined : 'OK');
      return;
    }
    if (method !== 'GET') return json(response, 404, { message: `hostile engine: no ${method} ${route}` });
    switch (route) {
      case '/version':
        return json(response, 200, {
          Version: '20.10.24',
          ApiVersion: API_VERSION,
          MinAPIVersion: '1.12',
          Os: 'linux',
          Arch: 'amd64',
          KernelVersion: HOSTILE.escape,
          Components: [{ Name: 'Engine', Version: '20.10.24' }],
        });
      case '/info':
        return json(response, 200, { ID: HOSTILE.envFile, Name: HOSTILE.substitution, Containers: containerList().length, OSType: 'linux' });
      case '/containers/json':
        return json(response, 200, containerList());
      case '/images/json':
        return json(response, 200, imageList());
      case '/volumes':
        return json(response, 200, {
          Volumes: HOSTILE_VALUES.map((name) => ({ Name: name, Driver: 'local', Mountpoint: `/var/lib/docker/volumes/x/_data`, Scope: 'local', Labels: {} })),
          Warnings: null,
        });
      case '/networks':
        return json(response, 200, HOSTILE_VALUES.map((name) => ({ Id: name, Name: name, Driver: 'bridge', Scope: 'local', Labels: {}, IPAM: { Config: [] } })));
      case '/events':
        // Held open without an event until the client goes or the stand-in closes.
        response.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': API_VERSION });
        response.flushHeaders();
        return;
    }
    // Like an attacker's engine, it knows every container it is asked about (the docker CLI inspects before exec).
    const inspected = /^\/containers\/(.+)\/json$/.exec(route);
    if (inspected) {
      const container = (containerList() as { Id: string; Names: string[]; Image: string }[]).find(
        (c) => c.Id === inspected[1] || c.Names[0] === `/${inspected[1]}`,
      );
      return json(response, 200, inspectOf(container ?? { Id: inspected[1], Names: [`/${inspected[1]}`], Image: HOSTILE.envFile }));
    }
    return json(response, 404, { message: `hostile engine: no such object ${route}` });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  return {
    socketPath,
    host: `unix://${socketPath}`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
