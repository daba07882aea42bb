// Engine calls about images, volumes, networks, running a container, and prunes. It takes the Docker object
// and the `call` helper (timeout, cancel, plain-words errors) from DockerodeEngine.ts, the one file that loads
// dockerode; the answers are mapped to our own types by dockerodeResourceMapping.ts.
import type Docker from 'dockerode';
import {
  toImageLayer,
  toImageRunDefaults,
  toNetworkSummaries,
  toPruneResult,
  toVolumeSummaries,
  type RawHistoryItem,
  type RawImageConfig,
  type RawNetwork,
  type RawPrune,
  type RawVolume,
} from './dockerodeResourceMapping';
import { isAnonymousVolume } from './types';
import { versionAtLeast } from '../util/version';
import { EngineError, type ImageLayer, type ImageRunDefaults, type NetworkSummary, type ObjectKind, type PruneResult, type VolumeSummary } from './types';

export interface CallOptions {
  /** Default 10 s; Infinity for none. */
  timeoutMs?: number;
  /** Cancels the call: it rejects with an EngineError whose reason is `cancelled`. */
  signal?: AbortSignal;
  cancelled?: string;
}

/** Runs one engine request with a timeout and an abort signal; failures become EngineError. */
export type EngineCall = <T>(request: (abortSignal: AbortSignal) => Promise<T>, options?: CallOptions) => Promise<T>;

/** Prunes can take minutes on a big engine; the user can cancel them. */
const PRUNE_TIMEOUT_MS = 5 * 60_000;
const PRUNE_CANCELLED = 'the prune was cancelled';

type Options = Record<string, unknown> & { abortSignal: AbortSignal };

/**
 * The part of dockerode used here, as it behaves: its type definitions declare several of these calls with a
 * callback only or without the abortSignal option, which all of them pass on to the request.
 */
interface Api {
  listVolumes(options: Options): Promise<{ Volumes?: RawVolume[] | null }>;
  listNetworks(options: Options): Promise<RawNetwork[]>;
  createVolume(options: Options): Promise<unknown>;
  createNetwork(options: Options): Promise<unknown>;
  createContainer(options: Options): Promise<{ id: string; start(options: Options): Promise<unknown>; inspect(options: Options): Promise<{ Name?: string }> }>;
  getImage(name: string): { remove(options: Options): Promise<unknown>; tag(options: Options): Promise<unknown> };
  getVolume(name: string): { remove(options: Options): Promise<unknown> };
  getNetwork(id: string): { remove(options: Options): Promise<unknown> };
  pruneContainers(options: Options): Promise<RawPrune>;
  pruneImages(options: Options): Promise<RawPrune>;
  pruneVolumes(options: Options): Promise<RawPrune>;
  pruneNetworks(options: Options): Promise<RawPrune>;
  pruneBuilder(options: Options): Promise<RawPrune>;
  version(options: Options): Promise<{ ApiVersion?: string }>;
  df(options: Options): Promise<{ Volumes?: { Name: string; UsageData?: { Size?: number } | null }[] | null }>;
  modem: { dial(options: object, callback: (error: unknown, data: unknown) => void): void };
}

export class DockerodeResources {
  private readonly api: Api;

  constructor(
    docker: Docker,
    private readonly call: EngineCall,
  ) {
    this.api = docker as unknown as Api;
  }

  async listVolumes(): Promise<VolumeSummary[]> {
    return toVolumeSummaries(await this.call((abortSignal) => this.api.listVolumes({ abortSignal })));
  }

  async listNetworks(): Promise<NetworkSummary[]> {
    return toNetworkSummaries(await this.call((abortSignal) => this.api.listNetworks({ abortSignal })));
  }

  async inspect(kind: ObjectKind, id: string): Promise<string> {
    const paths: Record<ObjectKind, string> = {
      container: `/containers/${id}/json`,
      image: `/images/${id}/json`,
      volume: `/volumes/${id}`,
      network: `/networks/${id}`,
    };
    return JSON.stringify(await this.get(paths[kind]), null, 2);
  }

  async removeImage(reference: string, force: boolean): Promise<void> {
    await this.call((abortSignal) => this.api.getImage(reference).remove({ force, abortSignal }));
  }

  async tagImage(reference: string, repository: string, tag: string): Promise<void> {
    await this.call((abortSignal) => this.api.getImage(reference).tag({ repo: repository, tag, abortSignal }));
  }

  async imageHistory(reference: string): Promise<ImageLayer[]> {
    return (await this.get<RawHistoryItem[]>(`/images/${reference}/history`)).map(toImageLayer);
  }

  async imageRunDefaults(reference: string): Promise<ImageRunDefaults> {
    return toImageRunDefaults(await this.get<RawImageConfig>(`/images/${reference}/json`));
  }

  async runContainer(image: string, options: { name?: string } = {}): Promise<{ id: string; name: string }> {
    const config = await this.get<RawImageConfig>(`/images/${image}/json`);
    // Every port the image exposes, published on loopback only, at a port the engine picks.
    const bindings = Object.keys(config.Config?.ExposedPorts ?? {}).map((port) => [port, [{ HostIp: '127.0.0.1', HostPort: '' }]]);
    const create: Record<string, unknown> = { Image: image, HostConfig: { PortBindings: Object.fromEntries(bindings) } };
    if (options.name) create.name = options.name;
    const container = await this.call((abortSignal) => this.api.createContainer({ ...create, abortSignal }));
    await this.call((abortSignal) => container.start({ abortSignal }));
    const info = await this.call((abortSignal) => container.inspect({ abortSignal }));
    return { id: container.id, name: (info.Name ?? '').replace(/^\//, '') };
  }

  async createVolume(name: string): Promise<void> {
    await this.call((abortSignal) => this.api.createVolume({ Name: name, abortSignal }));
  }

  async removeVolume(name: string): Promise<void> {
    await this.call((abortSignal) => this.api.getVolume(name).remove({ abortSignal }));
  }

  async createNetwork(name: string, driver: string): Promise<void> {
    await this.call((abortSignal) => this.api.createNetwork({ Name: name, Driver: driver, CheckDuplicate: true, abortSignal }));
  }

  async removeNetwork(idOrName: string): Promise<void> {
    await this.call((abortSignal) => this.api.getNetwork(idOrName).remove({ abortSignal }));
  }

  pruneContainers(signal?: AbortSignal): Promise<PruneResult> {
    return this.prune((abortSignal) => this.api.pruneContainers({ abortSignal }), signal);
  }

  pruneImages(signal?: AbortSignal): Promise<PruneResult> {
    return this.prune((abortSignal) => this.api.pruneImages({ filters: { dangling: ['true'] }, abortSignal }), signal);
  }

  async pruneVolumes(all: boolean, signal?: AbortSignal): Promise<PruneResult> {
    const version = (await this.call((abortSignal) => this.api.version({ abortSignal }), { signal, cancelled: PRUNE_CANCELLED })).ApiVersion;
    // From API 1.42 the engine prunes anonymous volumes only, unless the filter all=true asks for named ones too.
    if (versionAtLeast(version, 1, 42)) {
      return this.prune((abortSignal) => this.api.pruneVolumes({ ...(all ? { filters: { all: ['true'] } } : {}), abortSignal }), signal);
    }
    // Older engines prune every unused volume, named ones too: that is right for `all` only.
    if (all) return this.prune((abortSignal) => this.api.pruneVolumes({ abortSignal }), signal);
    return this.pruneAnonymousVolumes(signal);
  }

  pruneNetworks(signal?: AbortSignal): Promise<PruneResult> {
    return this.prune((abortSignal) => this.api.pruneNetworks({ abortSignal }), signal);
  }

  pruneBuildCache(signal?: AbortSignal): Promise<PruneResult> {
    return this.prune((abortSignal) => this.api.pruneBuilder({ abortSignal }), signal);
  }

  private async prune(request: (abortSignal: AbortSignal) => Promise<RawPrune>, signal: AbortSignal | undefined): Promise<PruneResult> {
    return toPruneResult(await this.call(request, { timeoutMs: PRUNE_TIMEOUT_MS, signal, cancelled: PRUNE_CANCELLED }));
  }

  /**
   * What the engines of API 1.42 and later do without all=true, for older ones: removes the unused volumes
   * whose name the engine made up, one by one, and adds up their sizes as the engine's disk usage reports them.
   * A volume that a container took meanwhile (or that is already gone) is skipped, as the engine's prune does.
   */
  private async pruneAnonymousVolumes(signal: AbortSignal | undefined): Promise<PruneResult> {
    const options: CallOptions = { timeoutMs: PRUNE_TIMEOUT_MS, signal, cancelled: PRUNE_CANCELLED };
    const unused = await this.call((abortSignal) => this.api.listVolumes({ filters: { dangling: ['true'] }, abortSignal }), options);
    const anonymous = (unused.Volumes ?? []).map((volume) => volume.Name).filter(isAnonymousVolume);
    if (anonymous.length === 0) return { removed: [], spaceReclaimed: 0 };
    const usage = await this.call((abortSignal) => this.api.df({ abortSignal }), options);
    const sizes = new Map((usage.Volumes ?? []).map((volume) => [volume.Name, Math.max(0, volume.UsageData?.Size ?? 0)]));
    const result: PruneResult = { removed: [], spaceReclaimed: 0 };
    for (const name of anonymous) {
      try {
        await this.call((abortSignal) => this.api.getVolume(name).remove({ abortSignal }), options);
      } catch (error) {
        if (error instanceof EngineError && error.failure === 'engine-error') continue;
        throw error;
      }
      result.removed.push(name);
      result.spaceReclaimed += sizes.get(name) ?? 0;
    }
    return result;
  }

  /** A GET of the Engine API that dockerode does not let us abort (image inspect and history, network inspect). */
  private get<T>(path: string): Promise<T> {
    return this.call(
      (abortSignal) =>
        new Promise<T>((resolve, reject) =>
          this.api.modem.dial({ path, method: 'GET', abortSignal, statusCodes: { 200: true } }, (error, data) =>
            error ? reject(error) : resolve(data as T),
          ),
        ),
    );
  }
}
