import * as assert from 'assert';
import * as fs from 'fs';
import type { FoldingRange } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/dockerfile/folding';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { corpusFiles } from './support/corpus';

/** The folding ranges of the lines, as [startLine, endLine] or [startLine, endLine, kind]. */
function folds(lines: readonly string[]): (number | string)[][] {
  return foldingRanges(parseDockerfile(lines.join('\n'))).map((f) => (f.kind ? [f.startLine, f.endLine, f.kind] : [f.startLine, f.endLine]));
}

/** Sorted by start, one per start line, each inside the enclosing one or after it, all in the document. */
function checkNested(ranges: readonly FoldingRange[], lineCount: number, what: string): void {
  const open: FoldingRange[] = [];
  let previous = -1;
  for (const range of ranges) {
    assert.ok(range.startLine > previous, `${what}: ${range.startLine} not after ${previous}`);
    assert.ok(range.endLine > range.startLine && range.endLine < lineCount, `${what}: ${range.startLine}-${range.endLine}`);
    while (open.length > 0 && open[open.length - 1].endLine < range.startLine) open.pop();
    const parent = open[open.length - 1];
    assert.ok(!parent || range.endLine <= parent.endLine, `${what}: ${range.startLine}-${range.endLine} crosses ${parent?.startLine}-${parent?.endLine}`);
    open.push(range);
    previous = range.startLine;
  }
}

describe('Dockerfile folding', () => {
  it('folds each stage from FROM to its last instruction, leaving trailing comments and blank lines out', () => {
    assert.deepStrictEqual(folds([
      'FROM golang:1.22 AS build', // 0
      'WORKDIR /src', // 1
      'RUN go build -o /out \\', // 2
      '    ./cmd/app', // 3
      '', // 4
      '# the runtime', // 5
      'FROM alpine', // 6
      'COPY --from=build /out /bin/app', // 7
      '', // 8
    ]), [[0, 3], [2, 3], [6, 7]]);
  });

  it('folds an instruction continued over several lines, and its comment lines inside', () => {
    assert.deepStrictEqual(folds([
      'FROM debian', // 0
      'RUN apt-get update \\', // 1
      '    # the tools', // 2
      '    # we need', // 3
      '    && apt-get install -y curl', // 4
      'USER app', // 5
    ]), [[0, 5], [1, 4], [2, 3, 'comment']]);
  });

  it('keeps the stage when its FROM is the multi-line one, and a one-line stage does not fold', () => {
    assert.deepStrictEqual(folds(['FROM --platform=$BUILDPLATFORM \\', '    golang:1.22 AS build', 'RUN make', 'FROM scratch']), [[0, 2]]);
    assert.deepStrictEqual(folds(['FROM --platform=$BUILDPLATFORM \\', '    golang:1.22']), [[0, 1]]);
  });

  it('folds heredoc bodies from the opener line to the terminator', () => {
    assert.deepStrictEqual(folds(['FROM alpine', 'RUN <<EOF', 'set -e', 'make', 'EOF', 'USER app']), [[0, 5], [1, 4]]);
    // The opener on a continuation line: the heredoc folds inside the instruction.
    assert.deepStrictEqual(folds(['FROM alpine', 'RUN --network=none \\', '  <<EOF', 'make', 'EOF']), [[0, 4], [1, 4], [2, 4]]);
    // Two bodies: the second folds from the first one's terminator, which the first fold then leaves out.
    assert.deepStrictEqual(folds(['FROM alpine', 'COPY <<A \\', '  <<B /dst/', 'a', 'A', 'b', 'B']), [[0, 6], [1, 6], [2, 3], [4, 6]]);
    // An unterminated heredoc runs to the end of the file.
    assert.deepStrictEqual(folds(['FROM alpine', 'RUN <<EOF', 'echo 1', 'echo 2']), [[0, 3], [1, 3]]);
  });

  it('folds runs of two or more comment lines and the directive block', () => {
    assert.deepStrictEqual(folds([
      '# syntax=docker/dockerfile:1', // 0
      '# check=skip=JSONArgsRecommended', // 1
      '# Build the app.', // 2
      '# Then ship it.', // 3
      'FROM alpine', // 4
      '# a single comment', // 5
      'RUN true', // 6
      '', // 7
      '# one', // 8
      '', // 9
      '# two', // 10
    ]), [[0, 1, 'comment'], [2, 3, 'comment'], [4, 6]]);
    assert.deepStrictEqual(folds(['# syntax=docker/dockerfile:1', 'FROM alpine']), []);
  });

  it('folds instructions before the first FROM, and nothing in empty or one-line files', () => {
    assert.deepStrictEqual(folds(['ARG VERSION=1 \\', '  OTHER=2', 'FROM alpine']), [[0, 1]]);
    assert.deepStrictEqual(folds(['']), []);
    assert.deepStrictEqual(folds(['FROM alpine']), []);
    assert.deepStrictEqual(folds(['FROM', 'ONBUILD', '\\', '\\']), [[0, 1]]);
  });

  it('gives properly nested ranges with distinct start lines for every Dockerfile of the corpus', () => {
    const files = corpusFiles();
    assert.ok(files.length > 100, 'the corpus is found beside the repository');
    let total = 0;
    for (const file of files) {
      const model = parseDockerfile(fs.readFileSync(file, 'utf8'));
      const ranges = foldingRanges(model);
      checkNested(ranges, model.lines.length, file);
      for (const stage of model.stages) {
        const { start, end } = stage.range;
        if (end.line > start.line) assert.ok(ranges.some((f) => f.startLine === start.line && f.endLine === end.line), `${file}: stage ${stage.index}`);
      }
      total += ranges.length;
    }
    assert.ok(total > files.length);
  });

  it('answers for a large file with the same folds for every repeated stage', () => {
    const stage = ['FROM alpine AS s', '# a', '# b', 'RUN a \\', '  && b', 'RUN <<EOF', 'x', 'EOF', ''];
    const lines: string[] = [];
    for (let k = 0; k < 1200; k++) lines.push(...stage);
    const ranges = foldingRanges(parseDockerfile(lines.join('\n')));
    assert.strictEqual(ranges.length, 1200 * 4);
    checkNested(ranges, lines.length, 'large');
    assert.deepStrictEqual(ranges.slice(4, 8), [
      { startLine: 9, endLine: 16 }, { startLine: 10, endLine: 11, kind: 'comment' }, { startLine: 12, endLine: 13 }, { startLine: 14, endLine: 16 },
    ]);
  });
});
