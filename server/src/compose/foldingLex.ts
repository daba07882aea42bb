// The characters and tokens of a YAML line that the folding scan (foldingScan.ts) looks at. Pure.

export const TAB = 0x09;
export const CR = 0x0d;
export const SPACE = 0x20;
export const BANG = 0x21;
export const DQ = 0x22;
export const HASH = 0x23;
export const AMP = 0x26;
export const SQ = 0x27;
export const STAR = 0x2a;
export const PLUS = 0x2b;
export const COMMA = 0x2c;
export const DASH = 0x2d;
export const DIGIT_1 = 0x31;
export const DIGIT_9 = 0x39;
export const COLON = 0x3a;
export const GT = 0x3e;
export const QUESTION = 0x3f;
export const LBRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const RBRACKET = 0x5d;
export const LBRACE = 0x7b;
export const PIPE = 0x7c;
export const RBRACE = 0x7d;

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

export function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Whether the character at `p` ends an indicator: a blank, the line's end, or (in a flow) a flow indicator. */
export function separated(text: string, p: number, end: number, flow: boolean): boolean {
  if (p >= end) return true;
  const c = text.charCodeAt(p);
  return isBlank(c) || (flow && isFlowIndicator(c));
}

/** Where a plain scalar that goes on at `p` ends: at `: `, ` #`, the line's end, or (in a flow) an indicator. */
export function plainEnd(text: string, p: number, end: number, flow: boolean): number {
  for (; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === COLON) {
      if (separated(text, p + 1, end, flow)) return p;
    } else if (c === SPACE || c === TAB) {
      if (p + 1 < end && text.charCodeAt(p + 1) === HASH) return p;
    } else if (flow && isFlowIndicator(c)) {
      return p;
    }
  }
  return end;
}

/** The offset after the quote that closes a quoted string going on at `p`, or -1 when it goes past the line. */
export function closeQuote(text: string, p: number, end: number, quote: number): number {
  while (p < end) {
    const c = text.charCodeAt(p);
    if (quote === DQ && c === BACKSLASH) {
      p += 2;
    } else if (c === quote) {
      if (quote === SQ && p + 1 < end && text.charCodeAt(p + 1) === SQ) p += 2;
      else return p + 1;
    } else {
      p++;
    }
  }
  return -1;
}

/** Whether `|` or `>` followed by what is at `p` is a block scalar header: up to two of `+-1..9`, then a blank. */
export function isScalarHeader(text: string, p: number, end: number): boolean {
  for (let n = 0; n < 2 && p < end; n++, p++) {
    const c = text.charCodeAt(p);
    if (c !== PLUS && c !== DASH && (c < DIGIT_1 || c > DIGIT_9)) break;
  }
  return separated(text, p, end, false);
}
