// What a check of either language reports. Checks are pure: (model) -> findings; each language's
// diagnostics.ts turns findings into LSP diagnostics (findings.ts), and its code actions read `fix` back.
import type { Range } from 'vscode-languageserver-types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  /** A BuildKit rule name (e.g. "FromAsCasing") or one of our kebab-case codes (e.g. "unknown-instruction"). */
  code: string;
  /** One sentence in plain words; names the offending text and, where it helps, suggests the fix. */
  message: string;
  range: Range;
  severity: Severity;
  /** Fades the range (e.g. an unused stage) or strikes it through (e.g. MAINTAINER). */
  tags?: ('unnecessary' | 'deprecated')[];
  /**
   * The quick fix, when one is obvious: carried in the diagnostic's `data` for the code actions. `guess`: one of
   * several reasonable fixes (offered, never preferred, so that "fix all" leaves the choice to the user).
   */
  fix?: { title: string; range: Range; newText: string; guess?: true };
}
