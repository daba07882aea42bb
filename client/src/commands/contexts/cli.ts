import { execFileRunner } from '../../compose/composeCli';
import type { ContextNode } from '../../tree/contextNodes';
import { selectedRows } from '../shared';

/**
 * Runs the docker CLI with an argument array (no shell, through composeCli's execFileRunner) and the extension
 * host's environment, so it reads the same DOCKER_CONFIG (and contexts) as the Contexts view. Resolves with its
 * output; rejects with an Error holding the CLI's own message (its stderr), in one line.
 */
export async function dockerCli(args: readonly string[]): Promise<string> {
  const result = await execFileRunner({ env: process.env, timeoutMs: 30_000 })('docker', [...args]);
  if (result.code === 0) return result.stdout;
  if (result.code === 127) throw new Error('the docker CLI was not found on PATH');
  throw new Error((result.stderr ?? '').trim().replace(/\s*\n\s*/g, ' ') || `docker exited with code ${result.code}`);
}

/** The context row a command applies to (the clicked one), leaving out one whose meta.json is broken. */
export function selectedContext(node?: unknown, nodes?: unknown[]): ContextNode | undefined {
  return selectedRows<ContextNode>('context', node, nodes).find((row) => row.context.problem === undefined);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
