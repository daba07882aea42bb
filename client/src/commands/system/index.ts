import type { Command } from '../command';

/** The system commands by id (package.json contributes the same ids). */
export const SYSTEM_COMMANDS: Record<string, Command> = {};
