// Document formatting: where instructions, continuation lines, comments and blank lines end up, and the edits
// that get them there (few, small, in order, never across a line end).
import * as assert from 'assert';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { lineEdit as edit } from './support/dockerfileCaret';
import { edits, format } from './support/dockerfileFormat';

describe('Dockerfile formatting: layout', () => {
  it('moves instructions to column 0 and indents continuation lines by one unit', () => {
    const text = '  FROM alpine\n\tRUN apk add \\\n curl \\\n          git\n';
    assert.strictEqual(format(text), 'FROM alpine\nRUN apk add \\\n    curl \\\n    git\n');
  });

  it('uses the editor tab size, or a tab when spaces are off', () => {
    const text = 'FROM alpine\nRUN apk add \\\n curl \\\n          git\n';
    assert.strictEqual(format(text, { tabSize: 2, insertSpaces: true }), 'FROM alpine\nRUN apk add \\\n  curl \\\n  git\n');
    assert.strictEqual(format(text, { tabSize: 8, insertSpaces: false }), 'FROM alpine\nRUN apk add \\\n\tcurl \\\n\tgit\n');
  });

  it('flattens deeper indentation of continuation lines to one unit', () => {
    const text = 'FROM alpine\nRUN set -eux; \\\n    if [ -f /a ]; then \\\n        rm /a; \\\n    fi\n';
    assert.strictEqual(format(text), 'FROM alpine\nRUN set -eux; \\\n    if [ -f /a ]; then \\\n    rm /a; \\\n    fi\n');
  });

  it('gives small edits, one per changed region of a line, in document order', () => {
    const text = '  FROM alpine  \nRUN a \\\n  b\t\n\n   \nCMD c\n';
    assert.deepStrictEqual(edits(text), [
      edit(0, 0, 2, ''),
      edit(0, 13, 15, ''),
      edit(2, 0, 2, '    '),
      edit(2, 3, 4, ''),
      edit(4, 0, 3, ''),
    ]);
    assert.deepStrictEqual(edits('FROM alpine\nRUN a \\\n    b\n'), []);
  });

  it('removes trailing blanks, also after a line-continuation escape, and the line still continues', () => {
    const text = 'FROM alpine \t\nRUN echo a \\  \n    b \\\t\n    c   \n';
    assert.strictEqual(format(text), 'FROM alpine\nRUN echo a \\\n    b \\\n    c\n');
    assert.strictEqual(parseDockerfile(format(text)).instructions[1].argsText?.value, 'echo a     b     c');
  });

  it('keeps blank lines, emptied of blanks, also inside a continuation', () => {
    const text = 'FROM alpine\n  \n\nRUN a \\\n \t\n    b\n';
    assert.strictEqual(format(text), 'FROM alpine\n\n\nRUN a \\\n\n    b\n');
  });

  it('leaves comment lines where they are, trimming trailing blanks only', () => {
    const text = '# top  \nFROM alpine\n   # indented\t\nRUN a \\\n  # inside the continuation  \n        b\n';
    assert.strictEqual(format(text), '# top\nFROM alpine\n   # indented\nRUN a \\\n  # inside the continuation\n    b\n');
  });

  it('leaves parser directives exactly as written', () => {
    const text = '#  syntax = docker/dockerfile:1  \n# check=skip=all \n\nFROM alpine\n';
    assert.deepStrictEqual(edits(text), []);
    assert.strictEqual(parseDockerfile(text).directives.length, 2);
  });

  it('keeps a byte order mark in front of the first instruction', () => {
    assert.strictEqual(format('\ufeff  FROM alpine  \n  RUN a\n'), '\ufeffFROM alpine\nRUN a\n');
    assert.deepStrictEqual(edits('\ufeff  FROM alpine'), [edit(0, 1, 3, '')]);
    assert.strictEqual(format('\ufeff  \nFROM alpine'), '\ufeff\nFROM alpine');
  });

  it('keeps CRLF line ends: no edit reaches past the end of a line', () => {
    const text = '  FROM alpine  \r\nRUN a \\  \r\n b\r\n\r\n  # c  \r\n';
    const list = edits(text);
    const lines = text.split('\r\n');
    for (const e of list) assert.ok(e.range.start.line === e.range.end.line && e.range.end.character <= lines[e.range.end.line].length);
    assert.strictEqual(format(text), 'FROM alpine\r\nRUN a \\\r\n    b\r\n\r\n  # c\r\n');
  });

  it('formats instructions that follow lines holding only an escape character', () => {
    assert.strictEqual(format('FROM alpine\n\\  \n   RUN a\n'), 'FROM alpine\n\\\nRUN a\n');
  });

  it('continues through comment lines: the line after a comment is still a continuation line', () => {
    const text = 'FROM alpine\nRUN apt-get install \\\n# curl \\\n  git\n';
    assert.strictEqual(format(text), 'FROM alpine\nRUN apt-get install \\\n# curl \\\n    git\n');
  });

  it('formats a continuation that runs into the end of the file', () => {
    assert.strictEqual(format('FROM alpine\nRUN a \\\n  b \\\n  \n# c  '), 'FROM alpine\nRUN a \\\n    b \\\n\n# c');
  });

  it('answers with no edits for an empty or tidy document', () => {
    assert.deepStrictEqual(edits(''), []);
    assert.deepStrictEqual(edits('\n\n'), []);
    assert.deepStrictEqual(edits('FROM alpine AS build\nRUN make \\\n    all\n\nFROM scratch\nCOPY --from=build /out /\n'), []);
  });

  it('falls back to 4 spaces for a tab size that is not a positive whole number', () => {
    const text = 'FROM alpine\nRUN a \\\n b\n';
    assert.strictEqual(format(text, { tabSize: 0, insertSpaces: true }), 'FROM alpine\nRUN a \\\n    b\n');
    assert.strictEqual(format(text, { tabSize: Number.NaN, insertSpaces: true }), 'FROM alpine\nRUN a \\\n    b\n');
  });
});
