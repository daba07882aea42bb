// The text documents the server keeps for the client's open files: the same behaviour as
// vscode-languageserver-textdocument's TextDocument (positions, offsets, incremental updates in place, CR, LF and
// CRLF line ends), but the line starts of a whole text are found with indexOf rather than a loop over every
// character in JavaScript. That loop ran on the server's thread at the first edit of a document and took 150 ms
// for a 200,000-line file, holding up every other request; this takes a few milliseconds.
// test/unit/lineDocument.test.ts checks it against the library's document after random edits.
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

const CR = 13;
const LF = 10;

/** Offsets where the lines of `text` start (`base` added), the first one too when `atLineStart`. */
export function lineStarts(text: string, atLineStart: boolean, base = 0): number[] {
  const starts = atLineStart ? [base] : [];
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(base + i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== CR && c !== LF) continue;
    if (c === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
    starts.push(base + i + 1);
  }
  return starts;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export class LineDocument implements TextDocument {
  private starts: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    private content: string,
  ) {}

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineOffsets().length;
  }

  getText(range?: Range): string {
    return range ? this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.content;
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.content.length), 0);
    const starts = this.lineOffsets();
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (starts[mid] > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeEol(at, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineOffsets();
    if (position.line >= starts.length) return this.content.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.content.length;
    return this.beforeEol(Math.min(lineStart + position.character, next), lineStart);
  }

  /** The range of a line without its line end (clamped to the document's lines). */
  getLineRange(line: number): Range {
    const starts = this.lineOffsets();
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - starts[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const next = line + 1 < starts.length ? starts[line + 1] : this.content.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, starts[line]) - starts[line] } };
  }

  /** The line end of a line: "\n", "\r\n", "\r" or "" (the last line, or a line out of range). */
  getEOLCharacters(line: number): string {
    const starts = this.lineOffsets();
    if (line >= starts.length || line < 0) return '';
    const next = line + 1 < starts.length ? starts[line + 1] : this.content.length;
    return this.content.substring(this.beforeEol(next, starts[line]), next);
  }

  /** Applies the changes in order (each incremental one to the text the previous ones made) and takes the version. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.content = change.text;
        this.starts = undefined;
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      this.content = this.content.substring(0, start) + change.text + this.content.substring(end);
      const insertedEnd = start + change.text.length;
      const text = this.content;
      if ((text.charCodeAt(start - 1) === CR && text.charCodeAt(start) === LF) || (text.charCodeAt(insertedEnd - 1) === CR && text.charCodeAt(insertedEnd) === LF)) {
        // A CRLF pair across the edit's edges: the line starts are found again when next needed.
        this.starts = undefined;
        continue;
      }
      const starts = this.starts;
      if (!starts) continue;
      const startLine = Math.max(range.start.line, 0);
      const endLine = Math.max(range.end.line, 0);
      const added = lineStarts(change.text, false, start);
      if (endLine - startLine === added.length) {
        for (let i = 0; i < added.length; i++) starts[startLine + 1 + i] = added[i];
      } else if (added.length < 10_000) {
        starts.splice(startLine + 1, endLine - startLine, ...added);
      } else {
        // Too many for splice's arguments.
        this.starts = starts.slice(0, startLine + 1).concat(added, starts.slice(endLine + 1));
      }
      const shift = change.text.length - (end - start);
      if (shift !== 0) {
        const shifted = this.starts!;
        for (let i = startLine + 1 + added.length; i < shifted.length; i++) shifted[i] += shift;
      }
    }
    this.currentVersion = version;
  }

  private lineOffsets(): number[] {
    return (this.starts ??= lineStarts(this.content, true));
  }

  private beforeEol(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart) {
      const c = this.content.charCodeAt(at - 1);
      if (c !== CR && c !== LF) break;
      at--;
    }
    return at;
  }
}

/** What vscode-languageserver's TextDocuments needs to keep LineDocuments. */
export const LINE_DOCUMENTS = {
  create: (uri: string, languageId: string, version: number, content: string): LineDocument => new LineDocument(uri, languageId, version, content),
  update: (document: LineDocument, changes: TextDocumentContentChangeEvent[], version: number): LineDocument => {
    document.update(changes, version);
    return document;
  },
};
