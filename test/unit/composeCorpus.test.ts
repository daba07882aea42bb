import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isSeq, isScalar, parseDocument, type Node } from 'yaml';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { baseFileCandidates, diagnoseCompose } from '../../server/src/compose/diagnostics';
import type { ComposeModel } from '../../server/src/compose/model';
import { parseCompose } from '../../server/src/compose/parse';

// out/test/unit -> the repository root.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'compose');
/** Corpus files are named `owner__repo__path__to__file`; checks see them at `/corpus/owner/repo/path/to/file`. */
const VIRTUAL = '/corpus';

const names = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).sort() : [];
const known = new Set(names);
const virtualPath = (name: string) => path.join(VIRTUAL, ...name.split('__'));
const corpusName = (file: string) => path.relative(VIRTUAL, file).split(path.sep).join('__');
const read = (name: string) => fs.readFileSync(path.join(CORPUS, name), 'utf8');

/** What `docker compose` itself reads (merge keys applied), as plain data, from our model. */
function plain(model: ComposeModel, node: Node | null, depth = 0): unknown {
  const resolved = model.resolve(node);
  if (!resolved || depth > 50) return null;
  if (isMap(resolved)) return Object.fromEntries(model.entries(resolved).map((e) => [e.key, plain(model, e.value, depth + 1)]));
  if (isSeq(resolved)) return resolved.items.map((item) => plain(model, item as Node, depth + 1));
  return isScalar(resolved) ? resolved.value : null;
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  return value;
}

const TAGS = ['!reset', '!override'].flatMap((tag) => [
  { tag, resolve: (v: string) => v },
  { tag, collection: 'map' as const, resolve: (v: unknown) => v },
  { tag, collection: 'seq' as const, resolve: (v: unknown) => v },
]);

describe('Compose corpus', function () {
  this.timeout(60_000);
  const counts = new Map<string, number>();

  before(() => {
    assert.ok(names.length > 0, 'the shared corpus of compose files is missing (../shared/corpus/compose)');
  });

  after(() => {
    if (counts.size === 0) return;
    const list = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}=${n}`);
    console.log(`      compose corpus, ${names.length} files, diagnostics per code: ${list.join(', ')}`);
  });

  it('reports no error on any real compose file (overlays checked with their base files)', () => {
    const errors: string[] = [];
    for (const name of names) {
      const file = virtualPath(name);
      const model = parseCompose(read(name));
      const baseModels = baseFileCandidates(file)
        .map(corpusName)
        .filter((candidate) => known.has(candidate))
        .map((candidate) => parseCompose(read(candidate)));
      const diagnostics = diagnoseCompose(model, {
        uri: file,
        fileExists: (p) => known.has(corpusName(p)),
        baseModels,
        loadFile: (p) => (known.has(corpusName(p)) ? parseCompose(read(corpusName(p))) : undefined),
      });
      for (const d of diagnostics) {
        const key = `${d.code}:${d.severity === DiagnosticSeverity.Error ? 'E' : 'W'}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (d.severity === DiagnosticSeverity.Error) errors.push(`${name}:${d.range.start.line + 1} ${d.code} ${d.message}`);
      }
    }
    assert.deepStrictEqual(errors, []);
  });

  it('reads every file as yaml does as a whole (blocks, merges, anchors), with no YAML problem', () => {
    for (const name of names) {
      const text = read(name);
      const model = parseCompose(text);
      const whole = parseDocument(text, { merge: true, uniqueKeys: false, customTags: TAGS });
      assert.deepStrictEqual(model.problems, [], name);
      assert.deepStrictEqual(sorted(plain(model, model.root)), sorted(whole.toJS({ maxAliasCount: -1 })), name);
    }
  });

  it('keeps every range inside the document and answers pathAt on every line', () => {
    for (const name of names) {
      const model = parseCompose(read(name));
      const check = (node: Node) => {
        const range = model.rangeOf(node);
        for (const p of [range.start, range.end]) {
          assert.ok(p.line >= 0 && p.line < model.lineCount, `${name}: line ${p.line}`);
          assert.ok(p.character >= 0 && p.character <= model.lineText(p.line).length, `${name}: character ${p.character} on line ${p.line}`);
        }
      };
      for (const kind of ['services', 'volumes', 'networks', 'secrets', 'configs'] as const) {
        for (const definition of model.names[kind].values()) {
          check(definition.key);
          if (definition.value) check(definition.value);
        }
      }
      for (let line = 0; line < model.lineCount; line++) {
        const at = model.pathAt({ line, character: model.lineText(line).length });
        assert.ok(Array.isArray(at.path), `${name}: pathAt line ${line}`);
      }
    }
  });
});
