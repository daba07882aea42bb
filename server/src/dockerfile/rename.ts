// Dockerfile rename of stage names, build variables and heredoc delimiters. Pure: it reads the occurrence
// index of the model (occurrences.ts) and edits exactly the names of the symbol's occurrences, leaving every
// other byte as it is. It refuses, with a reason, what BuildKit would reject or read differently afterwards:
// an invalid or reserved stage name, a stage name already taken (also as an image name in FROM or --from), an
// invalid variable name or one already used where the variable is visible, a heredoc delimiter that is not one
// plain word or that the body already has as a line; and symbols that cannot be renamed: predefined ARGs, stage
// indexes, variables the file does not declare, names written in a way an edit cannot follow.
import { TextEdit, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { isRefusal, type Refusal } from '../service/LanguageService';
import { RESERVED_STAGE_NAMES, STAGE_NAME_PATTERN } from './docs/signals';
import { baseEnvironmentVariable, isPredefinedArg } from './docs/args';
import { contains, flagAt, instructionAt } from './locate';
import type { DockerfileModel } from './model';
import { before, copyRange, occurrenceAt, occurrencesOf, type NamedSymbol, type Occurrence, type OccurrenceIndex } from './occurrences';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The name's range and current text, a refusal saying why it cannot be renamed, or null where nothing can. */
export function prepareRename(model: DockerfileModel, position: Position): { range: Range; placeholder: string } | Refusal | null {
  const occurrence = occurrenceAt(model, position);
  if (!occurrence) return explainNothing(model, position);
  const refusal = refusalFor(occurrence);
  if (refusal) return refusal;
  const range = occurrence.range;
  const line = model.lines[range.start.line] ?? '';
  return { range: copyRange(range), placeholder: line.slice(range.start.character, range.end.character) };
}

export function rename(model: DockerfileModel, uri: string, position: Position, newName: string): WorkspaceEdit | Refusal {
  const prepared = prepareRename(model, position);
  if (!prepared) return { refused: 'You cannot rename this element.' };
  if (isRefusal(prepared)) return prepared;
  const symbol = occurrenceAt(model, position)!.symbol!;
  const name = typeof newName === 'string' ? newName : '';
  const problem = nameProblem(model, occurrencesOf(model), symbol, name);
  if (problem) return { refused: problem };
  const edits: TextEdit[] = [];
  let end: Position | undefined;
  for (const o of symbol.occurrences) {
    if (end && before(o.range.start, end)) return { refused: 'The occurrences of this name overlap; rename it by hand.' };
    edits.push(TextEdit.replace(copyRange(o.range), name));
    end = o.range.end;
  }
  return { changes: { [uri]: edits } };
}

function refusalFor(occurrence: Occurrence): Refusal | undefined {
  if (occurrence.stageIndex !== undefined) {
    return { refused: `This refers to stage ${occurrence.stageIndex} by its index, which has no name to rename. Name the stage (FROM image AS name) and copy from that name instead.` };
  }
  const symbol = occurrence.symbol;
  if (!symbol) return { refused: 'You cannot rename this element.' };
  if (symbol.kind === 'variable') {
    if (symbol.predefined) return { refused: `${symbol.name} is predefined by BuildKit, which sets it by that name; it cannot be renamed.` };
    if (!symbol.occurrences.some((o) => o.declaration)) {
      return { refused: `${symbol.name} is not declared by an ARG or ENV that is visible here (it comes from the base image, the builder or the shell), so it cannot be renamed.` };
    }
  }
  if (symbol.inexact) {
    return { refused: `${quoted(symbol.name)} is written on line ${symbol.inexact.start.line + 1} in a way rename cannot edit safely (split by a line continuation, quoted or escaped); change it by hand.` };
  }
  return undefined;
}

/** Why `name` cannot replace the symbol's name, or undefined when it can. */
function nameProblem(model: DockerfileModel, index: OccurrenceIndex, symbol: NamedSymbol, name: string): string | undefined {
  switch (symbol.kind) {
    case 'stage':
      return stageNameProblem(index, symbol, name);
    case 'variable':
      return variableNameProblem(index, symbol, name);
    case 'heredoc':
      return heredocNameProblem(model, symbol, name);
  }
}

function stageNameProblem(index: OccurrenceIndex, symbol: NamedSymbol, name: string): string | undefined {
  if (name.length === 0) return 'A stage name cannot be empty.';
  const lower = name.toLowerCase();
  if (!STAGE_NAME_PATTERN.test(lower)) {
    const reason = /^[a-z]/.test(lower) ? 'it may only contain letters, digits, "-", "_" and "."' : 'it must start with a letter';
    return `${quoted(name)} is not a valid stage name: ${reason}.`;
  }
  if (RESERVED_STAGE_NAMES.includes(lower)) {
    return `${quoted(lower)} is reserved by BuildKit (it means ${lower === 'scratch' ? 'the empty image' : 'the build context'}); choose another stage name.`;
  }
  const other = index.stages.get(lower);
  if (other && other !== symbol) {
    const line = other.occurrences.find((o) => o.declaration)?.range.start.line ?? 0;
    return `A stage named ${quoted(other.name)} already exists (line ${line + 1}); stage names must be unique.`;
  }
  const image = index.notStages.get(lower);
  if (image) {
    return `${quoted(name)} is already used as an image or build context name on line ${image.start.line + 1}; a stage of that name would take its place there.`;
  }
  return undefined;
}

function variableNameProblem(index: OccurrenceIndex, symbol: NamedSymbol, name: string): string | undefined {
  if (!VARIABLE_NAME.test(name)) {
    return `${quoted(name)} is not a valid variable name: use letters, digits and "_", and do not start with a digit.`;
  }
  if (name === symbol.name) return undefined;
  if (isPredefinedArg(name)) return `${name} is predefined by BuildKit; choose another name.`;
  // PATH, HOME ...: the base image, the builder or the shell sets them, and their value would replace or mix with this one.
  const base = baseEnvironmentVariable(name);
  if (base) return `${name} is set by the ${base.source === 'image' ? 'base image' : base.source === 'builder' ? 'builder' : 'shell'} for every command; choose another name.`;
  const scopes = new Set<number>();
  for (const o of symbol.occurrences) scopes.add(o.scope);
  for (const scope of scopes) {
    const other = index.variable(scope, name);
    if (!other || other === symbol) continue;
    const where = other.occurrences.find((o) => o.scope === scope) ?? other.occurrences[0];
    const line = where ? ` (line ${where.range.start.line + 1})` : '';
    return `A variable named ${name} is already used where ${symbol.name} is visible${line}; renaming would merge the two.`;
  }
  return undefined;
}

function heredocNameProblem(model: DockerfileModel, symbol: NamedSymbol, name: string): string | undefined {
  if (name.length === 0) return 'A heredoc delimiter cannot be empty.';
  if (/[\s"'<>$`\\]/.test(name) || name.startsWith('-')) {
    return `${quoted(name)} is not a valid heredoc delimiter: use one word without spaces, quotes, "<", ">", "$", "\`" or "\\", not starting with "-".`;
  }
  const heredoc = symbol.heredoc;
  if (!heredoc || heredoc.body.length === 0) return undefined;
  for (let k = heredoc.bodyRange.start.line; k <= heredoc.bodyRange.end.line; k++) {
    const line = model.lines[k] ?? '';
    if (line === name || (heredoc.stripTabs && line.replace(/^\t+/, '') === name)) {
      return `The heredoc body has the line ${quoted(name)} (line ${k + 1}), which would end the heredoc there.`;
    }
  }
  return undefined;
}

/**
 * A refusal where the position is on something a user may expect to rename but that names no symbol:
 * `ADD --from`, and `COPY --from` / FROM words that are images rather than stages. null elsewhere.
 */
function explainNothing(model: DockerfileModel, position: Position): Refusal | null {
  const located = instructionAt(model, position);
  if (!located || located.heredoc) return null;
  const instruction = located.instruction;
  const flag = flagAt(instruction, position);
  if (flag && flag.name === 'from' && flag.value && flag.valueRange && contains(flag.valueRange, position)) {
    if (instruction.name === 'ADD') return { refused: 'ADD has no --from flag (only COPY has), so this names no stage.' };
    if (instruction.name === 'COPY' && /^\d+$/.test(flag.value)) {
      return { refused: `There is no stage ${flag.value} in this file (stages are numbered from 0), so there is nothing to rename.` };
    }
    if (instruction.name === 'COPY' && flag.value.indexOf('$') < 0) {
      const stage = occurrencesOf(model).stages.get(flag.value.toLowerCase());
      if (stage?.inexact) return refusalFor({ range: flag.valueRange, declaration: false, symbol: stage, scope: -1 })!;
      return { refused: `${quoted(flag.value)} is not a stage of this file (it is read as an image or a build context), so there is nothing to rename.` };
    }
  }
  if (instruction.name === 'FROM') {
    const stage = model.stages[instruction.stage];
    const image = stage?.image;
    if (image && image.value.indexOf('$') < 0 && contains(image.range, position)) {
      return { refused: `${quoted(image.value)} is an image, not a stage defined before this line, so there is nothing to rename.` };
    }
  }
  return null;
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
