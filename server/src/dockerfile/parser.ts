// The Dockerfile parser: text -> DockerfileModel with exact LSP ranges, faithful to BuildKit's parser
// (moby/buildkit frontend/dockerfile/parser): parser directives at the top, the escape character, line
// continuations that skip comment and empty lines, heredocs, exec (JSON) form, flags, ARG/ENV/LABEL pairs,
// variable references, stages and ONBUILD triggers. Pure and linear in the size of the text; never throws.
import type { Comment, Directive, DockerfileModel, Heredoc, Instruction, Position, Range, Stage, Token } from './model';
import type { HeredocOpener } from './parseArgs';
import { parseLine } from './parseInstruction';
import { Logical, Span, contentStart, continuationAt, exact, gather, isCommentLine, isSpace, splitLines, splitLinesAfterEdit } from './parseText';

export { unquote, variablesIn } from './variables';

const DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/**
 * Parses a Dockerfile. `previous`, the model of an earlier version of the same document, is optional: an
 * instruction of it whose lines are unchanged and at the same line numbers is taken over (shared objects,
 * copied only when its stage index changed), so that typing in a large file costs little. The result is the
 * same as without it. Models are read-only: neither this function nor its users may change them.
 */
export function parseDockerfile(text: string, previous?: DockerfileModel): DockerfileModel {
  const lines = previous ? splitLinesAfterEdit(text, previous.lines) : splitLines(text);
  const model: DockerfileModel = {
    directives: [],
    escape: '\\',
    instructions: [],
    globalArgs: [],
    stages: [],
    comments: [],
    lines,
  };
  let i = 0;
  for (; i < lines.length; i++) {
    const directive = parseDirective(lines[i], i);
    if (!directive) break;
    model.directives.push(directive);
  }
  const escape = model.directives.find((d) => d.name === 'escape');
  if (escape && (escape.value === '`' || escape.value === '\\')) model.escape = escape.value;

  const logicalLine = new Logical();
  const old = previous && previous.escape === model.escape ? previous : undefined;
  let candidate = 0;
  let reused: boolean[] | undefined;
  while (i < lines.length) {
    const line = lines[i];
    const start = contentStart(line, i);
    if (start === line.length) {
      i++;
      continue;
    }
    if (isCommentLine(line, start)) {
      model.comments.push(commentAt(lines, i, start));
      i++;
      continue;
    }
    if (old) {
      while (candidate < old.instructions.length && old.instructions[candidate].range.start.line < i) candidate++;
      const same = old.instructions[candidate];
      if (same && same.range.start.line === i && same.range.start.character === start && unchanged(same, lines, old.lines, model.escape)) {
        (reused ??= [])[model.instructions.length] = true;
        model.instructions.push(same);
        i = same.range.end.line + 1;
        candidate++;
        continue;
      }
    }
    const gathered = gather(lines, i, start, model.escape, logicalLine);
    const { logical, lastLine, inner, trailing } = gathered;
    i = trailing.length > 0 ? trailing[trailing.length - 1] + 1 : lastLine + 1;
    const parsed = parseLine(logical, 0, logical.text.length, model.escape);
    if (!parsed) {
      // Only escape characters and blanks: no instruction, BuildKit skips it.
      for (const k of [...inner, ...trailing]) addCommentLine(model.comments, lines, k);
      continue;
    }
    const instruction = parsed.instruction;
    const lastEnd = endOf(instruction.argsText ?? instruction.keyword);
    const lineEnd = lines[lastLine].length;
    let end: Position = lastEnd.line === lastLine && lastEnd.character === lineEnd ? lastEnd : { line: lastLine, character: lineEnd };
    if (parsed.openers.length > 0) {
      const read = readHeredocs(lines, i, parsed.openers);
      instruction.heredocs = read.heredocs;
      if (instruction.trigger) instruction.trigger.heredocs = read.heredocs;
      if (read.end) end = read.end;
      i = read.next;
    }
    instruction.range.end = end;
    const startLine = instruction.range.start.line;
    if (inner.length > 0 && inner[0] < startLine) {
      // Lines before the keyword (after lines holding only an escape character): plain comments.
      for (const k of inner) if (k < startLine) addCommentLine(model.comments, lines, k);
      instruction.innerCommentLines = exact(inner.filter((k) => k > startLine));
    } else {
      instruction.innerCommentLines = inner;
    }
    for (let t = instruction.trigger; t; t = t.trigger) {
      t.range.end = end;
      t.innerCommentLines = inner.length === 0 ? inner : exact(inner.filter((k) => k > t!.range.start.line));
    }
    for (let t = 0; t < trailing.length; t++) addCommentLine(model.comments, lines, trailing[t]);
    model.instructions.push(instruction);
  }

  assignStages(model, reused);
  return model;
}

/**
 * True when a fresh parse of `instruction`'s lines would give it again: the same text on the same lines, and
 * an end that does not depend on the end of the file (no continuation into it, no unterminated heredoc).
 */
function unchanged(instruction: Instruction, lines: string[], oldLines: string[], escape: string): boolean {
  const last = instruction.range.end.line;
  if (last >= lines.length || last >= oldLines.length) return false;
  for (let k = instruction.range.start.line; k <= last; k++) if (lines[k] !== oldLines[k]) return false;
  if (instruction.heredocs.length > 0) return instruction.heredocs.every((h) => h.closerRange !== undefined);
  return continuationAt(lines[last], escape) < 0;
}

/** `# name=value` with a known name (BuildKit's `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`). */
function parseDirective(line: string, lineNumber: number): Directive | undefined {
  let i = contentStart(line, lineNumber);
  if (line.charCodeAt(i) !== 0x23) return undefined;
  i++;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  const nameStart = i;
  if (!isAsciiLetter(line.charCodeAt(i))) return undefined;
  while (i < line.length && (isAsciiLetter(line.charCodeAt(i)) || isAsciiDigit(line.charCodeAt(i)))) i++;
  const nameEnd = i;
  while (i < line.length && isRegexSpace(line.charCodeAt(i))) i++;
  if (line[i] !== '=') return undefined;
  const equals = i++;
  while (i < line.length && isRegexSpace(line.charCodeAt(i))) i++;
  let valueStart = i;
  let valueEnd = line.length;
  while (valueEnd > valueStart && isRegexSpace(line.charCodeAt(valueEnd - 1))) valueEnd--;
  if (valueEnd === valueStart) {
    // `(.+?)` needs one character: the regexp gives it one of the blanks after `=`, if there are any.
    if (line.length === equals + 1) return undefined;
    valueStart = line.length - 1;
    valueEnd = line.length;
  }
  const name = line.slice(nameStart, nameEnd).toLowerCase();
  if (!DIRECTIVES.has(name)) return undefined;
  return {
    name,
    value: line.slice(valueStart, valueEnd),
    range: lineRange(line, lineNumber, 0),
    nameRange: { start: { line: lineNumber, character: nameStart }, end: { line: lineNumber, character: nameEnd } },
    valueRange: { start: { line: lineNumber, character: valueStart }, end: { line: lineNumber, character: valueEnd } },
  };
}

/** Reads the heredoc bodies that follow an instruction, one after another, from line `from`. */
function readHeredocs(lines: string[], from: number, openers: HeredocOpener[]): { heredocs: Heredoc[]; next: number; end?: Position } {
  const heredocs: Heredoc[] = [];
  let next = from;
  let end: Position | undefined;
  for (const opener of openers) {
    const bodyStart = next;
    let k = bodyStart;
    let closed = false;
    for (; k < lines.length; k++) {
      const line = lines[k];
      if (line === opener.delimiter || (opener.stripTabs && stripLeadingTabs(line) === opener.delimiter)) {
        closed = true;
        break;
      }
    }
    let bodyRange: Range;
    if (k > bodyStart) {
      bodyRange = { start: { line: bodyStart, character: 0 }, end: { line: k - 1, character: lines[k - 1].length } };
    } else {
      const at = bodyStart < lines.length ? { line: bodyStart, character: 0 } : endOfDocument(lines);
      bodyRange = { start: at, end: { line: at.line, character: at.character } };
    }
    let body = '';
    for (let b = bodyStart; b < k; b++) body += lines[b] + '\n';
    const { delimiter, stripTabs, quoted, openerRange } = opener;
    const heredoc: Heredoc = { delimiter, stripTabs, quoted, openerRange, bodyRange, body };
    if (closed) {
      heredoc.closerRange = lineRange(lines[k], k, 0);
      end = heredoc.closerRange.end;
      next = k + 1;
    } else {
      if (k > bodyStart) end = bodyRange.end;
      next = lines.length;
    }
    heredocs.push(heredoc);
  }
  return { heredocs, next, end };
}

/** Sets stage indexes (on copies of taken-over instructions whose index changed) and builds the stages. */
function assignStages(model: DockerfileModel, reused: boolean[] | undefined): void {
  let stage: Stage | undefined;
  const instructions = model.instructions;
  for (let k = 0; k < instructions.length; k++) {
    let instruction = instructions[k];
    const index = instruction.name === 'FROM' ? model.stages.length : stage ? stage.index : -1;
    if (!reused?.[k]) {
      for (let t: Instruction | undefined = instruction; t; t = t.trigger) t.stage = index;
    } else if (!hasStage(instruction, index)) {
      instruction = instructions[k] = withStage(instruction, index);
    }
    if (instruction.name === 'FROM') {
      stage = stageOf(instruction, model.stages.length);
      model.stages.push(stage);
    } else if (stage) {
      stage.instructions.push(instruction);
      stage.range.end = instruction.range.end;
    } else if (instruction.name === 'ARG') {
      model.globalArgs.push(instruction);
    }
  }
}

/** Where a token ends; for a parsed span without making its whole range. */
function endOf(token: Token): Position {
  return token instanceof Span ? token.end() : token.range.end;
}

function hasStage(instruction: Instruction, index: number): boolean {
  for (let t: Instruction | undefined = instruction; t; t = t.trigger) if (t.stage !== index) return false;
  return true;
}

function withStage(instruction: Instruction, index: number): Instruction {
  const copy: Instruction = { ...instruction, stage: index };
  if (instruction.trigger) copy.trigger = withStage(instruction.trigger, index);
  return copy;
}

function stageOf(from: Instruction, index: number): Stage {
  const r = from.range;
  const stage: Stage = {
    index,
    from,
    instructions: [],
    range: { start: r.start, end: r.end },
  };
  const args = from.args;
  if (args.length > 0) stage.image = args[0];
  if (args.length > 1 && args[1].value.toLowerCase() === 'as') {
    stage.asKeyword = args[1];
    if (args.length > 2) stage.name = args[2];
  }
  return stage;
}

function addCommentLine(comments: Comment[], lines: string[], lineNumber: number): void {
  const start = contentStart(lines[lineNumber], lineNumber);
  if (isCommentLine(lines[lineNumber], start)) comments.push(commentAt(lines, lineNumber, start));
}

function commentAt(lines: string[], lineNumber: number, start: number): Comment {
  const line = lines[lineNumber];
  return { text: line.slice(start), range: lineRange(line, lineNumber, start) };
}

function lineRange(line: string, lineNumber: number, start: number): Range {
  return { start: { line: lineNumber, character: start }, end: { line: lineNumber, character: line.length } };
}

function endOfDocument(lines: string[]): Position {
  const last = lines.length - 1;
  return { line: last, character: lines[last].length };
}

function stripLeadingTabs(line: string): string {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 0x09) i++;
  return i === 0 ? line : line.slice(i);
}

function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** RE2's `\s`: [\t\n\f\r ]. */
function isRegexSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}
