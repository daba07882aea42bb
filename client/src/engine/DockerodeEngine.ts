// The only file that loads dockerode: connection, the calls with timeouts, and the streams (events, logs).
// Answers are mapped to our own types by dockerodeMapping.ts; failures are put in plain words by errors.ts.
import Docker from 'dockerode';
import * as fs from 'fs';
import * as path from 'path';
import type { ConnectionOptions, ResolvedConnection } from './connection';
import { describeError } from './errors';
import type { ContainerAction, Disposable, DockerEngine, EventHandlers } from './DockerEngine';
import { parseEvent, toContainerSummary, toImageSummary } from './dockerodeMapping';
import { EngineError, type ContainerSummary, type EngineEndpoint, type ImageSummary } from './types';

const REQUEST_TIMEOUT_MS = 10_000;

export class DockerodeEngine implements DockerEngine {
  readonly endpoint: EngineEndpoint;
  private readonly docker: Docker;
  private readonly open = new Set<Disposable>();

  constructor(connection: ResolvedConnection) {
    this.endpoint = connection.endpoint;
    this.docker = new Docker(dockerodeOptions(connection.options));
  }

  async ping(): Promise<void> {
    // dockerode's ping takes an abortSignal, which its type definitions do not declare yet.
    const docker = this.docker as unknown as { ping(options: { abortSignal: AbortSignal }): Promise<unknown> };
    await this.call((abortSignal) => docker.ping({ abortSignal }));
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
    await this.call(() => container[action]({}), action === 'stop' || action === 'restart' ? 60_000 : REQUEST_TIMEOUT_MS);
  }

  async inspectContainer(id: string): Promise<string> {
    const info = await this.call((abortSignal) => this.docker.getContainer(id).inspect({ abortSignal } as object));
    return JSON.stringify(info, null, 2);
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
    let ended = false;
    const subscription: Disposable = {
      dispose: () => {
        ended = true;
        this.open.delete(subscription);
        stream.removeAllListeners('end');
        stream.on('error', () => undefined);
        stream.destroy();
      },
    };
    const end = (error?: unknown) => {
      if (ended) return;
      subscription.dispose();
      onEnd(error === undefined ? undefined : this.toEngineError(error));
    };
    stream.on('end', () => end());
    stream.on('error', (error) => end(error));
    this.open.add(subscription);
    return subscription;
  }

  async removeContainer(id: string, force: boolean): Promise<void> {
    await this.call(() => this.docker.getContainer(id).remove({ force }) as Promise<unknown>);
  }

  async events(handlers: EventHandlers): Promise<Disposable> {
    const stream = (await this.call(() => this.docker.getEvents({}))) as NodeJS.ReadableStream & {
      destroy(): void;
    };
    let ended = false;
    let buffered = '';
    const subscription: Disposable = {
      dispose: () => {
        ended = true;
        this.open.delete(subscription);
        stream.removeAllListeners();
        stream.on('error', () => undefined);
        stream.destroy();
      },
    };
    const end = (error?: unknown) => {
      if (ended) return;
      subscription.dispose();
      handlers.onEnd(error === undefined ? undefined : this.toEngineError(error));
    };
    stream.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        const event = line ? parseEvent(line) : undefined;
        if (event && !ended) handlers.onEvent(event);
      }
    });
    stream.on('error', (error) => end(error));
    stream.on('end', () => end());
    stream.on('close', () => end());
    this.open.add(subscription);
    return subscription;
  }

  dispose(): void {
    for (const subscription of [...this.open]) subscription.dispose();
  }

  private async call<T>(request: (abortSignal: AbortSignal) => Promise<T>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new EngineError(this.endpoint.url, `no answer within ${timeoutMs / 1000} s`, 'timeout'));
      }, timeoutMs);
    });
    try {
      return await Promise.race([request(abort.signal), timeout]);
    } catch (error) {
      throw this.toEngineError(error);
    } finally {
      clearTimeout(timer);
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
      return { protocol: 'ssh', host: options.host, port: options.port, username: options.username };
    case 'tcp': {
      const read = (name: string) =>
        options.certPath && fs.existsSync(path.join(options.certPath, name))
          ? fs.readFileSync(path.join(options.certPath, name))
          : undefined;
      if (!options.tls) return { protocol: 'http', host: options.host, port: options.port };
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
