// The arguments of an instruction: BuildKit's parseWords (quote-aware word splitting), parseNameVal and
// parseNameOrNameVal (ARG, ENV, LABEL pairs) and heredocsFromLine (heredoc opener words).
import type { KeyValue, Range, Token } from './model';
import { Logical, isBlank, isSpace, skipSpaces } from './parseText';
import { unquoteWord } from './variables';

/** A heredoc opener word (`<<EOF`, `<<-"EOF"` ...); its body is read by the caller. */
export interface HeredocOpener {
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
  openerRange: Range;
}

/**
 * BuildKit's parseWords: whitespace-separated words; quotes and the escape character keep spaces inside a
 * word (and stay in it). Writes flat [start, end, start, end, ...] offsets to `out` and returns how many.
 */
export function splitWords(text: string, start: number, end: number, escape: string, out: number[]): number {
  // Character codes, and the common ASCII cases of Go's IsSpace tested here (a call per character costs the most
  // while the server is still cold).
  const esc = escape.charCodeAt(0);
  let n = 0;
  let i = start;
  while (i < end) {
    i = skipSpaces(text, i, end);
    if (i >= end) break;
    const wordStart = i;
    let last = i;
    let quote = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (quote === 0) {
        if ((c <= 0x20 || c >= 0x85) && isSpace(c)) break;
        if (c === 0x27 || c === 0x22) quote = c;
        else if (c === esc) {
          if (i + 1 === end) {
            i++;
            continue;
          }
          i++;
        }
      } else if (c === quote) {
        quote = 0;
      } else if (c === esc && quote !== 0x27) {
        if (i + 1 === end) {
          quote = 0;
          i++;
          continue;
        }
        i++;
      }
      i++;
      last = i;
    }
    if (last > wordStart) {
      out[n++] = wordStart;
      out[n++] = last;
    }
  }
  return n;
}

/**
 * BuildKit's parseNameVal (ENV, LABEL) and parseNameOrNameVal (ARG). A bare name is its argument token; a
 * key starts at its argument's start and a value ends at its argument's end (shared Position objects).
 */
export function pairsOf(lg: Logical, name: string, args: Token[], words: number[], argsText: Token): KeyValue[] {
  const text = lg.text;
  const as = words[0];
  const firstEquals = text.indexOf('=', as);
  if (name !== 'ARG' && (firstEquals < 0 || firstEquals >= words[1])) {
    // Legacy `ENV NAME value`: the key is up to the first blank, the value all the rest.
    const e = as + argsText.value.length;
    let keyEnd = as;
    while (keyEnd < e && !isBlank(text.charCodeAt(keyEnd))) keyEnd++;
    let valueStart = keyEnd;
    while (valueStart < e && isBlank(text.charCodeAt(valueStart))) valueStart++;
    const key = keyEnd === words[1] ? args[0] : lg.span(as, keyEnd);
    if (valueStart >= e) return [{ key, legacy: true }];
    const value = args.length === 2 && words[2] === valueStart && words[3] === e ? args[1] : lg.span(valueStart, e);
    return [{ key, value, legacy: true }];
  }
  const pairs: KeyValue[] = new Array<KeyValue>(args.length);
  for (let w = 0; w < 2 * args.length; w += 2) {
    const arg = args[w >> 1];
    const ws = words[w];
    const we = words[w + 1];
    const eq = text.indexOf('=', ws);
    if (eq < 0 || eq >= we) {
      pairs[w >> 1] = { key: arg, legacy: false };
      continue;
    }
    const key: Token = lg.span(ws, eq);
    const value: Token = lg.span(eq + 1, we);
    pairs[w >> 1] = { key, value, legacy: false };
  }
  return pairs;
}

/** Heredoc words, BuildKit's `^(\d*)<<(-?)([^<]*)$` with a non-empty delimiter after quote removal. */
export function heredocOpeners(lg: Logical, args: Token[], words: number[]): HeredocOpener[] {
  const text = lg.text;
  const openers: HeredocOpener[] = [];
  for (let w = 0; w < 2 * args.length; w += 2) {
    const ws = words[w];
    const we = words[w + 1];
    let i = ws;
    while (i < we && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    if (i + 2 > we || text[i] !== '<' || text[i + 1] !== '<') continue;
    i += 2;
    const stripTabs = i < we && text[i] === '-';
    if (stripTabs) i++;
    const rest = text.slice(i, we);
    if (rest.length === 0 || rest.indexOf('<') >= 0) continue;
    const { value, quoted } = unquoteWord(rest, '\\');
    if (value.length === 0) continue;
    openers.push({ delimiter: value, stripTabs, quoted, openerRange: args[w >> 1].range });
  }
  return openers;
}
