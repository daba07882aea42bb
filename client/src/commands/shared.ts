// What the commands on the views share: the engine or a message saying why there is none, errors in plain words,
// the rows of a (multi-)selection and a cancellable progress notification.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { DockerEngine } from '../engine/DockerEngine';
import { EngineError } from '../engine/types';
import { naturalCollator } from '../format/text';

/** The engine, or undefined after telling the user why it cannot be reached. */
export function engineOf(ctx: Pick<Ctx, 'session' | 'notifier'>): DockerEngine | undefined {
  const engine = ctx.session.engine;
  if (!engine) {
    const state = ctx.session.state;
    ctx.notifier.error(state.kind === 'down' ? state.error.message : 'The Docker engine cannot be reached.');
  }
  return engine;
}

/** An engine failure in plain words. */
export function reasonOf(error: unknown): string {
  if (error instanceof EngineError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

/** The rows of `kind` a command applies to: the multi-selection when there is one, else the clicked row. */
export function selectedRows<T extends { kind: string }>(kind: T['kind'], node?: unknown, nodes?: unknown[]): T[] {
  const picked = (nodes && nodes.length > 0 ? nodes : node ? [node] : []) as { kind?: unknown }[];
  return picked.filter((n): n is T => typeof n === 'object' && n !== null && n.kind === kind);
}

/**
 * Runs `work` under a cancellable progress notification; cancelling aborts the signal the engine calls get.
 * `step` changes the notification's message.
 */
export function cancellableProgress<T>(title: string, work: (signal: AbortSignal, step: (message: string) => void) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      const listener = token.onCancellationRequested(() => abort.abort());
      try {
        return await work(abort.signal, (message) => progress.report({ message }));
      } finally {
        listener.dispose();
      }
    }),
  );
}

/** Tells the user why a prune did not finish: they cancelled it, or the engine's failure in plain words. */
export function sayPruneFailed(ctx: Ctx, what: string, error: unknown, signal: AbortSignal): void {
  if (signal.aborted) ctx.notifier.info(`Stopped waiting for the prune of ${what}; the engine may already have removed some.`);
  else ctx.notifier.error(`Could not prune ${what}: ${reasonOf(error)}`);
}

/** Sorts names the way the views do ("web-2" before "web-10"). */
export const byName = (a: string, b: string): number => naturalCollator.compare(a, b);
