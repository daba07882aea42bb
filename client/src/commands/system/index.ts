import type { Command } from '../command';
import { systemPrune } from './prune';

/** The system commands by id (package.json contributes the same ids). */
export const SYSTEM_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.system.prune': systemPrune,
};
