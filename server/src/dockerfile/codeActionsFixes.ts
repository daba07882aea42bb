// Quick fixes computed from the model, for the codes whose fix needs it or needs more than one edit (stage names
// with their references, FROM/AS casing together, removals, missing `=`), and the helpers the other fix modules
// share. Each fix says whether it is the one clearly right fix (`preferred`: source.fixAll applies it). Pure; the
// context object caches per request only.
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { dataFix, sameRange } from '../util/editSet';
import { splitMountFields } from './checks/flagsMount';
import { flagValueToken, isKnownInstruction, subRange } from './checks/syntaxCommon';
import { instructionAt } from './locate';
import type { DockerfileModel, Instruction, Stage, Token } from './model';

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred: boolean;
}

/** What the fixes of one request share: the model, the document's line break, and caches built on first use. */
export interface FixContext {
  model: DockerfileModel;
  eol: string;
  references?: Map<string, Token[]>;
  lowerCase?: boolean;
}

/** The top-level instruction the position is in. */
export function topAt(ctx: FixContext, position: Position): Instruction | undefined {
  return instructionAt(ctx.model, position)?.top;
}

/** Whether most instruction keywords of the stages are lower case (as ConsistentInstructionCasing counts). */
export function lowerCaseFile(ctx: FixContext): boolean {
  if (ctx.lowerCase === undefined) {
    let lower = 0;
    let upper = 0;
    for (const instruction of ctx.model.instructions) {
      if (instruction.stage < 0 || !isKnownInstruction(instruction.name)) continue;
      const word = instruction.keyword.value;
      if (word === word.toLowerCase() && word !== word.toUpperCase()) lower++;
      else if (word === word.toUpperCase() && word !== word.toLowerCase()) upper++;
    }
    ctx.lowerCase = lower > upper;
  }
  return ctx.lowerCase;
}

/** Whether a comment or empty line lies inside the range (a fix that rewrites the range would drop it). */
export function commentsWithin(instruction: Instruction, range: Range): boolean {
  return instruction.innerCommentLines.some((k) => k > range.start.line && k < range.end.line);
}

/** The instruction's lines, with one line break, so that removing the range leaves no empty line behind. */
export function wholeLines(model: DockerfileModel, range: Range): Range {
  const last = range.end.line;
  if (last + 1 < model.lines.length) return { start: { line: range.start.line, character: 0 }, end: { line: last + 1, character: 0 } };
  const first = range.start.line;
  const start = first > 0 ? { line: first - 1, character: model.lines[first - 1].length } : { line: 0, character: 0 };
  return { start, end: { line: last, character: model.lines[last]?.length ?? 0 } };
}

/** `AS` in the case of the FROM keyword `fromKeyword` (FromAsCasing), when it is not already. */
export function matchingAs(stage: Stage, fromKeyword: string): TextEdit | undefined {
  const as = stage.asKeyword;
  if (!as || stage.from.args.length < 3) return undefined;
  const lower = fromKeyword === fromKeyword.toLowerCase();
  if (!lower && fromKeyword !== fromKeyword.toUpperCase()) return undefined;
  const wanted = lower ? as.value.toLowerCase() : as.value.toUpperCase();
  return wanted === as.value ? undefined : { range: as.range, newText: wanted };
}

/** ConsistentInstructionCasing: the keyword in the dominant case; on FROM, `AS` follows so FromAsCasing stays quiet. */
export function casingFixes(ctx: FixContext, diagnostic: Diagnostic): Fix[] | undefined {
  const data = dataFix(diagnostic);
  if (!data) return undefined;
  const fix: Fix = { title: data.title, edits: [{ range: data.range, newText: data.newText }], preferred: true };
  const instruction = topAt(ctx, diagnostic.range.start);
  const stage = instruction?.name === 'FROM' ? ctx.model.stages[instruction.stage] : undefined;
  if (stage && sameRange(stage.from.keyword.range, diagnostic.range)) {
    const as = matchingAs(stage, data.newText);
    if (as) fix.edits.push(as);
  }
  return [fix];
}

function exactToken(value: string, range: Range): Token | undefined {
  const single = range.start.line === range.end.line && range.end.character - range.start.character === value.length;
  return single ? { value, range } : undefined;
}

/** Every place a stage is referred to by name (FROM, COPY --from, RUN --mount from=), by lower-cased name. */
function stageReferences(ctx: FixContext): Map<string, Token[]> {
  if (ctx.references) return ctx.references;
  const references = new Map<string, Token[]>();
  const add = (token: Token | undefined) => {
    if (!token) return;
    const key = token.value.toLowerCase();
    const list = references.get(key);
    if (list) list.push(token);
    else references.set(key, [token]);
  };
  const { model } = ctx;
  for (const instruction of model.instructions) {
    if (instruction.name === 'FROM') {
      const image = model.stages[instruction.stage]?.image;
      if (image) add(exactToken(image.value, image.range));
      continue;
    }
    for (const flag of instruction.flags) {
      if (flag.value === undefined || !flag.valueRange) continue;
      if (instruction.name === 'COPY' && flag.name === 'from') add(exactToken(flag.value, flag.valueRange));
      if (instruction.name !== 'RUN' || flag.name !== 'mount' || flag.value.toLowerCase().indexOf('from=') < 0) continue;
      for (const field of splitMountFields(flag.value) ?? []) {
        if (field.key !== 'from' || field.value === undefined || flag.value[field.start] === '"') continue;
        add(exactToken(field.value, subRange(model, flagValueToken(flag), field.valueStart, field.end)));
      }
    }
  }
  ctx.references = references;
  return references;
}

/** StageNameCasing: the name in lower case, and every later reference to it, in one edit set. */
export function stageNameFixes(ctx: FixContext, diagnostic: Diagnostic): Fix[] | undefined {
  const instruction = topAt(ctx, diagnostic.range.start);
  const stage = instruction?.name === 'FROM' ? ctx.model.stages[instruction.stage] : undefined;
  const name = stage?.name;
  if (!stage || !name || !sameRange(name.range, diagnostic.range)) return undefined;
  const lower = name.value.toLowerCase();
  if (lower === name.value) return [];
  const edits: TextEdit[] = [{ range: name.range, newText: lower }];
  const after = stage.from.range.end.line;
  for (const ref of stageReferences(ctx).get(lower) ?? []) {
    if (ref.range.start.line > after && ref.value !== lower) edits.push({ range: ref.range, newText: lower });
  }
  const more = edits.length - 1;
  const title = `Change to '${lower}'${more > 0 ? ` (and ${more} reference${more === 1 ? '' : 's'})` : ''}`;
  return [{ title, edits, preferred: true }];
}

/** MultipleInstructionsDisallowed: remove the instruction a later one replaces (it has no effect; a choice, not preferred). */
export function unusedInstructionFixes(ctx: FixContext, diagnostic: Diagnostic): Fix[] {
  const instruction = topAt(ctx, diagnostic.range.start);
  if (!instruction || !sameRange(instruction.keyword.range, diagnostic.range)) return [];
  const range = wholeLines(ctx.model, instruction.range);
  return [{ title: `Remove this ${instruction.keyword.value}`, edits: [{ range, newText: '' }], preferred: false }];
}

/**
 * missing-equals: `ENV A=1 B 2` most likely meant `B=2`: two words without `=` in a row are joined (preferred).
 * A lone word gets `=` and so an empty value (offered, not preferred). The second word of a joined run gets no fix.
 */
export function missingEqualsFixes(ctx: FixContext, diagnostic: Diagnostic): Fix[] {
  const instruction = topAt(ctx, diagnostic.range.start);
  if (!instruction || (instruction.name !== 'ENV' && instruction.name !== 'LABEL')) return [];
  const pairs = instruction.pairs;
  const at = pairs.findIndex((p) => !p.legacy && !p.value && sameRange(p.key.range, diagnostic.range));
  if (at < 0) return [];
  const bare = (k: number) => k >= 0 && k < pairs.length && !pairs[k].legacy && !pairs[k].value;
  let first = at;
  while (bare(first - 1) && pairs[first - 1].key.range.end.line === pairs[first].key.range.start.line) first--;
  if ((at - first) % 2 === 1) return [];
  const key = pairs[at].key;
  const next = bare(at + 1) ? pairs[at + 1].key : undefined;
  if (next && next.range.start.line === key.range.end.line) {
    return [{ title: `Change to ${key.value}=${next.value}`, edits: [{ range: { start: key.range.end, end: next.range.start }, newText: '=' }], preferred: true }];
  }
  return [{ title: `Change to ${key.value}= (an empty value)`, edits: [{ range: { start: key.range.end, end: key.range.end }, newText: '=' }], preferred: false }];
}

/** NoEmptyContinuation (reported where BuildKit reports it, after the empty lines): every empty line inside the instruction's continuation, at once. */
export function emptyContinuationFixes(ctx: FixContext, diagnostic: Diagnostic): Fix[] | undefined {
  const instruction = topAt(ctx, diagnostic.range.start);
  if (!instruction) return undefined;
  const lines = ctx.model.lines;
  const empty = instruction.innerCommentLines.filter((k) => k + 1 < lines.length && lines[k].trim() === '');
  if (empty.length === 0) return undefined;
  const edits = empty.map((k) => ({ range: { start: { line: k, character: 0 }, end: { line: k + 1, character: 0 } }, newText: '' }));
  return [{ title: edits.length === 1 ? 'Remove the empty line' : `Remove the ${edits.length} empty lines`, edits, preferred: true }];
}
