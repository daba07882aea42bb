// One step of a multi-step input on screen: VS Code's own input box and quick pick with "step/total" in the title,
// a Back button from the second step on, Escape to cancel. Only notifier.ts calls these (the tests' seam is there).
import * as vscode from 'vscode';
import { BACK, type PickStepOptions, type StepAnswer, type StepItem, type StepPosition } from './steps';

/** An input box step; `validate` says why a value is not acceptable while typing (and on Enter). */
export function showInputStep(position: StepPosition, prompt: string, value: string, validate: (value: string) => string | undefined): Promise<StepAnswer> {
  const box = vscode.window.createInputBox();
  place(box, position);
  box.prompt = prompt;
  box.value = value;
  box.validationMessage = value === '' ? undefined : validate(value);
  return settle(box, (finish) => [
    box.onDidChangeValue((text) => (box.validationMessage = validate(text))),
    box.onDidAccept(() => {
      const problem = validate(box.value);
      box.validationMessage = problem;
      if (!problem) finish(box.value);
    }),
  ]);
}

/** A quick pick step: one item, or (custom) a typed text, which is then offered as the first item. */
export function showPickStep(position: StepPosition, prompt: string, items: readonly StepItem[], options: PickStepOptions = {}): Promise<StepAnswer> {
  const pick = vscode.window.createQuickPick<StepItem>();
  place(pick, position);
  pick.placeholder = prompt;
  pick.items = items;
  const active = items.find((item) => item.label === options.active);
  if (active) pick.activeItems = [active];
  return settle(pick, (finish) => [
    pick.onDidChangeValue((typed) => {
      const text = typed.trim();
      const typedItem = text !== '' && options.custom?.(text) && !items.some((item) => item.label === text);
      pick.items = typedItem ? [{ label: text, description: '(as typed)' }, ...items] : items;
    }),
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (!chosen) return;
      const problem = options.problemOf?.(chosen.label);
      // The step stays: the reason takes the place of the prompt until another item is chosen.
      if (problem) pick.placeholder = problem;
      else finish(chosen.label);
    }),
  ]);
}

function place(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, position: StepPosition): void {
  input.title = position.title;
  input.step = position.step;
  input.totalSteps = position.totalSteps;
  input.ignoreFocusOut = true;
  input.buttons = position.step > 1 ? [vscode.QuickInputButtons.Back] : [];
}

/** Shows the input and resolves once: with a value, BACK (the Back button), or undefined (hidden: Escape). */
function settle(
  input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
  listen: (finish: (answer: StepAnswer) => void) => vscode.Disposable[],
): Promise<StepAnswer> {
  return new Promise((resolve) => {
    let done = false;
    const disposables: vscode.Disposable[] = [];
    const finish = (answer: StepAnswer) => {
      if (done) return;
      done = true;
      resolve(answer);
      for (const d of disposables) d.dispose();
      input.dispose();
    };
    disposables.push(
      ...listen(finish),
      input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK)),
      input.onDidHide(() => finish(undefined)),
    );
    input.show();
  });
}
