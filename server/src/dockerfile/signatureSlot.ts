// Where the cursor is inside an instruction's arguments, for signature help: on a flag, on the n-th shell word,
// or on the n-th element of a JSON (exec form) array. Pure; linear in the instruction's size.
import { contains } from './locate';
import type { DockerfileModel, Instruction, Position, Token } from './model';

export type Slot =
  /** On a flag; `name` may be a prefix that is still being typed. */
  | { kind: 'flag'; name: string }
  /** On shell word `index` of `count` (the word being typed counts); `offset` is the cursor's place in `text`. */
  | { kind: 'word'; index: number; count: number; text: string; offset: number }
  /** On element `index` of a JSON array of `count` elements. */
  | { kind: 'json'; index: number; count: number }
  /** Somewhere no parameter stands for (after a closing `]`, before an opening `[`). */
  | { kind: 'none' };

/** Strictly after `end`. */
export function after(position: Position, end: Position): boolean {
  return position.line > end.line || (position.line === end.line && position.character > end.character);
}

/**
 * The slot of `position` in `instruction` (a top-level instruction or an ONBUILD trigger); `first` is the index
 * of the operand where the arguments that follow the signature's keyword start (1 after HEALTHCHECK's CMD).
 * `skipLines` are the comment lines inside the instruction's continuations.
 */
export function slotAt(model: DockerfileModel, instruction: Instruction, position: Position, first: number, skipLines: readonly number[]): Slot {
  for (const flag of instruction.flags) if (contains(flag.range, position)) return { kind: 'flag', name: flag.name };
  const operands = instruction.args;
  const typed = typedFlag(model, operands, position);
  if (typed !== undefined) return { kind: 'flag', name: typed };
  const opener = operands[first];
  if (opener && opener.value.startsWith('[') && (first === 0 || after(position, operands[first - 1].range.end))) {
    if (!after(position, opener.range.start)) return { kind: 'none' };
    return jsonSlot(model, opener.range.start, instruction.range.end.line, position, skipLines);
  }
  return wordSlot(operands, position);
}

/** A `--name` being typed that the parser did not take as a flag (`--` alone), before any operand. */
function typedFlag(model: DockerfileModel, operands: readonly Token[], position: Position): string | undefined {
  if (operands.some((operand) => !after(operand.range.start, position))) return undefined;
  const before = (model.lines[position.line] ?? '').slice(0, position.character);
  const word = before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1);
  return word.startsWith('--') ? word.slice(2).split('=')[0] : undefined;
}

function wordSlot(operands: readonly Token[], position: Position): Slot {
  let index = 0;
  for (const operand of operands) {
    if (contains(operand.range, position)) {
      const { start, end } = operand.range;
      const single = start.line === end.line && end.character - start.character === operand.value.length;
      const offset = single ? position.character - start.character : position.line === start.line ? position.character - start.character : operand.value.length;
      return { kind: 'word', index, count: operands.length, text: operand.value, offset: Math.min(Math.max(offset, 0), operand.value.length) };
    }
    if (!after(position, operand.range.end)) break;
    index++;
  }
  return { kind: 'word', index, count: Math.max(operands.length, index + 1), text: '', offset: 0 };
}

/**
 * Counts the top-level commas of the JSON array that opens at `open`, up to its `]` or the instruction's last
 * line, and finds which element holds the cursor. Strings (with their backslash escapes) are skipped, and so are
 * the comment lines inside continuations. Works on incomplete arrays, as they are while typing.
 */
function jsonSlot(model: DockerfileModel, open: Position, lastLine: number, position: Position, skipLines: readonly number[]): Slot {
  let index = 0;
  let cursor: number | undefined;
  let inString = false;
  let escaped = false;
  let closed = false;
  const end = Math.min(lastLine, model.lines.length - 1);
  const skip = new Set(skipLines);
  for (let line = open.line; line <= end && !closed; line++) {
    if (line !== open.line && skip.has(line)) continue;
    const text = model.lines[line];
    for (let k = line === open.line ? open.character + 1 : 0; k < text.length; k++) {
      if (line === position.line && k === position.character && cursor === undefined) cursor = index;
      const c = text[k];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === ',') index++;
      else if (c === ']') {
        closed = true;
        break;
      }
    }
    if (!closed && line === position.line && cursor === undefined) cursor = index;
  }
  if (cursor === undefined) return { kind: 'none' };
  return { kind: 'json', index: cursor, count: index + 1 };
}
