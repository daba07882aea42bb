// Shared by the composeChecks*.test.ts files: run the Compose diagnostics on a text and read them back compactly.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { type ComposeDiagnosticContext, diagnoseCompose } from '../../../server/src/compose/diagnostics';
import { parseCompose } from '../../../server/src/compose/parse';

export const URI = 'file:///project/compose.yaml';

export function diagnose(text: string, context: Partial<ComposeDiagnosticContext> = {}): Diagnostic[] {
  return diagnoseCompose(parseCompose(text), { uri: URI, fileExists: () => true, ...context });
}

/** "line:character-line:character", 0-based. */
export function at(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

const NAMES: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export interface Seen {
  code: string;
  message: string;
  range: string;
  severity: string;
}

/** The diagnostics of one code (or all of them), as { code, message, range, severity }. */
export function found(text: string, code?: string, context: Partial<ComposeDiagnosticContext> = {}): Seen[] {
  return diagnose(text, context)
    .filter((d) => code === undefined || d.code === code)
    .map((d) => ({ code: String(d.code), message: d.message, range: at(d.range), severity: NAMES[d.severity ?? 0] }));
}

/** Just "code severity range" of every diagnostic, for the cases that must stay quiet or list several. */
export function brief(text: string, context: Partial<ComposeDiagnosticContext> = {}): string[] {
  return found(text, undefined, context).map((d) => `${d.code} ${d.severity} ${d.range}`);
}

/** A YAML text from lines. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
