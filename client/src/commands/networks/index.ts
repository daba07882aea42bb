import type { Command } from '../command';

/** The networks commands by id (package.json contributes the same ids). */
export const NETWORKS_COMMANDS: Record<string, Command> = {};
