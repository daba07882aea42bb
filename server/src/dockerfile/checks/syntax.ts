// Structural checks: unknown instructions, instructions before the first FROM, parser directives, heredocs
// that never end, and forbidden ONBUILD triggers. Each reports what makes `docker build` stop.
import { closest, didYouMean } from '../../util/closest';
import { INSTRUCTION_NAMES } from '../docs/common';
import { FORBIDDEN_ONBUILD_TRIGGERS } from '../docs/signals';
import type { DockerfileModel, Instruction, Range } from '../model';
import {
  errorUnlessTrigger, finding, indexInstructions, isKnownInstruction, named, quoted, type IndexedCheck,
} from './syntaxCommon';
import { attachedComments, checkComment } from './instructionComments';
import type { Check, Finding } from './types';

/** `unknown-instruction`: a keyword BuildKit does not know stops the build when the instructions are read. */
export const checkUnknownInstructions: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  const report = (instruction: Instruction, inTrigger: boolean): void => {
    const word = instruction.keyword.value;
    const where = inTrigger ? ' in this ONBUILD trigger: builds that use this image as their base will fail' : '';
    out.push(finding('unknown-instruction', errorUnlessTrigger(inTrigger), instruction.keyword.range,
      `Unknown instruction ${quoted(word)}${where}${didYouMean(word, INSTRUCTION_NAMES)}.`, suggestionFix(word, instruction.keyword.range)));
  };
  for (const [name, instructions] of index.byName) {
    if (!isKnownInstruction(name)) for (const instruction of instructions) report(instruction, false);
  }
  for (const trigger of index.triggers) if (!isKnownInstruction(trigger.name)) report(trigger, true);
  return out;
};

function suggestionFix(word: string, range: Range): Finding['fix'] | undefined {
  const suggestion = closest(word, INSTRUCTION_NAMES);
  if (!suggestion) return undefined;
  const newText = word === word.toLowerCase() ? suggestion.toLowerCase() : suggestion;
  return { title: `Change to ${newText}`, range, newText };
}

/**
 * `no-from`: only ARG may come before the first FROM ("no build stage in current context"), and a file with
 * instructions but no FROM has nothing to build.
 */
export const checkNoFrom: Check = (model) => {
  const out: Finding[] = [];
  const first = model.instructions[0];
  if (!first) return out;
  if (model.stages.length === 0) {
    out.push(finding('no-from', 'error', first.keyword.range,
      'This Dockerfile has no FROM instruction: every build starts with FROM <image> (or FROM scratch).'));
    return out;
  }
  for (const instruction of model.instructions) {
    if (instruction.stage >= 0 || instruction.name === 'FROM') break;
    if (instruction.name === 'ARG' || !isKnownInstruction(instruction.name)) continue;
    out.push(finding('no-from', 'error', instruction.keyword.range,
      `${instruction.keyword.value} comes before the first FROM: only ARG may appear there.`));
  }
  return out;
};

/** `invalid-escape-directive` and `duplicate-directive`: both make the parser reject the file. */
export const checkDirectives: Check = (model) => {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  for (const directive of model.directives) {
    const earlier = seen.get(directive.name);
    if (earlier !== undefined) {
      const line = directive.range.start.line;
      out.push(finding('duplicate-directive', 'error', directive.nameRange,
        `The ${directive.name} directive is already set on line ${earlier + 1}; a directive may appear only once.`,
        { title: `Remove this ${directive.name} directive`, range: lineWithBreak(model, line), newText: '' }));
      continue;
    }
    seen.set(directive.name, directive.range.start.line);
    if (directive.name === 'escape' && directive.value !== '\\' && directive.value !== '`') {
      out.push(finding('invalid-escape-directive', 'error', directive.valueRange,
        `The escape character must be \\ or \`, not ${quoted(directive.value)}.`));
    }
  }
  out.push(...misplacedDirectives(model));
  return out;
};

/** A whole line and its line break (the one before it on the last line). */
function lineWithBreak(model: DockerfileModel, line: number): Range {
  if (line + 1 < model.lines.length) return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
  const start = line > 0 ? { line: line - 1, character: model.lines[line - 1].length } : { line, character: 0 };
  return { start, end: { line, character: model.lines[line].length } };
}

const DIRECTIVE_LIKE = /^#\s*(syntax|escape|check)\s*=\s*\S/i;

/**
 * `misplaced-directive`: a `# escape=` or `# check=` (or `# syntax=`) line below another comment or a blank
 * line, but above the first instruction. It reads as a directive but is only a comment, so its setting is
 * silently not applied. (The syntax directive is still found after a `#!` first line.) A `# check=` comment
 * that BuildKit attaches to the first instruction is not misplaced: it configures the checks of that
 * instruction (see instructionComments.ts).
 */
function misplacedDirectives(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  const firstLine = model.instructions[0]?.range.start.line ?? model.lines.length;
  const first = model.instructions.length > 0 ? attachedComments({ ...model, instructions: [model.instructions[0]] })[0] : undefined;
  const ownCheck = first ? checkComment(first.comments)?.comment : undefined;
  for (const comment of model.comments) {
    if (comment.range.start.line >= firstLine) break;
    const match = DIRECTIVE_LIKE.exec(comment.text);
    if (!match) continue;
    const name = match[1].toLowerCase();
    if (name === 'syntax' && onlyShebangAbove(model, comment.range.start.line)) continue;
    if (comment === ownCheck) continue;
    if (model.directives.some((d) => d.name === name)) continue;
    out.push(finding('misplaced-directive', 'warning', comment.range,
      `This ${name} directive is read as a plain comment: directives must be the very first lines, before any other comment or blank line.`));
  }
  return out;
}

function onlyShebangAbove(model: DockerfileModel, line: number): boolean {
  for (let k = 0; k < line; k++) {
    const text = model.lines[k].trim();
    if (k === 0 && text.startsWith('#!')) continue;
    if (!/^#\s*[a-zA-Z][a-zA-Z0-9]*\s*=/.test(text)) return false;
  }
  return true;
}

/** `unterminated-heredoc`: BuildKit stops when the file ends before the heredoc's closing line. */
export const checkHeredocs: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of HEREDOC_INSTRUCTIONS.flatMap((name) => named(index, name))) {
    for (const heredoc of instruction.heredocs) {
      if (heredoc.closerRange) continue;
      out.push(finding('unterminated-heredoc', 'error', heredoc.openerRange,
        `The heredoc ${heredoc.delimiter} is never closed: add a line containing only ${heredoc.delimiter} after its content.`));
    }
  }
  return out;
};

const HEREDOC_INSTRUCTIONS = ['RUN', 'COPY', 'ADD', 'ONBUILD'];

/** `invalid-onbuild-trigger` (ONBUILD ONBUILD, FROM, MAINTAINER) and an ONBUILD without any trigger. */
export const checkOnbuild: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of named(index, 'ONBUILD')) {
    const trigger = instruction.trigger;
    if (!trigger) {
      if (!instruction.argsText) {
        out.push(finding('missing-argument', 'error', instruction.keyword.range,
          'ONBUILD needs an instruction to run later, e.g. ONBUILD COPY . /app.'));
      }
      continue;
    }
    if ((FORBIDDEN_ONBUILD_TRIGGERS as readonly string[]).includes(trigger.name)) {
      const message = trigger.name === 'ONBUILD'
        ? 'ONBUILD cannot be chained: ONBUILD ONBUILD is not allowed.'
        : `${trigger.keyword.value} cannot be an ONBUILD trigger.`;
      out.push(finding('invalid-onbuild-trigger', 'error', trigger.keyword.range, message));
    }
  }
  return out;
};
