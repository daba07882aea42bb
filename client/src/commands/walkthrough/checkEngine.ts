import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { addressSourceText } from '../../engine/connection';
import type { EngineSession } from '../../engine/EngineSession';
import type { EngineState } from '../../engine/RefreshController';
import { plural } from '../../format/text';
import { reasonOf } from '../shared';

/** How long the check waits for a connection it started before it says the engine is still not answering. */
const CONNECT_WAIT_MS = 20_000;

/** What to do when no engine answers, after the reason. */
const START_ADVICE =
  'Start your Docker engine (Docker Desktop, or `sudo systemctl start docker` on Linux), or point docker-workflows.host, ' +
  'DOCKER_HOST or a docker context at one that runs, then check again.';

/**
 * The walkthrough's "Check the Connection": connects again when the engine is not up (the address may have changed),
 * then says which engine answered at which address and what it holds, or why none did and how to start one. Resolves
 * with the message shown.
 */
export async function checkEngine(ctx: Ctx): Promise<string> {
  const state = ctx.session.state.kind === 'up' ? ctx.session.state : await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Checking the Docker engine' },
    () => reconnect(ctx.session),
  );
  const endpoint = ctx.session.endpoint;
  const where = endpoint ? `${endpoint.url} (address from ${addressSourceText(endpoint, 'user')})` : 'no usable address';
  const engine = ctx.session.engine;
  if (state.kind === 'up' && engine) {
    try {
      const [version, containers, images] = await Promise.all([engine.version(), ctx.session.lists.containers(), ctx.session.lists.images()]);
      const running = (containers ?? []).filter((container) => container.state === 'running').length;
      const message =
        `Connected to ${version.product} ${version.version} (API ${version.apiVersion}) at ${where}: ` +
        `${plural(containers?.length ?? 0, 'container')} (${running} running), ${plural(images?.length ?? 0, 'image')}.`;
      ctx.notifier.info(message);
      return message;
    } catch (error) {
      const message = `The Docker engine at ${where} stopped answering: ${reasonOf(error)}. ${START_ADVICE}`;
      ctx.notifier.error(message);
      return message;
    }
  }
  const message =
    state.kind === 'down'
      ? `No Docker engine answers at ${where}: ${state.error.reason}. ${START_ADVICE}`
      : `The Docker engine at ${where} has not answered within ${CONNECT_WAIT_MS / 1000} seconds. ${START_ADVICE}`;
  ctx.notifier.error(message);
  return message;
}

/** Connects again and resolves with the first state that is not "connecting" (or "connecting" after the wait). */
function reconnect(session: EngineSession): Promise<EngineState> {
  return new Promise((resolve) => {
    const finish = (state: EngineState) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(state);
    };
    const timer = setTimeout(() => finish(session.state), CONNECT_WAIT_MS);
    const listener = session.onDidChangeState((state) => {
      if (state.kind !== 'connecting') finish(state);
    });
    session.connect();
  });
}
