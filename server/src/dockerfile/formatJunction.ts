// Where formatting may change the indentation of a continuation line without changing what the instruction
// means. The parser joins an instruction's lines with their leading whitespace kept (as BuildKit does), so an
// indentation is part of the joined text: changing it is harmless only where the joined text has a run of blanks
// that separates words and sits outside every quote, for every reader of that text (BuildKit's word splitting,
// its flag parser, a JSON array, the shell that runs a RUN). Each reader is tracked by a small state machine
// over the joined text; anything they do not understand makes the place unsafe. Pure and linear.
import { FlagReader, JsonReader, ShellReader, WordReader } from './formatReaders';
import type { DockerfileModel, Instruction, Position } from './model';
import { isSpace } from './parseText';

/** How the shell of a stage reads a command: a POSIX shell, PowerShell, or one we do not model (cmd ...). */
export type ShellKind = 'sh' | 'pwsh' | 'other';

/** One line's share of an instruction's joined text: `lines[line]` from `from` to `to` (the continuation escape excluded). */
export interface Piece {
  line: number;
  from: number;
  to: number;
  /** Spaces and tabs at `from` (what formatting may replace). */
  indent: number;
  /** The line ends with the escape character: the instruction goes on. */
  continues: boolean;
}

/** The state of the joined text where a piece begins. */
export interface Junction {
  /** Outside every quote and escape of every reader, in a part of the instruction where blanks only separate. */
  separable: boolean;
  /** The text before ends with an unescaped space or tab, so the place already separates two words. */
  afterBlank: boolean;
}

type ArgsKind = 'words' | 'json' | 'sh' | 'pwsh' | 'string';

const WINDOWS = /windows|nanoserver|servercore/i;
const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const POWERSHELLS = new Set(['powershell', 'pwsh']);

/**
 * The shell each top-level instruction runs with (by index in `model.instructions`): the stage's last `SHELL`,
 * inherited from the stage it is built on, else the platform's default. A file that looks like a Windows one
 * (backtick escape, a Windows base image or platform in a FROM or a global ARG) defaults to cmd, which we do not
 * model. For ONBUILD, the shell its trigger will run with: the one the image ends up with (its stage's last).
 */
export function instructionShells(model: DockerfileModel): ShellKind[] {
  let windows = model.escape === '`';
  for (const stage of model.stages) {
    if (stage.image && windowsImage(stage.image.value)) windows = true;
    for (const flag of stage.from.flags) if (flag.value && WINDOWS.test(flag.value)) windows = true;
  }
  for (const arg of model.globalArgs) for (const pair of arg.pairs) if (pair.value && windowsImage(pair.value.value)) windows = true;
  const fallback: ShellKind = windows ? 'other' : 'sh';
  const stageShell: ShellKind[] = [];
  const stageByName = new Map<string, number>();
  const shells: ShellKind[] = new Array<ShellKind>(model.instructions.length);
  let current: ShellKind = fallback;
  for (let i = 0; i < model.instructions.length; i++) {
    const instruction = model.instructions[i];
    if (instruction.name === 'FROM') {
      const stage = model.stages[instruction.stage];
      const parent = stage?.image ? stageByName.get(stage.image.value.toLowerCase()) : undefined;
      current = parent !== undefined ? stageShell[parent] : fallback;
      if (stage?.name) stageByName.set(stage.name.value.toLowerCase(), instruction.stage);
    } else if (instruction.name === 'SHELL' && instruction.json && instruction.json.length > 0) {
      current = shellKind(instruction.json[0].value);
    }
    if (instruction.stage >= 0) stageShell[instruction.stage] = current;
    shells[i] = current;
  }
  for (let i = 0; i < model.instructions.length; i++) {
    const { name, stage } = model.instructions[i];
    if (name === 'ONBUILD' && stage >= 0) shells[i] = stageShell[stage];
  }
  return shells;
}

/** An image reference (a path or a tag: not a stage name like `binaries-windows`) that names a Windows image. */
function windowsImage(value: string): boolean {
  return (value.includes('/') || value.includes(':')) && WINDOWS.test(value);
}

function shellKind(executable: string): ShellKind {
  let name = executable.slice(Math.max(executable.lastIndexOf('/'), executable.lastIndexOf('\\')) + 1).toLowerCase();
  if (name.endsWith('.exe')) name = name.slice(0, -4);
  return POSIX_SHELLS.has(name) ? 'sh' : POWERSHELLS.has(name) ? 'pwsh' : 'other';
}

function argsKind(instruction: Instruction, shell: ShellKind): ArgsKind {
  if (instruction.json) return 'json';
  switch (instruction.name) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'HEALTHCHECK':
      return shell === 'sh' ? 'sh' : shell === 'pwsh' ? 'pwsh' : 'string';
    case 'FROM':
    case 'COPY':
    case 'ADD':
    case 'VOLUME':
    case 'EXPOSE':
    case 'ARG':
      return 'words';
    case 'ENV':
    case 'LABEL':
      return instruction.pairs.some((p) => p.legacy) ? 'string' : 'words';
    default:
      // WORKDIR, USER, STOPSIGNAL, MAINTAINER take their arguments as one string; unknown words (and a trigger
      // of a trigger) are left alone.
      return 'string';
  }
}

/**
 * The state where each piece of `pieces` begins (index 0 is unused), plus the state at the end of the last
 * piece (index `pieces.length`: where a new continuation line would begin).
 */
export function junctions(lines: readonly string[], instruction: Instruction, pieces: readonly Piece[], escape: string, shell: ShellKind): Junction[] {
  let joined = '';
  const starts: number[] = [];
  for (const p of pieces) {
    starts.push(joined.length);
    joined += lines[p.line].slice(p.from, p.to);
  }
  const end = joined.length;
  const offset = (position: Position | undefined): number => offsetOf(pieces, starts, end, position);

  // ONBUILD: its own words, then the trigger's keyword and flags, then the trigger's arguments, which are read
  // again (by the trigger's own rules) when an image is built from this one.
  const target = instruction.name === 'ONBUILD' ? instruction.trigger : instruction;
  const kind = target ? argsKind(target, shell) : 'string';
  const keywordEnd = offset(instruction.keyword.range.end);
  const argsStart = instruction.argsText ? offset(instruction.argsText.range.start) : Number.MAX_SAFE_INTEGER;
  const flagsEnd = target?.argsText ? offset(target.argsText.range.start) : Number.MAX_SAFE_INTEGER;
  let classStart = flagsEnd;
  if (target?.name === 'HEALTHCHECK' && classStart < end) {
    // `CMD` (or `NONE`), then the command.
    let k = classStart;
    while (k < end && !isSpace(joined.charCodeAt(k))) k++;
    while (k < end && isSpace(joined.charCodeAt(k))) k++;
    classStart = k;
  }

  const flags = new FlagReader();
  const words = new WordReader(escape);
  const shellReader = kind === 'sh' || kind === 'pwsh' ? new ShellReader(kind === 'pwsh') : undefined;
  const json = kind === 'json' ? new JsonReader() : undefined;
  const result: Junction[] = new Array<Junction>(pieces.length + 1);
  let next = 1;
  for (let i = 0; i <= end; i++) {
    while (next <= pieces.length && (next === pieces.length ? end : starts[next]) === i) {
      let separable = flags.clear() && words.clear();
      if (i > classStart) separable &&= kind === 'words' || (kind === 'json' ? json!.clear() : shellReader ? shellReader.clear() : false);
      const before = i > 0 ? joined[i - 1] : '';
      if (isEscapeLike(before, escape)) separable = false;
      // Between the strings of a JSON array blanks mean nothing, so indenting there is as safe as after a blank.
      const inJson = kind === 'json' && i > classStart && json!.clear();
      const afterBlank = inJson || ((before === ' ' || before === '\t') && !(i > 1 && isEscapeLike(joined[i - 2], escape)));
      result[next++] = { separable, afterBlank };
    }
    if (i === end) break;
    const c = joined[i];
    if (i >= keywordEnd && i < flagsEnd) flags.read(c);
    if (i >= argsStart) words.read(c);
    if (i >= classStart) {
      if (json) json.read(c);
      else if (shellReader) shellReader.read(c);
    }
  }
  return result;
}

/** A character that may escape the next one for some reader: BuildKit's escape, the shell's `\\`, PowerShell's backtick. */
function isEscapeLike(c: string, escape: string): boolean {
  return c === '\\' || c === '`' || c === escape;
}

/** Offset in the joined text of a position; the start (the safe answer) when it is not in a piece. */
function offsetOf(pieces: readonly Piece[], starts: number[], end: number, position: Position | undefined): number {
  if (!position) return 0;
  const last = pieces[pieces.length - 1];
  if (position.line > last.line) return Number.MAX_SAFE_INTEGER;
  for (let j = pieces.length - 1; j >= 0; j--) {
    const p = pieces[j];
    if (p.line !== position.line) continue;
    const at = starts[j] + Math.min(Math.max(position.character - p.from, 0), p.to - p.from);
    return Math.min(at, end);
  }
  return 0;
}
