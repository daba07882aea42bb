// Where a position falls in a parsed Dockerfile: which instruction, which token, inside which flag.
import type { DockerfileModel, Flag, Heredoc, Instruction, Position, Range, Stage, Token } from './model';

export function contains(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
}

export interface Located {
  instruction: Instruction;
  /** The top-level instruction (the ONBUILD, when `instruction` is its trigger). */
  top: Instruction;
  /** Set when the position is inside a heredoc body or on its closing line. */
  heredoc?: Heredoc;
}

/**
 * The instruction whose lines hold the position (continuation and heredoc lines included), found by binary
 * search over the instructions in file order. A position after the end of the instruction on its last line
 * still counts (the user is typing there).
 */
export function instructionAt(model: DockerfileModel, position: Position): Located | undefined {
  const list = model.instructions;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const { start, end } = list[mid].range;
    if (position.line < start.line || (position.line === start.line && position.character < start.character)) high = mid - 1;
    else if (position.line > end.line) low = mid + 1;
    else return locateIn(list[mid], position);
  }
  return undefined;
}

function locateIn(top: Instruction, position: Position): Located {
  for (const heredoc of top.heredocs) {
    const bodyOrCloser = heredoc.closerRange ? { start: heredoc.bodyRange.start, end: heredoc.closerRange.end } : heredoc.bodyRange;
    if (position.line > heredoc.openerRange.end.line && contains(bodyOrCloser, position)) return { instruction: top, top, heredoc };
  }
  const trigger = top.trigger;
  if (trigger && (contains(trigger.range, position) || after(position, trigger.keyword.range.start))) {
    return { instruction: trigger, top };
  }
  return { instruction: top, top };
}

function after(position: Position, start: Position): boolean {
  return position.line > start.line || (position.line === start.line && position.character >= start.character);
}

/** The token of `tokens` that holds the position (its end counts as inside). */
export function tokenAt<T extends { range: Range }>(tokens: readonly T[], position: Position): T | undefined {
  return tokens.find((token) => contains(token.range, position));
}

export function flagAt(instruction: Instruction, position: Position): Flag | undefined {
  return tokenAt(instruction.flags, position);
}

/** The stage a line belongs to (the last stage starting at or before it). */
export function stageAt(model: DockerfileModel, line: number): Stage | undefined {
  let found: Stage | undefined;
  for (const stage of model.stages) {
    if (stage.from.range.start.line <= line) found = stage;
    else break;
  }
  return found;
}

/** The stage named `name` (case-insensitive, as BuildKit compares) that starts before `beforeLine`. */
export function stageNamed(model: DockerfileModel, name: string, beforeLine = Infinity): Stage | undefined {
  const lower = name.toLowerCase();
  return model.stages.find((stage) => stage.name?.value.toLowerCase() === lower && stage.from.range.start.line < beforeLine);
}

/** One `key=value` item of a comma-separated flag value such as --mount, with its ranges. */
export interface ListItem {
  key: Token;
  value?: Token;
}

/** Splits a flag's value like `type=cache,target=/root/.cache` into items with exact ranges (single-line values). */
export function listItems(flag: Flag): ListItem[] {
  if (flag.value === undefined || !flag.valueRange) return [];
  const { line, character } = flag.valueRange.start;
  const items: ListItem[] = [];
  let offset = 0;
  for (const part of flag.value.split(',')) {
    const at = (from: number, to: number): Range => ({
      start: { line, character: character + offset + from },
      end: { line, character: character + offset + to },
    });
    const equals = part.indexOf('=');
    if (equals < 0) items.push({ key: { value: part, range: at(0, part.length) } });
    else {
      items.push({
        key: { value: part.slice(0, equals), range: at(0, equals) },
        value: { value: part.slice(equals + 1), range: at(equals + 1, part.length) },
      });
    }
    offset += part.length + 1;
  }
  return items;
}
