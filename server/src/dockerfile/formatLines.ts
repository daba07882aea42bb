// What formatting may do with each line of a Dockerfile: parser directives and heredoc lines are never touched,
// an instruction's first line starts at column 0, its continuation lines get one indentation unit where that
// cannot change the joined text's meaning (see formatJunction.ts), every other line only loses trailing blanks.
// Pure and linear in the size of the document.
import { instructionShells, junctions, type Piece, type ShellKind } from './formatJunction';
import type { DockerfileModel, Instruction } from './model';
import { continuationAt, contentStart, isCommentLine, skipSpaces } from './parseText';

/** A line that is neither of the others: blank, a comment, a lone escape character. Only trailing blanks go. */
export const FREE = 0;
/** A parser directive, a heredoc body line or a heredoc's closing line: left exactly as written. */
export const KEPT = 1;
/** The line where an instruction's keyword is: its leading whitespace goes. */
export const FIRST = 2;
/** A continuation line whose indentation stays (it is part of a quoted string or a word). */
export const CONTINUED = 3;
/** A continuation line that takes exactly one indentation unit. */
export const INDENTED = 4;

export interface LinePlan {
  /** One of the constants above, per line. */
  kinds: Uint8Array;
}

/** Every line's kind. */
export function planLines(model: DockerfileModel): LinePlan {
  const { lines, escape } = model;
  const kinds = new Uint8Array(lines.length);
  for (const directive of model.directives) kinds[directive.range.start.line] = KEPT;
  let shells: ShellKind[] | undefined;
  const instructions = model.instructions;
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    const pieces = piecesOf(lines, instruction, escape);
    if (pieces.length === 0) continue;
    kinds[pieces[0].line] = FIRST;
    if (pieces.length > 1) {
      shells ??= instructionShells(model);
      const states = junctions(lines, instruction, pieces, escape, shells[i]);
      for (let j = 1; j < pieces.length; j++) {
        const { separable, afterBlank } = states[j];
        kinds[pieces[j].line] = separable && (afterBlank || pieces[j].indent > 0) ? INDENTED : CONTINUED;
      }
    }
    markHeredocs(instruction, kinds);
  }
  return { kinds };
}

/** Heredoc body lines and closing lines of an instruction. */
export function markHeredocs(instruction: Instruction, kinds: Uint8Array): void {
  for (const heredoc of instruction.heredocs) {
    if (heredoc.body.length > 0) {
      const last = Math.min(heredoc.bodyRange.end.line, kinds.length - 1);
      for (let k = heredoc.bodyRange.start.line; k <= last; k++) kinds[k] = KEPT;
    }
    if (heredoc.closerRange) kinds[heredoc.closerRange.start.line] = KEPT;
  }
}

/** True for an empty line or a comment line: inside a continuation, BuildKit skips it. */
export function isSkipped(line: string, lineNumber: number): boolean {
  const start = contentStart(line, lineNumber);
  return start === line.length || isCommentLine(line, start);
}

/**
 * The lines an instruction is joined from (its keyword line, then every continuation line; not the comment and
 * empty lines skipped between them, nor heredoc bodies), the way parseText.gather reads them.
 */
export function piecesOf(lines: readonly string[], instruction: Instruction, escape: string): Piece[] {
  const pieces: Piece[] = [];
  const first = instruction.range.start.line;
  const last = Math.min(instruction.range.end.line, lines.length - 1);
  if (first < 0 || first > last) return pieces;
  let line = first;
  let from = Math.min(instruction.range.start.character, lines[first].length);
  for (;;) {
    const text = lines[line];
    const cut = continuationAt(text, escape, from);
    let indent = from;
    while (indent < text.length && (text.charCodeAt(indent) === 0x20 || text.charCodeAt(indent) === 0x09)) indent++;
    pieces.push({ line, from, to: cut >= 0 ? cut : text.length, indent: indent - from, continues: cut >= 0 });
    if (cut < 0) return pieces;
    let next = line + 1;
    while (next <= last && isSkipped(lines[next], next)) next++;
    if (next > last) return pieces;
    line = next;
    from = 0;
  }
}

/** Spaces and tabs at the end of `line` start here (never before `from`). */
export function trailingBlanks(line: string, from: number): number {
  let e = line.length;
  while (e > from && (line.charCodeAt(e - 1) === 0x20 || line.charCodeAt(e - 1) === 0x09)) e--;
  return e;
}

/** Where the text of a line starts when it is blank: after a BOM on the first line. */
export function lineStart(line: string, lineNumber: number): number {
  return lineNumber === 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** A line with nothing but whitespace (after a BOM on the first line). */
export function isBlankLine(line: string, lineNumber: number): boolean {
  return skipSpaces(line, lineStart(line, lineNumber)) === line.length;
}
