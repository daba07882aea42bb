import type { Ctx } from '../../ctx';

export function refreshContainers(ctx: Ctx): void {
  ctx.containers.refresh();
}
