import { execFile } from 'child_process';
import type { ContextNode } from '../../tree/contextNodes';
import { selectedRows } from '../shared';

/**
 * Runs the docker CLI with an argument array (no shell) and the extension host's environment, so it reads the same
 * DOCKER_CONFIG (and contexts) as the Contexts view. Resolves with its output; rejects with an Error holding the
 * CLI's own message (its stderr), in one line.
 */
export function dockerCli(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('docker', [...args], { env: process.env, timeout: 30_000, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const said = String(stderr ?? '').trim().replace(/\s*\n\s*/g, ' ');
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(new Error(missing ? 'the docker CLI was not found on PATH' : said || error.message));
    });
  });
}

/** The context row a command applies to (the clicked one), leaving out one whose meta.json is broken. */
export function selectedContext(node?: unknown, nodes?: unknown[]): ContextNode | undefined {
  return selectedRows<ContextNode>('context', node, nodes).find((row) => row.context.problem === undefined);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
