// The engine's lists (containers, images, volumes, networks), each read at most once per burst of events and
// shared by every consumer: the views, the status bar and the language server's image list all read the same
// answer. Nothing is polled: a list is read again only after an event that can change it, or a reconnection.
// Free of the vscode API so that the benchmark and the engine suite drive it in plain Node.
import type { DockerEngine } from './DockerEngine';
import { isContainerChange } from '../tree/RefreshController';
import { EngineError, type ContainerSummary, type EngineEvent, type ImageSummary, type NetworkSummary, type VolumeSummary } from './types';

export type ListKind = 'containers' | 'images' | 'volumes' | 'networks';
export const LIST_KINDS: readonly ListKind[] = ['containers', 'images', 'volumes', 'networks'];

interface Entry<T> {
  engine: DockerEngine;
  list: Promise<T[] | undefined>;
}

export interface EngineListsOptions {
  /** The engine to list, while it is up; undefined while it is down or connecting. */
  engine(): DockerEngine | undefined;
  /** A list failed with an engine error: the session treats the engine as gone. */
  onFailure(error: EngineError): void;
  /** Called once per burst with the kinds that changed; their next read asks the engine. */
  onChange(kinds: ReadonlySet<ListKind>): void;
  /** How long a burst of events is gathered before the lists are marked stale (ms). */
  debounceMs?: number;
}

/** Image events after which `docker images` may differ (not pull progress: a pull ends with "pull"). */
const IMAGE_ACTIONS = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'build', 'prune']);
/** Volume events (mount and unmount come with every container start and stop and change nothing listed). */
const VOLUME_ACTIONS = new Set(['create', 'destroy', 'prune']);

/** Which lists an event may have changed. */
export function kindsChangedBy(event: EngineEvent): ListKind[] {
  switch (event.type) {
    case 'container':
      // `docker commit` makes an image (an untagged one sends no image event).
      if (event.action === 'commit') return ['images'];
      return isContainerChange(event) ? ['containers'] : [];
    case 'image':
      return IMAGE_ACTIONS.has(event.action) ? ['images'] : [];
    case 'volume':
      return VOLUME_ACTIONS.has(event.action) ? ['volumes'] : [];
    case 'network':
      // connect and disconnect change a container's networks (and its address) too.
      if (event.action === 'connect' || event.action === 'disconnect') return ['networks', 'containers'];
      return event.action === 'create' || event.action === 'destroy' || event.action === 'prune' ? ['networks'] : [];
    case 'builder':
      // A build that finished may have left a new image (BuildKit reports the image through "builder" prune too).
      return event.action === 'prune' ? ['images'] : [];
    default:
      return [];
  }
}

export class EngineLists {
  private readonly entries = new Map<ListKind, Entry<unknown>>();
  private readonly pending = new Set<ListKind>();
  private timer: NodeJS.Timeout | undefined;
  /** Engine calls made for lists since creation, by kind (the benchmark counts them). */
  readonly calls: Record<ListKind, number> = { containers: 0, images: 0, volumes: 0, networks: 0 };

  constructor(private readonly options: EngineListsOptions) {}

  containers(): Promise<ContainerSummary[] | undefined> {
    return this.read('containers', (engine) => engine.listContainers());
  }

  images(): Promise<ImageSummary[] | undefined> {
    return this.read('images', (engine) => engine.listImages());
  }

  volumes(): Promise<VolumeSummary[] | undefined> {
    return this.read('volumes', (engine) => engine.listVolumes());
  }

  networks(): Promise<NetworkSummary[] | undefined> {
    return this.read('networks', (engine) => engine.listNetworks());
  }

  /** An event of the engine's stream: the lists it changes are read again after the burst. */
  handleEvent(event: EngineEvent): void {
    const kinds = kindsChangedBy(event);
    if (kinds.length === 0) return;
    for (const kind of kinds) this.pending.add(kind);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 100);
  }

  /** After a (re)connection, or a refresh asked by the user: everything may have changed. */
  invalidateAll(): void {
    for (const kind of LIST_KINDS) this.pending.add(kind);
    this.flush();
  }

  /** Marks one list stale at once (a Refresh button). */
  invalidate(kind: ListKind): void {
    this.pending.add(kind);
    this.flush();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.entries.clear();
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const kinds = new Set(this.pending);
    this.pending.clear();
    for (const kind of kinds) this.entries.delete(kind);
    if (kinds.size > 0) this.options.onChange(kinds);
  }

  private read<T>(kind: ListKind, list: (engine: DockerEngine) => Promise<T[]>): Promise<T[] | undefined> {
    const engine = this.options.engine();
    if (!engine) return Promise.resolve(undefined);
    const cached = this.entries.get(kind) as Entry<T> | undefined;
    if (cached?.engine === engine) return cached.list;
    this.calls[kind]++;
    const entry: Entry<T> = {
      engine,
      list: list(engine).catch((error: unknown) => {
        // A failed list is not kept: the next read asks the engine again.
        if (this.entries.get(kind) === entry) this.entries.delete(kind);
        if (error instanceof EngineError) this.options.onFailure(error);
        return undefined;
      }),
    };
    this.entries.set(kind, entry as Entry<unknown>);
    return entry.list;
  }
}
