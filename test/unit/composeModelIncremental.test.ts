import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ComposeModel } from '../../server/src/compose/model';
import { NAME_KINDS } from '../../server/src/compose/model';
import { diagnoseCompose } from '../../server/src/compose/diagnostics';
import { parseCompose } from '../../server/src/compose/parse';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/compose');

/** Everything a provider can read from a model, as plain data (aliases not expanded). */
function dump(model: ComposeModel): unknown {
  const tree = (node: unknown, depth: number): unknown => {
    if (node === null || node === undefined) return null;
    if (depth > 60) return '…';
    if (isPair(node)) return [tree(node.key, depth + 1), tree(node.value, depth + 1)];
    const n = node as Node;
    const base = { range: model.rangeOf(n), tag: n.tag ?? null, anchor: n.anchor ?? null };
    if (isAlias(node)) return { alias: node.source, ...base, to: model.resolve(node) ? model.rangeOf(model.resolve(node)!) : null };
    if (isScalar(node)) return { value: node.value, ...base };
    if (isMap(node)) {
      const entries = model.entries(node).map((e) => [e.key, e.merged, e.tag ?? null, model.rangeOf(e.keyNode)]);
      return { map: node.items.map((item) => tree(item, depth + 1)), entries, ...base };
    }
    if (isSeq(node)) return { seq: node.items.map((item) => tree(item, depth + 1)), ...base };
    return '?';
  };
  const names = NAME_KINDS.map((kind) => [...model.names[kind].values()].map((d) => [d.name, d.range]));
  return {
    lineCount: model.lineCount,
    problems: model.problems.map((p) => [p.code, p.message, p.range, p.severity]),
    names,
    duplicates: model.duplicateKeys.map((d) => [d.key, model.rangeOf(d.first), model.rangeOf(d.duplicate)]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    interpolated: model.interpolated.map((s) => [s.value, model.rangeOf(s)]),
    tree: tree(model.root, 0),
  };
}

/** A deterministic pseudo-random sequence. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

const PIECES = ['\n  x-a: &a {image: y}', '\n    <<: *a', '\n    depends_on: [svc1]', '\n    ports: ["8080:80"]', '\n    volumes: ["data0:/d"]', '&b', '*b', 'x', ' ', ':', ': ', '\n', '\n  ', '\n    ', '-', '- ', '#', '"', "'", '[', ']', '{', '}', '&a', '*a', '<<: *a', '\t', '${', '$', 'é', '\r\n', 'services:\n', '  web:\n    image: x\n'];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.45) return text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 6)));
  // Delete or duplicate a whole line.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const end = lineEnd < 0 ? text.length : lineEnd + 1;
  return kind < 0.9 ? text.slice(0, lineStart) + text.slice(end) : text.slice(0, end) + text.slice(lineStart, end) + text.slice(end);
}

function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function generated(services: number): string {
  const lines = ['name: bench', 'x-common: &common', '  restart: unless-stopped', '', 'services:'];
  for (let s = 0; s < services; s++) {
    lines.push(`  svc${s}:`, '    <<: *common', `    image: registry.example.com/svc${s}:\${TAG:-latest}`, '    ports:', `      - "${10000 + s}:8080"`);
    lines.push('    depends_on:', '      db:', '        condition: service_healthy', '    networks: [backend]', '    volumes:', `      - data${s % 3}:/data`);
  }
  lines.push('  db:', '    image: postgres:16', '    healthcheck:', '      test: ["CMD", "true"]', 'networks:', '  backend: {}', 'volumes:', '  data0:', '  data1:', '  data2:');
  return lines.join('\n');
}

describe('Compose model: incremental re-parse', () => {
  const seeds: [string, string][] = [
    ['generated', generated(12)],
    ['seed fixture', fs.readFileSync(path.join(ROOT, 'test/fixtures/workspace/docker-compose.yml'), 'utf8')],
  ];
  if (fs.existsSync(CORPUS)) {
    const names = fs.readdirSync(CORPUS).sort();
    for (const name of names.filter((_, i) => i % 25 === 0)) seeds.push([name, fs.readFileSync(path.join(CORPUS, name), 'utf8')]);
  }

  for (const [title, original] of seeds) {
    it(`gives the same model as a fresh parse after fuzzed edits: ${title}`, () => {
      const next = random(title.length * 7919 + original.length);
      let text = original;
      let model = parseCompose(text);
      for (let step = 0; step < 60; step++) {
        text = edit(text, next);
        const incremental = parseCompose(text, model);
        const fresh = parseCompose(text);
        assert.deepStrictEqual(dump(incremental), dump(fresh), `step ${step}`);
        // Checks keep results with unchanged blocks too: the diagnostics must not differ either.
        const context = { uri: 'file:///p/compose.yaml', fileExists: (p: string) => p.length % 3 === 0 };
        assert.deepStrictEqual(diagnoseCompose(incremental, context), diagnoseCompose(fresh, context), `diagnostics, step ${step}`);
        model = incremental;
      }
    });
  }

  it('does not reuse results of an unchanged service whose anchors changed', () => {
    const context = { uri: 'file:///p/compose.yaml', fileExists: () => true };
    const steps = [
      yaml('x-common: &common', '  ports: ["8080:80"]', 'services:', '  a:', '    <<: *common', '    image: x', '  b:', '    image: x', '    ports: ["8080:81"]'),
      yaml('x-common: &common', '  ports: ["9090:80"]', 'services:', '  a:', '    <<: *common', '    image: x', '  b:', '    image: x', '    ports: ["8080:81"]'),
      yaml('x-common: &common', '  ports: ["9090:80"]', 'x-other: &common', '  ports: ["8080:82"]', 'services:', '  a:', '    <<: *common', '    image: x', '  b:', '    image: x', '    ports: ["8080:81"]'),
      yaml('x-common: &common', '  ports: ["9090:80"]', 'services:', '  a:', '    <<: *common', '    image: x', '  b:', '    image: x', '    ports: ["8080:81"]'),
    ];
    let model = parseCompose(steps[0]);
    const counts: number[] = [diagnoseCompose(model, context).length];
    for (const text of steps.slice(1)) {
      model = parseCompose(text, model);
      const found = diagnoseCompose(model, context);
      assert.deepStrictEqual(found, diagnoseCompose(parseCompose(text), context));
      counts.push(found.length);
    }
    assert.deepStrictEqual(counts, [1, 0, 1, 0]);
  });

  it('re-parses only the blocks an edit touched', () => {
    const text = generated(40);
    const first = parseCompose(text);
    const edited = text.replace('image: registry.example.com/svc7:', 'image: registry.example.com/svc7-edited:');
    const second = parseCompose(edited, first);
    const services = (m: ComposeModel) => [...m.names.services.values()].map((d) => d.value as YAMLMap);
    const before = services(first);
    const after = services(second);
    const same = after.filter((map, i) => map === before[i]).length;
    assert.strictEqual(same, before.length - 1, 'every other service keeps its parsed map');
    assert.notStrictEqual(after[7], before[7]);
  });
});
