// The extension's entry point (dist/extension.js): as small as activation can be. It registers a stand-in for every
// command and the Docker views (activation/registrar.ts), then loads the rest (dist/main.js: dockerode, the engine
// session, views, commands, status bar and language client) right after activation, or sooner when a stand-in is
// used (a command runs, a view asks for its rows, a test reads the API). VS Code counts only this file's loading and
// activate() as the extension's activation time.
import * as path from 'path';
import * as vscode from 'vscode';
import { registrar, type ViewShape } from './activation/registrar';
import type { ExtensionApi } from './main';

export type { ExtensionApi } from './main';

/** What VS Code reads once when each view is made (checked again when the loaded code feeds the view). */
const VIEW_SHAPES: Readonly<Record<string, ViewShape>> = {
  'dockerWorkflows.containers': { canSelectMany: true, dropMimeTypes: ['text/uri-list'] },
  'dockerWorkflows.images': { canSelectMany: true },
  'dockerWorkflows.volumes': { canSelectMany: true },
  'dockerWorkflows.networks': { canSelectMany: true },
  'dockerWorkflows.contexts': { canSelectMany: false },
  'dockerWorkflows.registries': { canSelectMany: false },
  'dockerWorkflows.swarm': { canSelectMany: true },
};

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  let api: ExtensionApi | undefined;
  let failure: Error | undefined;
  let loading = false;
  const load = (): ExtensionApi => {
    if (api) return api;
    if (failure) throw failure;
    if (loading) throw new Error('the extension is still starting');
    loading = true;
    try {
      // Not bundled into this file: esbuild makes dist/main.js as an entry point of its own.
      const main = require(path.join(__dirname, 'main.js')) as typeof import('./main');
      api = main.start(context, register);
      return api;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      void vscode.window.showErrorMessage(`Docker Workflows could not start: ${failure.message}`);
      throw failure;
    } finally {
      loading = false;
    }
  };
  const register = registrar(context, VIEW_SHAPES, () => void load());
  const later = setTimeout(() => {
    try {
      load();
    } catch {
      // Shown once by load().
    }
  }, 0);
  context.subscriptions.push(new vscode.Disposable(() => clearTimeout(later)));
  return {
    get containers() {
      return load().containers;
    },
    get views() {
      return load().views;
    },
    engineStatus: () => load().engineStatus(),
    languageServer: () => load().languageServer(),
    shownMessages: () => load().shownMessages(),
    answerNextPrompts: (...answers) => load().answerNextPrompts(...answers),
    get stats() {
      return load().stats;
    },
    get walkthrough() {
      return load().walkthrough;
    },
  };
}

export function deactivate(): void {
  // Everything, the loaded code's too, is disposed through context.subscriptions.
}
