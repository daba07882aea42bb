import type { Ctx } from '../../ctx';

/**
 * The Retry button of the engine-down welcome message (and the status-bar item): resolve the address again
 * (DOCKER_HOST or the docker context may have changed) and connect now instead of waiting for the backoff.
 */
export function retryConnection(ctx: Ctx): void {
  ctx.session.connect();
}
