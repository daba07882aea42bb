import type { Command } from '../command';
import { createNetwork } from './create';
import { inspectNetwork } from './inspect';
import { pruneNetworks } from './prune';
import { removeNetworks } from './remove';

/** The networks commands by id (package.json contributes the same ids). */
export const NETWORKS_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.networks.create': createNetwork,
  'dockerWorkflows.networks.inspect': inspectNetwork,
  'dockerWorkflows.networks.remove': removeNetworks,
  'dockerWorkflows.networks.prune': pruneNetworks,
};
