import type { Command } from '../command';

/** The volumes commands by id (package.json contributes the same ids). */
export const VOLUMES_COMMANDS: Record<string, Command> = {};
