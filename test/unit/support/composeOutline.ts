// Shared by the Compose outline and folding tests: documents written as lines, ranges, the outline as the
// Outline view shows it, and the invariants every answer must keep.
import * as assert from 'assert';
import * as fs from 'fs';
import { SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver-types';
import { parseCompose } from '../../../server/src/compose/parse';
import { documentSymbols } from '../../../server/src/compose/symbols';
import { corpusFiles } from './corpus';

/** The lines of a document, joined with `\n`. */
export function lines(...text: string[]): string {
  return text.join('\n');
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function outline(text: string): DocumentSymbol[] {
  return documentSymbols(parseCompose(text));
}

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, kind]) => [kind as number, name]));

/** `Kind name | detail`, one line per symbol, children indented, `(deprecated)` for the tag: what the Outline view shows. */
export function tree(symbols: readonly DocumentSymbol[] | undefined, indent = ''): string[] {
  return (symbols ?? []).flatMap((s) => [
    `${indent}${KIND_NAMES.get(s.kind)} ${s.name}${s.detail ? ` | ${s.detail}` : ''}${s.tags?.length ? ' (deprecated)' : ''}`,
    ...tree(s.children, `${indent}  `),
  ]);
}

function inside(outer: Range, inner: Range): boolean {
  return (
    (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character))
  );
}

/** Names set, selections inside ranges, children inside parents, no empty children, details short and on one line. */
export function checkSymbols(symbols: readonly DocumentSymbol[], what: string, lineCount: number): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name.trim().length > 0 && !/[\n\r]/.test(symbol.name), `${what}: name ${JSON.stringify(symbol.name)}`);
    assert.ok(inside(symbol.range, symbol.selectionRange), `${what}: ${symbol.name} selection outside its range`);
    assert.ok(symbol.range.end.line < lineCount, `${what}: ${symbol.name} ends past the document`);
    assert.ok(symbol.detail === undefined || (symbol.detail.length > 0 && symbol.detail.length <= 60 && !/[\n\r]/.test(symbol.detail)), `${what}: ${symbol.name} detail ${symbol.detail}`);
    assert.ok(symbol.children === undefined || symbol.children.length > 0, `${what}: ${symbol.name} has an empty children array`);
    for (const child of symbol.children ?? []) assert.ok(inside(symbol.range, child.range), `${what}: ${child.name} outside ${symbol.name}`);
    checkSymbols(symbol.children ?? [], what, lineCount);
  }
}

/** Sorted by start, one per start line, each inside the enclosing one or after it, all in the document. */
export function checkNested(ranges: readonly FoldingRange[], lineCount: number, what: string): void {
  const open: FoldingRange[] = [];
  let previous = -1;
  for (const fold of ranges) {
    assert.ok(fold.startLine > previous, `${what}: ${fold.startLine} not after ${previous}`);
    assert.ok(fold.endLine > fold.startLine && fold.endLine < lineCount, `${what}: ${fold.startLine}-${fold.endLine}`);
    while (open.length > 0 && open[open.length - 1].endLine < fold.startLine) open.pop();
    const parent = open[open.length - 1];
    assert.ok(!parent || fold.endLine <= parent.endLine, `${what}: ${fold.startLine}-${fold.endLine} crosses ${parent?.startLine}-${parent?.endLine}`);
    open.push(fold);
    previous = fold.startLine;
  }
}

/** What the mutations insert: YAML's indicators, quotes, brackets, line breaks, tabs, odd characters. */
const PIECES = ['"', "'", '[', ']', '{', '}', '#', ': ', '- ', '|', '>', '\n', '  ', '&a ', '*a', '<<: *a\n', '? ', ',', '\t', '\\', '|-\n', '>+', '---\n', '!reset ', '\r\n', '\u2028', '\u{1F600}'];

/** `count` corpus compose files, each with one to four random edits (the same ones for the same `seed`). */
export function mutatedCorpus(count: number, seed: number): string[] {
  const files = corpusFiles('compose');
  let state = seed >>> 0;
  const random = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.floor((state / 4294967296) * n);
  };
  const texts: string[] = [];
  for (let i = 0; i < count && files.length > 0; i++) {
    let text = fs.readFileSync(files[random(files.length)], 'utf8');
    for (let edits = 1 + random(4); edits > 0; edits--) {
      const at = random(text.length + 1);
      text = text.slice(0, at) + PIECES[random(PIECES.length)] + text.slice(at + (random(3) === 0 ? random(40) : 0));
    }
    texts.push(text);
  }
  return texts;
}
