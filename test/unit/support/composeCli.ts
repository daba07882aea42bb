// Shared by the composeCli*.test.ts files: the two Compose flavours, a project folder whose path a shell would
// mangle, requests against it, and a fake program runner that records its calls.
import {
  type ComposeAction,
  type ComposeCli,
  type ComposeRequest,
  type RunResult,
} from '../../../client/src/compose/composeCli';

export const V2: ComposeCli = { command: 'docker', baseArgs: ['compose'], version: '2.29.1', v2: true };
export const V1: ComposeCli = { command: 'docker-compose', baseArgs: [], version: '1.29.2', v2: false };

/** A project folder whose path a shell would mangle or execute. */
export const DIR = "/srv/my app/it's \"quoted\" $(touch /tmp/pwned) `touch /tmp/pwned2` \\ * ; & |";
export const BASE = `${DIR}/compose.yaml`;
export const OVERRIDE = `${DIR}/compose.override.yaml`;
export const GLOBAL = ['-f', BASE, '-f', OVERRIDE, '--project-directory', DIR];

export function request(action: ComposeAction, extra: Partial<ComposeRequest> = {}): ComposeRequest {
  return { action, files: [BASE, OVERRIDE], projectDirectory: DIR, ...extra };
}

export const V1_VERSION_OUTPUT = 'docker-compose version 1.29.2, build unknown\ndocker-py version: 5.0.3\nCPython version: 3.11.2\nOpenSSL version: OpenSSL 3.0.19 27 Jan 2026\n';

export type Call = [string, string[]];
export function fakeRunner(answers: Record<string, RunResult | Error>): { run: (c: string, a: string[]) => Promise<RunResult>; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    run: async (command, args) => {
      calls.push([command, args]);
      const answer = answers[[command, ...args].join(' ')];
      if (answer instanceof Error) throw answer;
      return answer ?? { code: 127, stdout: '', stderr: `${command}: command not found` };
    },
  };
}
