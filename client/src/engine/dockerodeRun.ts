// Engine calls of Run with Options and of connecting containers to networks. Like dockerodeResources.ts it takes the
// Docker object and the `call` helper (timeout, plain-words errors) from DockerodeEngine.ts; every value is checked
// and mapped to the request's body by containerOptions.ts before anything is sent.
import type Docker from 'dockerode';
import { toConnectBody, toCreateBody, isNetworkName, type NetworkConnectOptions, type RunOptions } from './containerOptions';
import type { EngineCall } from './dockerodeResources';
import { isContainerId, isContainerName, shown } from './validate';

type Options = Record<string, unknown> & { abortSignal: AbortSignal };

interface CreatedContainer {
  id: string;
  start(options: Options): Promise<unknown>;
  inspect(options: Options): Promise<{ Name?: string }>;
  remove(options: Options): Promise<unknown>;
}

/** The part of dockerode used here, as it behaves (its typings leave out abortSignal and the _query/_body options). */
interface Api {
  createContainer(options: Options): Promise<CreatedContainer>;
  getContainer(id: string): CreatedContainer;
  getNetwork(id: string): { connect(options: Options): Promise<unknown>; disconnect(options: Options): Promise<unknown> };
}

const NETWORK_ID = /^[0-9a-f]{64}$/;

export class DockerodeRun {
  private readonly api: Api;

  constructor(
    docker: Docker,
    private readonly call: EngineCall,
  ) {
    this.api = docker as unknown as Api;
  }

  /**
   * `docker run --detach` with the options. When the engine made the container but cannot start it (a host port is
   * taken, a bind mount's path is missing, the network is gone), the container is removed again: `docker run` would
   * leave it behind, created and never started, which nobody asked for.
   */
  async runWithOptions(options: RunOptions): Promise<{ id: string; name: string }> {
    const body = toCreateBody(options);
    const query = options.name !== undefined ? { name: options.name } : {};
    const container = await this.call((abortSignal) => this.api.createContainer({ _query: query, _body: body, abortSignal }));
    try {
      await this.call((abortSignal) => container.start({ abortSignal }));
    } catch (error) {
      await this.call((abortSignal) => this.api.getContainer(container.id).remove({ force: true, abortSignal })).catch(() => undefined);
      throw error;
    }
    // A container removed when it stops may be gone already (its command ended at once): then the name asked for.
    const info = await this.call((abortSignal) => container.inspect({ abortSignal })).catch(() => undefined);
    return { id: container.id, name: (info?.Name ?? '').replace(/^\//, '') || (options.name ?? container.id.slice(0, 12)) };
  }

  /** `docker network connect [--alias ...] [--ip ...] -- <network> <container>`. */
  async connectNetwork(network: string, container: string, options: NetworkConnectOptions): Promise<void> {
    checkReferences(network, container);
    const body = toConnectBody(container, options);
    await this.call((abortSignal) => this.api.getNetwork(network).connect({ _body: body, abortSignal }));
  }

  /** `docker network disconnect -- <network> <container>`. */
  async disconnectNetwork(network: string, container: string): Promise<void> {
    checkReferences(network, container);
    await this.call((abortSignal) => this.api.getNetwork(network).disconnect({ _body: { Container: container, Force: false }, abortSignal }));
  }
}

function checkReferences(network: string, container: string): void {
  if (!(NETWORK_ID.test(network) || isNetworkName(network))) throw new Error(`${shown(network)} is not a network name or id.`);
  if (!(isContainerId(container) || isContainerName(container))) throw new Error(`${shown(container)} is not a container name or id.`);
}
