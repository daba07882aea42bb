// source.fixAll on every real Dockerfile of the corpus: the fixed file has the same instructions with the same
// meaning (modulo what each applied fix changes on purpose: keyword case, `=` and quotes, the exec form ...),
// none of the fixed problems left and no new Error; and code actions never fail on BuildKit's parser inputs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { OWN_CHECKS } from '../../server/src/dockerfile/checks';
import { codeActions } from '../../server/src/dockerfile/codeActions';
import { diagnoseDockerfile } from '../../server/src/dockerfile/diagnostics';
import type { DockerfileModel, Instruction } from '../../server/src/dockerfile/model';
import { parseDockerfile, unquote } from '../../server/src/dockerfile/parser';
import { corpusFiles, corpusFolder } from './support/corpus';
import { afterEdits } from './support/dockerfileCaret';

const corpus = corpusFolder();
const URI = 'file:///corpus/Dockerfile';

/** The fixes source.fixAll may apply to a file that builds: each one keeps what the file means. */
const MEANING_KEPT = new Set([
  'FromAsCasing', 'ConsistentInstructionCasing', 'StageNameCasing', 'NoEmptyContinuation', 'LegacyKeyValueFormat', 'JSONArgsRecommended',
  'MaintainerDeprecated', 'RedundantTargetPlatform', 'ExposeProtoCasing', 'ExposeInvalidFormat', 'json-trailing-text',
]);

function diagnose(model: DockerfileModel): Diagnostic[] {
  return diagnoseDockerfile(model, { severity: undefined }, OWN_CHECKS);
}

function fixAll(model: DockerfileModel, diagnostics: Diagnostic[]): CodeAction | undefined {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const actions = codeActions(model, { uri: URI, range, context: { diagnostics: [], only: ['source.fixAll'] }, allDiagnostics: () => diagnostics });
  return actions[0];
}

function count(diagnostics: readonly Diagnostic[], keep: (d: Diagnostic) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (keep(d)) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

/** Flags by name and value, without a `--platform=$TARGETPLATFORM` on FROM (TARGETPLATFORM is always set, and the default). */
function flagsOf(instruction: Instruction, dropRedundant: boolean): string[] {
  return instruction.flags
    .filter((f) => !(dropRedundant && instruction.name === 'FROM' && f.name === 'platform' && /^\$(TARGETPLATFORM|\{TARGETPLATFORM(:?-[^}]*)?\})$/.test(f.value ?? '')))
    // COPY --from names a stage case-insensitively (StageNameCasing lower-cases it).
    .map((f) => `${f.name}=${instruction.name === 'COPY' && f.name === 'from' ? f.value?.toLowerCase() : f.value}`);
}

/** What an instruction means, as far as the fixes may touch it, in comparable form. */
function meaning(model: DockerfileModel, instruction: Instruction): unknown {
  const escape = model.escape;
  switch (instruction.name) {
    case 'ENV':
    case 'LABEL':
      return instruction.pairs.map((p) => [p.key.value, p.value === undefined ? null : unquote(p.value.value, escape)]);
    case 'MAINTAINER':
      // Becomes LABEL org.opencontainers.image.authors with the same text.
      return [['org.opencontainers.image.authors', instruction.argsText?.value ?? '']];
    case 'CMD':
    case 'ENTRYPOINT':
      if (instruction.json) return instruction.json.map((t) => t.value);
      return instruction.args.map((t) => unquote(t.value, escape)).filter((w, k) => k > 0 || w !== 'exec');
    case 'FROM': {
      // Stage names and AS compare case-insensitively, as BuildKit reads them; image names do not.
      const stage = (word: string) => model.stages.some((s) => s.index < instruction.stage && s.name?.value.toLowerCase() === word.toLowerCase());
      return instruction.args.map((t, k) => (k > 0 || stage(t.value) ? t.value.toLowerCase() : t.value));
    }
    case 'EXPOSE':
      return instruction.args.map((t) => t.value.slice(t.value.lastIndexOf(':') + 1).toLowerCase());
    default:
      return [instruction.args.map((t) => t.value), instruction.json?.map((t) => t.value), instruction.heredocs.map((h) => h.body)];
  }
}

function sameMeaning(file: string, before: DockerfileModel, after: DockerfileModel): void {
  assert.strictEqual(after.instructions.length, before.instructions.length, `${file}: number of instructions`);
  assert.deepStrictEqual(after.directives.map((d) => [d.name, d.value]), before.directives.map((d) => [d.name, d.value]), `${file}: directives`);
  before.instructions.forEach((old, k) => {
    const now = after.instructions[k];
    const where = `${file}:${old.range.start.line + 1}`;
    const name = old.name === 'MAINTAINER' ? 'LABEL' : old.name;
    assert.strictEqual(now.name, name, `${where}: instruction`);
    assert.deepStrictEqual(flagsOf(now, false), flagsOf(old, true), `${where}: flags`);
    assert.deepStrictEqual(meaning(after, now), meaning(before, old), `${where}: arguments`);
    if (old.name === 'CMD' || old.name === 'ENTRYPOINT') {
      // The exec form: the words the shell would have run, nothing more.
      assert.ok(now.json || !old.json, `${where}: exec form kept`);
    }
  });
}

describe('Dockerfile code actions on the real-world corpus', () => {
  it('source.fixAll keeps every Dockerfile meaning the same and leaves none of the fixed problems', () => {
    const files = corpusFiles('dockerfiles');
    assert.ok(files.length > 100, `the shared corpus is missing: ${corpus}`);
    const fixedCodes = new Map<string, number>();
    for (const file of files) {
      const name = path.basename(file);
      const text = fs.readFileSync(file, 'utf8');
      const before = parseDockerfile(text);
      const diagnostics = diagnose(before);
      const action = fixAll(before, diagnostics);
      if (!action) continue;
      const edits = action.edit?.changes?.[URI] ?? [];
      assert.ok(edits.length > 0, `${name}: an empty fixAll`);
      const applied = action.diagnostics ?? [];
      for (const d of applied) {
        assert.ok(MEANING_KEPT.has(String(d.code)), `${name}:${d.range.start.line + 1}: fixAll applied ${d.code}, which changes what the file does`);
        fixedCodes.set(String(d.code), (fixedCodes.get(String(d.code)) ?? 0) + 1);
      }
      const fixedText = afterEdits(text, edits);
      const after = parseDockerfile(fixedText);
      sameMeaning(name, before, after);
      const left = diagnose(after);
      const was = count(diagnostics, () => true);
      const now = count(left, () => true);
      for (const [code, n] of count(applied, () => true)) {
        assert.ok((now.get(code) ?? 0) <= (was.get(code) ?? 0) - n, `${name}: ${code} is still reported after its fix`);
      }
      const isError = (d: Diagnostic) => d.severity === 1;
      assert.deepStrictEqual(count(left, isError), count(diagnostics, isError), `${name}: a fix made a new Error`);
      // Nothing was left out for overlapping: a second run has nothing to do.
      assert.strictEqual(fixAll(after, left), undefined, `${name}: fixAll left fixable problems`);
    }
    // The corpus does exercise the fixes (these are the diagnostics it has).
    for (const code of ['FromAsCasing', 'LegacyKeyValueFormat', 'MaintainerDeprecated', 'JSONArgsRecommended', 'NoEmptyContinuation', 'RedundantTargetPlatform']) {
      assert.ok((fixedCodes.get(code) ?? 0) > 0, `no ${code} fixed on the corpus`);
    }
  });

  it('offers only edits inside the document on BuildKit parser inputs, without failing', () => {
    const files = corpusFiles('parser-tests');
    assert.ok(files.length > 0, `the shared corpus is missing: ${corpus}/parser-tests`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const model = parseDockerfile(text);
      const diagnostics = diagnose(model);
      const range = { start: { line: 0, character: 0 }, end: { line: model.lines.length, character: 0 } };
      const actions = codeActions(model, { uri: URI, range, context: { diagnostics }, allDiagnostics: () => diagnostics });
      for (const action of actions) {
        for (const edit of action.edit?.changes?.[URI] ?? []) {
          for (const p of [edit.range.start, edit.range.end]) {
            assert.ok(p.line < model.lines.length && p.character <= model.lines[p.line].length, `${path.basename(file)}: ${action.title} edits outside the file`);
          }
        }
      }
    }
  });
});
