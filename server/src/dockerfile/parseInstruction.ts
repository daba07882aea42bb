// One instruction from its joined text (see parseText.gather): keyword, flags, arguments, exec form, pairs,
// ONBUILD trigger, heredoc openers and variable references, following BuildKit's splitCommand,
// extractBuilderFlags and parseJSON (words, pairs and heredoc words are in parseArgs.ts).
import type { Flag, Instruction, Range, Token, VariableReference } from './model';
import { heredocOpeners, pairsOf, splitWords, type HeredocOpener } from './parseArgs';
import { parseJsonStrings } from './parseJson';
import { Logical, exact, isBlank, isSpace, none, skipSpaces } from './parseText';
import type { PositionMap } from './parsePositions';
import { scanVariables } from './variables';

export interface ParsedLine {
  instruction: Instruction;
  /** Heredoc openers of the instruction (or of an ONBUILD's trigger), in order. */
  openers: HeredocOpener[];
}

/** Instructions whose arguments may be a JSON array (HEALTHCHECK is handled apart: after its type word). */
const JSON_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME']);
/** Instructions whose arguments a shell (not BuildKit) expands: single quotes are the shell's (see SingleQuotes). */
const SHELL_EXPANDED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK']);
const HEREDOC_CAPABLE = new Set(['RUN', 'COPY', 'ADD']);
const PAIRS = new Set(['ARG', 'ENV', 'LABEL']);
const NO_OFFSETS: readonly number[] = Object.freeze([]);
/** `ONBUILD ONBUILD ...` is invalid anyway; a bound keeps hostile input from nesting without end. */
const MAX_TRIGGER_DEPTH = 4;

/** Keywords as written most of the time, so that every instruction shares these strings. */
const KEYWORDS: ReadonlyMap<string, string> = new Map(
  ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']
    .flatMap((k) => [[k, k], [k.toLowerCase(), k.toLowerCase()]] as [string, string][]),
);

/**
 * Parses the instruction in `lg.text` between `start` and `end`. Its stage is -1 and its range ends where
 * its keyword ends: the caller sets the end (over continuation lines and heredocs), the stages and the inner
 * comment lines. Undefined when the text is blank.
 *
 * Identical spans share their objects (a single argument is also the argsText token, the instruction and
 * its keyword start at the same Position object ...): the model is read-only for its users.
 */
export function parseLine(lg: Logical, start: number, end: number, escape: string, depth = 0): ParsedLine | undefined {
  const text = lg.text;
  const s = skipSpaces(text, start, end);
  let e = end;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s >= e) return undefined;

  let k = s;
  while (k < e) {
    const c = text.charCodeAt(k);
    if (c <= 0x20 && isBlank(c)) break;
    k++;
  }
  const written = text.slice(s, k);
  const keywordValue = KEYWORDS.get(written) ?? written;
  const keyword: Token = lg.span(s, k, keywordValue);
  const upper = keywordValue.toUpperCase();
  const name = KEYWORDS.get(upper) ?? upper;
  while (k < e && isBlank(text.charCodeAt(k))) k++;

  // Most instructions have no flags: their arguments start at the first word, and nothing is allocated for flags.
  let flags = none<Flag>();
  let flagValues = NO_OFFSETS;
  let argsStart = skipSpaces(text, k, e);
  if (argsStart + 1 < e && text.charCodeAt(argsStart) === 0x2d && text.charCodeAt(argsStart + 1) === 0x2d) {
    ({ flags, flagValues, argsStart } = extractFlags(lg, argsStart, e));
  }
  const as = skipSpaces(text, argsStart, e);
  const hasArgs = as < e;
  const words = lg.work(depth);
  const wordCount = hasArgs ? splitWords(text, as, e, escape, words) : 0;
  const args: Token[] = wordCount > 0 ? new Array<Token>(wordCount >> 1) : none<Token>();
  for (let w = 0; w < wordCount; w += 2) args[w >> 1] = lg.token(words[w], words[w + 1]);
  const range = lg.range(s, k);
  // Created in its final shape (argsText only when there are arguments; json and trigger are rarer).
  const instruction: Instruction = hasArgs
    ? {
        name, keyword, range, flags, argsText: argsToken(lg, args, words, as, e), args, jsonMalformed: false,
        pairs: none(), heredocs: none(), variables: none(), innerCommentLines: none(), stage: -1,
      }
    : {
        name, keyword, range, flags, args, jsonMalformed: false,
        pairs: none(), heredocs: none(), variables: none(), innerCommentLines: none(), stage: -1,
      };

  // Exec form.
  let jsonStart = -1;
  if (JSON_FORM.has(name)) {
    jsonStart = as;
  } else if (name === 'HEALTHCHECK' && hasArgs) {
    let sep = as;
    while (sep < e && !isSpace(text.charCodeAt(sep))) sep++;
    jsonStart = skipSpaces(text, sep, e);
  }
  let jsonStrings: ReturnType<typeof parseJsonStrings>;
  if (jsonStart >= 0 && jsonStart < e && text[jsonStart] === '[') {
    jsonStrings = parseJsonStrings(text, jsonStart, e);
    if (jsonStrings) {
      const json: Token[] = new Array<Token>(jsonStrings.length);
      for (let j = 0; j < jsonStrings.length; j++) json[j] = lg.span(jsonStrings[j].start, jsonStrings[j].end, jsonStrings[j].value);
      instruction.json = json;
    } else {
      instruction.jsonMalformed = true;
    }
  }

  if (PAIRS.has(name) && wordCount > 0) instruction.pairs = pairsOf(lg, name, args, words, instruction.argsText!);

  let openers = none<HeredocOpener>();
  if (name === 'ONBUILD' && hasArgs && depth < MAX_TRIGGER_DEPTH) {
    const trigger = parseLine(lg, as, e, escape, depth + 1);
    if (trigger) {
      instruction.trigger = trigger.instruction;
      openers = trigger.openers;
    }
  } else if (HEREDOC_CAPABLE.has(name) && !instruction.json && hasArgs && text.indexOf('<<', as) >= 0) {
    openers = heredocOpeners(lg, args, words);
  }

  // Variable references: flag values, then the arguments (or the trigger's, or each exec-form string).
  const dollar = text.indexOf('$', s);
  const hasDollar = dollar >= 0 && dollar < e;
  if (!hasDollar && !instruction.trigger) return { instruction, openers };
  const variables: VariableReference[] = [];
  if (hasDollar) {
    for (let f = 0; f < flagValues.length; f += 2) scanVariables(lg, flagValues[f], flagValues[f + 1], escape, 'literal', variables);
  }
  const singleQuotes = SHELL_EXPANDED.has(name) ? 'shell' : 'literal';
  if (instruction.trigger) {
    for (const v of instruction.trigger.variables) variables.push(v);
  } else if (jsonStrings) {
    for (let j = 0; j < jsonStrings.length; j++) scanVariables(lg, jsonStrings[j].start + 1, jsonStrings[j].end - 1, '\\', singleQuotes, variables);
  } else if (hasArgs) {
    scanVariables(lg, as, e, escape, singleQuotes, variables);
  }
  if (variables.length > 0) instruction.variables = exact(variables);
  return { instruction, openers };
}

/** argsText: the single argument itself, or a token of all the arguments' text. */
function argsToken(lg: Logical, args: Token[], words: number[], as: number, e: number): Token {
  if (args.length === 1 && words[0] === as && words[1] === e) return args[0];
  return lg.span(as, e);
}

/**
 * BuildKit's extractBuilderFlags: words starting with `--` right after the keyword are flags; quotes are
 * removed and `\\` escapes (always the backslash here); a bare `--` ends the flags. `flagValues` receives
 * [start, end) offsets of each value, flat.
 */
function extractFlags(lg: Logical, from: number, end: number): { flags: Flag[]; flagValues: number[]; argsStart: number } {
  const text = lg.text;
  const flags: Flag[] = [];
  const flagValues: number[] = [];
  let pos = from;
  for (;;) {
    pos = skipSpaces(text, pos, end);
    if (pos >= end) return { flags: exact(flags), flagValues, argsStart: end };
    if (text.charCodeAt(pos) !== 0x2d || pos + 1 >= end || text.charCodeAt(pos + 1) !== 0x2d) return { flags: exact(flags), flagValues, argsStart: pos };
    const wordStart = pos;
    let eqRaw = -1;
    let plain = true;
    while (pos < end) {
      const c = text.charCodeAt(pos);
      if ((c <= 0x20 || c >= 0x85) && isSpace(c)) break;
      if (c === 0x22 || c === 0x27 || c === 0x5c) plain = false;
      else if (c === 0x3d && eqRaw < 0) eqRaw = pos;
      pos++;
    }
    let word: string;
    let eqWord: number;
    if (plain) {
      word = text.slice(wordStart, pos);
      eqWord = eqRaw < 0 ? -1 : eqRaw - wordStart;
    } else {
      ({ word, eqRaw, eqWord, pos } = unquoteFlag(text, wordStart, end));
    }
    if (word === '--') return { flags: exact(flags), flagValues, argsStart: pos };
    if (eqRaw < 0) {
      flags.push(new FlagSpan(word.slice(2), undefined, wordStart, -1, pos, lg.map()));
      continue;
    }
    flags.push(new FlagSpan(word.slice(2, eqWord), word.slice(eqWord + 1), wordStart, eqRaw, pos, lg.map()));
    flagValues.push(eqRaw + 1, pos);
  }
}

/** A flag that keeps offsets and makes its ranges when asked (see Span). */
class FlagSpan implements Flag {
  constructor(
    readonly name: string,
    readonly value: string | undefined,
    /** Offsets of the word's first dash, of its `=` (-1 without one) and of its end. */
    private readonly start: number,
    private readonly equals: number,
    private readonly end: number,
    private readonly map: PositionMap,
  ) {}

  get range(): Range {
    return this.map.range(this.start, this.end);
  }

  get nameRange(): Range {
    return this.map.range(this.start + 2, this.equals < 0 ? this.end : this.equals);
  }

  get valueRange(): Range | undefined {
    return this.equals < 0 ? undefined : this.map.range(this.equals + 1, this.end);
  }

  toJSON(): Flag {
    const { name, value, range, nameRange, valueRange } = this;
    return value === undefined ? { name, range, nameRange } : { name, value, range, nameRange, valueRange };
  }
}

/** A flag word with quotes or backslashes, read the way extractBuilderFlags reads it. */
function unquoteFlag(text: string, from: number, end: number): { word: string; eqRaw: number; eqWord: number; pos: number } {
  let word = '';
  let quote = '';
  let eqRaw = -1;
  let eqWord = -1;
  let pos = from;
  while (pos < end) {
    let c = text[pos];
    if (quote === '') {
      if (isSpace(text.charCodeAt(pos))) break;
      if (c === '"' || c === "'") {
        quote = c;
        pos++;
        continue;
      }
    } else if (c === quote) {
      quote = '';
      pos++;
      continue;
    }
    if (c === '\\') {
      if (pos + 1 === end) {
        quote = '';
        pos++;
        continue;
      }
      c = text[++pos];
    }
    if (c === '=' && eqRaw < 0) {
      eqRaw = pos;
      eqWord = word.length;
    }
    word += c;
    pos++;
  }
  return { word, eqRaw, eqWord, pos };
}
