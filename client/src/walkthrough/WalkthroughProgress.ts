import * as vscode from 'vscode';
import { OPENED_KEY, STEP_KEYS, WALKTHROUGH_ID, type WalkthroughStep } from './steps';

/** What commands tell the walkthrough: a step's action happened (Ctx.walkthrough). */
export interface WalkthroughMarks {
  done(step: WalkthroughStep): void;
}

/**
 * Sets the context keys that complete the walkthrough's steps (each once per window; VS Code keeps a completed step
 * done) and remembers which it set, for the extension's own tests.
 */
export class WalkthroughProgress implements WalkthroughMarks {
  private readonly set = new Set<WalkthroughStep>();

  done(step: WalkthroughStep): void {
    if (this.set.has(step)) return;
    this.set.add(step);
    void vscode.commands.executeCommand('setContext', STEP_KEYS[step], true);
  }

  /** The keys set so far, by key: true. */
  contextKeys(): Record<string, boolean> {
    return Object.fromEntries([...this.set].map((step) => [STEP_KEYS[step], true]));
  }
}

/** The walkthrough's full id, as workbench.action.openWalkthrough takes it. */
export function walkthroughId(context: vscode.ExtensionContext): string {
  return `${context.extension.id}#${WALKTHROUGH_ID}`;
}

/**
 * Opens the walkthrough the first time the extension runs (remembered in the global state), unless VS Code's own
 * `workbench.welcomePage.walkthroughs.openOnInstall` is off or the extension runs under an extension test suite
 * (the tests of other features must not find an editor they did not open). Resolves with whether it opened it.
 */
export async function openOnFirstRun(context: vscode.ExtensionContext): Promise<boolean> {
  if (context.extensionMode === vscode.ExtensionMode.Test) return false;
  if (context.globalState.get<boolean>(OPENED_KEY)) return false;
  if (!vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall', true)) return false;
  await context.globalState.update(OPENED_KEY, true);
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId(context), false);
  return true;
}
