import * as os from 'os';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { pushArgs } from '../cli/dockerArgs';
import { credentialsMayGoTo, dockerEnv, runTask } from '../cli/dockerTask';
import { reasonOf } from '../shared';
import { selectedImageRow } from './rows';

/** Why a push carried no saved registry login. */
export const ANONYMOUS_PUSH_NOTE =
  "Your saved registry credentials were not used: the engine was chosen by this workspace's settings, so they are not sent to it.";

/** The folder tasks run in: the first workspace folder, else the user's home (the command needs no files). */
export function taskFolder(): string {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
}

/**
 * Pushes the row's reference to its registry (`docker push -- <reference>`) as a task: the CLI's progress and its
 * registry login (the CLI's credential store) stay in the terminal. Resolves with the exit code; a failure is also
 * reported. A row whose tag or id no engine could report is refused (selectedImageRow).
 */
export async function pushImage(ctx: Ctx, node?: unknown): Promise<number | undefined> {
  const row = await selectedImageRow(ctx, node);
  if (!row) return undefined;
  if (!row.reference) {
    ctx.notifier.error('A dangling image has no name to push it by: tag it with its registry first.');
    return undefined;
  }
  let args: string[];
  try {
    args = pushArgs(row.reference);
  } catch (error) {
    ctx.notifier.error(reasonOf(error));
    return undefined;
  }
  const exitCode = await runTask(ctx, {
    name: `Push: ${row.reference}`,
    source: 'Docker',
    command: 'docker',
    args,
    cwd: taskFolder(),
    env: dockerEnv(ctx),
  });
  // dockerEnv gave an engine the workspace chose a CLI configuration without the saved logins: say so.
  const endpoint = ctx.session.endpoint;
  const anonymous = endpoint && !credentialsMayGoTo(endpoint) ? ` ${ANONYMOUS_PUSH_NOTE}` : '';
  if (exitCode === 0) ctx.notifier.info(`Pushed ${row.reference}.${anonymous}`);
  else ctx.notifier.error(`Pushing ${row.reference} failed (exit code ${exitCode ?? 'unknown'}); the terminal shows why.${anonymous}`);
  return exitCode;
}
