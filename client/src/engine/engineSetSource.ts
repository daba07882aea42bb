// Where the engines shown side by side come from (docker-workflows.engines): docker context names, resolved the way
// the docker CLI resolves `--context <name>` (the default context keeps DOCKER_HOST; any other ignores it).
import { resolveConnection } from './connection';
import { listContexts, type ContextInputs } from './contexts';
import { DockerodeEngine } from './DockerodeEngine';
import type { EngineSetSource } from './EngineSet';

export interface EngineSetInputs extends ContextInputs {
  /** The context names the setting holds, as the trust rules let them count. */
  names(): string[];
  /** The main session's address. */
  mainAddress(): string | undefined;
}

/** The environment a context's engine is resolved with. */
export function contextEnv(env: Record<string, string | undefined>, name: string): Record<string, string | undefined> {
  if (name === 'default') return { ...env, DOCKER_CONTEXT: 'default' };
  return { ...env, DOCKER_HOST: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, DOCKER_CONTEXT: name };
}

export function engineSetSource(inputs: EngineSetInputs): EngineSetSource {
  return {
    names: inputs.names,
    mainAddress: inputs.mainAddress,
    engineFor(name) {
      const known = listContexts(inputs).contexts.map((context) => context.name);
      if (!known.includes(name)) return { problem: `there is no docker context named "${name}" (docker context ls lists them)` };
      try {
        const connection = resolveConnection({ setting: '', env: contextEnv(inputs.env, name), readFile: inputs.readFile, homeDir: inputs.homeDir });
        return { engine: () => new DockerodeEngine(connection), address: connection.endpoint.url };
      } catch (error) {
        return { problem: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
