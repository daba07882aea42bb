import * as assert from 'assert';
import * as fs from 'fs';
import type { DockerfileModel } from '../../server/src/dockerfile/model';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { semanticTokens } from '../../server/src/dockerfile/semanticTokens';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/service/semanticLegend';
import { corpusFiles } from './support/corpus';
import { decode, type Tuple } from './support/semanticTokens';

/** Valid LSP data: whole tuples, known types and modifiers, in order, on one line each, inside it, no overlaps. */
function checkData(model: DockerfileModel, data: readonly number[], what: string): Tuple[] {
  assert.strictEqual(data.length % 5, 0, `${what}: whole tuples`);
  for (let i = 0; i < data.length; i += 5) {
    if (data[i + 3] >= TOKEN_TYPES.length || data[i + 4] >= 1 << TOKEN_MODIFIERS.length) assert.fail(`${what}: legend at ${i}`);
    if (data[i] < 0 || data[i + 1] < 0 || data[i + 2] <= 0) assert.fail(`${what}: relative encoding at ${i}`);
  }
  const tuples = decode(data);
  let previous: Tuple | undefined;
  for (const tuple of tuples) {
    const [line, character, length] = tuple;
    if (line >= model.lines.length || character + length > model.lines[line].length) assert.fail(`${what}: ${tuple} outside its line`);
    if (previous && previous[0] === line && previous[1] + previous[2] > character) assert.fail(`${what}: ${tuple} overlaps ${previous}`);
    previous = tuple;
  }
  return tuples;
}

const ONE_FILE = [
  'FROM golang:1.22 AS build',
  'ARG VERSION',
  'ENV PATH=/go/bin:$PATH',
  '# compile',
  'RUN --mount=type=cache,target=/root/.cache \\',
  '    go build -ldflags "-X main.v=${VERSION:-dev}" -o /out ./cmd/app',
  'COPY <<EOF /etc/app.conf',
  'port=80',
  'EOF',
  'FROM alpine',
  'COPY --from=build /out /bin/app',
  'HEALTHCHECK --interval=30s CMD ["/bin/app", "health"]',
  'CMD ["/bin/app", "--port", "80"]',
];

describe('Dockerfile semantic tokens: structure and scale', () => {
  it('gives a file repeated k times exactly k copies of its tokens (k = 1, 10, 100)', () => {
    const single = decode(semanticTokens(parseDockerfile(ONE_FILE.join('\n'))));
    assert.strictEqual(single.length, 36);
    for (const k of [1, 10, 100]) {
      const text = Array.from({ length: k }, () => ONE_FILE.join('\n')).join('\n');
      const data = semanticTokens(parseDockerfile(text));
      assert.strictEqual(data.length, 5 * k * single.length, `k = ${k}`);
      const expected = Array.from({ length: k }, (_, copy) =>
        single.map(([line, ...rest]): Tuple => [line + copy * ONE_FILE.length, ...rest]),
      ).flat();
      assert.deepStrictEqual(decode(data), expected, `k = ${k}`);
    }
  });

  it('answers for a 10,000-line file', () => {
    const lines: string[] = [];
    for (let k = 0; lines.length < 10_000; k++) lines.push(`FROM alpine AS s${k}`, `ENV A${k}=$A \\`, '  B=${B:-${C:-$D}}', `COPY --from=s${k} /a /b`, '# note');
    const model = parseDockerfile(lines.join('\n'));
    const tuples = checkData(model, semanticTokens(model), '10k lines');
    assert.strictEqual(tuples.length, 2000 * 17);
    assert.deepStrictEqual(tuples.slice(17, 34), [
      [5, 0, 4, 'keyword', ''], [5, 5, 6, 'type', ''], [5, 12, 2, 'keyword', ''], [5, 15, 2, 'class', 'declaration'],
      [6, 0, 3, 'keyword', ''], [6, 4, 2, 'variable', 'declaration'], [6, 7, 2, 'variable', ''],
      [7, 2, 1, 'variable', 'declaration'], [7, 4, 3, 'variable', ''], [7, 9, 3, 'variable', ''], [7, 14, 2, 'variable', ''],
      [7, 16, 1, 'variable', ''], [7, 17, 1, 'variable', ''],
      [8, 0, 4, 'keyword', ''], [8, 5, 6, 'parameter', ''], [8, 12, 2, 'class', ''],
      [9, 0, 6, 'comment', ''],
    ]);
  });

  it('answers for one instruction of 10,000 continuation lines and for a 10,000-line heredoc', () => {
    const run = ['FROM alpine', 'RUN true \\', ...Array.from({ length: 10_000 }, (_, k) => `  && echo $V${k} \\`), '  && true'];
    const model = parseDockerfile(run.join('\n'));
    const tuples = checkData(model, semanticTokens(model), 'long RUN');
    assert.strictEqual(tuples.length, 3 + 10_000);
    assert.deepStrictEqual(tuples[10_002], [10_001, 10, 6, 'variable', '']);
    const heredoc = ['FROM alpine', 'RUN <<EOF', ...Array.from({ length: 10_000 }, (_, k) => `echo $X${k} # ${k}`), 'EOF'];
    assert.deepStrictEqual(decode(semanticTokens(parseDockerfile(heredoc.join('\n')))), [
      [0, 0, 4, 'keyword', ''], [0, 5, 6, 'type', ''], [1, 0, 3, 'keyword', ''], [1, 4, 5, 'operator', ''], [10_002, 0, 3, 'operator', ''],
    ]);
  });

  it('answers for deeply nested and unterminated variable references', () => {
    const nested = `FROM alpine\nRUN echo ${'${A:-'.repeat(200)}x${'}'.repeat(200)} \${B`;
    const model = parseDockerfile(nested);
    const tuples = checkData(model, semanticTokens(model), 'nested');
    assert.ok(tuples.length > 2);
  });

  it('gives valid tokens for every Dockerfile of the corpus: a keyword per instruction, a comment per comment line', () => {
    const files = corpusFiles();
    assert.ok(files.length > 100, 'the corpus is found beside the repository');
    const seen = new Set<string>();
    for (const file of files) {
      const model = parseDockerfile(fs.readFileSync(file, 'utf8'));
      const tuples = checkData(model, semanticTokens(model), file);
      const at = new Map(tuples.map((t) => [`${t[0]}:${t[1]}`, t]));
      for (const instruction of model.instructions) {
        const { line, character } = instruction.keyword.range.start;
        assert.strictEqual(at.get(`${line}:${character}`)?.[3], 'keyword', `${file}: ${instruction.name} on line ${line + 1}`);
      }
      for (const comment of model.comments) {
        const { line, character } = comment.range.start;
        assert.strictEqual(at.get(`${line}:${character}`)?.[3], 'comment', `${file}: comment on line ${line + 1}`);
      }
      const bodyLines = new Set<number>();
      for (const instruction of model.instructions) {
        for (const heredoc of instruction.heredocs) {
          if (heredoc.body.length === 0) continue;
          for (let line = heredoc.bodyRange.start.line; line <= heredoc.bodyRange.end.line; line++) bodyLines.add(line);
        }
      }
      assert.ok(tuples.every((t) => !bodyLines.has(t[0])), `${file}: a token in a heredoc body`);
      for (const t of tuples) seen.add(`${t[3]} ${t[4]}`.trim());
    }
    for (const kind of ['keyword', 'type', 'class', 'class declaration', 'parameter', 'string', 'property', 'variable', 'variable declaration',
      'variable readonly defaultLibrary', 'comment', 'macro', 'operator']) {
      assert.ok(seen.has(kind), `the corpus shows ${kind}`);
    }
  });
});
