import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';

export const EXTENSION_ID = 'docker-workflows.docker-workflows';
export const TEST_IMAGE = 'dw-test/busybox:latest';

export async function activateExtension(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** The docker CLI against the test engine (DOCKER_HOST comes from the test run). */
export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim();
}

/** How the status bar names the test engine once connected, e.g. "Docker Engine 20.10.24+dfsg1 (API 1.41)". */
export function engineProduct(): string {
  return `Docker Engine ${docker('version', '--format', '{{.Server.Version}}')} (API ${docker('version', '--format', '{{.Server.APIVersion}}')})`;
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export { waitFor } from '../support/wait';

/**
 * The messages shown after this call. The record keeps only the last 100 messages, so an index into it goes stale
 * once it is full: the new ones are those after the last message seen now (by identity).
 */
export function messagesAfterNow(api: ExtensionApi): () => ReturnType<ExtensionApi['shownMessages']> {
  const last = api.shownMessages().at(-1);
  return () => {
    const all = api.shownMessages();
    return all.slice(last ? all.indexOf(last) + 1 : 0);
  };
}
