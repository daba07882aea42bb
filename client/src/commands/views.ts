import type { Ctx } from '../ctx';
import type { Command } from './command';

/** Refresh buttons and the Images view's dangling toggle. Views follow the engine by themselves; Refresh reads again. */
export const VIEW_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.containers.refresh': (ctx: Ctx) => ctx.views.sessions().forEach((session) => session.lists.invalidate('containers')),
  'dockerWorkflows.images.refresh': (ctx: Ctx) => ctx.views.sessions().forEach((session) => session.lists.invalidate('images')),
  'dockerWorkflows.volumes.refresh': (ctx: Ctx) => ctx.views.sessions().forEach((session) => session.lists.invalidate('volumes')),
  'dockerWorkflows.networks.refresh': (ctx: Ctx) => ctx.views.sessions().forEach((session) => session.lists.invalidate('networks')),
  'dockerWorkflows.images.showDangling': (ctx: Ctx) => ctx.views.setShowDangling(true),
  'dockerWorkflows.images.hideDangling': (ctx: Ctx) => ctx.views.setShowDangling(false),
};
