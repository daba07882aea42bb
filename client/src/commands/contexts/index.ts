import type { Ctx } from '../../ctx';
import type { Command } from '../command';
import { createContext } from './create';
import { inspectContext } from './inspect';
import { removeContext } from './remove';
import { useContext } from './use';

/** The Contexts view's commands by id (package.json contributes the same ids). */
export const CONTEXTS_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.contexts.refresh': (ctx: Ctx) => ctx.views.contexts.refresh(),
  'dockerWorkflows.contexts.use': useContext,
  'dockerWorkflows.contexts.inspect': inspectContext,
  'dockerWorkflows.contexts.remove': removeContext,
  'dockerWorkflows.contexts.create': createContext,
};
