// Shared by the composeFormat*.test.ts files: format a compose text (whole or a range), check the edits' shape, and
// read back what a YAML reader sees (data, comments, anchors, aliases, tags) to show that formatting kept it.
import * as assert from 'assert';
import { Lexer, parseDocument, type CollectionTag, type ScalarTag } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { formatCompose } from '../../../server/src/compose/format';
import { parseCompose } from '../../../server/src/compose/parse';
import { isRefusal, type Refusal } from '../../../server/src/service/LanguageService';

export const TWO: FormattingOptions = { tabSize: 2, insertSpaces: true };
export const FOUR: FormattingOptions = { tabSize: 4, insertSpaces: true };

/** The lines of a document, joined with `\n` (and a final `\n`). */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** The edits formatting makes (asserted not refused, and well shaped: each inside one line, in order, apart). */
export function edits(text: string, options = TWO, range?: Range): TextEdit[] {
  const result = formatCompose(parseCompose(text), options, range);
  assert.ok(!isRefusal(result), `refused: ${JSON.stringify(result)}`);
  checkShape(text, result);
  return result;
}

/** The refusal (asserted) of formatting the text. */
export function refusal(text: string, options = TWO): Refusal {
  const result = formatCompose(parseCompose(text), options);
  assert.ok(isRefusal(result), `not refused: ${JSON.stringify(result)}`);
  return result;
}

/** The document after the edits. */
export function afterEdits(text: string, list: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///w/compose.yaml', 'dockercompose', 1, text), list);
}

/**
 * The formatted text, asserted to mean what the text means (same data, comments, anchors, aliases and tags, only
 * blanks changed) and to be a fixed point of formatting.
 */
export function format(text: string, options = TWO): string {
  const formatted = afterEdits(text, edits(text, options));
  assertSameMeaning(text, formatted);
  assert.deepStrictEqual(edits(formatted, options), [], 'formatting the result again changes nothing');
  return formatted;
}

/** The text after formatting the lines of `range` only (asserted to keep the meaning). */
export function formatRange(text: string, range: Range, options = TWO): string {
  const list = edits(text, options, range);
  for (const e of list) {
    assert.ok(e.range.start.line >= range.start.line && e.range.end.line <= range.end.line, `edit in the range: ${JSON.stringify(e.range)}`);
  }
  const formatted = afterEdits(text, list);
  assertSameMeaning(text, formatted);
  return formatted;
}

/** Lines `first` to `last` (from the start of the first to the end of the last). */
export function lines(first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: { line: last, character: 200 } };
}

/** An edit on one line. */
export function lineEdit(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText };
}

/** Each edit inside one line (never over a line break), in document order, none overlapping another. */
export function checkShape(text: string, list: TextEdit[]): void {
  // Lines as the editor counts them: CRLF, LF or a carriage return alone.
  const lineTexts = text.split(/\r\n|\r|\n/);
  let line = -1;
  let character = 0;
  for (const { range } of list) {
    const { start, end } = range;
    const where = JSON.stringify(range);
    assert.ok(start.line === end.line && start.line < lineTexts.length, `edit inside one line: ${where}`);
    assert.ok(start.character <= end.character && end.character <= lineTexts[end.line].length, `edit inside the line's characters: ${where}`);
    assert.ok(start.line > line || (start.line === line && start.character >= character), `edits in order and apart: ${where}`);
    line = end.line;
    character = end.character;
  }
}

function tagsFor(name: string): (ScalarTag | CollectionTag)[] {
  return [
    { tag: name, resolve: (value: string) => value },
    { tag: name, collection: 'map', resolve: (map) => map },
    { tag: name, collection: 'seq', resolve: (seq) => seq },
  ] as (ScalarTag | CollectionTag)[];
}

/** What the project's parser reads the same way (parseBlock.ts): duplicate keys allowed, Compose's own tags known. */
const OPTIONS = { uniqueKeys: false, customTags: [...tagsFor('!reset'), ...tagsFor('!override')] };

/**
 * A carriage return alone as the line break YAML 1.2 (and compose-go's go-yaml, and the editor) reads it; the yaml
 * package, which these helpers use, does not, so its text gets line feeds there first.
 */
function lineFeeds(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}

/** The data of a document (aliases expanded; a key that is a collection written as its YAML text), as JSON. */
export function dataOf(text: string): string {
  const doc = parseDocument(lineFeeds(text), { ...OPTIONS, logLevel: 'error' });
  assert.deepStrictEqual(doc.errors.map((e) => e.code), [], 'the text parses without errors');
  return JSON.stringify(doc.toJS({ maxAliasCount: -1 }));
}

/** Comments (trailing blanks aside), anchors, aliases and tags, in text order. */
export function marksOf(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(lineFeeds(text))) {
    const c = token.charAt(0);
    if (c === '#' || c === '&' || c === '*' || c === '!') out.push(token.trimEnd());
  }
  return out;
}

/** Same data, same comments/anchors/aliases/tags, and nothing but spaces and tabs changed. */
export function assertSameMeaning(before: string, after: string): void {
  assert.strictEqual(after.replace(/[ \t]/g, ''), before.replace(/[ \t]/g, ''), 'only blanks change');
  assert.strictEqual(dataOf(after), dataOf(before), 'the data is the same');
  assert.deepStrictEqual(marksOf(after), marksOf(before), 'comments, anchors, aliases and tags are the same');
}
