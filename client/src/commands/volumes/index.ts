import type { Command } from '../command';
import { createVolume } from './create';
import { inspectVolume } from './inspect';
import { pruneVolumes } from './prune';
import { removeVolumes } from './remove';

/** The volumes commands by id (package.json contributes the same ids). */
export const VOLUMES_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.volumes.create': createVolume,
  'dockerWorkflows.volumes.inspect': inspectVolume,
  'dockerWorkflows.volumes.remove': removeVolumes,
  'dockerWorkflows.volumes.prune': pruneVolumes,
};
