// Declaring undefined volumes, networks, secrets and configs at the top level, for the undefined-* quick fixes:
// at the end of the existing section of that kind (at the indentation of its entries), or in a new section at the
// end of the file (with the file's indentation unit, and a blank line before it when the file separates its
// top-level keys so). Volumes and networks are declared empty (`data:`: Compose's defaults); a secret or config
// needs a source, so it gets `file: ./<name>.txt`, a file the user still has to create. Pure.
import type { Node, Pair } from 'yaml';
import { isAlias, isMap, isScalar } from './yamlKinds';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { yamlString } from './checks/fixText';
import type { ComposeModel, NameKind } from './model';

export type DeclaredKind = Exclude<NameKind, 'services'>;

export const DECLARED_KINDS: readonly DeclaredKind[] = ['volumes', 'networks', 'secrets', 'configs'];

/** Names of the top-level maps (the same pattern as the schema's RESOURCE_NAME_PATTERN); others are not declared. */
const NAME = /^[a-zA-Z0-9._-]+$/;

/**
 * The file's indentation unit: how much further than its top-level key the first key of a top-level block map is
 * indented; 2 when the file shows none.
 */
export function indentUnit(model: ComposeModel): number {
  const root = model.root;
  if (!root || !isMap(root)) return 2;
  for (const pair of root.items as Pair[]) {
    const value = pair.value;
    if (!isScalar(pair.key) || !isMap(value) || value.flow || value.items.length === 0) continue;
    const child = (value.items[0] as Pair).key;
    if (!isScalar(child)) continue;
    const parent = model.rangeOf(pair.key).start;
    const at = model.rangeOf(child).start;
    if (at.line > parent.line && at.character > parent.character && at.character - parent.character <= 8) return at.character - parent.character;
  }
  return 2;
}

/** Where text goes "after line L": at the start of the next line, or at the end of a last line without a line break. */
interface Spot {
  at: Position;
  lineStart: boolean;
}

function afterLine(model: ComposeModel, line: number): Spot {
  if (line + 1 < model.lineCount) return { at: { line: line + 1, character: 0 }, lineStart: true };
  return { at: { line, character: model.lineText(line).length }, lineStart: false };
}

function linesText(lines: string[], spot: Spot, eol: string): string {
  return spot.lineStart ? lines.map((line) => line + eol).join('') : lines.map((line) => eol + line).join('');
}

function entryLines(kind: DeclaredKind, name: string, indent: number, unit: number): string[] {
  const key = `${' '.repeat(indent)}${yamlString(name)}:`;
  return kind === 'secrets' || kind === 'configs' ? [key, `${' '.repeat(indent + unit)}file: ./${name}.txt`] : [key];
}

function flowEntry(kind: DeclaredKind, name: string): string {
  return `${yamlString(name)}: ${kind === 'secrets' || kind === 'configs' ? `{file: ./${name}.txt}` : '{}'}`;
}

/** The file separates its top-level keys with blank lines. */
function blankBetweenSections(model: ComposeModel, pairs: Pair[]): boolean {
  for (let i = 1; i < pairs.length; i++) {
    const line = model.rangeOf(pairs[i]).start.line;
    if (line > 0 && model.lineText(line - 1).trim() === '') return true;
  }
  return false;
}

/** The edit that adds the names to the existing section `pair`, or undefined when its value takes none. */
function intoSection(model: ComposeModel, pair: Pair, kind: DeclaredKind, names: string[], unit: number, eol: string): TextEdit | undefined {
  const value = pair.value;
  const keyRange = model.rangeOf(pair.key as Node);
  if (isAlias(value) || (value as Node | null)?.tag) return undefined; // `*anchor`, `!reset`: leave it
  if (!value || (isScalar(value) && value.value === null)) {
    // Nothing written after the colon but a comment (`volumes: ~` would have to go).
    const rest = model.lineText(keyRange.end.line).slice(keyRange.end.character).replace(/^\s*:/, '').trim();
    if (rest !== '' && !rest.startsWith('#')) return undefined;
    const spot = afterLine(model, keyRange.end.line);
    const lines = names.flatMap((name) => entryLines(kind, name, keyRange.start.character + unit, unit));
    return { range: { start: spot.at, end: spot.at }, newText: linesText(lines, spot, eol) };
  }
  if (!isMap(value)) return undefined;
  const [start, end] = model.offsetsOf(value);
  if (value.flow) {
    // Only a flow map on one line without comments: elsewhere the entry's indentation and separator are guesses.
    if (model.text[end - 1] !== '}' || /[\n#]/.test(model.text.slice(start, end))) return undefined;
    let before = end - 2;
    while (before >= 0 && /\s/.test(model.text[before])) before--;
    const separator = model.text[before] === '{' || model.text[before] === ',' ? '' : ', ';
    const at = model.positionAt(end - 1);
    return { range: { start: at, end: at }, newText: separator + names.map((name) => flowEntry(kind, name)).join(', ') };
  }
  const first = (value.items[0] as Pair | undefined)?.key;
  if (!isScalar(first)) return undefined;
  const indent = model.rangeOf(first).start.character;
  const endAt = model.positionAt(end);
  const last = endAt.character === 0 && endAt.line > 0 ? endAt.line - 1 : endAt.line;
  const spot = afterLine(model, last);
  return { range: { start: spot.at, end: spot.at }, newText: linesText(names.flatMap((name) => entryLines(kind, name, indent, unit)), spot, eol) };
}

/** The edits of a declaration and the names they declare, as `kind/name`. */
export interface Declaration {
  edits: TextEdit[];
  declared: Set<string>;
}

/**
 * The edits that declare `wanted` names (by kind) at the top level, one per place (sections added at the end of
 * the file share one edit, in the order volumes, networks, secrets, configs). A kind is left out when it cannot be
 * declared: a root written `{...}`, a section that is an alias, a tag or a list, a name Compose would not take.
 */
export function declarationEdits(model: ComposeModel, wanted: ReadonlyMap<DeclaredKind, readonly string[]>, eol: string): Declaration {
  const declaration: Declaration = { edits: [], declared: new Set() };
  const root = model.root;
  if (!root || !isMap(root) || root.flow) return declaration;
  const pairs = root.items as Pair[];
  const unit = indentUnit(model);
  const appended: string[] = [];
  for (const kind of DECLARED_KINDS) {
    const names = [...new Set(wanted.get(kind) ?? [])].filter((name) => NAME.test(name) && !model.names[kind].has(name));
    if (names.length === 0) continue;
    const pair = pairs.find((p) => isScalar(p.key) && p.key.value === kind);
    if (pair) {
      const edit = intoSection(model, pair, kind, names, unit, eol);
      if (edit) {
        declaration.edits.push(edit);
        for (const name of names) declaration.declared.add(`${kind}/${name}`);
      }
      continue;
    }
    if (pairs.some((p) => isScalar(p.key) && p.key.value === '<<')) continue; // a merged root may hold it
    const column = pairs.length > 0 && pairs[0].key ? model.rangeOf(pairs[0].key as Node).start.character : 0;
    appended.push(`${' '.repeat(column)}${kind}:`, ...names.flatMap((name) => entryLines(kind, name, column + unit, unit)));
    for (const name of names) declaration.declared.add(`${kind}/${name}`);
  }
  if (appended.length > 0) {
    const last = model.lineCount - 1;
    const endsWithBreak = last > 0 && model.lineText(last) === '';
    const spot = endsWithBreak ? { at: { line: last, character: 0 }, lineStart: true } : afterLine(model, last);
    const blankBefore = blankBetweenSections(model, pairs) && !(endsWithBreak && model.lineText(last - 1).trim() === '');
    declaration.edits.push({ range: { start: spot.at, end: spot.at }, newText: linesText(blankBefore ? ['', ...appended] : appended, spot, eol) });
  }
  declaration.edits = merged(declaration.edits);
  return declaration;
}

/** Insertions at one place become one edit, in the order they were made (an LSP client may not keep that order). */
function merged(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const same = out.find((e) => e.range.start.line === edit.range.start.line && e.range.start.character === edit.range.start.character);
    if (same) same.newText += edit.newText;
    else out.push(edit);
  }
  return out;
}
