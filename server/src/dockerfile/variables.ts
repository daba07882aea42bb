// Variable references (`$NAME`, `${NAME}`, `${NAME:-word}` ...) and quote removal, following BuildKit's shell
// lexer (frontend/dockerfile/shell/lex.go): names are letters, digits and `_`; `$1` and the special parameters
// (`$$`, `$@`, `$#` ...) are looked up under those names, so they are not references to an ARG or ENV and are
// not recorded; the escape character before `$` makes it literal; single-quoted text is literal (see SingleQuotes
// for the text a shell runs).
import type { Token, VariableReference } from './model';
import { Logical, gather } from './parseText';

/** Nesting limit for `${A:-${B:-...}}`, so that hostile input cannot exhaust the stack. */
const MAX_DEPTH = 64;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

interface Scan {
  readonly text: string;
  readonly end: number;
  readonly escape: string;
  readonly singleQuotes: SingleQuotes;
  /** Where the scanned text starts (a `-c` before it is not part of it). */
  readonly start: number;
  readonly logical: Logical;
  readonly out: VariableReference[];
}

/**
 * What single-quoted text is:
 * - `literal`: text without references (BuildKit's own expansion, or a shell's);
 * - `expanded`: text with references (the body of an unquoted heredoc that a command reads: the shell expands it
 *   whatever its quotes);
 * - `shell`: a command a shell runs: literal, except the script handed to a shell with `-c` (`sh -c '...$NAME'`,
 *   `bash -euc`, `su -c`), which that shell expands.
 */
export type SingleQuotes = 'literal' | 'expanded' | 'shell';

/**
 * Appends to `out` every variable reference in `logical.text` between `start` and `end`, in text order
 * (an outer `${A:-$B}` before the inner `$B`).
 */
export function scanVariables(
  logical: Logical,
  start: number,
  end: number,
  escape: string,
  singleQuotes: SingleQuotes,
  out: VariableReference[],
): void {
  scanWord({ text: logical.text, end, escape, singleQuotes, start, logical, out }, start, '', 0);
}

/** Whether the word before `at` (after blanks) is a `-c` option (`-c`, `-ec`, `-euxc` ...), from `from` on. */
function afterDashC(text: string, at: number, from: number): boolean {
  let j = at - 1;
  if (j < from || (text[j] !== ' ' && text[j] !== '\t')) return false;
  while (j >= from && (text[j] === ' ' || text[j] === '\t')) j--;
  let w = j;
  while (w >= from && text[w] !== ' ' && text[w] !== '\t' && text[w] !== '\n') w--;
  return /^-[A-Za-z]*c$/.test(text.slice(w + 1, j + 1));
}

/**
 * The references in a token's text, with file ranges. BuildKit's expansion rules (single quotes literal).
 * A token spanning lines needs the document's `lines` to map its offsets back across the continuations;
 * without them a multi-line token is mapped as if it were on one line.
 */
export function variablesIn(token: Token, escape: string, lines?: string[]): VariableReference[] {
  const start = token.range.start;
  let logical: Logical | undefined;
  if (lines && token.range.end.line !== start.line && start.line < lines.length) {
    const gathered = gather(lines, start.line, start.character, escape).logical;
    if (gathered.text.startsWith(token.value)) logical = gathered;
  }
  if (!logical) {
    logical = new Logical();
    logical.append(token.value, start.line, start.character);
  }
  const out: VariableReference[] = [];
  if (token.value.indexOf('$') >= 0) scanVariables(logical, 0, token.value.length, escape, 'literal', out);
  return out;
}

/** Scans up to `stop` (or to the end when stop is ''): the index after the stop character, or -1 if missing. */
function scanWord(s: Scan, from: number, stop: string, depth: number): number {
  const { text, end, escape } = s;
  let k = from;
  while (k < end) {
    const c = text[k];
    if (c === stop) return k + 1;
    if (c === escape) {
      k += 2;
    } else if (c === "'" && s.singleQuotes !== 'expanded') {
      const close = text.indexOf("'", k + 1);
      if (close < 0 || close >= end) return stop === '' ? end : -1;
      // The script of `sh -c '...'`: the shell that runs it expands it.
      if (s.singleQuotes === 'shell' && afterDashC(text, k, s.start)) {
        for (let i = k + 1; i < close; ) i = text[i] === '$' ? scanDollar(s, i, depth) : i + 1;
      }
      k = close + 1;
    } else if (c === '"') {
      k = scanDoubleQuoted(s, k + 1, depth);
      if (k < 0) return stop === '' ? end : -1;
    } else if (c === '$') {
      k = scanDollar(s, k, depth);
    } else {
      k++;
    }
  }
  return stop === '' ? end : -1;
}

function scanDoubleQuoted(s: Scan, from: number, depth: number): number {
  const { text, end, escape } = s;
  let k = from;
  while (k < end) {
    const c = text[k];
    if (c === '"') return k + 1;
    if (c === escape) k += 2;
    else if (c === '$') k = scanDollar(s, k, depth);
    else k++;
  }
  return -1;
}

/** At a `$`: records the reference that starts there, if any; returns where scanning goes on. */
function scanDollar(s: Scan, dollar: number, depth: number): number {
  const { text, end } = s;
  let k = dollar + 1;
  if (k >= end || depth >= MAX_DEPTH) return k;
  if (text[k] !== '{') {
    const nameEnd = scanName(text, k, end);
    if (nameEnd > k && isVariableName(text, k)) {
      s.out.push({
        name: text.slice(k, nameEnd),
        range: s.logical.range(dollar, nameEnd),
        nameRange: s.logical.range(k, nameEnd),
        braced: false,
      });
    }
    return nameEnd;
  }
  k++;
  if (k >= end) return end;
  const first = text[k];
  if (first === '{' || first === '}' || first === ':') return k; // bad substitution
  const nameStart = k;
  const nameEnd = scanName(text, k, end);
  const valid = nameEnd > nameStart && isVariableName(text, nameStart);
  k = nameEnd;
  if (k >= end) return end;
  let modifier = text[k++];
  if (modifier === '}') {
    if (valid) {
      s.out.push({
        name: text.slice(nameStart, nameEnd),
        range: s.logical.range(dollar, k),
        nameRange: s.logical.range(nameStart, nameEnd),
        braced: true,
      });
    }
    return k;
  }
  if (modifier === ':') {
    if (k >= end) return end;
    const next = text[k++];
    if (next !== '-' && next !== '+' && next !== '?') return k; // unsupported, e.g. `:#`, `:=`
    modifier += next;
  } else if (modifier === '#' || modifier === '%' || modifier === '/') {
    if (k < end && text[k] === modifier) modifier += text[k++];
  } else if (modifier !== '-' && modifier !== '+' && modifier !== '?') {
    return k; // unsupported modifier
  }
  const index = s.out.length;
  const wordStart = k;
  let close: number;
  if (modifier[0] === '/') {
    const pattern = scanWord(s, k, '/', depth + 1);
    if (pattern < 0) return end;
    close = scanWord(s, pattern, '}', depth + 1);
  } else {
    close = scanWord(s, k, '}', depth + 1);
  }
  if (close < 0) return end;
  if (valid) {
    s.out.splice(index, 0, {
      name: text.slice(nameStart, nameEnd),
      range: s.logical.range(dollar, close),
      nameRange: s.logical.range(nameStart, nameEnd),
      modifier,
      word: text.slice(wordStart, close - 1),
      braced: true,
    });
  }
  return close;
}

function isSpecialParam(c: string): boolean {
  return c === '@' || c === '*' || c === '#' || c === '?' || c === '-' || c === '$' || c === '!' || c === '0';
}

/** The end of the name BuildKit reads at `k`: a run of digits, one special parameter, or letters/digits/_. */
function scanName(text: string, k: number, end: number): number {
  if (k >= end) return k;
  if (isDigitAt(text, k)) {
    while (k < end && isDigitAt(text, k)) k += charLength(text, k);
    return k;
  }
  if (isSpecialParam(text[k])) return k + 1;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (c === 0x5f || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) {
      k++;
    } else if (c >= 0x80 && (isLetterAt(text, k) || isDigitAt(text, k))) {
      k += charLength(text, k);
    } else {
      break;
    }
  }
  return k;
}

/** A name that can refer to an ARG or ENV: not positional (`$1`) and not special (`$@`). */
function isVariableName(text: string, k: number): boolean {
  return !isDigitAt(text, k) && !isSpecialParam(text[k]);
}

function charLength(text: string, k: number): number {
  const c = text.charCodeAt(k);
  return c >= 0xd800 && c <= 0xdbff && k + 1 < text.length ? 2 : 1;
}

function isDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return DIGIT.test(String.fromCodePoint(text.codePointAt(k) ?? c));
}

function isLetterAt(text: string, k: number): boolean {
  return LETTER.test(String.fromCodePoint(text.codePointAt(k) ?? 0));
}

/**
 * Removes shell quotes and escapes from a word, as BuildKit's lexer does without expanding variables:
 * single quotes keep everything literally; inside double quotes the escape character escapes only `"`, `$`
 * and itself; outside quotes it escapes any character. An unterminated quote runs to the end.
 */
export function unquote(value: string, escape = '\\'): string {
  return unquoteWord(value, escape).value;
}

/** unquote(), also telling whether any part of the word was quoted. */
export function unquoteWord(value: string, escape = '\\'): { value: string; quoted: boolean } {
  if (value.indexOf("'") < 0 && value.indexOf('"') < 0 && value.indexOf(escape) < 0) return { value, quoted: false };
  let out = '';
  let quoted = false;
  let i = 0;
  const n = value.length;
  while (i < n) {
    const c = value[i];
    if (c === "'") {
      quoted = true;
      const close = value.indexOf("'", i + 1);
      const stop = close < 0 ? n : close;
      out += value.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === '"') {
      quoted = true;
      i++;
      while (i < n && value[i] !== '"') {
        const d = value[i];
        if (d === escape && i + 1 < n && (value[i + 1] === '"' || value[i + 1] === '$' || value[i + 1] === escape)) {
          out += value[i + 1];
          i += 2;
        } else {
          if (!(d === escape && i + 1 === n)) out += d;
          i++;
        }
      }
      i++;
    } else if (c === escape) {
      if (i + 1 < n) out += value[i + 1];
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return { value: out, quoted };
}
