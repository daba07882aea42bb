import * as vscode from 'vscode';

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
  /** What was shown since activation, oldest first. */
  readonly shown: readonly { kind: 'error' | 'confirm' | 'pick'; message: string }[];
  /**
   * Test seam: the next confirmations are answered with these (in order) instead of waiting for a person.
   * The question is still recorded in `shown`; the product never skips it.
   */
  answerNext(...answers: (string | string[] | undefined)[]): void;
}

export function createNotifier(): Notifier {
  const shown: { kind: 'error' | 'confirm' | 'pick'; message: string }[] = [];
  const answers: (string | string[] | undefined)[] = [];
  const record = (kind: 'error' | 'confirm' | 'pick', message: string) => {
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
    answerNext(...next) {
      answers.push(...next);
    },
  };
}
