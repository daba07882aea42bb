import type { Ctx } from '../ctx';

/** Every command has the signature (ctx, node?, nodes?) so the palette, menus and multi-select share it. */
export type Command = (ctx: Ctx, node?: unknown, nodes?: unknown[]) => unknown;
