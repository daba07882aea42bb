import type { Command } from '../command';

/** The images commands by id (package.json contributes the same ids). */
export const IMAGES_COMMANDS: Record<string, Command> = {};
