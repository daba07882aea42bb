// Shared by the composeCodeActions*.test.ts files: the diagnostics of a Compose text as the service computes them
// (every check, the schema check included), the code actions at a caret (‸, as `|` means something in YAML) for the
// diagnostics there, source.fixAll of a whole text, and the text after an action.
import type { Node } from 'yaml';
import type { CodeAction, CodeActionContext, Diagnostic } from 'vscode-languageserver-types';
import { composeChecks } from '../../../server/src/compose/checks';
import type { ComposeCheck } from '../../../server/src/compose/checks/types';
import { codeActions } from '../../../server/src/compose/codeActions';
import { type ComposeDiagnosticContext, diagnoseCompose } from '../../../server/src/compose/diagnostics';
import { parseCompose } from '../../../server/src/compose/parse';
import { validateSchemaNode } from '../../../server/src/compose/schemaCheck';
import { afterEdits, caret } from './dockerfileCaret';

export const URI = 'file:///project/compose.yaml';

/** The checks of the Compose service: ours and the schema check, in its order. */
const schemaCheck: ComposeCheck = ({ model }) => validateSchemaNode(model.root, (node) => model.rangeOf(node as Node));
export const CHECKS: readonly ComposeCheck[] = [...composeChecks, schemaCheck];

export function diagnoseAll(text: string, context: Partial<ComposeDiagnosticContext> = {}): Diagnostic[] {
  return diagnoseCompose(parseCompose(text), { uri: URI, fileExists: () => true, severity: undefined, ...context }, CHECKS);
}

function inside(d: Diagnostic, line: number, character: number): boolean {
  const { start, end } = d.range;
  const afterStart = line > start.line || (line === start.line && character >= start.character);
  const beforeEnd = line < end.line || (line === end.line && character <= end.character);
  return afterStart && beforeEnd;
}

/** The actions at the ‸ of the text (the diagnostics there in context), for the kinds in `only`. */
export function actionsAt(marked: string, only?: string[], eol = '\n', context: Partial<ComposeDiagnosticContext> = {}): { text: string; all: Diagnostic[]; actions: CodeAction[] } {
  const { text, position } = caret(marked, '‸');
  const all = diagnoseAll(text, context);
  const request: CodeActionContext = { diagnostics: all.filter((d) => inside(d, position.line, position.character)) };
  if (only) request.only = only;
  const actions = codeActions(parseCompose(text), { uri: URI, range: { start: position, end: position }, context: request, allDiagnostics: () => all, eol });
  return { text, all, actions };
}

/** The text after the action. */
export function applied(text: string, action: CodeAction): string {
  return afterEdits(text, action.edit!.changes![URI]);
}

/** Each quick fix at the ‸ as [title, isPreferred, the text after it]. */
export function fixesAt(marked: string, eol = '\n', context: Partial<ComposeDiagnosticContext> = {}): [string, boolean | undefined, string][] {
  const { text, actions } = actionsAt(marked, ['quickfix'], eol, context);
  return actions.map((a) => [a.title, a.isPreferred, applied(text, a)]);
}

/** source.fixAll of the whole text: the action and the text after it, or undefined when none is offered. */
export function fixAllOf(text: string, eol = '\n', context: Partial<ComposeDiagnosticContext> = {}): { action: CodeAction; result: string } | undefined {
  const all = diagnoseAll(text, context);
  const none = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const actions = codeActions(parseCompose(text), { uri: URI, range: none, context: { diagnostics: [], only: ['source.fixAll'] }, allDiagnostics: () => all, eol });
  if (actions.length > 1) throw new Error(`more than one fix-all action: ${actions.length}`);
  return actions[0] ? { action: actions[0], result: applied(text, actions[0]) } : undefined;
}

/** "code severity line" of every diagnostic, for a compact view of what remains. */
export function codesOf(text: string, context: Partial<ComposeDiagnosticContext> = {}): string[] {
  return diagnoseAll(text, context).map((d) => `${String(d.code)} ${d.severity} ${d.range.start.line}`);
}

/** A YAML text from lines, with a final line break. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/**
 * The codes of the diagnostics at the ‸ when no quick fix is offered there (to show that a case without a fix has
 * its diagnostic all the same); the titles of the fixes, marked "fix:", when some are.
 */
export function unfixedAt(marked: string): string[] {
  const { all, actions } = actionsAt(marked, ['quickfix']);
  if (actions.length > 0) return actions.map((a) => `fix: ${a.title}`);
  const { position } = caret(marked, '‸');
  return all.filter((d) => inside(d, position.line, position.character)).map((d) => String(d.code));
}
