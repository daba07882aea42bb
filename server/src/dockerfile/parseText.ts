// Low-level text helpers of the Dockerfile parser: character classes as BuildKit (Go) sees them, and the
// "logical line": an instruction's text with its line continuations joined, plus a map from every offset of
// that joined text back to an LSP position in the file. Pure; no state outside the objects made here.
import type { Position, Range, Token } from './model';
import { OneLine, Pieces, Span, type PositionMap } from './parsePositions';

export { Span, type PositionMap } from './parsePositions';

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * The empty array every model array without elements shares (frozen: the model is read-only, and a
 * mistaken push then fails loudly instead of changing every instruction at once).
 */
export function none<T>(): T[] {
  return EMPTY as unknown as T[];
}

/** An array without spare capacity, or the shared empty array: the model keeps it. */
export function exact<T>(array: T[]): T[] {
  return array.length === 0 ? none<T>() : array.slice();
}

/**
 * Go's unicode.IsSpace, for one UTF-16 code unit. Loops over every character test `(c <= 0x20 || c >= 0x85)` before
 * calling it: printable ASCII is never a space, and the call per character is what costs while the server is cold.
 */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** BuildKit's `[\t\v\f\r ]` (the class it splits the keyword and legacy ENV/LABEL pairs with). */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

/** Index of the first character at or after `from` that is not a space (Go unicode.IsSpace). */
export function skipSpaces(text: string, from: number, end = text.length): number {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if ((c > 0x20 && c < 0x85) || !isSpace(c)) break;
    i++;
  }
  return i;
}

/** Splits a document into lines at CRLF, LF and lone CR, as LSP clients count lines. */
export function splitLines(text: string): string[] {
  // Splitting at one character is several times faster than at a regular expression (large files, every edit).
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
}

/**
 * splitLines(text) for a new version of a document whose previous version had `oldLines`: the lines an edit did
 * not touch are the previous version's own strings (found by comparing at the start and at the end, without
 * splitting the whole text again), so that typing in a large file neither splits it all nor makes 200,000 new
 * strings. Only for text with line feeds alone (else it splits as splitLines does).
 */
export function splitLinesAfterEdit(text: string, oldLines: readonly string[]): string[] {
  if (text.indexOf('\r') >= 0) return splitLines(text);
  const n = oldLines.length;
  // Leading lines: each old line still at its offset and followed by a line feed.
  let head = 0;
  let start = 0;
  while (head < n) {
    const line = oldLines[head];
    if (!text.startsWith(line, start) || text.charCodeAt(start + line.length) !== 0x0a) break;
    start += line.length + 1;
    head++;
  }
  // Trailing lines: each old line ending where the one after it begins (one line feed between), the last one at the
  // end of the text; never reaching into the leading lines.
  let tail = 0;
  let next = text.length + 1; // where the line after the current one starts (a line feed before it)
  while (tail < n - head) {
    const line = oldLines[n - 1 - tail];
    const at = next - 1 - line.length;
    if (at < start || !text.startsWith(line, at) || (at > 0 && text.charCodeAt(at - 1) !== 0x0a)) break;
    next = at;
    tail++;
    if (at === 0) break;
  }
  const lines = oldLines.slice(0, head);
  if (next > start) for (const line of text.slice(start, next - 1).split('\n')) lines.push(line);
  for (let k = n - tail; k < n; k++) lines.push(oldLines[k]);
  return lines;
}

/** Where a line's content starts: after a BOM on the first line, then after leading spaces. */
export function contentStart(line: string, lineNumber: number): number {
  const from = lineNumber === 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
  return skipSpaces(line, from);
}

/**
 * BuildKit's continuation test `([^E])E[ \t]*$|^E[ \t]*$` (E = escape) on `line` from `from`:
 * the index of the continuation escape character, or -1 when the line does not continue.
 * An escape that is itself escaped (`\\` at the end) does not continue the line.
 */
export function continuationAt(line: string, escape: string, from = 0): number {
  let e = line.length;
  while (e > from) {
    const c = line.charCodeAt(e - 1);
    if (c !== 0x20 && c !== 0x09) break;
    e--;
  }
  if (e <= from || line[e - 1] !== escape) return -1;
  if (e - 1 > from && line[e - 2] === escape) return -1;
  return e - 1;
}

/** True for a line whose first non-space character is `#`. */
export function isCommentLine(line: string, start: number): boolean {
  return start < line.length && line.charCodeAt(start) === 0x23;
}

/**
 * Text joined from pieces of physical lines. Piece k begins at offset `starts[k]` of `text`, and its first
 * character is at (`lines[k]`, `chars[k]`) in the file. One object is reused for every instruction of a parse
 * (reset()), so that joining costs no allocation beyond the text itself.
 */
export class Logical {
  private readonly starts: number[] = [];
  private readonly lines: number[] = [];
  private readonly chars: number[] = [];
  private count = 0;
  private snapshot: PositionMap | undefined;
  private readonly scratch: number[][] = [];
  text = '';

  /** A work array owned by this object, one per nesting depth (reused from instruction to instruction). */
  work(depth: number): number[] {
    return (this.scratch[depth] ??= []);
  }

  reset(): this {
    this.count = 0;
    this.text = '';
    this.snapshot = undefined;
    return this;
  }

  /** The position map of the text as it is now (the same object until the next reset or append). */
  map(): PositionMap {
    if (this.snapshot) return this.snapshot;
    const n = this.count;
    this.snapshot = n <= 1
      ? new OneLine(n === 1 ? this.lines[0] : 0, n === 1 ? this.chars[0] : 0)
      : new Pieces(this.starts.slice(0, n), this.lines.slice(0, n), this.chars.slice(0, n));
    return this.snapshot;
  }

  /** A token of [start, end) whose range is made when asked; `value` defaults to that text. */
  span(start: number, end: number, value = this.text.slice(start, end)): Span {
    return new Span(value, start, end, this.map());
  }

  append(piece: string, line: number, character: number): void {
    const k = this.count++;
    this.snapshot = undefined;
    this.starts[k] = this.text.length;
    this.lines[k] = line;
    this.chars[k] = character;
    this.text += piece;
  }

  /** The file position of the character at `offset`. */
  pos(offset: number): Position {
    return this.map().pos(offset);
  }

  /** The file position just after the character at `offset - 1` (an exclusive end). */
  endPos(offset: number): Position {
    return this.map().endPos(offset);
  }

  /** The range of [start, end). An empty range has one Position object as both its start and end. */
  range(start: number, end: number): Range {
    return this.map().range(start, end);
  }

  token(start: number, end: number): Token {
    return this.span(start, end);
  }
}

/** One instruction's lines, gathered the way BuildKit joins continuation lines. */
export interface Gathered {
  logical: Logical;
  /** The last line that contributed text. */
  lastLine: number;
  /** Comment and empty lines skipped inside the continuation, before lastLine. */
  inner: number[];
  /** Comment and empty lines skipped after lastLine (a continuation that runs into the end of the file). */
  trailing: number[];
}

/**
 * Joins the instruction that starts at (`line`, `character`) into `logical` (reset first): a line ending in
 * the escape character (trailing blanks allowed) continues on the next line that is neither empty nor a
 * comment. Continuation lines keep their leading whitespace, as BuildKit does.
 */
export function gather(lines: string[], line: number, character: number, escape: string, logical = new Logical()): Gathered {
  logical.reset();
  let inner: number[] | undefined;
  let skipped: number[] | undefined;
  const first = lines[line];
  let cut = continuationAt(first, escape, character);
  logical.append(cut >= 0 ? first.slice(character, cut) : character === 0 ? first : first.slice(character), line, character);
  let lastLine = line;
  let j = line + 1;
  while (cut >= 0 && j < lines.length) {
    const text = lines[j];
    const start = skipSpaces(text, 0);
    if (start === text.length || isCommentLine(text, start)) {
      (skipped ??= []).push(j++);
      continue;
    }
    if (skipped && skipped.length > 0) {
      inner ??= [];
      for (const k of skipped) inner.push(k);
      skipped.length = 0;
    }
    cut = continuationAt(text, escape);
    logical.append(cut >= 0 ? text.slice(0, cut) : text, j, 0);
    lastLine = j++;
  }
  return { logical, lastLine, inner: inner ?? none<number>(), trailing: skipped ?? none<number>() };
}
