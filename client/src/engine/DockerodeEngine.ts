// The only file that loads dockerode: connection, the calls with timeouts, and the streams (events, logs).
// Answers are mapped to our own types by dockerodeMapping.ts; failures are put in plain words by errors.ts.
// Images, volumes, networks and prunes are in dockerodeResources.ts; pulls and stats in dockerodeStreams.ts; Run with
// Options and network connections in dockerodeRun.ts.
import Docker from 'dockerode';
import * as fs from 'fs';
import * as path from 'path';
import { engineAddress, type ConnectionOptions, type ResolvedConnection } from './connection';
import { describeError } from './errors';
import type { ContainerAction, Disposable, DockerEngine, EventHandlers } from './DockerEngine';
import { parseEvent, toContainerSummary, toEngineVersion, toImageSummary } from './dockerodeMapping';
import { DockerodeResources, type CallOptions } from './dockerodeResources';
import { DockerodeFiles } from './dockerodeFiles';
import { DockerodeRun } from './dockerodeRun';
import type { NetworkConnectOptions, RunOptions } from './containerOptions';
import { followStats, followStream, onLines, pullImage, pushImage, type ResponseStream, type StreamContext } from './dockerodeStreams';
import type { RegistryAuth } from './registryAuth';
import { DockerodeSwarm } from './dockerodeSwarm';
import type { SwarmEngine } from './SwarmEngine';
import { sshAgent } from './sshTransport';
import { openSshTunnel, type SshTunnel } from './sshTunnel';
import {
  EngineError,
  type ContainerStats,
  type ContainerSummary,
  type EngineEndpoint,
  type EngineVersion,
  type ImageLayer,
  type ImageRunDefaults,
  type ImageSummary,
  type NetworkSummary,
  type ObjectKind,
  type PruneResult,
  type PullProgress,
  type VolumeSummary,
} from './types';

const REQUEST_TIMEOUT_MS = 10_000;

export class DockerodeEngine implements DockerEngine {
  readonly endpoint: EngineEndpoint;
  private readonly docker: Docker;
  private readonly open = new Set<Disposable>();
  private readonly resources: DockerodeResources;
  private readonly runs: DockerodeRun;
  private readonly streams: StreamContext;
  readonly swarm: SwarmEngine;
  readonly files: DockerodeFiles;
  private readonly options: ConnectionOptions;
  private tunnel: SshTunnel | undefined;
  private readonly agent: { destroy(): void } | undefined;

  constructor(connection: ResolvedConnection) {
    this.endpoint = connection.endpoint;
    this.options = connection.options;
    const dockerOptions = dockerodeOptions(connection.options);
    this.docker = new Docker(dockerOptions);
    // An ssh engine's agent keeps its idle ssh processes open for the next request: they end with the engine.
    this.agent = (dockerOptions as { agent?: { destroy(): void } }).agent;
    const call = this.call.bind(this);
    this.resources = new DockerodeResources(this.docker, call);
    this.runs = new DockerodeRun(this.docker, call);
    this.files = new DockerodeFiles(this.docker, call);
    const toEngineError = this.toEngineError.bind(this);
    this.streams = { docker: this.docker, call, endpointUrl: this.endpoint.url, toEngineError, open: this.open };
    this.swarm = new DockerodeSwarm(this.docker, call, this.streams);
  }

  async ping(): Promise<void> {
    // dockerode's ping takes an abortSignal, which its type definitions do not declare yet.
    const docker = this.docker as unknown as { ping(options: { abortSignal: AbortSignal }): Promise<unknown> };
    await this.call((abortSignal) => docker.ping({ abortSignal }));
  }

  async version(): Promise<EngineVersion> {
    // Like ping, dockerode's version takes an abortSignal its type definitions do not declare.
    const docker = this.docker as unknown as { version(options: { abortSignal: AbortSignal }): Promise<Parameters<typeof toEngineVersion>[0]> };
    return toEngineVersion(await this.call((abortSignal) => docker.version({ abortSignal })));
  }

  async listContainers(): Promise<ContainerSummary[]> {
    const list = await this.call((abortSignal) => this.docker.listContainers({ all: true, abortSignal }));
    return list.map(toContainerSummary);
  }

  async listImages(): Promise<ImageSummary[]> {
    const list = await this.call((abortSignal) => this.docker.listImages({ abortSignal }));
    return list.map(toImageSummary);
  }

  async containerAction(id: string, action: ContainerAction): Promise<void> {
    // dockerode's typings declare these with a callback only; without one they return a promise.
    const container = this.docker.getContainer(id) as unknown as Record<ContainerAction, (options?: object) => Promise<unknown>>;
    // stop and restart wait for the container's own stop timeout (10 s by default) before the engine kills it.
    await this.call(() => container[action]({}), { timeoutMs: action === 'stop' || action === 'restart' ? 60_000 : REQUEST_TIMEOUT_MS });
  }

  async followLogs(
    id: string,
    options: { timestamps: boolean; tail: number },
    onText: (text: string) => void,
    onEnd: (error?: Error) => void,
  ): Promise<Disposable> {
    const container = this.docker.getContainer(id);
    const tty = (await this.call(() => container.inspect())).Config.Tty;
    const stream = (await this.call(() =>
      container.logs({ follow: true, stdout: true, stderr: true, timestamps: options.timestamps, tail: options.tail }),
    )) as unknown as NodeJS.ReadableStream & { destroy(): void };
    const sink = { write: (chunk: Buffer) => onText(chunk.toString('utf8')) } as unknown as NodeJS.WritableStream;
    // Without a TTY the engine multiplexes stdout and stderr into frames; with one it sends plain text.
    if (tty) stream.on('data', (chunk: Buffer) => onText(chunk.toString('utf8')));
    else this.docker.modem.demuxStream(stream, sink, sink);
    return followStream(this.streams, stream, onEnd).subscription;
  }

  async removeContainer(id: string, force: boolean): Promise<void> {
    await this.call(() => this.docker.getContainer(id).remove({ force }) as Promise<unknown>);
  }

  listVolumes = (): Promise<VolumeSummary[]> => this.resources.listVolumes();
  listNetworks = (): Promise<NetworkSummary[]> => this.resources.listNetworks();
  inspect = (kind: ObjectKind, id: string): Promise<string> => this.resources.inspect(kind, id);
  removeImage = (reference: string, force: boolean): Promise<void> => this.resources.removeImage(reference, force);
  tagImage = (reference: string, repository: string, tag: string): Promise<void> => this.resources.tagImage(reference, repository, tag);
  imageHistory = (reference: string): Promise<ImageLayer[]> => this.resources.imageHistory(reference);
  runContainer = (image: string, options?: { name?: string }): Promise<{ id: string; name: string }> => this.resources.runContainer(image, options);
  imageRunDefaults = (reference: string): Promise<ImageRunDefaults> => this.resources.imageRunDefaults(reference);
  runWithOptions = (options: RunOptions): Promise<{ id: string; name: string }> => this.runs.runWithOptions(options);
  connectNetwork = (network: string, container: string, options: NetworkConnectOptions): Promise<void> => this.runs.connectNetwork(network, container, options);
  disconnectNetwork = (network: string, container: string): Promise<void> => this.runs.disconnectNetwork(network, container);
  createVolume = (name: string): Promise<void> => this.resources.createVolume(name);
  removeVolume = (name: string): Promise<void> => this.resources.removeVolume(name);
  createNetwork = (name: string, driver: string): Promise<void> => this.resources.createNetwork(name, driver);
  removeNetwork = (idOrName: string): Promise<void> => this.resources.removeNetwork(idOrName);
  pruneContainers = (signal?: AbortSignal): Promise<PruneResult> => this.resources.pruneContainers(signal);
  pruneImages = (signal?: AbortSignal): Promise<PruneResult> => this.resources.pruneImages(signal);
  pruneVolumes = (all: boolean, signal?: AbortSignal): Promise<PruneResult> => this.resources.pruneVolumes(all, signal);
  pruneNetworks = (signal?: AbortSignal): Promise<PruneResult> => this.resources.pruneNetworks(signal);
  pruneBuildCache = (signal?: AbortSignal): Promise<PruneResult> => this.resources.pruneBuildCache(signal);

  pullImage(reference: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal, auth?: RegistryAuth): Promise<void> {
    return pullImage(this.streams, reference, onProgress, signal, auth);
  }

  pushImage(repository: string, tag: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal, auth?: RegistryAuth): Promise<void> {
    return pushImage(this.streams, repository, tag, onProgress, signal, auth);
  }

  followStats(id: string, onStats: (stats: ContainerStats) => void, onEnd: (error?: Error) => void): Promise<Disposable> {
    return followStats(this.streams, id, onStats, onEnd);
  }

  async events(handlers: EventHandlers): Promise<Disposable> {
    const stream = (await this.call(() => this.docker.getEvents({}))) as ResponseStream;
    const followed = followStream(this.streams, stream, (error) => handlers.onEnd(error));
    onLines(stream, (line) => {
      const event = parseEvent(line);
      if (event && !followed.ended()) handlers.onEvent(event);
    });
    return followed.subscription;
  }

  openStreams(): number {
    return this.open.size;
  }

  cliEnv(): Record<string, string> {
    const options = this.options;
    switch (options.kind) {
      case 'socket':
        return { DOCKER_HOST: this.endpoint.url };
      case 'tcp':
        // Also for a context's TLS folder, which the CLI would not find with DOCKER_HOST set.
        return {
          DOCKER_HOST: `tcp://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`,
          DOCKER_TLS_VERIFY: options.tls && options.verify ? '1' : '',
          DOCKER_CERT_PATH: options.tls ? (options.certPath ?? '') : '',
          // docker-compose v1 talks through python-requests, which lets these variables (set on many machines for
          // the system's CAs) win over the engine's ca.pem: emptied, its ca.pem counts.
          ...(options.tls ? { REQUESTS_CA_BUNDLE: '', CURL_CA_BUNDLE: '' } : {}),
        };
      case 'ssh':
        this.tunnel ??= openSshTunnel(options);
        return { DOCKER_HOST: this.tunnel.dockerHost };
    }
  }

  dispose(): void {
    for (const subscription of [...this.open]) subscription.dispose();
    this.tunnel?.dispose();
    this.tunnel = undefined;
    this.agent?.destroy();
  }

  /** One request, aborted (and rejected) when it takes longer than timeoutMs or `signal` aborts. */
  private async call<T>(request: (abortSignal: AbortSignal) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const { timeoutMs = REQUEST_TIMEOUT_MS, signal, cancelled = 'the request was cancelled' } = options;
    if (signal?.aborted) throw new EngineError(this.endpoint.url, cancelled, 'cancelled');
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let onAbort = () => undefined as void;
    const stopped = new Promise<never>((_, reject) => {
      const stop = (error: EngineError) => {
        abort.abort();
        reject(error);
      };
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => stop(new EngineError(this.endpoint.url, `no answer within ${timeoutMs / 1000} s`, 'timeout')), timeoutMs);
      }
      onAbort = () => stop(new EngineError(this.endpoint.url, cancelled, 'cancelled'));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([request(abort.signal), stopped]);
    } catch (error) {
      throw this.toEngineError(error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private toEngineError(error: unknown): EngineError {
    if (error instanceof EngineError) return error;
    const { reason, failure } = describeError(error);
    return new EngineError(this.endpoint.url, reason, failure);
  }
}

export function dockerodeOptions(options: ConnectionOptions): Docker.DockerOptions {
  switch (options.kind) {
    case 'socket':
      return { socketPath: options.socketPath };
    case 'ssh':
      // The system ssh and `docker system dial-stdio`, as the docker CLI does it (sshTransport.ts): the agent makes
      // every connection, whatever the request says. A socketPath (never opened: the agent ignores it) rather than a
      // host, because VS Code's proxy support replaces the agent of requests to a host, never of socket requests.
      return { socketPath: engineAddress(options), agent: sshAgent(options) } as Docker.DockerOptions;
    case 'tcp': {
      if (!options.tls) return { protocol: 'http', host: options.host, port: options.port };
      const read = tlsFiles(options);
      return {
        protocol: 'https',
        host: options.host,
        port: options.port,
        ca: read('ca.pem'),
        cert: read('cert.pem'),
        key: read('key.pem'),
        // Without DOCKER_TLS_VERIFY the CLI encrypts but does not check the server's certificate.
        ...(options.verify ? {} : { rejectUnauthorized: false }),
      } as Docker.DockerOptions;
    }
  }
}

/**
 * Reads the TLS files of DOCKER_CERT_PATH (or a context's TLS folder). With verification on, ca.pem must be there,
 * and cert.pem and key.pem come as a pair: a missing one is said now rather than as a refused handshake later.
 */
function tlsFiles(options: Extract<ConnectionOptions, { kind: 'tcp' }>): (name: string) => Buffer | undefined {
  const dir = options.certPath;
  const has = (name: string) => !!dir && fs.existsSync(path.join(dir, name));
  const where = dir ? `in ${dir}` : '(DOCKER_CERT_PATH is not set)';
  if (options.verify && !has('ca.pem')) throw new Error(`TLS verification is on (DOCKER_TLS_VERIFY) but there is no ca.pem ${where}`);
  if (has('cert.pem') !== has('key.pem')) {
    throw new Error(`the client certificate is incomplete: ${has('cert.pem') ? 'key.pem' : 'cert.pem'} is missing ${where}`);
  }
  return (name) => (has(name) ? fs.readFileSync(path.join(dir!, name)) : undefined);
}
