// Reading one line of a compose file for formatting: blanks, indicators (`- `, `? `, `: `), anchors and tags, keys
// and their `:`, document markers. Scalars, aliases and flow collections are known from the tree (formatRegions.ts),
// so nothing here guesses where a value starts or ends. Every method is bounded by the line it reads.
import { BLOCK, type Regions } from './formatRegions';

export const SPACE = 0x20;
export const HASH = 0x23;
export const DASH = 0x2d;
const TAB = 0x09;
const QUESTION = 0x3f;
export const COLON = 0x3a;
const AMPERSAND = 0x26;
const BANG = 0x21;
const BACKSLASH = 0x5c;
const DOT = 0x2e;
const PERCENT = 0x25;

/** What starts at a place of a line: a node (a value), a sequence item, a map item. */
export const NODE = 0;
export const SEQ = 1;
export const MAP = 2;

/** The indentation strings made so far, by width (one string per width, not one per edit). */
const INDENTS: string[] = [];

/** `n` spaces. */
export function spaces(n: number): string {
  if (n >= 256) return ' '.repeat(n);
  return (INDENTS[n] ??= ' '.repeat(n));
}

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

export class TextScan {
  constructor(
    readonly text: string,
    /** Offset where each line starts. */
    readonly starts: readonly number[],
    readonly regions: Regions,
  ) {}

  /** End of a line's characters (before "\r\n" or "\n"). */
  lineEnd(line: number): number {
    const { text, starts } = this;
    const next = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
    return next > starts[line] && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  /** The first offset from `p` that is not a space. */
  skipSpaces(p: number, e: number): number {
    while (p < e && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  skipBlanks(p: number, e: number): number {
    while (p < e && isBlank(this.text.charCodeAt(p))) p++;
    return p;
  }

  /** Where the blanks at the end of [s, e) start. */
  trailingBlanks(s: number, e: number): number {
    while (e > s && isBlank(this.text.charCodeAt(e - 1))) e--;
    return e;
  }

  /**
   * Where the blanks that may go at the end of a line start (`e` when none may go): not after a `\` when the line
   * ends inside a quoted string or flow collection that goes on (`"a\ ` is an escaped space).
   */
  removableEnd(line: number, s: number, e: number): number {
    const t = this.trailingBlanks(s, e);
    if (t === e) return e;
    const next = line + 1 < this.starts.length ? this.regions.continues[line + 1] : -1;
    return next >= 0 && this.regions.kind[next] !== BLOCK && this.text.charCodeAt(t - 1) === BACKSLASH ? e : t;
  }

  /** `-`, `?` or `:` at `p` followed by a blank or the line's end (and not the start of a scalar). */
  isIndicator(p: number, e: number): boolean {
    const c = this.text.charCodeAt(p);
    if (c !== DASH && c !== QUESTION && c !== COLON) return false;
    return (p + 1 >= e || isBlank(this.text.charCodeAt(p + 1))) && this.regions.at(p) < 0;
  }

  /** Skips anchors and tags (`&name`, `!tag`) and the blanks after them. */
  skipProperties(p: number, e: number): number {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(p);
      if (p >= e || (c !== AMPERSAND && c !== BANG) || this.regions.at(p) >= 0) return p;
      while (p < e && !isBlank(text.charCodeAt(p))) p++;
      p = this.skipBlanks(p, e);
    }
  }

  /** What starts at `p`: a sequence item, a map item (a key followed by `:` on the line, `?`, `:`), or a node. */
  classify(p: number, e: number): number {
    if (this.isIndicator(p, e)) return this.text.charCodeAt(p) === DASH ? SEQ : MAP;
    return this.colonAfterKey(this.skipProperties(p, e), e) >= 0 ? MAP : NODE;
  }

  /** When a key starts at `p` and its `:` follows on the same line, the offset of that `:`; else -1. */
  colonAfterKey(p: number, e: number): number {
    const r = this.regions.at(p);
    if (r < 0 || !this.regions.key[r] || this.regions.end[r] > e) return -1;
    const q = this.skipBlanks(this.regions.end[r], e);
    return q < e && this.text.charCodeAt(q) === COLON ? q : -1;
  }

  /** `---`, `...` or a `%` directive at `s`, the start of a line. */
  isMarker(s: number, e: number): boolean {
    const { text } = this;
    const c = text.charCodeAt(s);
    if (c === PERCENT) return true;
    if ((c !== DASH && c !== DOT) || text.charCodeAt(s + 1) !== c || text.charCodeAt(s + 2) !== c) return false;
    return s + 3 >= e || isBlank(text.charCodeAt(s + 3));
  }
}
