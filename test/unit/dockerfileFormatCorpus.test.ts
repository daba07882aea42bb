// Formatting on every real Dockerfile of the corpus (and on mutated copies of them): the formatted file parses to
// the same instructions with the same arguments, formatting it again changes nothing, and the layout rules hold.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { TextEdit } from 'vscode-languageserver-types';
import { formatDockerfile, formatOnType, type DockerfileFormatOptions } from '../../server/src/dockerfile/format';
import type { DockerfileModel, Instruction } from '../../server/src/dockerfile/model';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { corpusFiles, corpusFolder } from './support/corpus';
import { afterEdits } from './support/dockerfileCaret';
import { SPACES } from './support/dockerfileFormat';

const FILES = corpusFiles();
const TABS: DockerfileFormatOptions = { tabSize: 2, insertSpaces: false };
const UPPER: DockerfileFormatOptions = { tabSize: 2, insertSpaces: true, keywordCase: 'upper' };

function edits(text: string, options: DockerfileFormatOptions): TextEdit[] {
  const model = parseDockerfile(text);
  const result = formatDockerfile(model, options);
  assert.ok(Array.isArray(result), `refused: ${JSON.stringify(result)}`);
  checkEdits(model.lines, result);
  return result;
}

/** Each edit inside one line of the document, in order, none overlapping another. */
function checkEdits(lines: string[], list: TextEdit[]): void {
  let line = -1;
  let character = 0;
  for (const { range } of list) {
    const { start, end } = range;
    assert.ok(start.line === end.line && start.line < lines.length && start.character <= end.character && end.character <= lines[end.line].length, `edit inside a line: ${JSON.stringify(range)}`);
    assert.ok(start.line > line || (start.line === line && start.character >= character), `edits in order: ${JSON.stringify(range)}`);
    line = end.line;
    character = end.character;
  }
}

/** Arguments whose whitespace BuildKit keeps as written (one string), compared exactly; elsewhere runs of blanks separate. */
const AS_WRITTEN = new Set(['WORKDIR', 'USER', 'STOPSIGNAL', 'MAINTAINER']);

function meaningOf(instruction: Instruction): unknown {
  const legacy = instruction.pairs.some((p) => p.legacy);
  const exact = AS_WRITTEN.has(instruction.name) || legacy || !['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'ARG', 'ONBUILD', 'HEALTHCHECK', 'SHELL'].includes(instruction.name);
  const argsText = instruction.argsText?.value;
  // FROM's `AS` takes the keyword's case: BuildKit reads it in any case.
  const from = instruction.name === 'FROM';
  return {
    name: instruction.name,
    flags: instruction.flags.map((f) => [f.name, f.value ?? null]),
    argsText: argsText === undefined || from ? null : exact ? argsText : argsText.replace(/[ \t]+/g, ' '),
    args: instruction.args.map((a, i) => (from && i === 1 && a.value.toLowerCase() === 'as' ? 'as' : a.value)),
    json: instruction.json?.map((j) => j.value) ?? null,
    jsonMalformed: instruction.jsonMalformed,
    pairs: instruction.pairs.map((p) => [p.key.value, p.value?.value ?? null, p.legacy]),
    heredocs: instruction.heredocs.map((h) => [h.delimiter, h.stripTabs, h.quoted, h.body, h.closerRange !== undefined]),
    variables: instruction.variables.map((v) => [v.name, v.modifier ?? null, v.word ?? null]),
    trigger: instruction.trigger ? meaningOf(instruction.trigger) : null,
  };
}

function meaning(model: DockerfileModel): unknown {
  return {
    escape: model.escape,
    directives: model.directives.map((d) => [d.name, d.value]),
    instructions: model.instructions.map(meaningOf),
    stages: model.stages.map((s) => s.name?.value ?? null),
  };
}

/** Keywords at column 0, no trailing blanks outside directives and heredoc lines. */
function checkLayout(model: DockerfileModel, where: string): void {
  const kept = new Set<number>(model.directives.map((d) => d.range.start.line));
  for (const instruction of model.instructions) {
    for (const h of instruction.heredocs) {
      if (h.body.length > 0) for (let k = h.bodyRange.start.line; k <= h.bodyRange.end.line; k++) kept.add(k);
      if (h.closerRange) kept.add(h.closerRange.start.line);
    }
    const start = instruction.range.start;
    assert.strictEqual(start.character, start.line === 0 && model.lines[0].startsWith('\ufeff') ? 1 : 0, `${where}: ${instruction.name} on line ${start.line + 1} at column 0`);
  }
  model.lines.forEach((line, k) => {
    if (!kept.has(k)) assert.ok(!/[ \t]$/.test(line), `${where}: trailing blanks on line ${k + 1}`);
  });
}

/** Formats, checks meaning, layout and idempotency; returns the formatted text. */
function roundTrip(text: string, options: DockerfileFormatOptions, where: string): string {
  const before = parseDockerfile(text);
  const formatted = afterEdits(text, edits(text, options));
  const after = parseDockerfile(formatted);
  assert.deepStrictEqual(meaning(after), meaning(before), `${where}: meaning changed`);
  checkLayout(after, where);
  assert.deepStrictEqual(edits(formatted, options), [], `${where}: formatting again changes it`);
  return formatted;
}

describe('Dockerfile formatting on the corpus', () => {
  it('finds the corpus', () => {
    assert.ok(FILES.length >= 300, `${FILES.length} Dockerfiles in ${corpusFolder()}`);
  });

  it('keeps the meaning of every Dockerfile and is idempotent (4 spaces, tabs, upper case keywords)', function () {
    this.timeout(120_000);
    let changed = 0;
    for (const file of FILES) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.basename(file);
      const spaces = roundTrip(text, SPACES, `${name} (spaces)`);
      roundTrip(text, TABS, `${name} (tabs)`);
      roundTrip(text, UPPER, `${name} (upper)`);
      if (spaces !== text) changed++;
    }
    // Formatting does something on real files (most of them are tidy already).
    assert.ok(changed >= 20, `${changed} files changed`);
  });

  it('gives the same result on CRLF and BOM copies, with their line endings and BOM kept', function () {
    this.timeout(60_000);
    for (const file of FILES) {
      const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const name = path.basename(file);
      const lf = afterEdits(text, edits(text, SPACES));
      const crlf = text.replace(/\n/g, '\r\n');
      assert.strictEqual(roundTrip(crlf, SPACES, `${name} (CRLF)`), lf.replace(/\n/g, '\r\n'), `${name}: CRLF`);
      assert.strictEqual(roundTrip('\ufeff' + text, SPACES, `${name} (BOM)`), '\ufeff' + lf, `${name}: BOM`);
    }
  });

  it('never throws and keeps the meaning of mutated files', function () {
    this.timeout(120_000);
    const next = prng(20261203);
    const pieces = ['\\', '`', '\n', '\r\n', ' ', '\t', '  \t', '#', '"', "'", '$(', ')', '${', '}', '[', ']', '<<EOF', '<<-EOF', 'EOF', '\tEOF', '--x=', 'ONBUILD ', 'FROM ', ' as ', 'run ', 'COPY ', 'ENV ', '\ufeff', '😀', '# escape=`\n', '\\\n', ' \\  \n'];
    let refused = 0;
    for (let round = 0; round < 1500; round++) {
      let text = fs.readFileSync(FILES[Math.floor(next() * FILES.length)], 'utf8');
      for (let e = 1 + Math.floor(next() * 6); e > 0; e--) {
        const at = Math.floor(next() * (text.length + 1));
        text = next() < 0.6 ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 30));
      }
      const model = parseDockerfile(text);
      const result = formatDockerfile(model, round % 2 ? TABS : SPACES);
      const open = model.instructions.some((i) => i.heredocs.some((h) => !h.closerRange));
      if (!Array.isArray(result)) {
        assert.ok(open && /heredoc <<\S+ opened on line \d+ has no closing/.test(result.refused), `round ${round}: ${result.refused}`);
        refused++;
        continue;
      }
      assert.ok(!open, `round ${round}: formatted with an unterminated heredoc`);
      roundTrip(text, round % 2 ? TABS : SPACES, `round ${round}`);
      // Range and on-type formatting at random places.
      const line = Math.floor(next() * (model.lines.length + 2)) - 1;
      const ranged = formatDockerfile(model, SPACES, { start: { line, character: 0 }, end: { line: line + Math.floor(next() * 20), character: 3 } });
      assert.ok(Array.isArray(ranged));
      checkEdits(model.lines, ranged);
      const typed = formatOnType(model, { line, character: 0 }, '\n', TABS);
      checkEdits(model.lines, typed);
      assert.ok(typed.length <= 1 && typed.every((e) => /^\t?$/.test(e.newText) && e.range.start.character === 0), `round ${round}: on type ${JSON.stringify(typed)}`);
    }
    assert.ok(refused > 0 && refused < 1500, `${refused} refused`);
  });

  it('formats an untidy 10k-line file in one answer, and formatting the result again changes nothing (timing is in the bench)', () => {
    // Files without heredocs: a closing line with trailing blanks would no longer close its heredoc.
    const sources = FILES.map((file) => fs.readFileSync(file, 'utf8')).filter((t) => !t.includes('<<'));
    let text = '';
    for (let i = 0; text.split('\n').length < 10_000; i++) text += sources[i % sources.length] + '\n';
    // Untidy it: every third line indented, every line with trailing blanks, continuation lines re-indented.
    const untidy = text.split('\n').map((line, k) => (k % 3 === 0 ? '  ' + line : line.replace(/^[ \t]+/, '\t ')) + '  ').join('\n');
    const result = formatDockerfile(parseDockerfile(untidy), SPACES);
    assert.ok(Array.isArray(result));
    assert.ok(result.length > 10_000, `${result.length} edits`);
    const formatted = afterEdits(untidy, result);
    assert.deepStrictEqual(formatDockerfile(parseDockerfile(formatted), SPACES), []);
  });
});

/** A small deterministic generator (xorshift32), so that every run mutates the same way. */
function prng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}
