// Word expansion as BuildKit's builder does it (frontend/dockerfile/shell): quote removal, the escape
// character, `$NAME`, `${NAME}` and the `${NAME<op>word}` forms, recording which names were found and which
// were not. Our own code, same behaviour.

/** A variable's value; `null` when it is set but its value cannot be known statically (base image, --build-arg). */
export type Lookup = (name: string) => string | null | undefined;

export interface Expansion {
  value: string;
  /** Names that were looked up and set. */
  matched: ReadonlySet<string>;
  /** Names that were looked up and not set. */
  unmatched: ReadonlySet<string>;
  /** A set variable with an unknown value took part: `value` is not reliable. */
  unknown: boolean;
  /** The expression BuildKit would reject (bad substitution, `${X:?}` on an unset X ...). */
  error?: string;
}

class ExpandError extends Error {}

interface State {
  text: string;
  pos: number;
  escape: string;
  lookup: Lookup;
  out: Expansion;
  matched: Set<string>;
  unmatched: Set<string>;
}

/** What a word without a variable, quote or escape shares (most words are plain). */
const NO_NAMES: ReadonlySet<string> = new Set();

/** Expands one word the way BuildKit's ProcessWordWithMatches does. Never throws. */
export function expandWord(text: string, lookup: Lookup, escape = '\\'): Expansion {
  if (!/[$'"]/.test(text) && !text.includes(escape)) return { value: text, matched: NO_NAMES, unmatched: NO_NAMES, unknown: false };
  const matched = new Set<string>();
  const unmatched = new Set<string>();
  const out: Expansion = { value: text, matched, unmatched, unknown: false };
  const s: State = { text, pos: 0, escape, lookup, out, matched, unmatched };
  try {
    out.value = readUntil(s, '', false);
  } catch (e) {
    out.error = e instanceof ExpandError ? e.message : String(e);
  }
  return out;
}

function readUntil(s: State, stop: string, rawEscapes: boolean): string {
  let result = '';
  while (s.pos < s.text.length) {
    const c = s.text[s.pos];
    if (stop !== '' && c === stop) {
      s.pos++;
      return result;
    }
    if (c === '$') result += dollar(s);
    else if (c === "'") result += singleQuoted(s);
    else if (c === '"') result += doubleQuoted(s);
    else if (c === s.escape) {
      s.pos++;
      if (rawEscapes) result += c;
      if (s.pos >= s.text.length) break;
      result += s.text[s.pos++];
    } else {
      result += c;
      s.pos++;
    }
  }
  if (stop !== '') throw new ExpandError(`missing '${stop}'`);
  return result;
}

function singleQuoted(s: State): string {
  const close = s.text.indexOf("'", s.pos + 1);
  if (close < 0) throw new ExpandError('unterminated single quote');
  const body = s.text.slice(s.pos + 1, close);
  s.pos = close + 1;
  return body;
}

function doubleQuoted(s: State): string {
  let result = '';
  s.pos++;
  while (s.pos < s.text.length) {
    const c = s.text[s.pos];
    if (c === '"') {
      s.pos++;
      return result;
    }
    if (c === '$') {
      result += dollar(s);
      continue;
    }
    s.pos++;
    if (c === s.escape && s.pos < s.text.length) {
      const next = s.text[s.pos];
      if (next === '"' || next === '$' || next === s.escape) {
        result += next;
        s.pos++;
        continue;
      }
    } else if (c === s.escape) {
      continue;
    }
    result += c;
  }
  throw new ExpandError('unterminated double quote');
}

function get(s: State, name: string): string | undefined {
  const value = s.lookup(name);
  if (value === undefined) {
    s.unmatched.add(name);
    return undefined;
  }
  s.matched.add(name);
  if (value === null) {
    s.out.unknown = true;
    return '';
  }
  return value;
}

function readName(s: State): string {
  const text = s.text;
  const start = s.pos;
  if (start >= text.length) return '';
  if (isDigit(text, start)) {
    while (s.pos < text.length && isDigit(text, s.pos)) s.pos++;
    return text.slice(start, s.pos);
  }
  if ('@*#?-$!0'.includes(text[start])) {
    s.pos++;
    return text[start];
  }
  while (s.pos < text.length && isNameChar(text, s.pos)) s.pos++;
  return text.slice(start, s.pos);
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 0x80 ? c >= 0x30 && c <= 0x39 : /\p{Nd}/u.test(text[i]);
}

function isNameChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x5f || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return /[\p{L}\p{Nd}]/u.test(text[i]);
}

function dollar(s: State): string {
  s.pos++;
  if (s.text[s.pos] !== '{') {
    const name = readName(s);
    if (name === '') return '$';
    return get(s, name) ?? '';
  }
  s.pos++;
  if (s.pos >= s.text.length) throw new ExpandError("missing '}'");
  if ('{}:'.includes(s.text[s.pos])) throw new ExpandError('bad substitution');
  const name = readName(s);
  if (s.pos >= s.text.length) throw new ExpandError("missing '}'");
  let op = s.text[s.pos++];
  if (op === '}') return get(s, name) ?? '';
  let nullIsUnset = false;
  if (op === ':') {
    nullIsUnset = true;
    op = s.text[s.pos++] ?? '';
  }
  if (op === '/') {
    if (nullIsUnset) throw new ExpandError('unsupported modifier');
    const all = s.text[s.pos] === '/';
    if (all) s.pos++;
    const pattern = readUntil(s, '/', true);
    const replacement = readUntil(s, '}', true);
    const value = get(s, name);
    if (value === undefined) return '';
    const re = shellPattern(pattern, true);
    return all ? value.replace(new RegExp(re.source, 'gu'), () => replacement) : value.replace(re, () => replacement);
  }
  if (!'+-?#%'.includes(op) || op === '') throw new ExpandError(`unsupported modifier (${op})`);
  const rawEscapes = op === '#' || op === '%';
  if (nullIsUnset && rawEscapes) throw new ExpandError(`unsupported modifier (:${op})`);
  const word = readUntil(s, '}', rawEscapes);
  const value = get(s, name);
  const empty = value === undefined || (nullIsUnset && value === '');
  switch (op) {
    case '-':
      return empty ? word : (value ?? '');
    case '+':
      return empty ? '' : word;
    case '?':
      if (empty) throw new ExpandError(`${name}: ${word || (value === undefined ? 'is not allowed to be unset' : 'is not allowed to be empty')}`);
      return value ?? '';
    default: {
      const greedy = word[0] === op;
      return trim(value ?? '', greedy ? word.slice(1) : word, greedy, op === '#');
    }
  }
}

/** `${X#p}` / `${X##p}` (prefix) and `${X%p}` / `${X%%p}` (suffix). */
function trim(value: string, pattern: string, greedy: boolean, prefix: boolean): string {
  const re = new RegExp(`^(?:${shellPattern(pattern, true).source})$`, 'u');
  const n = value.length;
  for (let k = 0; k <= n; k++) {
    const cut = prefix ? (greedy ? n - k : k) : greedy ? k : n - k;
    const part = prefix ? value.slice(0, cut) : value.slice(cut);
    if (re.test(part)) return prefix ? value.slice(cut) : value.slice(0, cut);
  }
  return value;
}

/** A shell wildcard pattern (`*`, `?`, `\` escapes) as a regular expression. */
function shellPattern(pattern: string, greedy: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') source += greedy ? '.*' : '.*?';
    else if (c === '?') source += '.';
    else if (c === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
    else source += escapeRegExp(c);
  }
  return new RegExp(source, 'u');
}

function escapeRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c;
}
