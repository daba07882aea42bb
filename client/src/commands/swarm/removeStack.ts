import { execFile } from 'child_process';
import type { Ctx } from '../../ctx';
import { stackNameProblem } from '../../engine/swarmValidate';
import { displayName } from '../../engine/validate';
import type { SwarmStackNode } from '../../tree/swarmNodes';
import { dockerEnv } from '../cli/dockerTask';
import { cancellableProgress, selectedRows } from '../shared';
import { stackRemoveArgs } from './stackArgs';

/** Runs the docker CLI (an argument array, no shell) until it ends or `signal` aborts; its stderr when it failed. */
function docker(args: string[], env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('docker', args, { env, signal, windowsHide: true, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve(undefined);
      const code = (error as NodeJS.ErrnoException).code;
      resolve(code === 'ENOENT' ? 'the docker CLI was not found on PATH' : code === 'ABORT_ERR' ? 'cancelled' : (stderr || error.message).trim().replace(/\s*\n\s*/g, ' '));
    });
  });
}

/**
 * Removes a stack after asking (`docker stack rm`): its services, networks, secrets and configs. Waits until they
 * are gone under a cancellable progress notification. Resolves true when removed.
 */
export async function removeStack(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<boolean> {
  const [row] = selectedRows<SwarmStackNode>('swarmStack', node, nodes);
  if (!row) return false;
  const problem = stackNameProblem(row.stack);
  if (problem) {
    ctx.notifier.error(`The engine returned a stack name that cannot be used: ${problem}`);
    return false;
  }
  const answer = await ctx.notifier.confirm(
    `Remove the stack ${displayName(row.stack)}?`,
    `Its ${row.children.length === 1 ? 'service' : `${row.children.length} services`}, networks, secrets and configs are removed; volumes are kept.`,
    'Remove',
  );
  if (answer !== 'Remove') return false;
  const env = { ...process.env, ...dockerEnv(ctx) };
  const failure = await cancellableProgress(`Removing the stack ${row.stack}`, (signal) => docker(stackRemoveArgs(row.stack), env, signal));
  if (failure === 'cancelled') ctx.notifier.info(`Stopped waiting for the removal of the stack ${row.stack}; the swarm goes on removing it.`);
  else if (failure) ctx.notifier.error(`Could not remove the stack ${row.stack}: ${failure}`);
  return failure === undefined;
}
