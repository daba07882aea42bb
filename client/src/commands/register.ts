import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { Command } from './command';
import { ARRANGE_COMMANDS } from './arrange';
import { CONTEXTS_COMMANDS } from './contexts';
import { CONTAINER_FILES_COMMANDS } from './files';
import { CONTEXT_INSPECT_SCHEME, contextInspectProvider } from './contexts/inspect';
import { IMAGES_COMMANDS } from './images';
import { NETWORKS_COMMANDS } from './networks';
import { SYSTEM_COMMANDS } from './system';
import { VOLUMES_COMMANDS } from './volumes';
import { VIEW_COMMANDS } from './views';
import { WALKTHROUGH_COMMANDS } from './walkthrough';
import { copyContainerId, copyContainerName } from './containers/copy';
import { inspectContainer } from './containers/inspect';
import { containerLifecycle } from './containers/lifecycle';
import { followLogs } from './containers/logs';
import { openInBrowser } from './containers/openInBrowser';
import { pruneContainers } from './containers/prune';
import { showStats } from './containers/stats';
import { openShell } from './containers/shell';
import { removeContainers } from './containers/remove';
import { composeCommand } from './compose/runCompose';
import { composeDown } from './compose/down';
import { composeUpProfiles, composeUpServices } from './compose/upChosen';
import { composeServiceCommand } from './compose/service';
import { retryConnection } from './engine/retry';


const COMMANDS: Record<string, Command> = {
  'dockerWorkflows.engine.retry': retryConnection,
  'dockerWorkflows.containers.start': containerLifecycle('start'),
  'dockerWorkflows.containers.stop': containerLifecycle('stop'),
  'dockerWorkflows.containers.restart': containerLifecycle('restart'),
  'dockerWorkflows.containers.pause': containerLifecycle('pause'),
  'dockerWorkflows.containers.unpause': containerLifecycle('unpause'),
  'dockerWorkflows.containers.kill': containerLifecycle('kill'),
  'dockerWorkflows.containers.remove': removeContainers,
  'dockerWorkflows.containers.copyId': copyContainerId,
  'dockerWorkflows.containers.copyName': copyContainerName,
  'dockerWorkflows.containers.inspect': inspectContainer,
  'dockerWorkflows.containers.shell': openShell,
  'dockerWorkflows.containers.logs': followLogs,
  'dockerWorkflows.containers.openInBrowser': openInBrowser,
  'dockerWorkflows.containers.stats': showStats,
  'dockerWorkflows.containers.prune': pruneContainers,
  'dockerWorkflows.compose.up': composeCommand('up'),
  'dockerWorkflows.compose.upServices': composeUpServices,
  'dockerWorkflows.compose.upProfiles': composeUpProfiles,
  'dockerWorkflows.compose.down': composeDown,
  'dockerWorkflows.compose.restart': composeCommand('restart'),
  'dockerWorkflows.compose.stop': composeCommand('stop'),
  'dockerWorkflows.compose.start': composeCommand('start'),
  'dockerWorkflows.compose.pause': composeCommand('pause'),
  'dockerWorkflows.compose.unpause': composeCommand('unpause'),
  'dockerWorkflows.compose.logs': composeCommand('logs', { follow: true }),
  'dockerWorkflows.compose.pull': composeCommand('pull'),
  'dockerWorkflows.compose.build': composeCommand('build'),
  'dockerWorkflows.compose.serviceUp': composeServiceCommand('up'),
  'dockerWorkflows.compose.serviceStop': composeServiceCommand('stop'),
  'dockerWorkflows.compose.serviceLogs': composeServiceCommand('logs'),
  'dockerWorkflows.compose.serviceRestart': composeServiceCommand('restart'),
  ...VIEW_COMMANDS,
  ...ARRANGE_COMMANDS,
  ...WALKTHROUGH_COMMANDS,
  ...IMAGES_COMMANDS,
  ...VOLUMES_COMMANDS,
  ...NETWORKS_COMMANDS,
  ...SYSTEM_COMMANDS,
  ...CONTEXTS_COMMANDS,
  ...CONTAINER_FILES_COMMANDS,
};

/**
 * With several engines in the views (docker-workflows.engines), a command on a row acts on that row's engine: its
 * context holds that engine's session, and a multi-selection keeps only the rows of the same engine.
 */
export function forRow<C extends Ctx>(ctx: C, node: unknown, nodes: unknown[] | undefined): { ctx: C; nodes: unknown[] | undefined } {
  const owner = ctx.views.sessionOf(node ?? nodes?.[0]);
  if (!owner) return { ctx, nodes };
  return { ctx: owner === ctx.session ? ctx : { ...ctx, session: owner }, nodes: nodes?.filter((row) => ctx.views.sessionOf(row) === owner) };
}

/** Registers a table of commands (id -> command); each runs with the context of the row it was given (forRow). */
export function registerCommandTable<C extends Ctx>(ctx: C, commands: Record<string, (ctx: C, node?: unknown, nodes?: unknown[]) => unknown>): void {
  for (const [id, command] of Object.entries(commands)) {
    ctx.extension.subscriptions.push(
      ctx.register.command(id, (node?: unknown, nodes?: unknown[]) => {
        const row = forRow(ctx, node, nodes);
        return command(row.ctx, node, row.nodes);
      }),
    );
  }
}

export function registerCommands(ctx: Ctx): void {
  registerCommandTable(ctx, COMMANDS);
  ctx.extension.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(CONTEXT_INSPECT_SCHEME, contextInspectProvider()));
}
