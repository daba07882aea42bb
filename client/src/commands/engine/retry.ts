import type { Ctx } from '../../ctx';

/** The Retry button of the engine-down welcome message: reconnect now instead of waiting for the backoff. */
export function retryConnection(ctx: Ctx): void {
  ctx.containers.retry();
}
