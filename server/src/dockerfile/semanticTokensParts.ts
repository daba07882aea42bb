// The pieces of one instruction that semantic tokens colour, in document order (semanticTokens.ts encodes them):
// keywords, flags and their values, stage names, image references, declared names, exec-form strings, heredoc
// openers, and the variable references that cut holes in some of them. Pure; linear in the instruction.
import { TOKEN_MODIFIERS, TOKEN_TYPES, type TokenModifier, type TokenType } from '../service/semanticLegend';
import { PREDEFINED_ARGS } from './docs/args';
import { INSTRUCTION_NAMES } from './docs/common';
import type { Flag, Instruction, Position, Token, VariableReference } from './model';

export const TYPE: Readonly<Record<TokenType, number>> = Object.freeze(
  Object.fromEntries(TOKEN_TYPES.map((name, index) => [name, index])) as Record<TokenType, number>,
);

export const MOD: Readonly<Record<TokenModifier, number>> = Object.freeze(
  Object.fromEntries(TOKEN_MODIFIERS.map((name, index) => [name, 1 << index])) as Record<TokenModifier, number>,
);

const KEYWORDS: ReadonlySet<string> = new Set(INSTRUCTION_NAMES);
const PREDEFINED: ReadonlySet<string> = new Set(PREDEFINED_ARGS.map((arg) => arg.name));
const PREDEFINED_MODS = MOD.readonly | MOD.defaultLibrary;

/** A run of text to colour, from `start` to `end` (which may be on later lines of a continuation). */
export interface Piece {
  start: Position;
  end: Position;
  type: number;
  mods: number;
  /** Variable references inside it are coloured as variables and the rest of it around them. */
  holes: boolean;
}

/** The stages declared so far: lower-cased name -> index, and how many there are. */
export interface StageNames {
  readonly byName: ReadonlyMap<string, number>;
  readonly count: number;
}

export interface PartsContext {
  lines: readonly string[];
  /** Stage references are resolved only in top-level instructions (not in ONBUILD triggers, which run elsewhere). */
  stages?: StageNames;
}

/** Appends the pieces of `instruction` (and of its ONBUILD trigger) to `out`, in document order. */
export function instructionPieces(instruction: Instruction, context: PartsContext, out: Piece[], depth = 0): void {
  if (KEYWORDS.has(instruction.name)) piece(out, instruction.keyword.range.start, instruction.keyword.range.end, TYPE.keyword);
  for (const flag of instruction.flags) flagPieces(instruction, flag, context, out);
  const args = instruction.args;
  switch (instruction.name) {
    case 'FROM':
      if (depth === 0 && context.stages) fromPieces(args, context.stages, out);
      else if (args.length > 0) piece(out, args[0].range.start, args[0].range.end, TYPE.type, 0, true);
      return;
    case 'ARG':
    case 'ENV':
      for (const pair of instruction.pairs) {
        const predefined = instruction.name === 'ARG' && PREDEFINED.has(pair.key.value) ? PREDEFINED_MODS : 0;
        piece(out, pair.key.range.start, pair.key.range.end, TYPE.variable, MOD.declaration | predefined);
      }
      return;
    case 'LABEL':
      for (const pair of instruction.pairs) piece(out, pair.key.range.start, pair.key.range.end, TYPE.property);
      return;
    case 'ONBUILD':
      if (instruction.trigger) instructionPieces(instruction.trigger, { lines: context.lines }, out, depth + 1);
      return;
    case 'HEALTHCHECK':
      if (args.length > 0) {
        const type = args[0].value.toUpperCase();
        if (type === 'CMD' || type === 'NONE') piece(out, args[0].range.start, args[0].range.end, TYPE.keyword);
      }
      break;
    default:
      break;
  }
  if (instruction.json) {
    for (const string of instruction.json) piece(out, string.range.start, string.range.end, TYPE.string, 0, true);
  } else {
    for (const heredoc of instruction.heredocs) piece(out, heredoc.openerRange.start, heredoc.openerRange.end, TYPE.operator);
  }
}

/** FROM: the image (a type, or a class when it names an earlier stage), `AS` and the declared stage name. */
function fromPieces(args: readonly Token[], stages: StageNames, out: Piece[]): void {
  if (args.length === 0) return;
  const image = args[0];
  if (image.value.indexOf('$') < 0 && stages.byName.has(image.value.toLowerCase())) piece(out, image.range.start, image.range.end, TYPE.class);
  else piece(out, image.range.start, image.range.end, TYPE.type, 0, true);
  if (args.length < 2 || args[1].value.toLowerCase() !== 'as') return;
  piece(out, args[1].range.start, args[1].range.end, TYPE.keyword);
  if (args.length > 2) piece(out, args[2].range.start, args[2].range.end, TYPE.class, MOD.declaration);
}

/** `--name` (parameter) and its value: a string, a stage (class), or `key=value` items for --mount. */
function flagPieces(instruction: Instruction, flag: Flag, context: PartsContext, out: Piece[]): void {
  piece(out, flag.range.start, flag.nameRange.end, TYPE.parameter);
  const value = flag.valueRange;
  if (!value || flag.value === undefined || flag.value.length === 0) return;
  const raw = rawText(context.lines, value.start, value.end);
  if (flag.name === 'from' && context.stages && raw !== undefined && isStageReference(flag.value, context.stages)) {
    piece(out, value.start, value.end, TYPE.class);
  } else if (flag.name === 'mount' && instruction.name === 'RUN' && raw !== undefined) {
    mountPieces(raw, value.start, context.stages, out);
  } else {
    piece(out, value.start, value.end, TYPE.string, 0, true);
  }
}

/** `type=cache,target=/x`: keys as properties, values as strings (a `from=` stage as a class); `=` and `,` bare. */
function mountPieces(raw: string, at: Position, stages: StageNames | undefined, out: Piece[]): void {
  const line = at.line;
  let from = 0;
  while (from <= raw.length) {
    let end = raw.indexOf(',', from);
    if (end < 0) end = raw.length;
    let equals = from;
    while (equals < end && raw.charCodeAt(equals) !== 0x3d) equals++;
    const position = (offset: number): Position => ({ line, character: at.character + offset });
    if (equals === end) {
      piece(out, position(from), position(end), TYPE.string, 0, true);
    } else {
      piece(out, position(from), position(equals), TYPE.property);
      const key = raw.slice(from, equals).toLowerCase();
      const itemValue = raw.slice(equals + 1, end);
      const stage = key === 'from' && stages !== undefined && isStageReference(itemValue, stages);
      piece(out, position(equals + 1), position(end), stage ? TYPE.class : TYPE.string, 0, !stage);
    }
    from = end + 1;
  }
}

/** A stage name (case-insensitive, as BuildKit compares) or index of a stage declared so far. */
function isStageReference(value: string, stages: StageNames): boolean {
  if (value.length === 0 || value.indexOf('$') >= 0) return false;
  if (stages.byName.has(value.toLowerCase())) return true;
  return /^[0-9]{1,9}$/.test(value) && Number(value) < stages.count;
}

/** The text between two positions of one line, when it holds no quote or escape (else undefined). */
function rawText(lines: readonly string[], start: Position, end: Position): string | undefined {
  if (start.line !== end.line) return undefined;
  const text = (lines[start.line] ?? '').slice(start.character, end.character);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27 || c === 0x5c || c === 0x60) return undefined;
  }
  return text;
}

function piece(out: Piece[], start: Position, end: Position, type: number, mods = 0, holes = false): void {
  out.push({ start, end, type, mods, holes });
}

/**
 * The variable references as pieces in document order without overlaps: `$NAME` and `${NAME}` whole; for
 * `${NAME:-word}` the `${NAME` part and the closing `}`, so that references inside the word get their own.
 */
export function variablePieces(references: readonly VariableReference[], out: Piece[]): void {
  const closers: Piece[] = [];
  for (const reference of references) {
    const { start, end } = reference.range;
    while (closers.length > 0 && !before(start, closers[closers.length - 1].start)) out.push(closers.pop()!);
    const mods = PREDEFINED.has(reference.name) ? PREDEFINED_MODS : 0;
    if (!reference.braced || reference.modifier === undefined || end.character < 1) {
      out.push({ start, end, type: TYPE.variable, mods, holes: false });
      continue;
    }
    out.push({ start, end: reference.nameRange.end, type: TYPE.variable, mods, holes: false });
    closers.push({ start: { line: end.line, character: end.character - 1 }, end, type: TYPE.variable, mods, holes: false });
  }
  while (closers.length > 0) out.push(closers.pop()!);
}

/** a strictly before b. */
export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
