// The pieces of a line that compose/parseSimple.ts reads: keys, sequence dashes, comments after a value, quoted
// scalars without escapes, and plain scalars resolved by the YAML 1.2 core schema exactly as `yaml` resolves them
// (the same tests in the same order, the same values, formats and digits).
import { Scalar } from 'yaml';
import { newScalar } from './parseNodes';

/** Thrown (one shared object, no stack) when the text is outside the fast reader's subset. */
export const OUTSIDE = Object.freeze({ outside: true });

/** Where the quoted scalar at `from` ends (after its closing quote), which must be at or before `limit`. */
export function quotedEnd(text: string, from: number, limit: number): number {
  const quote = text.charCodeAt(from);
  for (let i = from + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    // Escapes, doubled single quotes and control characters are `yaml`'s to read.
    if (c === 0x5c || c < 0x20 || c === 0x7f) throw OUTSIDE;
    if (c === quote) return i + 1;
  }
  throw OUTSIDE;
}

export function quotedScalar(text: string, from: number, end: number): Scalar {
  const value = text.slice(from + 1, end - 1);
  const scalar = newScalar(value);
  scalar.source = value;
  scalar.type = text.charCodeAt(from) === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
  return scalar;
}

/** A plain scalar resolved by the YAML 1.2 core schema, as `yaml` resolves it (same tests, same values). */
export function plainScalar(source: string, from: number, valueEnd: number, nodeEnd: number): Scalar {
  let scalar: Scalar;
  if (isSurelyString(source.charCodeAt(0))) scalar = newScalar(source);
  else if (/^(?:~|[Nn]ull|NULL)$/.test(source)) scalar = newScalar(null);
  else if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) scalar = newScalar(source[0] === 't' || source[0] === 'T');
  else if (/^0o[0-7]+$/.test(source)) scalar = withFormat(parseInt(source.substring(2), 8), 'OCT');
  else if (/^[-+]?[0-9]+$/.test(source)) scalar = newScalar(parseInt(source, 10));
  else if (/^0x[0-9a-fA-F]+$/.test(source)) scalar = withFormat(parseInt(source.substring(2), 16), 'HEX');
  else if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    scalar = newScalar(source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
  } else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) scalar = withFormat(parseFloat(source), 'EXP');
  else if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) {
    scalar = newScalar(parseFloat(source));
    const dot = source.indexOf('.');
    if (source[source.length - 1] === '0') scalar.minFractionDigits = source.length - dot - 1;
  } else scalar = newScalar(source);
  scalar.range = [from, valueEnd, nodeEnd];
  scalar.source = source;
  scalar.type = Scalar.PLAIN;
  return scalar;
}

/** A first character no null, boolean or number of the core schema starts with: a letter other than n, t, f. */
function isSurelyString(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a && lower !== 0x6e && lower !== 0x74 && lower !== 0x66;
}

function withFormat(value: number, format: string): Scalar {
  const scalar = newScalar(value);
  scalar.format = format;
  return scalar;
}

/** A character a plain scalar or key may start with here: not a YAML indicator, not a space. */
export function isPlainStart(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ||
    c === 0x5f || c === 0x2e || c === 0x2f || c === 0x24 || c === 0x7e || c === 0x2b || c === 0x28 || c === 0x3d
  );
}

export function isAnchorName(name: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(name);
}

export function isAnchorChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x5f || c === 0x2d;
}

/** `- ` at `at`: a block sequence item. */
export function isItemStart(text: string, at: number, end: number): boolean {
  return text.charCodeAt(at) === 0x2d && at + 1 < end && text.charCodeAt(at + 1) === 0x20;
}

/** True when a plain key starts at `from` (`key:` or `key: x`), as keyEnd reads one. */
export function startsKey(text: string, from: number, end: number): boolean {
  return colonOfKey(text, from, end) >= 0;
}

/** The offset of the colon that ends the plain key starting at `from`; OUTSIDE unless it is `key:` or `key: x`. */
export function keyEnd(text: string, from: number, end: number): number {
  const colon = colonOfKey(text, from, end);
  if (colon < 0) throw OUTSIDE;
  return colon;
}

function colonOfKey(text: string, from: number, end: number): number {
  if (!isPlainStart(text.charCodeAt(from)) && !text.startsWith('<<:', from)) return -1;
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) break;
    if (c === 0x20 || c === 0x22 || c === 0x23 || c === 0x27 || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) return -1;
    i++;
  }
  if (i === end || i === from) return -1;
  // After the colon: the end of the line, or one space and a value.
  if (i + 1 < end && (text.charCodeAt(i + 1) !== 0x20 || i + 2 >= end || text.charCodeAt(i + 2) === 0x20)) return -1;
  return i;
}

/** The comment after a value that ends at `at` (blanks, `#`, some text), undefined for none; OUTSIDE for other text. */
export function commentAfter(text: string, at: number, end: number): string | undefined {
  if (at === end) return undefined;
  let i = at;
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  // `#` alone is a comment `yaml` keeps as " ": left to it.
  if (i === at || i + 1 >= end || text.charCodeAt(i) !== 0x23) throw OUTSIDE;
  return text.slice(i + 1, end);
}
