// Compose interpolation, read rather than checked: the variable references of a value (`$VAR`, `${VAR}`,
// `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alternative}`,
// `${VAR+alternative}`; `$$` is a literal dollar) and what they resolve to from known variables. The syntax
// is the one checks/interpolation.ts enforces: every `{` after the opening one nests, the default, error
// and alternative words are interpolated in turn. Pure, linear in the value per nesting level, bounded depth.

export type Operator = ':-' | '-' | ':?' | '?' | ':+' | '+';

/** One variable reference written in a value. */
export interface VariableUse {
  name: string;
  /** `${NAME}` rather than `$NAME`. */
  braced: boolean;
  operator?: Operator;
  /** The text after the operator, as written (it may hold references of its own). */
  word?: string;
  /** Index of the `$` in the value, and the index after the reference's last character. */
  start: number;
  end: number;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const OPERATORS: readonly Operator[] = [':-', ':?', ':+', '-', '?', '+'];
/** Nesting depth followed through `${A:-${B:-...}}` words. */
const MAX_DEPTH = 16;

/**
 * The references of a value, in order, not those inside another one's word. A malformed `${` (Compose stops
 * on it) is skipped; an unclosed one ends the list.
 */
export function variableUses(value: string): VariableUse[] {
  const uses: VariableUse[] = [];
  for (let i = value.indexOf('$'); i >= 0 && i < value.length; i = value.indexOf('$', i)) {
    const read = readAt(value, i);
    if (read === 'unclosed') break;
    if (typeof read !== 'number') uses.push(read);
    i = typeof read === 'number' ? read : read.end;
  }
  return uses;
}

/**
 * What the `$` at index `i` starts: a reference, or the index to go on from (after `$$`, a lone `$` or a
 * malformed `${...}`), or 'unclosed' for a `${` without its `}`.
 */
function readAt(value: string, i: number): VariableUse | number | 'unclosed' {
  const next = value[i + 1];
  if (next === '$') return i + 2;
  if (next !== undefined && NAME_START.test(next)) {
    let end = i + 2;
    while (end < value.length && NAME_CHAR.test(value[end])) end++;
    return { name: value.slice(i + 1, end), braced: false, start: i, end };
  }
  if (next !== '{') return i + 1;
  const close = closingBrace(value, i + 2);
  if (close < 0) return 'unclosed';
  return braced(value, i, close) ?? close + 1;
}

/** Index of the `}` that closes a `${` whose text starts at `from`, or -1. */
function closingBrace(value: string, from: number): number {
  let depth = 0;
  for (let j = from; j < value.length; j++) {
    if (value[j] === '{') depth++;
    else if (value[j] === '}') {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

function braced(value: string, start: number, close: number): VariableUse | undefined {
  const inner = value.slice(start + 2, close);
  if (!NAME_START.test(inner[0] ?? '')) return undefined;
  let n = 1;
  while (n < inner.length && NAME_CHAR.test(inner[n])) n++;
  const name = inner.slice(0, n);
  if (n === inner.length) return { name, braced: true, start, end: close + 1 };
  const operator = OPERATORS.find((op) => inner.startsWith(op, n));
  if (!operator) return undefined;
  return { name, braced: true, operator, word: inner.slice(n + operator.length), start, end: close + 1 };
}

/** Where a resolved value comes from. */
export type Origin =
  /** The variable's own value. */
  | 'value'
  /** The default after `:-` / `-`. */
  | 'default'
  /** The alternative after `:+` / `+`. */
  | 'alternative'
  /** `:+` / `+` on an unset (or, for `:+`, empty) variable: nothing. */
  | 'empty';

export interface Resolution {
  value: string;
  origin: Origin;
}

/**
 * What a reference resolves to when the variables are `env`; undefined when that is not known: the variable
 * is unset with nothing to fall back on (Compose would warn and use ""), `:?`/`?` would stop Compose, or a
 * word holds such a reference or a malformed one.
 */
export function resolveUse(use: VariableUse, env: ReadonlyMap<string, string>, depth = 0): Resolution | undefined {
  const value = env.get(use.name);
  const operator = use.operator;
  if (!operator) return value === undefined ? undefined : { value, origin: 'value' };
  const unset = value === undefined || (operator.startsWith(':') && value === '');
  switch (operator) {
    case ':-':
    case '-': {
      if (!unset) return { value: value ?? '', origin: 'value' };
      const word = interpolate(use.word ?? '', env, depth + 1);
      return word === undefined ? undefined : { value: word, origin: 'default' };
    }
    case ':+':
    case '+': {
      if (unset) return { value: '', origin: 'empty' };
      const word = interpolate(use.word ?? '', env, depth + 1);
      return word === undefined ? undefined : { value: word, origin: 'alternative' };
    }
    default: // `:?` / `?`
      return unset ? undefined : { value: value ?? '', origin: 'value' };
  }
}

/** The text with every reference resolved (`$$` becomes `$`), or undefined when one cannot be or is malformed. */
export function interpolate(text: string, env: ReadonlyMap<string, string>, depth = 0): string | undefined {
  if (!text.includes('$')) return text;
  if (depth > MAX_DEPTH) return undefined;
  let out = '';
  let at = 0;
  for (let i = text.indexOf('$'); i >= 0 && i < text.length; i = text.indexOf('$', at)) {
    const read = readAt(text, i);
    if (read === 'unclosed') return undefined;
    if (typeof read === 'number') {
      if (text[i + 1] === '{') return undefined; // malformed: Compose stops
      out += text.slice(at, read === i + 2 ? i + 1 : read); // `$$` is one `$`; a lone `$` stays
      at = read;
      continue;
    }
    const resolved = resolveUse(read, env, depth);
    if (!resolved) return undefined;
    out += text.slice(at, i) + resolved.value;
    at = read.end;
  }
  return out + text.slice(at);
}
