// Range formatting (only the lines a range touches) and on-type formatting after a newline (a new continuation
// line gets one indentation unit, nothing else does).
import * as assert from 'assert';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { formatDockerfile, formatOnType, type DockerfileFormatOptions } from '../../server/src/dockerfile/format';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { afterEdits, caret, lineEdit as edit, range } from './support/dockerfileCaret';
import { SPACES } from './support/dockerfileFormat';

const TABS: DockerfileFormatOptions = { tabSize: 4, insertSpaces: false };

function formatRange(text: string, r: Range, options = SPACES): string {
  const result = formatDockerfile(parseDockerfile(text), options, r);
  assert.ok(Array.isArray(result), 'not refused');
  return afterEdits(text, result);
}

/** On-type edits for a newline typed just before the `|` of the text. */
function onType(marked: string, options = SPACES, ch = '\n'): TextEdit[] {
  const { text, position } = caret(marked);
  return formatOnType(parseDockerfile(text), position, ch, options);
}

describe('Dockerfile formatting: range', () => {
  const text = '  FROM alpine  \n  RUN a \\\n b\n  CMD c  \n';

  it('formats only the lines the range touches, without extending it to whole instructions', () => {
    assert.strictEqual(formatRange(text, range(1, 0, 1, 3)), '  FROM alpine  \nRUN a \\\n b\n  CMD c  \n');
    assert.strictEqual(formatRange(text, range(2, 1, 3, 2)), '  FROM alpine  \n  RUN a \\\n    b\nCMD c\n');
  });

  it('does not touch the line where the range ends at character 0', () => {
    assert.strictEqual(formatRange(text, range(1, 0, 3, 0)), '  FROM alpine  \nRUN a \\\n    b\n  CMD c  \n');
  });

  it('formats the line of an empty range', () => {
    assert.strictEqual(formatRange(text, range(3, 4, 3, 4)), '  FROM alpine  \n  RUN a \\\n b\nCMD c\n');
  });

  it('decides the keyword case from the whole file', () => {
    assert.strictEqual(formatRange('from a as b\nrun b\nRUN c\n', range(2, 0, 2, 5)), 'from a as b\nrun b\nrun c\n');
    assert.strictEqual(formatRange('FROM a as b\nrun b\nRUN c\n', range(0, 0, 0, 1)), 'FROM a AS b\nrun b\nRUN c\n');
  });

  it('clamps a range outside the document', () => {
    assert.strictEqual(formatRange(text, range(-5, 0, 99, 0)), 'FROM alpine\nRUN a \\\n    b\nCMD c\n');
    assert.strictEqual(formatRange(text, range(99, 0, 120, 0)), text);
  });
});

describe('Dockerfile formatting: on type', () => {
  it('indents the line after a line that ends with the escape character', () => {
    assert.deepStrictEqual(onType('FROM alpine\nRUN apk add \\\n|'), [edit(2, 0, 0, '    ')]);
    assert.deepStrictEqual(onType('FROM alpine\nRUN apk add \\\n|', TABS), [edit(2, 0, 0, '\t')]);
    assert.deepStrictEqual(onType('FROM alpine\nRUN \\\n|'), [edit(2, 0, 0, '    ')]);
  });

  it('replaces the indentation the editor copied from the line above', () => {
    assert.deepStrictEqual(onType('FROM alpine\nRUN a \\\n        b \\\n        |'), [edit(3, 0, 8, '    ')]);
    assert.deepStrictEqual(onType('FROM alpine\nRUN a \\\n    b \\\n    |'), []);
    assert.deepStrictEqual(onType('FROM alpine\nRUN a \\\n    b \\\n    |', TABS), [edit(3, 0, 4, '\t')]);
  });

  it('indents a new line in the middle of a continued instruction, also after a comment line', () => {
    assert.deepStrictEqual(onType('FROM alpine\nRUN a \\\n|\n    b\n'), [edit(2, 0, 0, '    ')]);
    assert.deepStrictEqual(onType('FROM alpine\nRUN a \\\n# note\n|'), [edit(3, 0, 0, '    ')]);
  });

  it('indents text moved to the new line when it continues the instruction', () => {
    assert.deepStrictEqual(onType('FROM alpine\nRUN a \\\n|b\n'), [edit(2, 0, 0, '    ')]);
  });

  it('does nothing where the new line does not continue an instruction', () => {
    assert.deepStrictEqual(onType('FROM alpine\nRUN a\n|'), []);
    assert.deepStrictEqual(onType('FROM alpine\nRUN a |\\\n    b\n'), []);
    assert.deepStrictEqual(onType('# comment \\\n|'), []);
    assert.deepStrictEqual(onType('|FROM alpine\n'), []);
  });

  it('does nothing in a heredoc body, closed or not yet', () => {
    assert.deepStrictEqual(onType('FROM alpine\nRUN <<EOF\n|\nEOF\n'), []);
    assert.deepStrictEqual(onType('FROM alpine\nRUN <<EOF\necho a \\\n|'), []);
  });

  it('does nothing inside a quoted string or a word that the line above leaves open', () => {
    assert.deepStrictEqual(onType('FROM alpine\nRUN echo "a \\\n|'), []);
    assert.deepStrictEqual(onType('FROM alpine\nRUN --mount=type=cache,\\\n|'), []);
  });

  it('follows the backtick escape', () => {
    assert.deepStrictEqual(onType('# escape=`\nFROM alpine\nCOPY a `\n|'), [edit(3, 0, 0, '    ')]);
    assert.deepStrictEqual(onType('# escape=`\nFROM alpine\nCOPY a \\\n|'), []);
  });

  it('answers nothing for other characters and for positions outside the document', () => {
    assert.deepStrictEqual(onType('FROM alpine\nRUN a \\\n|', SPACES, ';'), []);
    const model = parseDockerfile('FROM alpine\nRUN a \\\n');
    for (const line of [-1, 0, 3, 99, Number.NaN]) assert.deepStrictEqual(formatOnType(model, { line, character: 0 }, '\n', SPACES), []);
  });
});
