// Dockerfile formatting (document, range, on type) that never changes what the file means. Pure.
// Instructions start at column 0, continuation lines are indented by one unit, trailing blanks go, and known
// instruction keywords (and FROM's `AS`) take the file's dominant case. Only whitespace and keyword case ever
// change: parser directives, heredoc bodies and their closing lines are left exactly as written, and so is every
// character inside an instruction's arguments; a continuation line keeps its indentation where that indentation
// is part of a quoted string or of a word (see formatJunction.ts).
import type { FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { Refusal } from '../service/LanguageService';
import { INSTRUCTION_NAMES } from './docs/common';
import { instructionShells, junctions } from './formatJunction';
import { FIRST, INDENTED, KEPT, isBlankLine, isSkipped, lineStart, piecesOf, planLines, trailingBlanks } from './formatLines';
import type { DockerfileModel, Instruction, Token } from './model';
import { contentStart } from './parseText';

export interface DockerfileFormatOptions extends FormattingOptions {
  /** Instruction keywords: the file's dominant case (default), or always upper case. */
  keywordCase?: 'dominant' | 'upper';
}

const KNOWN: ReadonlySet<string> = new Set(INSTRUCTION_NAMES);

/**
 * Edits for the whole document, or for the lines that `range` touches (from its start line to its end line; an end
 * at character 0 of a later line does not touch that line). Instructions are not extended: a range that covers
 * part of an instruction formats just those lines. Edits never span lines, so line terminators (LF, CRLF) stay.
 * Refused while a heredoc has no closing line: everything after its opener is then read as its body.
 */
export function formatDockerfile(model: DockerfileModel, options: DockerfileFormatOptions, range?: Range): TextEdit[] | Refusal {
  const open = unterminatedHeredoc(model);
  if (open) return { refused: open };
  const { lines } = model;
  let first = 0;
  let last = lines.length - 1;
  if (range) {
    first = clampLine(range.start.line, lines.length);
    last = clampLine(range.end.line, lines.length);
    if (last > first && range.end.character <= 0) last--;
    if (last < first) return [];
  }
  const unit = indentUnit(options);
  const { kinds } = planLines(model);
  const words = keywordEdits(model, options, first, last);
  const edits: TextEdit[] = [];
  let w = 0;
  for (let k = first; k <= last; k++) {
    const kind = kinds[k];
    if (kind === KEPT) continue;
    const line = lines[k];
    if (isBlankLine(line, k)) {
      const from = lineStart(line, k);
      if (line.length > from) edits.push(edit(k, from, line.length, ''));
      continue;
    }
    if (kind === FIRST) {
      const from = lineStart(line, k);
      const start = contentStart(line, k);
      if (start > from) edits.push(edit(k, from, start, ''));
    } else if (kind === INDENTED) {
      let indent = 0;
      while (indent < line.length && (line.charCodeAt(indent) === 0x20 || line.charCodeAt(indent) === 0x09)) indent++;
      if (line.slice(0, indent) !== unit) edits.push(edit(k, 0, indent, unit));
    }
    while (w < words.length && words[w].range.start.line < k) w++;
    for (; w < words.length && words[w].range.start.line === k; w++) edits.push(words[w]);
    const end = trailingBlanks(line, 0);
    if (end < line.length) edits.push(edit(k, end, line.length, ''));
  }
  return edits;
}

/**
 * After a newline typed at `position` (the start of the new line): when the new line continues an instruction
 * (the code line above it ends with the escape character, comment and empty lines in between allowed), its
 * indentation becomes one unit; nothing otherwise, nor where an indentation would end up inside a quoted string
 * or split a word that the line above leaves open.
 */
export function formatOnType(model: DockerfileModel, position: Position, ch: string, options: DockerfileFormatOptions): TextEdit[] {
  const { lines, escape } = model;
  const n = position.line;
  if (ch !== '\n' || !Number.isInteger(n) || n < 1 || n >= lines.length) return [];
  let above = n - 1;
  while (above >= 0 && isSkipped(lines[above], above)) above--;
  if (above < 0) return [];
  const index = instructionBefore(model.instructions, above);
  if (index < 0) return [];
  const instruction = model.instructions[index];
  const pieces = piecesOf(lines, instruction, escape);
  const at = pieces.findIndex((p) => p.line === above);
  if (at < 0 || !pieces[at].continues) return [];
  const line = lines[n];
  const unit = indentUnit(options);
  const shell = instructionShells(model)[index];
  if (at + 1 < pieces.length && pieces[at + 1].line === n) {
    // The new line has text: it is a continuation line already.
    const state = junctions(lines, instruction, pieces, escape, shell)[at + 1];
    const indent = pieces[at + 1].indent;
    if (!state.separable || !(state.afterBlank || indent > 0) || line.slice(0, indent) === unit) return [];
    return [edit(n, 0, indent, unit)];
  }
  if (trailingBlanks(line, 0) > 0) return [];
  const state = junctions(lines, instruction, pieces.slice(0, at + 1), escape, shell)[at + 1];
  if (!state.separable || !(state.afterBlank || line.length > 0) || line === unit) return [];
  return [edit(n, 0, line.length, unit)];
}

/** The message of a refusal, when a heredoc is not closed. */
function unterminatedHeredoc(model: DockerfileModel): string | undefined {
  for (const instruction of model.instructions) {
    for (const heredoc of instruction.heredocs) {
      if (heredoc.closerRange) continue;
      const line = heredoc.openerRange.start.line + 1;
      return `The Dockerfile was not formatted: the heredoc <<${heredoc.delimiter} opened on line ${line} has no closing "${heredoc.delimiter}" line, so every line after it is part of its body. Add the closing line, then format again.`;
    }
  }
  return undefined;
}

/** Keyword (and `AS`) replacements on lines first..last, in document order. */
function keywordEdits(model: DockerfileModel, options: DockerfileFormatOptions, first: number, last: number): TextEdit[] {
  const upper = options.keywordCase === 'upper' || dominantCase(model.instructions) === 'upper';
  const edits: TextEdit[] = [];
  const add = (e: TextEdit | undefined) => {
    if (e && e.range.start.line >= first && e.range.start.line <= last) edits.push(e);
  };
  const stages = new Map(model.stages.map((s) => [s.from, s]));
  for (const instruction of model.instructions) {
    if (instruction.range.end.line < first || instruction.range.start.line > last) continue;
    for (let t: Instruction | undefined = instruction; t; t = t.trigger) {
      if (KNOWN.has(t.name)) add(recase(model.lines, t.keyword, upper));
    }
    const as = stages.get(instruction)?.asKeyword;
    if (as && KNOWN.has(instruction.name)) {
      // BuildKit's FromAsCasing: `AS` follows the case FROM ends up with.
      const keyword = written(model.lines, instruction.keyword);
      const fromUpper = keyword === undefined ? caseOf(instruction.keyword.value) : upper;
      if (fromUpper !== undefined) add(recase(model.lines, as, fromUpper));
    }
  }
  edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return edits;
}

/** Upper unless more known keywords are all lower case than all upper case (mixed ones count for neither). */
function dominantCase(instructions: readonly Instruction[]): 'upper' | 'lower' {
  let upper = 0;
  let lower = 0;
  for (const instruction of instructions) {
    if (!KNOWN.has(instruction.name)) continue;
    const c = caseOf(instruction.keyword.value);
    if (c === true) upper++;
    else if (c === false) lower++;
  }
  return lower > upper ? 'lower' : 'upper';
}

/** true: all upper case ASCII letters; false: all lower case; undefined: mixed, or not only ASCII letters. */
function caseOf(word: string): boolean | undefined {
  let upper = false;
  let lower = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c >= 0x61 && c <= 0x7a) lower = true;
    else return undefined;
  }
  return upper === lower ? undefined : upper;
}

/** The token's text when it is written on one line exactly as its value, in ASCII letters only. */
function written(lines: readonly string[], token: Token): string | undefined {
  const { start, end } = token.range;
  if (start.line !== end.line || start.line >= lines.length) return undefined;
  const text = lines[start.line].slice(start.character, end.character);
  if (text !== token.value || text.length === 0) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return undefined;
  }
  return text;
}

function recase(lines: readonly string[], token: Token, upper: boolean): TextEdit | undefined {
  const text = written(lines, token);
  if (text === undefined) return undefined;
  const wanted = upper ? text.toUpperCase() : text.toLowerCase();
  return wanted === text ? undefined : { range: token.range, newText: wanted };
}

/** Index of the last instruction that starts on or before `line`, -1 when none does. */
function instructionBefore(instructions: readonly Instruction[], line: number): number {
  let low = 0;
  let high = instructions.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (instructions[mid].range.start.line <= line) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** One indentation unit: a tab, or tabSize spaces (4 when the size is not a usable number). */
export function indentUnit(options: FormattingOptions): string {
  if (options.insertSpaces === false) return '\t';
  const size = Number.isInteger(options.tabSize) && options.tabSize >= 1 ? Math.min(options.tabSize, 16) : 4;
  return ' '.repeat(size);
}

function clampLine(line: number, count: number): number {
  if (!Number.isFinite(line) || line < 0) return 0;
  return Math.min(Math.floor(line), count - 1);
}

function edit(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText };
}

