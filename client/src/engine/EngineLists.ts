// The engine's lists (containers, images, volumes, networks, and a swarm manager's services, tasks, nodes, secrets
// and configs), each read at most once per burst of events and
// shared by every consumer: the views, the status bar and the language server's image list all read the same
// answer. Nothing is polled: a list is read again only after an event that can change it, or a reconnection.
// Free of the vscode API so that the benchmark and the engine suite drive it in plain Node.
import type { DockerEngine } from './DockerEngine';
import { isContainerChange } from './RefreshController';
import { EngineError, type ContainerSummary, type EngineEvent, type ImageSummary, type NetworkSummary, type VolumeSummary } from './types';
import type { ServiceSummary, SwarmDataSummary, SwarmNodeSummary, SwarmState, TaskSummary } from './swarmTypes';

/** The swarm's kinds: "swarm" is the engine's part in a swarm (GET /info); the others are a manager's lists. */
export type SwarmListKind = 'swarm' | 'services' | 'tasks' | 'nodes' | 'secrets' | 'configs';
export type ListKind = 'containers' | 'images' | 'volumes' | 'networks' | SwarmListKind;
export const SWARM_KINDS: readonly SwarmListKind[] = ['swarm', 'services', 'tasks', 'nodes', 'secrets', 'configs'];
export const LIST_KINDS: readonly ListKind[] = ['containers', 'images', 'volumes', 'networks', ...SWARM_KINDS];

interface Entry<T> {
  engine: DockerEngine;
  list: Promise<T | undefined>;
}

export interface EngineListsOptions {
  /** The engine to list, while it is up; undefined while it is down or connecting. */
  engine(): DockerEngine | undefined;
  /** A list failed with an engine error: the session treats the engine as gone. */
  onFailure(error: EngineError): void;
  /** Called once per burst with the kinds that changed; their next read asks the engine. */
  onChange(kinds: ReadonlySet<ListKind>): void;
  /** How long the engine must be quiet after an event before the lists are marked stale (ms, default 100). */
  debounceMs?: number;
  /** The longest a busy engine's events wait before the lists are marked stale anyway (ms, default 500). */
  maxWaitMs?: number;
}

/** Image events after which `docker images` may differ (not pull progress: a pull ends with "pull"). */
const IMAGE_ACTIONS = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'build', 'prune']);
/**
 * Volume events (mount and unmount come with every container start and stop and change nothing listed). Podman says
 * "remove" where Docker says "destroy".
 */
const VOLUME_ACTIONS = new Set(['create', 'destroy', 'remove', 'prune']);

/** Networks that swarm mode makes when the engine joins or starts a swarm. */
const SWARM_NETWORKS = new Set(['ingress', 'docker_gwbridge']);

/** Which lists an event may have changed. */
export function kindsChangedBy(event: EngineEvent): ListKind[] {
  switch (event.type) {
    case 'container':
      // `docker commit` makes an image (an untagged one sends no image event).
      if (event.action === 'commit') return ['images'];
      if (!isContainerChange(event)) return [];
      // A task's container changed: the task's state did too (the engine sends no task events).
      return event.attributes['com.docker.swarm.task.id'] ? ['containers', 'tasks'] : ['containers'];
    case 'service':
      // A service created, updated (scaled, new image, rolled back) or removed; its tasks follow.
      return ['services', 'tasks'];
    case 'node':
      // A node's role or availability: this engine may have been demoted, and a drained node's tasks move.
      return ['nodes', 'swarm', 'tasks'];
    case 'secret':
      return ['secrets'];
    case 'config':
      return ['configs'];
    case 'image':
      return IMAGE_ACTIONS.has(event.action) ? ['images'] : [];
    case 'volume':
      return VOLUME_ACTIONS.has(event.action) ? ['volumes'] : [];
    case 'network':
      // connect and disconnect change a container's networks (and its address) too.
      if (event.action === 'connect' || event.action === 'disconnect') return ['networks', 'containers'];
      if (event.action !== 'create' && event.action !== 'destroy' && event.action !== 'prune') return [];
      // The engine made or removed the ingress network: it started or left a swarm (it sends no swarm event).
      return SWARM_NETWORKS.has(event.attributes.name ?? '') ? ['networks', 'swarm'] : ['networks'];
    case 'builder':
      // A build that finished may have left a new image (BuildKit reports the image through "builder" prune too).
      return event.action === 'prune' ? ['images'] : [];
    default:
      return [];
  }
}

/** States a container that died can still be listed in for a moment. */
const STILL_UP = new Set(['running', 'paused', 'restarting']);
const DYING_RECHECKS = 5;
const DYING_RECHECK_MS = 150;
/** Task states on the way to running. */
const STARTING = new Set(['new', 'allocated', 'pending', 'assigned', 'accepted', 'ready', 'preparing', 'starting']);
const STARTING_RECHECKS = 5;
const STARTING_RECHECK_MS = 300;

export class EngineLists {
  private readonly entries = new Map<ListKind, Entry<unknown>>();
  private readonly pending = new Set<ListKind>();
  private timer: NodeJS.Timeout | undefined;
  /** Containers the engine said died, with how often the list was read again because it still showed them running. */
  private readonly dying = new Map<string, number>();
  /** How often the tasks were read again for tasks on their way to running, since the last change of them. */
  private startingRechecks = 0;
  /** Lists to be read again a little later (see readAgainLater), by kind. */
  private readonly later = new Map<ListKind, NodeJS.Timeout>();
  /** When the first event of the burst now being gathered came (ms since the epoch). */
  private burstStart: number | undefined;
  /** Engine calls made for lists since creation, by kind (the benchmark counts them). */
  readonly calls: Record<ListKind, number> = { containers: 0, images: 0, volumes: 0, networks: 0, swarm: 0, services: 0, tasks: 0, nodes: 0, secrets: 0, configs: 0 };

  constructor(private readonly options: EngineListsOptions) {}

  containers(): Promise<ContainerSummary[] | undefined> {
    return this.read('containers', async (engine) => {
      const list = await engine.listContainers();
      this.recheckDying(list);
      return list;
    });
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

  /** The engine's part in a swarm; read again after node events, swarm networks made or removed, and reconnections. */
  swarm(): Promise<SwarmState | undefined> {
    return this.read('swarm', (engine) => engine.swarm.state());
  }

  services(): Promise<ServiceSummary[] | undefined> {
    return this.managerRead('services', (engine) => engine.swarm.listServices());
  }

  tasks(): Promise<TaskSummary[] | undefined> {
    return this.managerRead('tasks', async (engine) => {
      const list = await engine.swarm.listTasks();
      this.recheckStarting(list);
      return list;
    });
  }

  nodes(): Promise<SwarmNodeSummary[] | undefined> {
    return this.managerRead('nodes', (engine) => engine.swarm.listNodes());
  }

  secrets(): Promise<SwarmDataSummary[] | undefined> {
    return this.managerRead('secrets', (engine) => engine.swarm.listSecrets());
  }

  configs(): Promise<SwarmDataSummary[] | undefined> {
    return this.managerRead('configs', (engine) => engine.swarm.listConfigs());
  }

  /** An event of the engine's stream: the lists it changes are read again after the burst. */
  handleEvent(event: EngineEvent): void {
    if (event.type === 'container') {
      if (event.action === 'die') this.dying.set(event.id, 0);
      else if (event.action === 'start' || event.action === 'destroy' || event.action === 'remove') this.dying.delete(event.id);
    }
    const kinds = kindsChangedBy(event);
    if (kinds.length === 0) return;
    if (kinds.includes('tasks')) this.startingRechecks = 0;
    for (const kind of kinds) this.pending.add(kind);
    // The lists are read once the burst has been quiet for debounceMs (at most maxWaitMs after its first event).
    // Quiet, not merely later: the engine sends some events (a container's "die") just before the state they
    // report is in its lists, so a read right after the last event could still show the old state.
    const now = Date.now();
    this.burstStart ??= now;
    const debounce = this.options.debounceMs ?? 100;
    const wait = Math.min(debounce, this.burstStart + (this.options.maxWaitMs ?? 500) - now);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
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

  /** Marks several lists stale at once, in one change. */
  invalidateKinds(kinds: readonly ListKind[]): void {
    for (const kind of kinds) this.pending.add(kind);
    this.flush();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const timer of this.later.values()) clearTimeout(timer);
    this.later.clear();
    this.timer = undefined;
    this.entries.clear();
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.burstStart = undefined;
    const kinds = new Set(this.pending);
    this.pending.clear();
    for (const kind of kinds) this.entries.delete(kind);
    if (kinds.size > 0) this.options.onChange(kinds);
  }

  /**
   * The engine sends a container's "die" event some 50 to 100 ms before its lists stop showing it running (it
   * cleans up first), and sends nothing after. So while a list still shows a container that died as running,
   * the list is read again a little later (a few times at most): driven by that event, not polling.
   */
  private recheckDying(list: readonly ContainerSummary[]): void {
    let again = false;
    for (const [id, tries] of this.dying) {
      const container = list.find((c) => c.id === id);
      if (!container || !STILL_UP.has(container.state) || tries >= DYING_RECHECKS) {
        this.dying.delete(id);
      } else {
        this.dying.set(id, tries + 1);
        again = true;
      }
    }
    if (!again) return;
    this.readAgainLater('containers', DYING_RECHECK_MS);
  }

  /**
   * The engine sends no task events: a task's container starting is one, but the manager records the task as running
   * a moment later, and sends nothing then. So while a list shows a task that should run still on its way, the tasks
   * are read again a little later (a few times at most after each change): driven by that change, not polling.
   */
  private recheckStarting(list: readonly TaskSummary[]): void {
    if (this.startingRechecks >= STARTING_RECHECKS || !list.some((task) => task.desiredState === 'running' && STARTING.has(task.state))) return;
    this.startingRechecks++;
    this.readAgainLater('tasks', STARTING_RECHECK_MS);
  }

  /** Marks a list stale in `ms` (once, however often asked meanwhile): for lists that lag the event of a change. */
  private readAgainLater(kind: ListKind, ms: number): void {
    clearTimeout(this.later.get(kind));
    this.later.set(kind, setTimeout(() => this.invalidate(kind), ms));
  }

  /**
   * A list only a manager has: empty (and no call) when the engine is not one. When the engine refuses (it left the
   * swarm or was demoted since its state was read) the list is empty and the state is read again: that is not a
   * failure of the connection.
   */
  private managerRead<T>(kind: SwarmListKind, list: (engine: DockerEngine) => Promise<T[]>): Promise<T[] | undefined> {
    return this.read(kind, async (engine) => {
      const state = await this.swarm();
      if (!state?.manager) return [];
      try {
        return await list(engine);
      } catch (error) {
        if (!(error instanceof EngineError) || error.failure !== 'engine-error') throw error;
        setTimeout(() => this.invalidate('swarm'), 0);
        return [];
      }
    });
  }

  private read<T>(kind: ListKind, list: (engine: DockerEngine) => Promise<T>): Promise<T | undefined> {
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
