import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { DockerfileModel, Instruction, Position, Range, Token } from '../../server/src/dockerfile/model';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

// out/test/unit -> the repository root.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');

function filesOf(folder: string): string[] {
  const dir = path.join(corpus, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Every range lies in the document, start before end; a token on one line is the text at its range. */
function checkRange(model: DockerfileModel, range: Range, what: string): void {
  const { lines } = model;
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside the document`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: character ${p.character} outside line ${p.line}`);
  }
  assert.ok(before(range.start, range.end), `${what}: start after end`);
}

function checkToken(model: DockerfileModel, token: Token | undefined, what: string): void {
  if (!token) return;
  checkRange(model, token.range, what);
  const { start, end } = token.range;
  if (start.line === end.line) {
    assert.strictEqual(model.lines[start.line].slice(start.character, end.character), token.value, `${what}: text at its range`);
  }
}

function checkInstruction(model: DockerfileModel, instruction: Instruction, where: string): void {
  const what = `${where} ${instruction.name}@${instruction.range.start.line}`;
  checkRange(model, instruction.range, what);
  checkToken(model, instruction.keyword, `${what} keyword`);
  checkToken(model, instruction.argsText, `${what} argsText`);
  for (const token of [...instruction.args, ...(instruction.json ?? [])]) {
    checkRange(model, token.range, `${what} arg`);
    assert.ok(before(instruction.range.start, token.range.start) && before(token.range.end, instruction.range.end), `${what}: arg inside`);
  }
  if (!instruction.json) for (const token of instruction.args) checkToken(model, token, `${what} arg`);
  for (const flag of instruction.flags) {
    checkRange(model, flag.range, `${what} flag`);
    checkRange(model, flag.nameRange, `${what} flag name`);
    if (flag.valueRange) checkRange(model, flag.valueRange, `${what} flag value`);
  }
  for (const pair of instruction.pairs) {
    checkToken(model, pair.key, `${what} key`);
    checkToken(model, pair.value, `${what} value`);
  }
  for (const v of instruction.variables) {
    checkRange(model, v.range, `${what} variable`);
    checkRange(model, v.nameRange, `${what} variable name`);
    if (v.nameRange.start.line === v.nameRange.end.line) {
      assert.strictEqual(model.lines[v.nameRange.start.line].slice(v.nameRange.start.character, v.nameRange.end.character), v.name, `${what}: variable name`);
    }
  }
  for (const h of instruction.heredocs) {
    checkRange(model, h.openerRange, `${what} heredoc opener`);
    checkRange(model, h.bodyRange, `${what} heredoc body`);
    if (h.closerRange) checkRange(model, h.closerRange, `${what} heredoc closer`);
  }
  for (const line of instruction.innerCommentLines) {
    assert.ok(line > instruction.range.start.line && line < instruction.range.end.line, `${what}: inner comment line ${line} inside`);
  }
  if (instruction.trigger) checkInstruction(model, instruction.trigger, `${what} trigger`);
}

/** The invariants every parse must keep, whatever the input. */
function checkModel(model: DockerfileModel, where: string): void {
  let previousEnd: Position | undefined;
  const bodies: [number, number][] = [];
  for (const instruction of model.instructions) {
    checkInstruction(model, instruction, where);
    if (previousEnd) {
      assert.ok(previousEnd.line < instruction.range.start.line, `${where}: instructions in order, each on lines of its own`);
    }
    previousEnd = instruction.range.end;
    for (const h of instruction.heredocs) {
      const { start, end } = h.bodyRange;
      const empty = start.line === end.line && start.character === end.character;
      // From the first body line to the closer line (to the end of the file when unterminated).
      if (h.closerRange || !empty) bodies.push([start.line, h.closerRange ? h.closerRange.start.line : model.lines.length]);
    }
  }
  for (const instruction of model.instructions) {
    const line = instruction.range.start.line;
    assert.ok(!bodies.some(([from, to]) => line >= from && line <= to), `${where}: instruction at line ${line} inside a heredoc body`);
  }
  assert.strictEqual(model.stages.length, model.instructions.filter((i) => i.name === 'FROM').length, `${where}: one stage per FROM`);
  model.stages.forEach((stage, index) => {
    assert.strictEqual(stage.index, index);
    assert.strictEqual(stage.from.stage, index);
    for (const instruction of stage.instructions) assert.strictEqual(instruction.stage, index, `${where}: stage of ${instruction.name}`);
  });
  for (const c of model.comments) {
    checkRange(model, c.range, `${where} comment`);
    assert.ok(c.text.startsWith('#'), `${where}: a comment starts with #`);
  }
  for (const d of model.directives) checkRange(model, d.range, `${where} directive`);
}

/** A small deterministic PRNG (mulberry32), so that the fuzz cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['\\', '`', '\n', '\r\n', '\r', ' ', '\t', '#', '"', "'", '$', '${', '}', ':-', '[', ']', '"]', '<<EOF', '<<-E', 'EOF', '\tE', '--', '--x=', '=', 'ONBUILD ', 'FROM ', ' AS ', 'RUN ', 'COPY ', 'ENV ', 'ARG ', '\ufeff', '😀', '\\u', '# escape=`\n', '\\\n'];

function mutate(text: string, next: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(next() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const kind = next();
    if (kind < 0.4) out = out.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 20));
    else if (kind < 0.85) {
      const from = Math.floor(next() * out.length);
      out = out.slice(0, at) + out.slice(from, from + Math.floor(next() * 80)) + out.slice(at);
    } else out = out.slice(0, at);
  }
  return out;
}

/** Changes characters of one line only (no line added or removed), as typing does. */
function editOneLine(text: string, next: () => number): string {
  const lines = text.split('\n');
  const k = Math.floor(next() * lines.length);
  const line = lines[k];
  const at = Math.floor(next() * (line.length + 1));
  const pieces = PIECES.filter((p) => !/[\r\n]/.test(p));
  lines[k] = next() < 0.6 ? line.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + line.slice(at) : line.slice(0, at) + line.slice(at + 1 + Math.floor(next() * 5));
  return lines.join('\n');
}

describe('Dockerfile parser on the real-world corpus', () => {
  const dockerfiles = filesOf('dockerfiles');
  const parserTests = filesOf('parser-tests');

  it('finds the corpus', () => {
    assert.ok(dockerfiles.length > 100, `dockerfiles in ${corpus}`);
    assert.ok(parserTests.length > 10, `parser-tests in ${corpus}`);
  });

  it('parses every corpus Dockerfile and BuildKit parser test file, keeping the invariants', () => {
    for (const file of [...dockerfiles, ...parserTests]) {
      const model = parseDockerfile(fs.readFileSync(file, 'utf8'));
      checkModel(model, path.basename(file));
    }
  });

  it('parses the corpus with continuations, heredocs, JSON forms and stages as expected', () => {
    let heredocs = 0;
    let json = 0;
    let named = 0;
    for (const file of dockerfiles) {
      const model = parseDockerfile(fs.readFileSync(file, 'utf8'));
      heredocs += model.instructions.filter((i) => i.heredocs.length > 0).length;
      json += model.instructions.filter((i) => i.json).length;
      named += model.stages.filter((s) => s.name).length;
      for (const i of model.instructions) {
        assert.ok(i.heredocs.every((h) => h.closerRange), `${path.basename(file)}: every heredoc is closed`);
        assert.ok(i.name !== 'CMD' || !i.jsonMalformed, `${path.basename(file)}: CMD at line ${i.range.start.line} is valid JSON or shell`);
      }
    }
    assert.ok(heredocs >= 50, `heredoc instructions: ${heredocs}`);
    assert.ok(json >= 200, `exec-form instructions: ${json}`);
    assert.ok(named >= 150, `named stages: ${named}`);
  });

  it('never throws and keeps the invariants on mutated corpus files (seeded fuzz)', () => {
    const next = random(20261128);
    const sources = [...dockerfiles.filter((_, i) => i % 9 === 0), ...parserTests].map((f) => fs.readFileSync(f, 'utf8'));
    const rounds = Number(process.env.DOCKERFILE_FUZZ_ROUNDS) || 600;
    for (let round = 0; round < rounds; round++) {
      const text = mutate(sources[round % sources.length], next);
      let model: DockerfileModel;
      try {
        model = parseDockerfile(text);
      } catch (error) {
        assert.fail(`round ${round} threw ${String(error)} on ${JSON.stringify(text.slice(0, 400))}`);
      }
      checkModel(model, `fuzz round ${round}`);
    }
  });

  it('gives the same model with the previous version as without it, for edits within and across lines', () => {
    const next = random(7);
    const sources = [...dockerfiles.filter((_, i) => i % 7 === 0), ...parserTests].map((f) => fs.readFileSync(f, 'utf8'));
    const rounds = Number(process.env.DOCKERFILE_FUZZ_ROUNDS) || 300;
    for (let round = 0; round < rounds; round++) {
      const text = sources[round % sources.length];
      const edited = round % 3 === 0 ? mutate(text, next) : editOneLine(text, next);
      const previous = parseDockerfile(text);
      const fresh = JSON.stringify(parseDockerfile(edited));
      assert.strictEqual(JSON.stringify(parseDockerfile(edited, previous)), fresh, `round ${round}: ${JSON.stringify(edited.slice(0, 300))}`);
      assert.strictEqual(JSON.stringify(previous), JSON.stringify(parseDockerfile(text)), `round ${round}: the previous model is unchanged`);
    }
  });

  it('parses the seed workspace Dockerfile into its two stages', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'workspace', 'Dockerfile'), 'utf8');
    const model = parseDockerfile(text);
    checkModel(model, 'seed Dockerfile');
    assert.strictEqual(model.stages.length, 2);
    const [builder, final] = model.stages;
    assert.strictEqual(builder.name?.value, 'builder');
    assert.strictEqual(builder.asKeyword?.value, 'as');
    assert.strictEqual(builder.image?.value, 'python:3.10-slim-bullseye');
    assert.deepStrictEqual(builder.instructions.map((i) => i.name), ['WORKDIR', 'COPY', 'RUN']);
    assert.strictEqual(final.name, undefined);
    assert.deepStrictEqual(final.instructions.map((i) => i.name), ['WORKDIR', 'COPY', 'COPY', 'COPY', 'RUN', 'EXPOSE', 'ENTRYPOINT']);
    assert.deepStrictEqual(final.instructions[2].flags.map((f) => [f.name, f.value]), [['from', 'builder']]);
    assert.deepStrictEqual(final.instructions[6].json?.map((j) => j.value), ['/app/entrypoint.sh']);
    assert.ok(model.comments.length > 10);
    assert.deepStrictEqual(model.directives, []);
  });
});
