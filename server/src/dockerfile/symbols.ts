// Dockerfile outline (documentSymbol) and workspace symbols. Pure; linear in the size of the model.
//
// The outline, top to bottom: the parser directives (Key), the instructions before the first FROM (the global
// ARGs, and whatever else a broken file has there), then one Class per stage. A stage is named after its
// `AS name` as written; a stage without a name is `<image> (stage N)` (`(stage N)` when FROM has no image), N
// being the 0-based index that `COPY --from=N` and `--target` use. The stage's instructions are its children:
// ARG/ENV are Variables, LABEL a Property, ONBUILD an Event whose child is its trigger, the rest Functions.
// The global ARGs (before the first FROM) have the names they declare as children; inside a stage the names
// show in the instruction's detail only, which keeps the answer for a file of thousands of instructions small
// (the outline of a 9.6k-line file is about 1.4 MB of JSON; it is sent and parsed on every request).
// Details are one line of at most DETAIL_MAX characters.
import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Directive, DockerfileModel, Instruction, KeyValue, Stage } from './model';
import { matchesQuery, oneLine, queryKey, uriBaseName } from '../util/symbolText';
import { unquote } from './variables';

/** The longest `detail` shown, in characters (longer text ends with an ellipsis). */
export const DETAIL_MAX = 60;

/** Hierarchical: directives, global ARGs, then one symbol per stage with its instructions as children. */
export function documentSymbols(model: DockerfileModel): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const directive of model.directives) symbols.push(directiveSymbol(directive));
  for (const instruction of model.instructions) {
    if (instruction.stage >= 0) break;
    symbols.push(instructionSymbol(instruction, model.escape, true));
  }
  for (const stage of model.stages) symbols.push(stageSymbol(stage, model.escape));
  return symbols;
}

/**
 * The stages of the given Dockerfiles whose names match `query` (case-insensitive subsequence; "" matches all),
 * named as in the outline; a nameless stage matches by its image. The container is the file's base name.
 */
export function workspaceSymbols(files: readonly { uri: string; model: DockerfileModel }[], query: string): WorkspaceSymbol[] {
  const wanted = queryKey(query);
  const found: WorkspaceSymbol[] = [];
  for (const { uri, model } of files) {
    let containerName: string | undefined;
    for (const stage of model.stages) {
      // A stage matches by its name, a nameless one by its image (not by the "(stage N)" of its label).
      const matched = stage.name && stage.name.value.length > 0 ? stage.name.value : (stage.image?.value ?? '');
      if (!matchesQuery(wanted, matched)) continue;
      containerName ??= uriBaseName(uri);
      found.push({ name: stageLabel(stage), kind: SymbolKind.Class, location: { uri, range: copy(stage.range) }, containerName });
    }
  }
  return found;
}

/** How the outline and workspace symbols name a stage: its name as written, else `<image> (stage N)`. */
export function stageLabel(stage: Stage): string {
  if (stage.name && stage.name.value.length > 0) return stage.name.value;
  const image = stage.image ? oneLine([stage.image.value], DETAIL_MAX) : '';
  return image ? `${image} (stage ${stage.index})` : `(stage ${stage.index})`;
}

function stageSymbol(stage: Stage, escape: string): DocumentSymbol {
  const named = stage.name !== undefined && stage.name.value.length > 0;
  const selection = named ? stage.name!.range : (stage.image ?? stage.from.keyword).range;
  const symbol: DocumentSymbol = {
    name: stageLabel(stage),
    kind: SymbolKind.Class,
    range: copy(stage.range),
    selectionRange: copy(selection),
    children: stage.instructions.map((instruction) => instructionSymbol(instruction, escape, false)),
  };
  if (named && stage.image) symbol.detail = oneLine([stage.image.value], DETAIL_MAX);
  return symbol;
}

function directiveSymbol(directive: Directive): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: directive.name,
    kind: SymbolKind.Key,
    range: copy(directive.range),
    selectionRange: copy(directive.nameRange),
  };
  const detail = oneLine([directive.value], DETAIL_MAX);
  if (detail) symbol.detail = detail;
  return symbol;
}

/** An instruction's symbol; with `names`, the names that ARG/ENV/LABEL declare are its children. */
function instructionSymbol(instruction: Instruction, escape: string, names: boolean): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: instruction.name,
    kind: instructionKind(instruction.name),
    range: copy(instruction.range),
    selectionRange: copy(instruction.keyword.range),
  };
  const trigger = instruction.trigger;
  const detail = trigger
    ? oneLine([trigger.name, ...argumentParts(trigger)], DETAIL_MAX)
    : oneLine(argumentParts(instruction), DETAIL_MAX);
  if (detail) symbol.detail = detail;
  if (trigger) {
    symbol.children = [instructionSymbol(trigger, escape, names)];
  } else if (names && instruction.pairs.length > 0) {
    const children: DocumentSymbol[] = [];
    for (const pair of instruction.pairs) {
      const child = pairSymbol(instruction, pair, escape);
      if (child) children.push(child);
    }
    if (children.length > 0) symbol.children = children;
  }
  return symbol;
}

function pairSymbol(instruction: Instruction, pair: KeyValue, escape: string): DocumentSymbol | undefined {
  const label = instruction.name === 'LABEL';
  const name = label ? unquote(pair.key.value, escape) : pair.key.value;
  if (!name) return undefined;
  const end = (pair.value ?? pair.key).range.end;
  const symbol: DocumentSymbol = {
    name: oneLine([name], DETAIL_MAX) || name,
    kind: label ? SymbolKind.Property : SymbolKind.Variable,
    range: { start: { ...pair.key.range.start }, end: { ...end } },
    selectionRange: copy(pair.key.range),
  };
  if (pair.value) {
    const detail = oneLine([unquote(pair.value.value, escape)], DETAIL_MAX);
    if (detail) symbol.detail = detail;
  }
  return symbol;
}

function instructionKind(name: string): SymbolKind {
  switch (name) {
    case 'ARG':
    case 'ENV':
      return SymbolKind.Variable;
    case 'LABEL':
      return SymbolKind.Property;
    case 'ONBUILD':
      return SymbolKind.Event;
    default:
      return SymbolKind.Function;
  }
}

/** The flags as `--name=value` and the arguments as written (continuations joined). */
function argumentParts(instruction: Instruction): string[] {
  const parts: string[] = [];
  for (const flag of instruction.flags) parts.push(flag.value === undefined ? `--${flag.name}` : `--${flag.name}=${flag.value}`);
  if (instruction.argsText) parts.push(instruction.argsText.value);
  return parts;
}

/** A copy of a model range (the model is shared and read-only; answers are the caller's). */
function copy(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}
