import * as vscode from 'vscode';
import type { ContainerAction } from '../../engine/DockerEngine';
import type { Ctx } from '../../ctx';
import { reasonOf } from '../shared';
import { selectedContainers } from './selection';

const PROGRESS: Record<ContainerAction, string> = {
  start: 'Starting',
  stop: 'Stopping',
  restart: 'Restarting',
  pause: 'Pausing',
  unpause: 'Unpausing',
  kill: 'Killing',
};

/**
 * Start, stop, restart, pause, unpause or kill the selected containers (all of a multi-selection), with
 * progress; the view follows from the engine's events. Resolves with the names of the containers it changed.
 */
export function containerLifecycle(action: ContainerAction) {
  return async (ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[]> => {
    const engine = ctx.session.engine;
    const containers = selectedContainers(node, nodes);
    if (!engine || containers.length === 0) return [];
    const done: string[] = [];
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${PROGRESS[action]} ${containers.length === 1 ? containers[0].name : `${containers.length} containers`}` },
      async () => {
        await Promise.all(
          containers.map(async (container) => {
            try {
              await engine.containerAction(container.id, action);
              done.push(container.name);
            } catch (error) {
              const reason = reasonOf(error);
              ctx.notifier.error(`Could not ${action} ${container.name}: ${reason}`);
            }
          }),
        );
      },
    );
    return done.sort();
  };
}
