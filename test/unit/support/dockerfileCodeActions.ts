// Shared by the dockerfileCodeActions.*.test.ts files: the code actions at a caret of a text, for the diagnostics
// there, as the editor asks for them, and the text after an action.
import type { CodeAction, CodeActionContext, Diagnostic } from 'vscode-languageserver-types';
import { OWN_CHECKS } from '../../../server/src/dockerfile/checks';
import { codeActions } from '../../../server/src/dockerfile/codeActions';
import { diagnoseDockerfile } from '../../../server/src/dockerfile/diagnostics';
import { contains } from '../../../server/src/dockerfile/locate';
import { parseDockerfile } from '../../../server/src/dockerfile/parser';
import { afterEdits, caret } from './dockerfileCaret';

export const URI = 'file:///work/Dockerfile';

/** The actions at the `marker` of the text (the diagnostics there in context), for the kinds in `only`. */
export function actionsAt(marked: string, only?: string[], eol?: string, marker = '‸'): { text: string; all: Diagnostic[]; actions: CodeAction[] } {
  const { text, position } = caret(marked, marker);
  const model = parseDockerfile(text);
  const all = diagnoseDockerfile(model, {}, OWN_CHECKS);
  const context: CodeActionContext = { diagnostics: all.filter((d) => contains(d.range, position)) };
  if (only) context.only = only;
  return { text, all, actions: codeActions(model, { uri: URI, range: { start: position, end: position }, context, allDiagnostics: () => all, eol }) };
}

/** The quick fixes at the `marker` of the text, for the diagnostics there. */
export function quickFixes(marked: string, marker = '‸'): { text: string; actions: CodeAction[] } {
  const { text, actions } = actionsAt(marked, ['quickfix'], undefined, marker);
  return { text, actions };
}

/** The text after the action. */
export function applied(text: string, action: CodeAction): string {
  return afterEdits(text, action.edit!.changes![URI]);
}

/** Each action as [title, isPreferred, the text after it]. */
export function resultsOf({ text, actions }: { text: string; actions: CodeAction[] }): [string, boolean | undefined, string][] {
  return actions.map((a) => [a.title, a.isPreferred, applied(text, a)]);
}
