// Our own shapes of what a swarm manager reports (services, tasks, nodes, secrets, configs) and of the engine's
// part in a swarm. No dockerode type leaves engine/; swarmMapping.ts makes these from the Engine API's answers.

/** The engine's part in a swarm, from `GET /info` (Swarm.LocalNodeState and Swarm.ControlAvailable). */
export interface SwarmState {
  /** inactive (not in a swarm), pending, active, error, locked. */
  localNodeState: 'inactive' | 'pending' | 'active' | 'error' | 'locked' | 'unknown';
  /** True when this engine is a manager: only managers list services, nodes, secrets and configs. */
  manager: boolean;
  /** This engine's node id in the swarm ("" when not in one). */
  nodeId: string;
  /** The address the node advertises ("" when not in one). */
  nodeAddr: string;
  /** The engine's error about the swarm, e.g. why joining failed ("" when none). */
  error: string;
}

export type ServiceMode = 'replicated' | 'global' | 'replicated-job' | 'global-job';

export interface ServicePort {
  /** Port inside the tasks. */
  target: number;
  /** Port published on the nodes, when published. */
  published?: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** ingress (the routing mesh, on every node) or host (only where a task runs). */
  publishMode: 'ingress' | 'host';
}

export interface ServiceSummary {
  id: string;
  name: string;
  mode: ServiceMode;
  /** Replicas asked for (replicated modes). */
  replicas?: number;
  /** The image as the spec names it, without the digest the CLI may have pinned ("busybox:1.36"). */
  image: string;
  ports: ServicePort[];
  labels: Record<string, string>;
  /** From the com.docker.stack.namespace label. */
  stack?: string;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
  /** State of the last rolling update, when there was one: updating, paused, completed, rollback_started ... */
  updateState?: string;
  /** Whether the engine keeps a previous spec to roll back to. */
  canRollBack: boolean;
}

export interface TaskSummary {
  id: string;
  serviceId: string;
  /** The replica number of a replicated service's task. */
  slot?: number;
  /** The node the task was given to ("" until it is scheduled). */
  nodeId: string;
  /** new, pending, assigned, accepted, preparing, starting, running, complete, shutdown, failed, rejected, remove, orphaned. */
  state: string;
  desiredState: string;
  /** The engine's status message, e.g. "started". */
  message: string;
  /** The error that stopped the task, e.g. "No such image: nope:latest" ("" when none). */
  error: string;
  /** When the task's state last changed (ms since the epoch). */
  timestamp: number;
  /** The container of the task, once it has one. */
  containerId?: string;
}

export interface SwarmNodeSummary {
  id: string;
  hostname: string;
  role: 'manager' | 'worker';
  /** active, pause or drain. */
  availability: 'active' | 'pause' | 'drain';
  /** ready, down, disconnected, unknown. */
  status: string;
  /** The node's address as it reports it. */
  addr: string;
  engineVersion: string;
  /** The manager that leads the raft. */
  leader: boolean;
  /** A manager's reachability: reachable, unreachable, unknown. */
  reachability?: string;
  labels: Record<string, string>;
}

/** A secret's or a config's metadata; a secret's value never leaves the engine (the API does not return it). */
export interface SwarmDataSummary {
  id: string;
  name: string;
  created: number;
  updated: number;
  labels: Record<string, string>;
  /** From the com.docker.stack.namespace label. */
  stack?: string;
}

/** What can be changed on a node (`docker node update`, promote, demote). */
export interface NodeChange {
  availability?: 'active' | 'pause' | 'drain';
  role?: 'manager' | 'worker';
}

export type SwarmObjectKind = 'service' | 'task' | 'node' | 'secret' | 'config';
