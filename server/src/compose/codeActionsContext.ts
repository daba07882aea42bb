// What the Compose fixes of one request share: the Fix shape, the request's context (model, line break, indexes
// built on first use and dropped with the request), and whole-line removals. Pure.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DeclaredKind } from './codeActionsDeclare';
import type { ComposeModel } from './model';

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred: boolean;
  /** A declaration of an undefined name: source.fixAll declares all of a file's names in one go. */
  declares?: { kind: DeclaredKind; name: string };
}

export interface FixContext {
  model: ComposeModel;
  /** The document's line break. */
  eol: string;
  /** For source.fixAll: only the preferred fixes matter, and declarations are made together (no edits needed here). */
  forFixAll?: boolean;
  /** Many diagnostics in one request: look names up in indexes of the whole file rather than one by one. */
  bulk?: boolean;
  /** Indexes of the model built on first use, by name (this request only). */
  cache: Map<string, unknown>;
}

/** The index `name` of the request, built by `build` on first use. */
export function cached<T>(ctx: FixContext, name: string, build: () => T): T {
  if (!ctx.cache.has(name)) ctx.cache.set(name, build());
  return ctx.cache.get(name) as T;
}

/** A range as a map key. */
export function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
}

/** The range has its lines to itself: only blanks before it, and only blanks or a comment after it. */
export function ownsItsLines(model: ComposeModel, range: Range): boolean {
  const after = model.lineText(range.end.line).slice(range.end.character).trim();
  return model.lineText(range.start.line).slice(0, range.start.character).trim() === '' && (after === '' || after.startsWith('#'));
}

/** The range that removes lines `from` to `to` whole; on a last line without a line break, the one before it goes. */
export function linesRemoval(model: ComposeModel, from: number, to: number): Range {
  if (to + 1 < model.lineCount) return { start: { line: from, character: 0 }, end: { line: to + 1, character: 0 } };
  const start = from > 0 ? { line: from - 1, character: model.lineText(from - 1).length } : { line: 0, character: 0 };
  return { start, end: { line: to, character: model.lineText(to).length } };
}
