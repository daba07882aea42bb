import * as vscode from 'vscode';

/**
 * Every message the extension shows the user goes through here, so tests can see what was shown
 * (and answer confirmations) without the product ever skipping one.
 */
export interface Notifier {
  error(message: string): void;
  /** What was shown since activation, oldest first. */
  readonly shown: readonly { kind: 'error'; message: string }[];
}

export function createNotifier(): Notifier {
  const shown: { kind: 'error'; message: string }[] = [];
  return {
    shown,
    error(message) {
      shown.push({ kind: 'error', message });
      if (shown.length > 100) shown.shift();
      void vscode.window.showErrorMessage(message);
    },
  };
}
