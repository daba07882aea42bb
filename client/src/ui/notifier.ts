import * as vscode from 'vscode';
import { showInputStep, showPickStep } from './stepInput';
import { BACK, type PickStepOptions, type StepAnswer, type StepItem, type StepPosition } from './steps';

/** Test seam: the answer that presses a step's Back button. */
export const STEP_BACK = '<Back>';
/** Test seam: the answer that takes what a step offers (the input's value, the pick's active item) as it is. */
export const STEP_ACCEPT = '<Accept>';

/**
 * Every message the extension shows the user goes through here, so tests can see what was shown
 * (and answer confirmations) without the product ever skipping one.
 */
export interface Notifier {
  error(message: string): void;
  /** A modal question; resolves to the chosen answer, or undefined when cancelled. */
  confirm(message: string, detail: string, ...answers: string[]): Promise<string | undefined>;
  /** A multi-choice list; resolves to the chosen items, or undefined when cancelled. */
  pickMany(title: string, items: readonly string[]): Promise<string[] | undefined>;
  /** A one-choice list; resolves to the chosen item, or undefined when cancelled. */
  pick(title: string, items: readonly string[]): Promise<string | undefined>;
  /**
   * An input box with a starting value; `validate` returns why a value is not acceptable (shown while typing),
   * or undefined. Resolves to the accepted value, or undefined when cancelled. A seam answer is validated too:
   * an invalid one is recorded as an error and resolves to undefined; STEP_ACCEPT takes `value` as it is.
   * `password` hides what is typed.
   */
  input(prompt: string, value: string, validate: (value: string) => string | undefined, options?: { password?: boolean }): Promise<string | undefined>;
  /**
   * One step of a multi-step input box (title "step/total", Back from the second step on). Resolves to the value,
   * BACK, or undefined when cancelled. A seam answer STEP_BACK presses Back, STEP_ACCEPT takes `value`; any answer is
   * validated as input() does.
   */
  inputStep(position: StepPosition, prompt: string, value: string, validate: (value: string) => string | undefined): Promise<StepAnswer>;
  /**
   * One step of a multi-step quick pick; resolves to the chosen item's label (or a typed text options.custom
   * accepts), BACK, or undefined. A seam answer STEP_ACCEPT takes the active item; one that is neither an item nor
   * a text options.custom accepts, or that options.problemOf refuses, is recorded as an error and resolves to undefined.
   */
  pickStep(position: StepPosition, prompt: string, items: readonly StepItem[], options?: PickStepOptions): Promise<StepAnswer>;
  /** A message that something finished (e.g. the space a prune reclaimed). */
  info(message: string): void;
  /** The open dialog for local files and/or folders; resolves to their paths, or undefined when cancelled. */
  pickPaths(title: string, options: { files: boolean; folders: boolean; many: boolean; label: string; defaultPath?: string }): Promise<string[] | undefined>;
  /** What was shown since activation, oldest first. */
  readonly shown: readonly { kind: ShownKind; message: string }[];
  /**
   * Test seam: the next confirmations are answered with these (in order) instead of waiting for a person.
   * The question is still recorded in `shown`; the product never skips it.
   */
  answerNext(...answers: (string | string[] | undefined)[]): void;
}

export type ShownKind = 'error' | 'info' | 'confirm' | 'pick' | 'input';

export function createNotifier(): Notifier {
  const shown: { kind: ShownKind; message: string }[] = [];
  const answers: (string | string[] | undefined)[] = [];
  const record = (kind: ShownKind, message: string) => {
    shown.push({ kind, message });
    if (shown.length > 100) shown.shift();
  };
  return {
    shown,
    error(message) {
      record('error', message);
      void vscode.window.showErrorMessage(message);
    },
    async confirm(message, detail, ...choices) {
      record('confirm', message);
      if (answers.length > 0) {
        const answer = answers.shift();
        return Array.isArray(answer) ? answer[0] : answer;
      }
      return vscode.window.showWarningMessage(message, { modal: true, detail }, ...choices);
    },
    async pickMany(title, items) {
      record('pick', title);
      if (answers.length > 0) {
        const answer = answers.shift();
        return answer === undefined ? undefined : ([] as string[]).concat(answer);
      }
      return vscode.window.showQuickPick([...items], { title, canPickMany: true, ignoreFocusOut: true });
    },
    info(message) {
      record('info', message);
      void vscode.window.showInformationMessage(message);
    },
    async pick(title, items) {
      record('pick', title);
      if (answers.length > 0) {
        const answer = answers.shift();
        return Array.isArray(answer) ? answer[0] : answer;
      }
      return vscode.window.showQuickPick([...items], { title, ignoreFocusOut: true });
    },
    async input(prompt, value, validate, options) {
      record('input', prompt);
      if (answers.length > 0) {
        const next = answers.shift();
        const given = Array.isArray(next) ? next[0] : next;
        const answer = given === STEP_ACCEPT ? value : given;
        const problem = answer === undefined ? undefined : validate(answer);
        if (problem) record('error', problem);
        return problem ? undefined : answer;
      }
      return vscode.window.showInputBox({ prompt, value, password: options?.password, ignoreFocusOut: true, validateInput: (text) => validate(text) });
    },
    async inputStep(position, prompt, value, validate) {
      record('input', stepMessage(position, prompt));
      if (answers.length === 0) return showInputStep(position, prompt, value, validate);
      const next = answers.shift();
      const answer = Array.isArray(next) ? next[0] : next;
      if (answer === STEP_BACK) return BACK;
      const text = answer === STEP_ACCEPT ? value : answer;
      const problem = text === undefined ? undefined : validate(text);
      if (problem) record('error', problem);
      return problem ? undefined : text;
    },
    async pickStep(position, prompt, items, options = {}) {
      record('pick', stepMessage(position, prompt));
      if (answers.length === 0) return showPickStep(position, prompt, items, options);
      const next = answers.shift();
      const answer = Array.isArray(next) ? next[0] : next;
      if (answer === STEP_BACK) return BACK;
      if (answer === undefined) return undefined;
      const offered = (label: string) => items.some((item) => item.label === label);
      const chosen = answer === STEP_ACCEPT ? (options.active !== undefined && offered(options.active) ? options.active : items[0]?.label) : answer;
      const problem =
        chosen !== undefined && (offered(chosen) || options.custom?.(chosen)) ? options.problemOf?.(chosen) : `${chosen ?? 'Nothing'} is not one of the choices.`;
      if (problem) record('error', problem);
      return problem ? undefined : chosen;
    },
    async pickPaths(title, options) {
      record('pick', title);
      if (answers.length > 0) {
        const answer = answers.shift();
        return answer === undefined ? undefined : ([] as string[]).concat(answer);
      }
      const picked = await vscode.window.showOpenDialog({
        title,
        openLabel: options.label,
        canSelectFiles: options.files,
        canSelectFolders: options.folders,
        canSelectMany: options.many,
        defaultUri: options.defaultPath ? vscode.Uri.file(options.defaultPath) : undefined,
      });
      return picked?.map((uri) => uri.fsPath);
    },
    answerNext(...next) {
      answers.push(...next);
    },
  };
}

/** How a step is recorded in `shown`: "Run web:1 with Options 2/9: Published ports ...". */
function stepMessage(position: StepPosition, prompt: string): string {
  return `${position.title} ${position.step}/${position.totalSteps}: ${prompt}`;
}
