import type { Command } from '../command';
import { arrangeCommand } from './arrange';

/** "Group By..." and "Sort By..." on the titles of the Containers, Images, Volumes and Networks views. */
export const ARRANGE_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.containers.groupBy': arrangeCommand('containers', 'groupBy'),
  'dockerWorkflows.containers.sortBy': arrangeCommand('containers', 'sortBy'),
  'dockerWorkflows.images.groupBy': arrangeCommand('images', 'groupBy'),
  'dockerWorkflows.images.sortBy': arrangeCommand('images', 'sortBy'),
  'dockerWorkflows.volumes.groupBy': arrangeCommand('volumes', 'groupBy'),
  'dockerWorkflows.volumes.sortBy': arrangeCommand('volumes', 'sortBy'),
  'dockerWorkflows.networks.groupBy': arrangeCommand('networks', 'groupBy'),
  'dockerWorkflows.networks.sortBy': arrangeCommand('networks', 'sortBy'),
};
