import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { SwarmView } from '../../tree/SwarmView';
import type { Command } from '../command';
import { registerCommandTable } from '../register';
import { createSwarmData } from './createData';
import { deployStack } from './deployStack';
import { initSwarm } from './init';
import { inspectSwarmObject, SWARM_INSPECT_SCHEME, swarmInspectProvider } from './inspect';
import { leaveSwarm } from './leave';
import { nodeUpdate } from './nodeUpdate';
import { removeSwarmData } from './removeData';
import { removeNode } from './removeNode';
import { removeServices } from './removeService';
import { removeStack } from './removeStack';
import { restartServices } from './restart';
import { rollbackService } from './rollback';
import { scaleService } from './scale';
import { followServiceLogs } from './serviceLogs';
import { refreshSwarm } from './shared';
import { updateServiceImage } from './updateImage';

/** The Swarm view's commands by id (package.json contributes the same ids). */
export const SWARM_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.swarm.refresh': refreshSwarm,
  'dockerWorkflows.swarm.init': initSwarm,
  'dockerWorkflows.swarm.leave': leaveSwarm,
  'dockerWorkflows.swarm.inspect': inspectSwarmObject,
  'dockerWorkflows.swarm.service.scale': scaleService,
  'dockerWorkflows.swarm.service.updateImage': updateServiceImage,
  'dockerWorkflows.swarm.service.restart': restartServices,
  'dockerWorkflows.swarm.service.rollback': rollbackService,
  'dockerWorkflows.swarm.service.logs': followServiceLogs,
  'dockerWorkflows.swarm.service.remove': removeServices,
  'dockerWorkflows.swarm.stack.deploy': deployStack,
  'dockerWorkflows.swarm.stack.remove': removeStack,
  'dockerWorkflows.swarm.node.drain': nodeUpdate('drain'),
  'dockerWorkflows.swarm.node.pause': nodeUpdate('pause'),
  'dockerWorkflows.swarm.node.activate': nodeUpdate('activate'),
  'dockerWorkflows.swarm.node.promote': nodeUpdate('promote'),
  'dockerWorkflows.swarm.node.demote': nodeUpdate('demote'),
  'dockerWorkflows.swarm.node.remove': removeNode,
  'dockerWorkflows.swarm.secret.create': createSwarmData('secret'),
  'dockerWorkflows.swarm.secret.remove': removeSwarmData('secret'),
  'dockerWorkflows.swarm.config.create': createSwarmData('config'),
  'dockerWorkflows.swarm.config.remove': removeSwarmData('config'),
};

/** The Swarm view, its commands and its inspect documents; everything is disposed with the extension. */
export function registerSwarm(ctx: Ctx): SwarmView {
  const view = new SwarmView(ctx.session, ctx.register.treeView, ctx.views.viewEngines);
  ctx.extension.subscriptions.push(view, vscode.workspace.registerTextDocumentContentProvider(SWARM_INSPECT_SCHEME, swarmInspectProvider(ctx)));
  // With several engines, a command on a row acts on that row's engine.
  registerCommandTable(ctx, SWARM_COMMANDS);
  return view;
}
