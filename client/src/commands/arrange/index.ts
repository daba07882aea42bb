import type { Command } from '../command';
import { groupByCommand } from './groupBy';
import { sortByCommand } from './sortBy';

/** "Group By..." and "Sort By..." on the titles of the Containers, Images, Volumes and Networks views. */
export const ARRANGE_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.containers.groupBy': groupByCommand('containers'),
  'dockerWorkflows.containers.sortBy': sortByCommand('containers'),
  'dockerWorkflows.images.groupBy': groupByCommand('images'),
  'dockerWorkflows.images.sortBy': sortByCommand('images'),
  'dockerWorkflows.volumes.groupBy': groupByCommand('volumes'),
  'dockerWorkflows.volumes.sortBy': sortByCommand('volumes'),
  'dockerWorkflows.networks.groupBy': groupByCommand('networks'),
  'dockerWorkflows.networks.sortBy': sortByCommand('networks'),
};
