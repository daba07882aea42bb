// What the UI needs from a swarm manager, next to DockerEngine (engine.swarm). Errors are EngineError in plain words.
import type { Disposable } from './DockerEngine';
import type { NodeChange, ServiceSummary, SwarmDataSummary, SwarmNodeSummary, SwarmObjectKind, SwarmState, TaskSummary } from './swarmTypes';

export interface SwarmEngine {
  /** The engine's part in a swarm (`GET /info`): whether it is in one, and whether it is a manager. */
  state(): Promise<SwarmState>;
  /** Makes this engine the first manager of a new swarm. `advertiseAddr` "" lets the engine choose. */
  init(advertiseAddr: string): Promise<void>;
  /** Leaves the swarm (force: also a manager, which loses the swarm's state when it is the last one). */
  leave(force: boolean): Promise<void>;
  listServices(): Promise<ServiceSummary[]>;
  listTasks(): Promise<TaskSummary[]>;
  listNodes(): Promise<SwarmNodeSummary[]>;
  listSecrets(): Promise<SwarmDataSummary[]>;
  listConfigs(): Promise<SwarmDataSummary[]>;
  /** Sets a replicated service's number of replicas. */
  scaleService(id: string, replicas: number): Promise<void>;
  /** Rolls the service's tasks over to another image (the engine does not resolve it on a registry). */
  updateServiceImage(id: string, image: string): Promise<void>;
  /** Replaces every task, one after another by the service's update policy (`docker service update --force`). */
  restartService(id: string): Promise<void>;
  /** Goes back to the service's previous spec (`docker service rollback`). */
  rollbackService(id: string): Promise<void>;
  removeService(id: string): Promise<void>;
  /** Follows the output of all of a service's tasks (the last `tail` lines first), like followLogs for a container. */
  followServiceLogs(id: string, options: { timestamps: boolean; tail: number }, onText: (text: string) => void, onEnd: (error?: Error) => void): Promise<Disposable>;
  /** Changes a node's availability or role. */
  updateNode(id: string, change: NodeChange): Promise<void>;
  /** Removes a node from the swarm (force: also one that is still up). */
  removeNode(id: string, force: boolean): Promise<void>;
  /** Creates a secret; its value goes to the engine and is never read back. Resolves with its id. */
  createSecret(name: string, data: Buffer): Promise<string>;
  removeSecret(id: string): Promise<void>;
  /** Creates a config; resolves with its id. */
  createConfig(name: string, data: Buffer): Promise<string>;
  removeConfig(id: string): Promise<void>;
  /** The engine's description of a swarm object as indented JSON; a secret's without any value. */
  inspect(kind: SwarmObjectKind, id: string): Promise<string>;
}
