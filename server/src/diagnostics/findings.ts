// Findings of either language turned into LSP diagnostics: one shape, one source name, one order.
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { Finding, Severity } from './types';

export const DIAGNOSTIC_SOURCE = 'docker-workflows';

export const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The diagnostic of a finding at `severity`, linking `href` (a rule's docs page) when given. */
export function toDiagnostic(finding: Finding, severity: Severity, href?: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
  };
  if (href) diagnostic.codeDescription = { href };
  if (finding.tags && finding.tags.length > 0) {
    diagnostic.tags = finding.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  if (finding.fix) diagnostic.data = finding.fix;
  return diagnostic;
}

/** Sorts diagnostics by position, in place. */
export function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character,
  );
}
