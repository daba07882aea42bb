// The stage-name and heredoc-delimiter part of the occurrence index (see occurrences.ts).
import { splitMountFields } from './checks/flagsMount';
import { mountKey } from './docs/mounts';
import type { DockerfileModel, Flag, Heredoc, Instruction, Range, VariableReference } from './model';
import type { IndexBuilder, SymbolNode } from './occurrences';
import { Logical } from './parseText';
import { scanVariables } from './variables';

export interface StageNames {
  /** Lower-case stage name -> its symbol. */
  stages: Map<string, SymbolNode>;
  /** Words in stage positions that are no stage of this file, lower-cased, with their first range. */
  notStages: Map<string, Range>;
}

/**
 * Stage declarations (`AS name`) and the places BuildKit reads a stage name. `FROM <name>` names a stage only
 * when the stage comes before it (otherwise it is an image); `COPY --from` and `--mount from=` are linked to a
 * stage of that name wherever it is (the diagnostics report one defined too late).
 */
export function indexStages(model: DockerfileModel, builder: IndexBuilder): StageNames {
  const stages = new Map<string, SymbolNode>();
  const notStages = new Map<string, Range>();
  // The first stage of each name, to tell `FROM <earlier stage>` from an image of the same name.
  const firstIndex = new Map<string, number>();
  for (const stage of model.stages) {
    const name = stage.name;
    if (!name || name.value.length === 0 || name.value.indexOf('$') >= 0) continue;
    const lower = name.value.toLowerCase();
    let node = stages.get(lower);
    if (!node) {
      node = builder.node('stage', name.value);
      stages.set(lower, node);
      firstIndex.set(lower, stage.index);
    }
    builder.add(name.range, name.value, true, node, -1);
  }
  for (const stage of model.stages) {
    const image = stage.image;
    if (!image || image.value.indexOf('$') >= 0) continue;
    const lower = image.value.toLowerCase();
    const node = stages.get(lower);
    if (node && (firstIndex.get(lower) ?? Infinity) < stage.index) builder.add(image.range, image.value, false, node, -1);
    else if (!notStages.has(lower)) notStages.set(lower, image.range);
  }
  /** `range`: the value's exact range, undefined when it is written otherwise (`where` then locates it). */
  const reference = (value: string, range: Range | undefined, where: Range, allowIndex: boolean): void => {
    if (value.length === 0 || value.indexOf('$') >= 0) return;
    if (allowIndex && /^\d+$/.test(value)) {
      const index = Number(value);
      const target = model.stages[index];
      if (target && range) builder.addStageIndex(range, index, copyRange(target.from.range));
      return;
    }
    const lower = value.toLowerCase();
    const node = stages.get(lower);
    if (node && range) builder.add(range, value, false, node, -1);
    else if (node) builder.find(node).inexact ??= where;
    else if (range && !notStages.has(lower)) notStages.set(lower, range);
  };
  for (const top of model.instructions) {
    for (let instruction: Instruction | undefined = top; instruction; instruction = instruction.trigger) {
      if (instruction.name === 'COPY') {
        for (const flag of instruction.flags) {
          if (flag.name === 'from' && flag.value !== undefined) {
            const columns = valueColumns(model, flag);
            reference(flag.value, columns && columnRange(flag, columns, 0, flag.value.length), flag.range, true);
          }
        }
      } else if (instruction.name === 'RUN') {
        for (const flag of instruction.flags) {
          if (flag.name === 'mount' && flag.value && /from/i.test(flag.value)) mountReferences(model, flag, reference);
        }
      }
    }
  }
  return { stages, notStages };
}

/** The `from=` values of a --mount whose type takes one (bind, cache), with their exact ranges when known. */
type Reference = (value: string, range: Range | undefined, where: Range, allowIndex: boolean) => void;

function mountReferences(model: DockerfileModel, flag: Flag, reference: Reference): void {
  const text = flag.value ?? '';
  const fields = splitMountFields(text);
  if (!fields) return;
  let type = 'bind';
  for (const field of fields) if (field.key === 'type' && field.value !== undefined) type = field.value;
  if (!mountKey(type, 'from')?.documented) return;
  const columns = valueColumns(model, flag);
  for (const field of fields) {
    if (field.key !== 'from' || field.value === undefined) continue;
    let end = field.end;
    if (text[field.start] === '"') end--; // the closing quote of a CSV-quoted field
    let range: Range | undefined;
    if (columns && end - field.valueStart === field.value.length && text.slice(field.valueStart, end) === field.value) {
      range = columnRange(flag, columns, field.valueStart, end);
    }
    reference(field.value, range, flag.range, false);
  }
}

/**
 * Where each character of a flag's value is on its line, when the value is written on one line as read, or with
 * quotes that BuildKit removes (`--from="build"`, `--mount=type=bind,from="build"`); undefined otherwise (escapes,
 * several lines).
 */
function valueColumns(model: DockerfileModel, flag: Flag): number[] | undefined {
  const range = flag.valueRange;
  const value = flag.value;
  if (!range || value === undefined || range.start.line !== range.end.line) return undefined;
  const line = model.lines[range.start.line];
  if (line === undefined) return undefined;
  const columns: number[] = [];
  let quote = '';
  for (let c = range.start.character; c < range.end.character && c < line.length; c++) {
    const ch = line[c];
    if (ch === '\\') return undefined;
    if (quote === '' && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = '';
    else columns.push(c);
  }
  if (columns.length !== value.length) return undefined;
  for (let i = 0; i < value.length; i++) if (line[columns[i]] !== value[i]) return undefined;
  return columns;
}

/** The range of the value's characters [from, to) when no quote stands between them. */
function columnRange(flag: Flag, columns: readonly number[], from: number, to: number): Range | undefined {
  if (to <= from || columns[to - 1] - columns[from] !== to - 1 - from) return undefined;
  const line = flag.valueRange!.start.line;
  return { start: { line, character: columns[from] }, end: { line, character: columns[to - 1] + 1 } };
}

/**
 * Heredoc delimiters: the word of the opener (declaration) and the closing line (a use whose definition is the
 * opener). ONBUILD triggers share their heredocs with the ONBUILD, so each heredoc is met once.
 */
export function indexHeredocs(model: DockerfileModel, builder: IndexBuilder): void {
  for (const top of model.instructions) {
    for (const heredoc of top.heredocs) {
      const node = builder.node('heredoc', heredoc.delimiter);
      node.heredoc = heredoc;
      const opener = openerWord(model, heredoc);
      if (opener) builder.add(opener, heredoc.delimiter, true, node, -1);
      else node.inexact = heredoc.openerRange;
      const closer = closerWord(model, heredoc);
      if (closer) builder.add(closer, heredoc.delimiter, false, node, -1, opener ? [opener] : undefined);
    }
  }
}

/** The delimiter word inside `<<EOF`, `<<-EOF`, `2<<"EOF"`, `<<'EOF'`; undefined when written otherwise. */
export function openerWord(model: DockerfileModel, heredoc: Heredoc): Range | undefined {
  const r = heredoc.openerRange;
  if (r.start.line !== r.end.line) return undefined;
  const line = model.lines[r.start.line] ?? '';
  const word = line.slice(r.start.character, r.end.character);
  let i = 0;
  while (i < word.length && word.charCodeAt(i) >= 0x30 && word.charCodeAt(i) <= 0x39) i++;
  if (!word.startsWith('<<', i)) return undefined;
  i += 2;
  if (word[i] === '-') i++;
  const rest = word.slice(i);
  const delimiter = heredoc.delimiter;
  let at: number;
  if (rest === delimiter) at = i;
  else if (rest.length === delimiter.length + 2 && (rest[0] === '"' || rest[0] === "'") && rest[rest.length - 1] === rest[0] && rest.slice(1, -1) === delimiter) at = i + 1;
  else return undefined;
  const start = r.start.character + at;
  return { start: { line: r.start.line, character: start }, end: { line: r.start.line, character: start + delimiter.length } };
}

/** The delimiter on the closing line (after the tabs `<<-` strips). */
export function closerWord(model: DockerfileModel, heredoc: Heredoc): Range | undefined {
  if (!heredoc.closerRange) return undefined;
  const lineNumber = heredoc.closerRange.start.line;
  const line = model.lines[lineNumber] ?? '';
  let at = 0;
  if (heredoc.stripTabs) while (at < line.length && line.charCodeAt(at) === 0x09) at++;
  if (line.slice(at) !== heredoc.delimiter) return undefined;
  return { start: { line: lineNumber, character: at }, end: { line: lineNumber, character: line.length } };
}

/**
 * `$NAME` / `${NAME}` in the body of an unquoted heredoc, line by line. The body of `RUN <<EOF` is the shell
 * script itself: single quotes are literal and comment lines are skipped there. Other bodies (the input of a
 * command, a file written by COPY) are expanded whole, quotes included, by the shell or by BuildKit.
 */
export function heredocVariables(model: DockerfileModel, instruction: Instruction, heredoc: Heredoc, into: (name: string, range: Range) => void): void {
  if (heredoc.quoted || heredoc.body.indexOf('$') < 0) return;
  const run = instruction.name === 'RUN';
  const word = instruction.args[0]?.range;
  const opener = heredoc.openerRange;
  const script = run && instruction.heredocs[0] === heredoc && !!word && word.start.line === opener.start.line && word.start.character === opener.start.character;
  const escape = run ? '\\' : model.escape;
  const first = heredoc.bodyRange.start.line;
  const last = heredoc.bodyRange.end.line;
  const logical = new Logical();
  for (let k = first; k <= last; k++) {
    const line = model.lines[k];
    if (line === undefined || line.indexOf('$') < 0) continue;
    if (script && /^\s*#/.test(line)) continue;
    logical.reset().append(line, k, 0);
    const found: VariableReference[] = [];
    scanVariables(logical, 0, line.length, escape, script ? 'shell' : 'expanded', found);
    for (const reference of found) into(reference.name, reference.nameRange);
  }
}

function copyRange(range: Range): Range {
  return { start: { ...range.start }, end: { ...range.end } };
}
