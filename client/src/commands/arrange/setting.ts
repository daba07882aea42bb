import * as vscode from 'vscode';
import type { ViewName } from '../../tree/viewOptions';

/**
 * Writes one of a view's settings (docker-workflows.<view>.<key>) where it is set now: in the workspace when the
 * workspace sets it (a user value would not show there), else in the user's settings. The view follows the change
 * by itself (DockerViews listens for it) and makes its rows again without asking the engine.
 */
export async function updateViewSetting(view: ViewName, key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('docker-workflows');
  const inspected = config.inspect(`${view}.${key}`);
  const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(`${view}.${key}`, value, target);
}

/** A view's setting as it applies now (undefined when not set, or set to something else than a string). */
export function currentViewSetting(view: ViewName, key: string): string | undefined {
  const value = vscode.workspace.getConfiguration(`docker-workflows.${view}`).get(key);
  return typeof value === 'string' ? value : undefined;
}
