import type { Command } from '../command';
import { connectContainer, connectToNetwork } from './connect';
import { createNetwork } from './create';
import { disconnectFromNetwork, disconnectNetworkContainer } from './disconnect';
import { inspectNetwork } from './inspect';
import { pruneNetworks } from './prune';
import { removeNetworks } from './remove';

/** The networks commands by id (package.json contributes the same ids), with those on container rows that connect and disconnect. */
export const NETWORKS_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.networks.create': createNetwork,
  'dockerWorkflows.networks.inspect': inspectNetwork,
  'dockerWorkflows.networks.remove': removeNetworks,
  'dockerWorkflows.networks.prune': pruneNetworks,
  'dockerWorkflows.networks.connectContainer': connectContainer,
  'dockerWorkflows.networks.disconnectContainer': disconnectNetworkContainer,
  'dockerWorkflows.containers.connectNetwork': connectToNetwork,
  'dockerWorkflows.containers.disconnectNetwork': disconnectFromNetwork,
};
