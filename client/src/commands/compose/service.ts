import * as vscode from 'vscode';
import type { ComposeAction } from '../../compose/composeCli';
import type { Ctx } from '../../ctx';
import { requireTarget, runCompose } from './runCompose';

/** What a service's CodeLens passes to its commands. */
export interface ComposeServiceNode {
  /** The compose file the lens is in. */
  file: vscode.Uri;
  service: string;
}

function serviceNodeOf(node: unknown): ComposeServiceNode | undefined {
  const candidate = node as Partial<ComposeServiceNode> | undefined;
  return candidate?.file instanceof vscode.Uri && typeof candidate.service === 'string' ? (candidate as ComposeServiceNode) : undefined;
}

/**
 * A Compose action on one service of a compose file (`up --detach <service>`, `stop <service>`, `logs --follow
 * <service>`, `restart <service>`), run as the menu's Compose commands run (same task, terminal and trust check).
 */
export function composeServiceCommand(action: Extract<ComposeAction, 'up' | 'stop' | 'logs' | 'restart'>) {
  return async (ctx: Ctx, node?: unknown): Promise<number | undefined> => {
    const chosen = serviceNodeOf(node);
    if (!chosen) {
      ctx.notifier.error('Run this from the CodeLens above a service of a compose file.');
      return undefined;
    }
    const target = requireTarget(ctx, chosen.file);
    return target && runCompose(ctx, target, { action, services: [chosen.service], ...(action === 'logs' ? { follow: true } : {}) });
  };
}
