// Engine calls of swarm mode: the manager's lists, service and node updates, secrets and configs, init and leave.
// It takes the Docker object and the `call` helper (timeout, abort, plain-words errors) from DockerodeEngine.ts;
// answers are mapped by swarmMapping.ts. Every id goes into a request path: each is checked first (swarm ids are
// 25 lower-case letters and digits; names are accepted where the API takes them, encoded).
import type Docker from 'dockerode';
import type { Disposable } from './DockerEngine';
import type { EngineCall } from './dockerodeResources';
import { followStream, type StreamContext, type ResponseStream } from './dockerodeStreams';
import type { SwarmEngine } from './SwarmEngine';
import {
  toNodeSummary,
  toServiceSummary,
  toSwarmData,
  toSwarmState,
  toTaskSummary,
  withoutSecretValue,
  type RawNode,
  type RawService,
  type RawSwarmData,
  type RawSwarmInfo,
  type RawTask,
} from './swarmMapping';
import type { NodeChange, ServiceSummary, SwarmDataSummary, SwarmNodeSummary, SwarmObjectKind, SwarmState, TaskSummary } from './swarmTypes';

/** Init waits for the raft to start and leave for the tasks to stop. */
const SLOW_MS = 60_000;

interface DialOptions {
  path: string;
  method: 'GET' | 'POST' | 'DELETE';
  abortSignal: AbortSignal;
  statusCodes: Record<number, boolean | string>;
  options?: { _query?: Record<string, unknown>; _body?: unknown };
  isStream?: boolean;
  allowEmpty?: boolean;
}

interface Modem {
  dial(options: DialOptions, callback: (error: unknown, data: unknown) => void): void;
  demuxStream(stream: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void;
}

interface Versioned<Spec> {
  Version?: { Index?: number };
  Spec?: Spec;
}

type ServiceSpec = Record<string, unknown> & {
  Mode?: { Replicated?: { Replicas?: number } };
  TaskTemplate?: Record<string, unknown> & { ContainerSpec?: Record<string, unknown>; ForceUpdate?: number };
};

/** A path segment for an id or name the API takes: encoded, so it can never change the path. */
const seg = (value: string) => encodeURIComponent(value);

export class DockerodeSwarm implements SwarmEngine {
  private readonly modem: Modem;

  constructor(
    docker: Docker,
    private readonly call: EngineCall,
    private readonly streams: StreamContext,
  ) {
    this.modem = docker.modem as unknown as Modem;
  }

  async state(): Promise<SwarmState> {
    return toSwarmState(await this.request<RawSwarmInfo>('GET', '/info'));
  }

  async init(advertiseAddr: string): Promise<void> {
    // The swarm listens where it advertises when that is loopback: a one-machine swarm opens no outside port.
    const listen = advertiseAddr === '127.0.0.1' ? '127.0.0.1:2377' : '0.0.0.0:2377';
    await this.request('POST', '/swarm/init', { body: { ListenAddr: listen, ...(advertiseAddr ? { AdvertiseAddr: advertiseAddr } : {}) }, timeoutMs: SLOW_MS });
  }

  async leave(force: boolean): Promise<void> {
    await this.request('POST', '/swarm/leave?', { query: { force }, timeoutMs: SLOW_MS });
  }

  async listServices(): Promise<ServiceSummary[]> {
    return (await this.request<RawService[]>('GET', '/services')).map(toServiceSummary);
  }

  async listTasks(): Promise<TaskSummary[]> {
    return (await this.request<RawTask[]>('GET', '/tasks')).map(toTaskSummary);
  }

  async listNodes(): Promise<SwarmNodeSummary[]> {
    return (await this.request<RawNode[]>('GET', '/nodes')).map(toNodeSummary);
  }

  async listSecrets(): Promise<SwarmDataSummary[]> {
    return (await this.request<RawSwarmData[]>('GET', '/secrets')).map(toSwarmData);
  }

  async listConfigs(): Promise<SwarmDataSummary[]> {
    return (await this.request<RawSwarmData[]>('GET', '/configs')).map(toSwarmData);
  }

  scaleService(id: string, replicas: number): Promise<void> {
    return this.updateService(id, (spec) => {
      if (!spec.Mode?.Replicated) throw new Error('only a replicated service can be scaled');
      spec.Mode.Replicated.Replicas = replicas;
    });
  }

  updateServiceImage(id: string, image: string): Promise<void> {
    return this.updateService(id, (spec) => {
      spec.TaskTemplate = { ...spec.TaskTemplate, ContainerSpec: { ...spec.TaskTemplate?.ContainerSpec, Image: image } };
    });
  }

  restartService(id: string): Promise<void> {
    return this.updateService(id, (spec) => {
      spec.TaskTemplate = { ...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate?.ForceUpdate ?? 0) + 1 };
    });
  }

  rollbackService(id: string): Promise<void> {
    return this.updateService(id, () => undefined, { rollback: 'previous' });
  }

  async removeService(id: string): Promise<void> {
    await this.request('DELETE', `/services/${seg(id)}`);
  }

  async followServiceLogs(
    id: string,
    options: { timestamps: boolean; tail: number },
    onText: (text: string) => void,
    onEnd: (error?: Error) => void,
  ): Promise<Disposable> {
    const service = await this.request<{ Spec?: { TaskTemplate?: { ContainerSpec?: { TTY?: boolean } } } }>('GET', `/services/${seg(id)}`);
    const query = { follow: true, stdout: true, stderr: true, timestamps: options.timestamps, tail: options.tail };
    const stream = await this.request<ResponseStream>('GET', `/services/${seg(id)}/logs?`, { query, stream: true });
    const sink = { write: (chunk: Buffer) => onText(chunk.toString('utf8')) } as unknown as NodeJS.WritableStream;
    // Without a TTY (the default) the logs come in stdout/stderr frames; with one, as plain text.
    if (service.Spec?.TaskTemplate?.ContainerSpec?.TTY) stream.on('data', (chunk: Buffer) => onText(chunk.toString('utf8')));
    else this.modem.demuxStream(stream, sink, sink);
    return followStream(this.streams, stream, onEnd).subscription;
  }

  async updateNode(id: string, change: NodeChange): Promise<void> {
    const node = await this.request<Versioned<Record<string, unknown>>>('GET', `/nodes/${seg(id)}`);
    const spec = { ...node.Spec, ...(change.availability ? { Availability: change.availability } : {}), ...(change.role ? { Role: change.role } : {}) };
    await this.request('POST', `/nodes/${seg(id)}/update?`, { query: { version: node.Version?.Index ?? 0 }, body: spec });
  }

  async removeNode(id: string, force: boolean): Promise<void> {
    await this.request('DELETE', `/nodes/${seg(id)}?`, { query: { force } });
  }

  async createSecret(name: string, data: Buffer): Promise<string> {
    const answer = await this.request<{ ID?: string }>('POST', '/secrets/create', { body: { Name: name, Data: data.toString('base64') }, created: true });
    return String(answer?.ID ?? '');
  }

  async removeSecret(id: string): Promise<void> {
    await this.request('DELETE', `/secrets/${seg(id)}`);
  }

  async createConfig(name: string, data: Buffer): Promise<string> {
    const answer = await this.request<{ ID?: string }>('POST', '/configs/create', { body: { Name: name, Data: data.toString('base64') }, created: true });
    return String(answer?.ID ?? '');
  }

  async removeConfig(id: string): Promise<void> {
    await this.request('DELETE', `/configs/${seg(id)}`);
  }

  async inspect(kind: SwarmObjectKind, id: string): Promise<string> {
    const raw = await this.request<unknown>('GET', `/${kind}s/${seg(id)}`);
    return JSON.stringify(kind === 'secret' ? withoutSecretValue(raw) : raw, null, 2);
  }

  /** Reads the service's spec and version, lets `change` edit the spec, and sends it back with that version. */
  private async updateService(id: string, change: (spec: ServiceSpec) => void, query: Record<string, unknown> = {}): Promise<void> {
    const service = await this.request<Versioned<ServiceSpec>>('GET', `/services/${seg(id)}`);
    const spec: ServiceSpec = structuredClone(service.Spec ?? {});
    change(spec);
    await this.request('POST', `/services/${seg(id)}/update?`, { query: { version: service.Version?.Index ?? 0, ...query }, body: spec });
  }

  private request<T>(
    method: DialOptions['method'],
    path: string,
    extra: { query?: Record<string, unknown>; body?: unknown; timeoutMs?: number; stream?: boolean; created?: boolean } = {},
  ): Promise<T> {
    const ok: Record<number, boolean> = extra.created ? { 200: true, 201: true, 204: true } : { 200: true, 204: true };
    // docker-modem sends the options object itself as a POST's body when there is no _body.
    if (method === 'POST' && extra.body === undefined) extra = { ...extra, body: {} };
    return this.call(
      (abortSignal) =>
        new Promise<T>((resolve, reject) =>
          this.modem.dial(
            {
              path,
              method,
              abortSignal,
              statusCodes: ok,
              ...(extra.stream ? { isStream: true } : {}),
              ...(extra.body !== undefined || extra.query ? { options: { ...(extra.query ? { _query: extra.query } : {}), ...(extra.body !== undefined ? { _body: extra.body } : {}) } } : {}),
              ...(method === 'POST' ? { allowEmpty: true } : {}),
            },
            (error, data) => (error ? reject(error) : resolve(data as T)),
          ),
        ),
      extra.stream ? { timeoutMs: 10_000 } : extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {},
    );
  }
}
