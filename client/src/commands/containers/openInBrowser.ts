import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { browserTargets } from './browserUrl';
import { selectedContainers } from './selection';

/**
 * Opens http://<host>:<port> of one of the container's published TCP ports in the browser: the only one, or the
 * one the user picks. Resolves with the URL it opened; undefined when there was none or the user cancelled.
 */
export async function openInBrowser(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string | undefined> {
  const [container] = selectedContainers(node, nodes);
  if (!container) return undefined;
  const targets = browserTargets(container.ports);
  if (targets.length === 0) {
    ctx.notifier.info(`${container.name} publishes no TCP port on the host, so there is nothing to open in a browser.`);
    return undefined;
  }
  let target = targets[0];
  if (targets.length > 1) {
    const label = await ctx.notifier.pick(`Which port of ${container.name} to open?`, targets.map((t) => t.label));
    const chosen = targets.find((t) => t.label === label);
    if (!chosen) return undefined;
    target = chosen;
  }
  try {
    await vscode.env.openExternal(vscode.Uri.parse(target.url));
  } catch (error) {
    ctx.notifier.error(`Could not open ${target.url}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  return target.url;
}
