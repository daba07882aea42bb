import * as vscode from 'vscode';
import { OPENED_KEY, STEPS, WALKTHROUGH_ID, type WalkthroughStep } from './steps';

/** What commands tell the walkthrough: a step's action happened (Ctx.walkthrough). */
export interface WalkthroughMarks {
  done(step: WalkthroughStep): void;
}

/**
 * Completes the walkthrough's steps when their actions happen, once per window (VS Code keeps a completed step done):
 * sets the step's context key, which its `onContext` completion event reads, and also marks the step complete
 * directly (`welcome.markStepComplete`). VS Code's walkthroughs service is made only when first needed, and a
 * completion event that happened before it was made (the engine connected, the Docker view opened before the
 * walkthrough was ever shown) is never counted; the direct mark is. Records what it did, for the extension's tests.
 */
export class WalkthroughProgress implements WalkthroughMarks {
  private readonly doneSteps = new Set<WalkthroughStep>();
  /** Every report, the repeated ones too (the last 100), oldest first. */
  readonly reports: WalkthroughStep[] = [];

  constructor(private readonly extensionId: string) {}

  done(step: WalkthroughStep): void {
    this.reports.push(step);
    if (this.reports.length > 100) this.reports.shift();
    if (this.doneSteps.has(step)) return;
    this.doneSteps.add(step);
    const { key, step: id } = STEPS[step];
    if (key) void vscode.commands.executeCommand('setContext', key, true);
    // An older or newer VS Code without the command: the completion events remain.
    void vscode.commands.executeCommand('welcome.markStepComplete', `${this.extensionId}#${WALKTHROUGH_ID}#${id}`).then(undefined, () => undefined);
  }

  /** The context keys set so far, by key: true. */
  contextKeys(): Record<string, boolean> {
    return Object.fromEntries([...this.doneSteps].flatMap((step) => (STEPS[step].key ? [[STEPS[step].key, true]] : [])));
  }

  /** The walkthrough's steps completed so far, by their id in package.json. */
  completedSteps(): string[] {
    return [...this.doneSteps].map((step) => STEPS[step].step);
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
