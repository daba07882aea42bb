import * as vscode from 'vscode';

/**
 * Every message the extension shows the user goes through here, so tests can see what was shown
 * (and answer confirmations) without the product ever skipping one.
 */
export interface Notifier {
  error(message: string): void;
  info(message: string): void;
  /** What was shown since activation, oldest first. */
  readonly shown: readonly { kind: 'error' | 'info'; message: string }[];
}

export function createNotifier(): Notifier {
  const shown: { kind: 'error' | 'info'; message: string }[] = [];
  const record = (kind: 'error' | 'info', message: string) => {
    shown.push({ kind, message });
    if (shown.length > 100) shown.shift();
  };
  return {
    shown,
    error(message) {
      record('error', message);
      void vscode.window.showErrorMessage(message);
    },
    info(message) {
      record('info', message);
      void vscode.window.showInformationMessage(message);
    },
  };
}
