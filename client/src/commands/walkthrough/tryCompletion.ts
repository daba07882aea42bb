import * as vscode from 'vscode';

/** The Dockerfile the walkthrough opens: a base image, and the caret on the empty line after it. */
export const SAMPLE_DOCKERFILE = 'FROM busybox:latest\n\n';

/**
 * The walkthrough's "Try Completion": opens a new, unsaved Dockerfile with a FROM line and asks for suggestions on
 * the empty line below it, where the language server lists the instructions. Resolves with the editor.
 */
export async function tryCompletion(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: SAMPLE_DOCKERFILE });
  const editor = await vscode.window.showTextDocument(document);
  const end = new vscode.Position(1, 0);
  editor.selection = new vscode.Selection(end, end);
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
  return editor;
}
