// The exec (JSON) form of RUN, CMD, ENTRYPOINT, SHELL, ADD, COPY, VOLUME and HEALTHCHECK CMD: a JSON array of
// strings, read the way Go's json.Decoder reads it (BuildKit decodes one value and ignores what follows it).

/** One string of the array: [start, end) covers the literal with its quotes; value is the decoded string. */
export interface JsonString {
  start: number;
  end: number;
  value: string;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function hex4(text: string, at: number, end: number): number {
  if (at + 4 > end) return -1;
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
    else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * Parses the JSON array that starts at `start` (a `[`) in `text`, not beyond `end`. Returns its strings, or
 * undefined when it is not a complete JSON array of strings.
 */
export function parseJsonStrings(text: string, start: number, end: number): JsonString[] | undefined {
  if (text[start] !== '[') return undefined;
  const out: JsonString[] = [];
  let k = start + 1;
  while (k < end && isJsonSpace(text.charCodeAt(k))) k++;
  if (text[k] === ']' && k < end) return out;
  for (;;) {
    while (k < end && isJsonSpace(text.charCodeAt(k))) k++;
    if (k >= end || text[k] !== '"') return undefined;
    const literal = readString(text, k, end);
    if (!literal) return undefined;
    out.push(literal);
    k = literal.end;
    while (k < end && isJsonSpace(text.charCodeAt(k))) k++;
    if (k >= end) return undefined;
    if (text[k] === ']') return out;
    if (text[k] !== ',') return undefined;
    k++;
  }
}

function readString(text: string, quote: number, end: number): JsonString | undefined {
  let k = quote + 1;
  let value = '';
  let plain = k;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (c === 0x22) {
      value += text.slice(plain, k);
      return { start: quote, end: k + 1, value };
    }
    if (c < 0x20) return undefined;
    if (c !== 0x5c) {
      k++;
      continue;
    }
    value += text.slice(plain, k);
    const e = text[k + 1];
    if (k + 1 >= end) return undefined;
    let step = 2;
    switch (e) {
      case '"': value += '"'; break;
      case '\\': value += '\\'; break;
      case '/': value += '/'; break;
      case 'b': value += '\b'; break;
      case 'f': value += '\f'; break;
      case 'n': value += '\n'; break;
      case 'r': value += '\r'; break;
      case 't': value += '\t'; break;
      case 'u': {
        const unit = hex4(text, k + 2, end);
        if (unit < 0) return undefined;
        step = 6;
        if (unit >= 0xd800 && unit <= 0xdbff && text[k + 6] === '\\' && text[k + 7] === 'u') {
          const low = hex4(text, k + 8, end);
          if (low >= 0xdc00 && low <= 0xdfff) {
            value += String.fromCharCode(unit, low);
            step = 12;
            break;
          }
        }
        // Go replaces a lone surrogate with U+FFFD.
        value += unit >= 0xd800 && unit <= 0xdfff ? '\ufffd' : String.fromCharCode(unit);
        break;
      }
      default:
        return undefined;
    }
    k += step;
    plain = k;
  }
  return undefined;
}
