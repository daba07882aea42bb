// Dockerfile semantic tokens, encoded against service/semanticLegend.ts (LSP's relative 5-integer form). Pure and
// linear in the size of the document: one pass over directives, comments and instructions in file order, a map
// of the stage names declared so far for stage references, nothing searched across the file.
//
// What is coloured (the pieces of an instruction are listed in semanticTokensParts.ts):
// - parser directives: `macro`, the whole directive from `#` to the end of its value (set apart from comments);
// - comments, also those inside a continuation: `comment`;
// - instruction keywords, `AS`, HEALTHCHECK's CMD/NONE: `keyword`;
// - flag names with their dashes: `parameter`; flag values: `string`; --mount keys: `property`;
// - `$VAR`/`${VAR}` reads: `variable` (+ `readonly defaultLibrary` for predefined ARGs such as TARGETPLATFORM);
//   ARG/ENV names: `variable declaration` (a predefined name in ARG also `readonly defaultLibrary`);
// - stage names: `class declaration` at `AS name`; `class` where FROM, COPY --from or RUN --mount=from= names a
//   stage declared before (case-insensitive, as BuildKit compares; `--from=N` by index too);
// - the FROM image otherwise: `type`; LABEL keys: `property`; exec-form (JSON) strings: `string`;
// - heredoc markers: `operator` on the `<<EOF` word and on its terminator line. Heredoc bodies get no tokens.
// Tokens never overlap, come in document order and stay on one line (a token over a continuation is cut per
// line, around the escape character and the comment lines in between); lengths are UTF-16 code units.
import type { DockerfileModel, Instruction, Position } from './model';
import { contentStart, continuationAt, isCommentLine } from './parseText';
import { TYPE, before, instructionPieces, variablePieces, type Piece } from './semanticTokensParts';

export function semanticTokens(model: DockerfileModel): number[] {
  const encoder = new Encoder();
  const { lines } = model;
  for (const directive of model.directives) {
    const line = directive.range.start.line;
    const hash = contentStart(lines[line] ?? '', line);
    encoder.push(line, hash, directive.valueRange.end.character - hash, TYPE.macro, 0);
  }
  const byName = new Map<string, number>();
  let stageCount = 0;
  const comments = model.comments;
  let c = 0;
  const pieces: Piece[] = [];
  const variables: Piece[] = [];
  for (const instruction of model.instructions) {
    const startLine = instruction.range.start.line;
    for (; c < comments.length && comments[c].range.start.line < startLine; c++) {
      const { start, end } = comments[c].range;
      encoder.push(start.line, start.character, end.character - start.character, TYPE.comment, 0);
    }
    if (instruction.name === 'FROM') stageCount = Math.max(stageCount, instruction.stage + 1);
    pieces.length = 0;
    variables.length = 0;
    instructionPieces(instruction, { lines, stages: { byName, count: stageCount } }, pieces);
    variablePieces(instruction.variables, variables);
    new InstructionWriter(encoder, model, instruction).write(pieces, variables);
    if (instruction.name === 'FROM' && instruction.args.length > 2 && instruction.args[1].value.toLowerCase() === 'as') {
      const name = instruction.args[2].value.toLowerCase();
      if (!byName.has(name)) byName.set(name, instruction.stage);
    }
  }
  for (; c < comments.length; c++) {
    const { start, end } = comments[c].range;
    encoder.push(start.line, start.character, end.character - start.character, TYPE.comment, 0);
  }
  return encoder.data;
}

/** Writes the relative encoding; drops or trims anything that would go back or overlap (never happens by design). */
class Encoder {
  readonly data: number[] = [];
  private line = 0;
  private character = 0;
  private end = 0;

  push(line: number, character: number, length: number, type: number, mods: number): void {
    if (length <= 0 || line < this.line) return;
    if (line === this.line && character < this.end) {
      length -= this.end - character;
      character = this.end;
      if (length <= 0) return;
    }
    this.data.push(line - this.line, line === this.line ? character - this.character : character, length, type, mods);
    this.line = line;
    this.character = character;
    this.end = character + length;
  }
}

/** One top-level instruction: its pieces and variable pieces merged, inner comments, heredoc terminators. */
class InstructionWriter {
  private comment = 0;

  constructor(
    private readonly encoder: Encoder,
    private readonly model: DockerfileModel,
    private readonly instruction: Instruction,
  ) {}

  write(pieces: readonly Piece[], variables: readonly Piece[]): void {
    let v = 0;
    for (const p of pieces) {
      for (; v < variables.length && before(variables[v].start, p.start); v++) this.span(variables[v].start, variables[v].end, variables[v].type, variables[v].mods);
      if (!p.holes) {
        this.span(p.start, p.end, p.type, p.mods);
        while (v < variables.length && before(variables[v].start, p.end)) v++;
        continue;
      }
      let at = p.start;
      for (; v < variables.length && before(variables[v].start, p.end); v++) {
        const hole = variables[v];
        this.span(at, hole.start, p.type, p.mods);
        this.span(hole.start, hole.end, hole.type, hole.mods);
        if (before(at, hole.end)) at = hole.end;
      }
      this.span(at, p.end, p.type, p.mods);
    }
    for (; v < variables.length; v++) this.span(variables[v].start, variables[v].end, variables[v].type, variables[v].mods);
    this.innerComments(Number.MAX_SAFE_INTEGER);
    const lines = this.model.lines;
    for (const heredoc of this.instruction.heredocs) {
      const closer = heredoc.closerRange;
      if (!closer) continue;
      const text = lines[closer.start.line] ?? '';
      let from = 0;
      while (from < text.length && text.charCodeAt(from) === 0x09) from++;
      this.encoder.push(closer.start.line, from, text.length - from, TYPE.operator, 0);
    }
  }

  /** Colours [start, end), cut per line over a continuation (without the escape characters and skipped lines). */
  private span(start: Position, end: Position, type: number, mods: number): void {
    if (!before(start, end)) return;
    if (start.line === end.line) {
      this.innerComments(start.line);
      this.encoder.push(start.line, start.character, end.character - start.character, type, mods);
      return;
    }
    const { lines, escape } = this.model;
    for (let line = start.line; line <= end.line && line < lines.length; line++) {
      const text = lines[line];
      if (line > start.line) {
        const content = contentStart(text, line);
        if (content === text.length || isCommentLine(text, content)) continue;
      }
      const from = line === start.line ? start.character : 0;
      let to = line === end.line ? end.character : continuationAt(text, escape);
      if (to < 0) to = text.length;
      this.innerComments(line);
      this.encoder.push(line, from, to - from, type, mods);
    }
  }

  /** The comment lines inside the instruction's continuation that come before `line`. */
  private innerComments(line: number): void {
    const inner = this.instruction.innerCommentLines;
    const lines = this.model.lines;
    for (; this.comment < inner.length && inner[this.comment] < line; this.comment++) {
      const k = inner[this.comment];
      const text = lines[k] ?? '';
      const content = contentStart(text, k);
      if (isCommentLine(text, content)) this.encoder.push(k, content, text.length - content, TYPE.comment, 0);
    }
  }
}
