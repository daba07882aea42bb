// Shared by the dockerfileOwnChecks*.test.ts files: run our own Dockerfile checks (OWN_CHECKS) and compare findings
// (code, severity, message, range) with what a test expects.
import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { OWN_CHECKS } from '../../../server/src/dockerfile/checks/index';
import type { Finding, Severity } from '../../../server/src/dockerfile/checks/types';
import { parseDockerfile } from '../../../server/src/dockerfile/parser';

export function lintAll(text: string): Finding[] {
  const model = parseDockerfile(text);
  return OWN_CHECKS.flatMap((check) => check(model));
}

export function lint(text: string, code: string): Finding[] {
  return lintAll(text).filter((f) => f.code === code);
}

/**
 * The range of the `occurrence`-th (0-based) appearance of `needle` in the text, which must be on one line.
 * Lets a test name the offending token instead of counting columns.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const lines = text.split('\n');
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const at = lines[line].indexOf(needle, from);
      if (at < 0) break;
      if (seen === occurrence) return { start: { line, character: at }, end: { line, character: at + needle.length } };
      seen++;
      from = at + 1;
    }
  }
  throw new Error(`${JSON.stringify(needle)} not found in the test text`);
}

export interface Expected {
  severity: Severity;
  message: string;
  /** The offending text (its first occurrence unless `occurrence` says otherwise), or an explicit range. */
  at: string | Range;
  occurrence?: number;
}

function byPosition(a: { range: Range }, b: { range: Range }): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Exactly these findings of `code` (in any order), with code, severity, message and range. */
export function fires(text: string, code: string, ...expected: Expected[]): void {
  const actual = lint(text, code).map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range }));
  const wanted = expected.map((e) => ({
    code, severity: e.severity, message: e.message, range: typeof e.at === 'string' ? rangeOf(text, e.at, e.occurrence) : e.at,
  }));
  assert.deepStrictEqual(actual.sort(byPosition), wanted.sort(byPosition));
}

/** No finding of `code` (or, with code undefined, no finding at all). */
export function none(text: string, code?: string): void {
  const actual = code === undefined ? lintAll(text) : lint(text, code);
  assert.deepStrictEqual(actual.map((f) => `${f.code}: ${f.message}`), [], `${code ?? 'nothing'} should not fire on:\n${text}`);
}

export function fixOf(text: string, code: string): Finding['fix'] {
  const [first] = lint(text, code);
  assert.ok(first, `${code} did not fire`);
  return first.fix;
}
