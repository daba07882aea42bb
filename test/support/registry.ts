// A minimal Docker Registry (HTTP API v2) on 127.0.0.1 at a free port, all in memory, for push and pull tests
// without the internet. dockerd treats registries on 127.0.0.0/8 as insecure: it talks plain HTTP to them.
// Blobs: HEAD/GET /v2/<name>/blobs/<digest>; uploads: POST /v2/<name>/blobs/uploads/ (a cross-repo mount of a
// blob we have answers 201, else an upload starts), PATCH and PUT ?digest= (checked with sha256); manifests:
// PUT/GET/HEAD /v2/<name>/manifests/<tag or digest>, kept with their Content-Type.
import { createHash, randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface Registry {
  port: number;
  /** "127.0.0.1:<port>", the registry part of an image reference. */
  host: string;
  /** The tags stored, as "<name>:<tag>", sorted (e.g. "dw/busybox:pushed"). */
  manifests(): string[];
  /**
   * While set, a GET of a blob answers its headers and then nothing (a GET or HEAD of a manifest: nothing at
   * all): a pull hangs there. Setting 'none' completes the stalled answers (dockerd does not close them when a
   * pull is cancelled).
   */
  setStall(what: Stall): void;
  /** Answers stalled right now. */
  stalledRequests(): number;
  /** While on, blobs are served with their first byte changed: their digest no longer matches. */
  setCorruptBlobs(on: boolean): void;
  stop(): Promise<void>;
}

export type Stall = 'none' | 'blobs' | 'manifests';

interface Manifest {
  body: Buffer;
  type: string;
  digest: string;
}

const NAME = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*';
const BLOB = new RegExp(`^/v2/(${NAME})/blobs/(sha256:[0-9a-f]{64})$`);
const UPLOADS = new RegExp(`^/v2/(${NAME})/blobs/uploads/$`);
const UPLOAD = new RegExp(`^/v2/(${NAME})/blobs/uploads/([0-9a-f-]+)$`);
const MANIFEST = new RegExp(`^/v2/(${NAME})/manifests/([A-Za-z0-9_.:-]+)$`);

/** `credentials`: every request must carry them (HTTP Basic; a 401 with a Basic challenge otherwise), as a private registry asks. */
export async function startRegistry(options: { stall?: Stall; credentials?: { username: string; password: string } } = {}): Promise<Registry> {
  const blobs = new Map<string, Buffer>();
  const uploads = new Map<string, Buffer[]>();
  /** Repository name -> tag or digest -> manifest. */
  const repositories = new Map<string, Map<string, Manifest>>();
  /** Stalled answers and how to complete each. */
  const stalled = new Map<http.ServerResponse, () => void>();
  let stall: Stall = options.stall ?? 'none';
  let corrupt = false;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        handle(request, response, Buffer.concat(chunks));
      } catch (error) {
        fail(response, 500, 'UNKNOWN', error instanceof Error ? error.message : String(error));
      }
    });
  });

  function handle(request: http.IncomingMessage, response: http.ServerResponse, body: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://registry');
    const method = request.method ?? 'GET';
    response.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    if (options.credentials) {
      const { username, password } = options.credentials;
      if (request.headers.authorization !== `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`) {
        response.setHeader('WWW-Authenticate', 'Basic realm="dw-test-registry"');
        return fail(response, 401, 'UNAUTHORIZED', 'authentication required');
      }
    }
    let match: RegExpExecArray | null;
    if (url.pathname === '/v2/' && (method === 'GET' || method === 'HEAD')) {
      send(response, 200, { 'Content-Type': 'application/json' }, method === 'HEAD' ? undefined : Buffer.from('{}'));
    } else if ((match = BLOB.exec(url.pathname)) && (method === 'GET' || method === 'HEAD')) {
      getBlob(request, response, match[2], method === 'HEAD');
    } else if ((match = UPLOADS.exec(url.pathname)) && method === 'POST') {
      const [name, mount, digest] = [match[1], url.searchParams.get('mount'), url.searchParams.get('digest')];
      if (mount && blobs.has(mount)) return blobCreated(response, name, mount);
      if (digest) return putBlob(response, name, digest, [body]);
      const id = randomUUID();
      uploads.set(id, body.length ? [body] : []);
      uploadAccepted(response, name, id);
    } else if ((match = UPLOAD.exec(url.pathname))) {
      const [name, id] = [match[1], match[2]];
      const parts = uploads.get(id);
      if (!parts) return fail(response, 404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry');
      if (method === 'PATCH') {
        parts.push(body);
        uploadAccepted(response, name, id);
      } else if (method === 'PUT') {
        uploads.delete(id);
        putBlob(response, name, url.searchParams.get('digest') ?? '', [...parts, body]);
      } else if (method === 'GET') {
        uploadAccepted(response, name, id, 204);
      } else if (method === 'DELETE') {
        uploads.delete(id);
        send(response, 204, {});
      } else fail(response, 405, 'UNSUPPORTED', `${method} is not supported here`);
    } else if ((match = MANIFEST.exec(url.pathname))) {
      const [name, reference] = [match[1], match[2]];
      if (method === 'PUT') return putManifest(request, response, name, reference, body);
      if (method !== 'GET' && method !== 'HEAD') return fail(response, 405, 'UNSUPPORTED', `${method} is not supported here`);
      const repository = repositories.get(name);
      // With a detail, as the reference registry answers (dockerd words the error by it).
      if (!repository) return fail(response, 404, 'NAME_UNKNOWN', 'repository name not known to registry', { name });
      const manifest = repository.get(reference);
      if (!manifest) return fail(response, 404, 'MANIFEST_UNKNOWN', 'manifest unknown', { Tag: reference });
      const headers = { 'Content-Type': manifest.type, 'Docker-Content-Digest': manifest.digest, 'Content-Length': String(manifest.body.length) };
      // A HEAD answer is complete with its headers: hold the whole answer back.
      if (stall === 'manifests') return hold(response, () => send(response, 200, headers, method === 'HEAD' ? undefined : manifest.body));
      send(response, 200, headers, method === 'HEAD' ? undefined : manifest.body);
    } else {
      fail(response, 404, 'UNSUPPORTED', `${method} ${url.pathname} is not supported by this registry`);
    }
  }

  function getBlob(request: http.IncomingMessage, response: http.ServerResponse, digest: string, head: boolean): void {
    const stored = blobs.get(digest);
    if (!stored) return fail(response, 404, 'BLOB_UNKNOWN', 'blob unknown to registry');
    const blob = corrupt ? Buffer.concat([Buffer.from([stored[0] ^ 0xff]), stored.subarray(1)]) : stored;
    const headers = { 'Content-Type': 'application/octet-stream', 'Docker-Content-Digest': digest, 'Accept-Ranges': 'bytes' };
    if (head) return send(response, 200, { ...headers, 'Content-Length': String(blob.length) });
    if (stall === 'blobs') {
      response.writeHead(200, { ...headers, 'Content-Length': String(blob.length) });
      response.flushHeaders();
      return hold(response, () => response.end(blob));
    }
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    if (!range) return send(response, 200, { ...headers, 'Content-Length': String(blob.length) }, blob);
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), blob.length - 1) : blob.length - 1;
    const part = blob.subarray(start, end + 1);
    send(response, 206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${blob.length}`, 'Content-Length': String(part.length) }, part);
  }

  function hold(response: http.ServerResponse, complete: () => void): void {
    stalled.set(response, complete);
    response.on('close', () => stalled.delete(response));
  }

  function putBlob(response: http.ServerResponse, name: string, digest: string, parts: Buffer[]): void {
    const blob = Buffer.concat(parts);
    if (digest !== `sha256:${sha256(blob)}`) return fail(response, 400, 'DIGEST_INVALID', 'provided digest did not match uploaded content');
    blobs.set(digest, blob);
    blobCreated(response, name, digest);
  }

  function putManifest(request: http.IncomingMessage, response: http.ServerResponse, name: string, reference: string, body: Buffer): void {
    const digest = `sha256:${sha256(body)}`;
    if (reference.startsWith('sha256:') && reference !== digest) return fail(response, 400, 'DIGEST_INVALID', 'manifest digest did not match');
    let layers: string[];
    try {
      const parsed = JSON.parse(body.toString('utf8')) as { config?: { digest?: string }; layers?: { digest?: string }[] };
      layers = [parsed.config?.digest, ...(parsed.layers ?? []).map((layer) => layer.digest)].filter((d): d is string => !!d);
    } catch {
      return fail(response, 400, 'MANIFEST_INVALID', 'manifest invalid');
    }
    const missing = layers.find((layer) => !blobs.has(layer));
    if (missing) return fail(response, 400, 'MANIFEST_BLOB_UNKNOWN', `blob unknown to registry: ${missing}`);
    const manifest: Manifest = { body, type: request.headers['content-type'] ?? 'application/vnd.docker.distribution.manifest.v2+json', digest };
    const repository = repositories.get(name) ?? new Map<string, Manifest>();
    repositories.set(name, repository);
    repository.set(reference, manifest);
    repository.set(digest, manifest);
    send(response, 201, { Location: `/v2/${name}/manifests/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': '0' });
  }

  function uploadAccepted(response: http.ServerResponse, name: string, id: string, status = 202): void {
    const size = (uploads.get(id) ?? []).reduce((total, part) => total + part.length, 0);
    send(response, status, {
      Location: `/v2/${name}/blobs/uploads/${id}`,
      Range: `0-${Math.max(0, size - 1)}`,
      'Docker-Upload-UUID': id,
      'Content-Length': '0',
    });
  }

  function blobCreated(response: http.ServerResponse, name: string, digest: string): void {
    send(response, 201, { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': '0' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    host: `127.0.0.1:${port}`,
    manifests: () => {
      const tags: string[] = [];
      for (const [name, repository] of repositories) {
        for (const reference of repository.keys()) if (!reference.startsWith('sha256:')) tags.push(`${name}:${reference}`);
      }
      return tags.sort();
    },
    setStall: (what) => {
      stall = what;
      if (what !== 'none') return;
      for (const complete of [...stalled.values()]) complete();
      stalled.clear();
    },
    stalledRequests: () => stalled.size,
    setCorruptBlobs: (on) => (corrupt = on),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const response of stalled.keys()) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: http.ServerResponse, status: number, headers: Record<string, string>, body?: Buffer): void {
  response.writeHead(status, headers);
  response.end(body);
}

function fail(response: http.ServerResponse, status: number, code: string, message: string, detail: object | null = null): void {
  const body = Buffer.from(JSON.stringify({ errors: [{ code, message, detail }] }));
  send(response, status, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, body);
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
