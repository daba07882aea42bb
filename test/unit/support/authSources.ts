// In-memory credential sources for registryAuthFor: one config.json in /cfg, and credential helpers that answer
// from a function of the asked address (a missing answer fails as a helper without the login does).
import * as path from 'path';
import type { AuthSources } from '../../../client/src/engine/registryAuth';

export type HelperAnswers = Record<string, (address: string) => object | undefined>;

/** The sources, and every helper call made (`<program> <address>`). */
export function authSources(config: object, helpers: HelperAnswers = {}): AuthSources & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    env: { DOCKER_CONFIG: '/cfg' },
    readFile: (file) => (file === path.join('/cfg', 'config.json') ? JSON.stringify(config) : undefined),
    runHelper: async (program, input) => {
      asked.push(`${program} ${input}`);
      const answer = helpers[program]?.(input);
      if (!answer) throw new Error('credentials not found in native keychain');
      return JSON.stringify(answer);
    },
  };
}
