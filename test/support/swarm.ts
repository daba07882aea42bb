// Swarm mode on the test engine, for the swarm tests: `docker swarm init` once per test file (advertised and
// listening on 127.0.0.1 only) and `docker swarm leave --force` after, removing what swarm mode leaves behind
// (the docker_gwbridge network) so that later tests see the networks they expect.
import { execFileSync } from 'child_process';

type Docker = (...args: string[]) => string;

function tryDocker(docker: Docker, ...args: string[]): string | undefined {
  try {
    return docker(...args);
  } catch {
    return undefined;
  }
}

/** Leaves any swarm the engine is in, removes docker_gwbridge, and waits until the engine says "inactive". */
export function leaveSwarm(docker: Docker): void {
  tryDocker(docker, 'swarm', 'leave', '--force');
  tryDocker(docker, 'network', 'rm', 'docker_gwbridge');
  const state = docker('info', '--format', '{{.Swarm.LocalNodeState}}');
  if (state !== 'inactive') throw new Error(`the test engine is still in a swarm (${state})`);
}

/** Starts a one-node swarm on the test engine (leaving any earlier one first); resolves with the node's id. */
export function initSwarm(docker: Docker): string {
  leaveSwarm(docker);
  docker('swarm', 'init', '--advertise-addr', '127.0.0.1', '--listen-addr', '127.0.0.1:2377');
  return docker('info', '--format', '{{.Swarm.NodeID}}');
}

/** The docker CLI with the environment of this process (DOCKER_HOST of the test run). */
export function dockerCli(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}
