// source.fixAll on every real compose file of the shared corpus, as written and with mistakes put in (an obsolete
// version, a typo in a key and in a restart value of each service): the result parses without a YAML error, none
// of the fixed diagnostics remains, no new error appears, and the file means what the original means (what Compose
// reads from it, with `version` dropped and `external.name` moved to `name` + `external: true`).
import * as assert from 'assert';
import * as path from 'path';
import * as fs from 'fs';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ComposeModel } from '../../server/src/compose/model';
import { parseCompose } from '../../server/src/compose/parse';
import { corpusFiles } from './support/corpus';
import { diagnoseAll, fixAllOf } from './support/composeCodeActions';

const files = corpusFiles('compose');

/** The file as the checks see it: `owner__repo__path__file` at /corpus/owner/repo/path/file (overlays are told by name). */
function uriOf(file: string): string {
  return `file:///corpus/${path.basename(file).split('__').join('/')}`;
}

/** What Compose reads (merges applied) as plain data, with the changes the fixes of the corpus files make undone. */
function meaning(model: ComposeModel): unknown {
  const plain = (node: Node | null | undefined, depth: number): unknown => {
    const resolved = model.resolve(node);
    if (!resolved || depth > 50) return null;
    if (isMap(resolved)) return Object.fromEntries(model.entries(resolved).map((e) => [e.key, plain(e.value, depth + 1)]));
    if (isSeq(resolved)) return resolved.items.map((item) => plain(item as Node, depth + 1));
    return isScalar(resolved) ? resolved.value : null;
  };
  const data = plain(model.root, 0) as Record<string, Record<string, Record<string, unknown> | null> | null> | null;
  if (!data || typeof data !== 'object') return data;
  delete (data as Record<string, unknown>).version;
  for (const kind of ['volumes', 'networks', 'secrets', 'configs']) {
    for (const definition of Object.values(data[kind] ?? {})) {
      const external = definition?.external as Record<string, unknown> | undefined;
      if (!definition || !external || typeof external !== 'object' || !('name' in external)) continue;
      definition.name = external.name;
      definition.external = true;
    }
  }
  return data;
}

/** A diagnostic without the line numbers its message may quote (they move when lines are removed). */
function idOf(d: Diagnostic): string {
  return `${d.code} ${d.message.replace(/line \d+/g, 'line N')}`;
}

function count(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** The errors of a list of diagnostics, counted by code. */
function errors(list: Diagnostic[]): Map<string, number> {
  return count(list.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => String(d.code)));
}

/** What the fixed text is compared with: the meaning of the original file and its errors. */
interface Original {
  meaning: unknown;
  errors: Map<string, number>;
}

function originalOf(text: string, uri: string): Original {
  return { meaning: meaning(parseCompose(text)), errors: errors(diagnoseAll(text, { uri })) };
}

/**
 * The problems of fixing `text` in one go; [] when none. An error is new when neither the text nor the original
 * had as many of its code (a typo in `image` turns the undefined-* errors of a file into warnings: the file
 * looks like a fragment then).
 */
function problemsOfFixAll(text: string, uri: string, original: Original): string[] {
  const before = diagnoseAll(text, { uri });
  const fixed = fixAllOf(text, '\n', { uri });
  if (!fixed) return meaningsDiffer(parseCompose(text), original.meaning) ? ['the text differs from the original and has nothing to fix'] : [];
  const problems: string[] = [];
  const after = diagnoseAll(fixed.result, { uri });
  const syntax = after.filter((d) => d.code === 'yaml-syntax');
  if (syntax.length > 0) problems.push(`YAML error after the fixes: ${syntax[0].message} (line ${syntax[0].range.start.line + 1})`);
  const left = count(after.map(idOf));
  const had = count(before.map(idOf));
  for (const [id, n] of count(fixed.action.diagnostics!.map(idOf))) {
    if ((left.get(id) ?? 0) > (had.get(id) ?? 0) - n) problems.push(`still there: ${id}`);
  }
  const errorsBefore = errors(before);
  for (const [code, n] of errors(after)) {
    if (n > Math.max(errorsBefore.get(code) ?? 0, original.errors.get(code) ?? 0)) problems.push(`new error: ${code}`);
  }
  if (meaningsDiffer(parseCompose(fixed.result), original.meaning)) problems.push('the fixed file does not mean what the original means');
  return problems;
}

function meaningsDiffer(model: ComposeModel, original: unknown): boolean {
  try {
    assert.deepStrictEqual(meaning(model), original);
    return false;
  } catch {
    return true;
  }
}

const KEYS = ['image', 'restart', 'container_name', 'environment', 'ports', 'volumes', 'depends_on', 'command'];
const VALUES: Record<string, string> = { always: 'allways', 'unless-stopped': 'unless-stoped', 'on-failure': 'on-failur' };

/**
 * The text with an obsolete version on top and, in each service, a typo in its first common key and its restart
 * value; and how many mistakes were put in.
 */
function withMistakes(text: string): { text: string; mistakes: number } {
  const model = parseCompose(text);
  const edits: [number, string][] = [];
  for (const service of model.names.services.values()) {
    if (!isMap(service.value)) continue;
    const pairs = service.value.items;
    const keyPair = pairs.find((p) => isScalar(p.key) && p.key.type === 'PLAIN' && KEYS.includes(String(p.key.value)));
    if (keyPair) edits.push([model.offsetsOf(keyPair.key as Node)[1], 'e']);
    const restart = pairs.find((p) => isScalar(p.key) && p.key.value === 'restart' && isScalar(p.value) && String(p.value.value) in VALUES);
    if (restart && restart !== keyPair) {
      const [start, end] = model.offsetsOf(restart.value as Node);
      const value = String((restart.value as { value: unknown }).value);
      if (model.text.slice(start, end).includes(value)) edits.push([start + model.text.slice(start, end).indexOf(value) + value.length, VALUES[value].slice(value.length) || 'x']);
    }
  }
  // The version goes on the line of the first top-level key (after a leading `---` and comments).
  const first = isMap(model.root) ? model.root.items[0]?.key : undefined;
  if (isScalar(first) && !model.get(model.root as never, 'version')) {
    const line = model.rangeOf(first).start.line;
    edits.push([model.offsetAt({ line, character: 0 }), 'version: "3.8"\n']);
  }
  let out = text;
  for (const [at, insert] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + insert + out.slice(at);
  return { text: out, mistakes: edits.length };
}

describe('Compose code actions on the real-world corpus', function () {
  this.timeout(120_000);

  it('finds the corpus', () => {
    assert.ok(files.length > 100, `compose files in the corpus: ${files.length}`);
  });

  it('fixes every file as written without breaking it or changing what it means', () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const p of problemsOfFixAll(text, uriOf(file), originalOf(text, uriOf(file)))) problems.push(`${path.basename(file)}: ${p}`);
    }
    assert.deepStrictEqual(problems, []);
  });

  it('fixes the mistakes put in every file back to the original', () => {
    const problems: string[] = [];
    let mistakes = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const broken = withMistakes(text);
      mistakes += broken.mistakes;
      for (const p of problemsOfFixAll(broken.text, uriOf(file), originalOf(text, uriOf(file)))) problems.push(`${path.basename(file)}: ${p}`);
    }
    assert.deepStrictEqual(problems, []);
    assert.ok(mistakes > 500, `mistakes put in: ${mistakes}`);
  });
});
