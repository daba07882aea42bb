// The server's own text documents (server/src/documents/LineDocument.ts) against vscode-languageserver-textdocument's
// TextDocument: after the same random edits (incremental and full, reversed and out-of-range ranges, CR, LF and CRLF
// line ends, edits that split or join a CRLF pair), both give the same text, line count, positions, offsets, line
// ranges and line ends.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LINE_DOCUMENTS, lineStarts } from '../../server/src/documents/LineDocument';

/** A small deterministic generator (mulberry32), so that a failure repeats. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'bc', ' ', '\n', '\r\n', '\r', 'FROM x\n', 'é', '\t'];

function text(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

function change(next: () => number, lines: number): TextDocumentContentChangeEvent {
  if (next() < 0.05) return { text: text(next, Math.floor(next() * 40)) };
  const position = () => ({ line: Math.floor(next() * (lines + 2)) - 1, character: Math.floor(next() * 12) - 1 });
  return { range: { start: position(), end: position() }, text: text(next, Math.floor(next() * 8)) };
}

function assertSame(ours: TextDocument, theirs: TextDocument, what: string): void {
  const content = theirs.getText();
  assert.strictEqual(ours.getText(), content, `${what}: text`);
  assert.strictEqual(ours.version, theirs.version, `${what}: version`);
  assert.strictEqual(ours.lineCount, theirs.lineCount, `${what}: line count`);
  for (let offset = -1; offset <= content.length + 1; offset++) assert.deepStrictEqual(ours.positionAt(offset), theirs.positionAt(offset), `${what}: positionAt(${offset})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    for (let character = -1; character < 14; character++) {
      const position = { line, character };
      assert.strictEqual(ours.offsetAt(position), theirs.offsetAt(position), `${what}: offsetAt(${line}:${character})`);
    }
    assert.deepStrictEqual(ours.getLineRange(line), theirs.getLineRange(line), `${what}: getLineRange(${line})`);
    assert.strictEqual(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${what}: getEOLCharacters(${line})`);
  }
  const range = { start: { line: 0, character: 1 }, end: { line: 2, character: 3 } };
  assert.strictEqual(ours.getText(range), theirs.getText(range), `${what}: getText(range)`);
}

describe('the server\'s text documents', () => {
  it('find the line starts of LF, CRLF and CR texts', () => {
    assert.deepStrictEqual(lineStarts('a\nbc\n', true), [0, 2, 5]);
    assert.deepStrictEqual(lineStarts('a\r\nb\rc', true), [0, 3, 5]);
    assert.deepStrictEqual(lineStarts('\n\n', false, 10), [11, 12]);
    assert.deepStrictEqual(lineStarts('', true), [0]);
  });

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`behave as the library's documents after 60 random edits (seed ${seed})`, () => {
      const next = random(seed);
      const initial = text(next, 60);
      const ours = LINE_DOCUMENTS.create('file:///a', 'dockerfile', 1, initial);
      const theirs = TextDocument.create('file:///a', 'dockerfile', 1, initial);
      assertSame(ours, theirs, 'created');
      for (let version = 2; version < 62; version++) {
        const changes = Array.from({ length: 1 + Math.floor(next() * 3) }, () => change(next, theirs.lineCount));
        // Half of the time the line starts are not known before the edit (a document edited before it was read).
        if (next() < 0.5) ours.positionAt(0);
        LINE_DOCUMENTS.update(ours, changes, version);
        TextDocument.update(theirs, changes, version);
        assertSame(ours, theirs, `version ${version} after ${JSON.stringify(changes)}`);
      }
    });
  }

  it('is updated in place, as the library\'s documents are', () => {
    const document = LINE_DOCUMENTS.create('file:///a', 'dockerfile', 1, 'FROM a\n');
    assert.strictEqual(LINE_DOCUMENTS.update(document, [{ text: 'FROM b\n' }], 2), document);
    assert.deepStrictEqual([document.version, document.getText()], [2, 'FROM b\n']);
  });
});
