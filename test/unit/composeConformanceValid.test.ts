// Conformance, valid side: small compose files that `docker compose config` (compose-go) loads without
// complaint (several YAML documents, merge keys with lists, services named x-..., keys of recent versions of
// the Compose Specification). Each must get no Error from our diagnostics, schema check included.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Node, YAMLMap } from 'yaml';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { composeChecks } from '../../server/src/compose/checks';
import type { ComposeCheck } from '../../server/src/compose/checks/types';
import { diagnoseCompose } from '../../server/src/compose/diagnostics';
import { parseCompose } from '../../server/src/compose/parse';
import { validateSchemaNode } from '../../server/src/compose/schemaCheck';

/** The fixtures folder, found by walking up from where the compiled test runs, else from the working folder. */
function fixtures(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'test', 'fixtures', 'conformance', 'compose-valid');
      if (fs.existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error('test/fixtures/conformance/compose-valid not found');
}

const schemaCheck: ComposeCheck = ({ model }) => validateSchemaNode(model.root, (node) => model.rangeOf(node as Node), model);
const CHECKS = [...composeChecks, schemaCheck];

describe('Compose conformance: files compose-go loads get no Error', () => {
  const folder = fixtures();
  const names = fs.readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort();
  const failing = new Set<string>();

  after(() => {
    console.log(`      compose-valid conformance: ${failing.size} of ${names.length} valid files with a false Error`);
  });

  it('has fixtures', () => assert.ok(names.length >= 10, `only ${names.length} fixtures`));

  for (const name of names) {
    it(name, () => {
      const file = path.join(folder, name);
      const model = parseCompose(fs.readFileSync(file, 'utf8'));
      const errors = diagnoseCompose(model, { uri: file, fileExists: () => true }, CHECKS)
        .filter((d) => d.severity === DiagnosticSeverity.Error)
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
      if (errors.length > 0) failing.add(name);
      assert.deepStrictEqual(errors, []);
    });
  }
});

describe('Compose files of several YAML documents', () => {
  const text = [
    'services:', //                      0
    '  api:', //                         1
    '    environment: {MODE: prod}', //  2
    '  worker:', //                      3
    '    build: .', //                   4
    '---', //                            5
    'x-base: &base', //                  6
    '  restart: always', //              7
    'services:', //                      8
    '  api:', //                         9
    '    <<: *base', //                  10
    '    image: example/api', //         11
    '  db:', //                          12
    '    image: postgres', //            13
    'volumes:', //                       14
    '  data:', //                        15
    '',
  ].join('\n');

  it('reads every document, names from all of them, at their own positions', () => {
    const model = parseCompose(text);
    assert.deepStrictEqual(model.problems, []);
    assert.strictEqual(model.documents?.length, 2);
    assert.deepStrictEqual([...model.names.services.keys()], ['api', 'worker', 'db']);
    assert.deepStrictEqual(model.names.services.get('db')?.range.start, { line: 12, character: 2 });
    assert.deepStrictEqual(model.names.services.get('api')?.range.start, { line: 1, character: 2 });
    assert.deepStrictEqual([...model.names.volumes.keys()], ['data']);
  });

  it('merges a service several documents define, later documents winning, merge keys applied', () => {
    const model = parseCompose(text);
    const api = model.names.services.get('api')!.value as YAMLMap;
    assert.deepStrictEqual(model.entries(api).map((e) => e.key).sort(), ['environment', 'image', 'restart']);
    const image = model.get(api, 'image')!;
    assert.deepStrictEqual(model.rangeOf(image.keyNode).start, { line: 11, character: 4 });
    assert.deepStrictEqual(model.rangeOf(model.get(api, 'restart')!.keyNode).start, { line: 7, character: 2 });
  });

  it('finds positions in the document they are in', () => {
    const model = parseCompose(text);
    assert.deepStrictEqual(model.pathAt({ line: 13, character: 8 }).path, ['services', 'db', 'image']);
    assert.deepStrictEqual(model.pathAt({ line: 2, character: 6 }).path, ['services', 'api', 'environment']);
    assert.deepStrictEqual(model.pathAt({ line: 11, character: 12 }).path, ['services', 'api', 'image']);
  });

  it('reports duplicate keys within one document only, and aliases to another document', () => {
    const dup = parseCompose('services:\n  a: {image: x}\n  a: {image: y}\n---\nservices:\n  a: {image: z}\n');
    assert.deepStrictEqual(dup.duplicateKeys.map((d) => [d.key, dup.rangeOf(d.duplicate).start.line]), [['a', 2]]);
    const crossing = parseCompose('x-a: &a {image: x}\n---\nservices:\n  web:\n    <<: *a\n');
    assert.deepStrictEqual(crossing.problems.map((p) => p.code), ['UNKNOWN_ANCHOR']);
  });

  it('gives no Error on either document and runs the checks on the merged services', () => {
    const all = (source: string) => diagnoseCompose(parseCompose(source), { uri: 'file:///p/compose.yaml', fileExists: () => true }, CHECKS);
    assert.deepStrictEqual(all(text).filter((d) => d.severity === DiagnosticSeverity.Error), []);
    // Still checked: a service no document gives an image or build (a warning), an unknown key in the second document.
    const found = all('services:\n  a: {image: x}\n---\nservices:\n  b: {restart: always}\n  a: {imagee: y}\n');
    assert.deepStrictEqual(
      found.map((d) => `${d.range.start.line}:${d.code}:${d.severity}`),
      [`4:missing-image-or-build:${DiagnosticSeverity.Warning}`, `5:unknown-key:${DiagnosticSeverity.Error}`],
    );
  });

  it('parses an edited version like a fresh one', () => {
    const first = parseCompose(text);
    const edited = text.replace('image: postgres', 'image: postgres:16').replace('---\n', '---\n# second\n');
    const again = parseCompose(edited, first);
    const fresh = parseCompose(edited);
    const summary = (model: typeof fresh) => ({
      names: [...model.names.services.values()].map((d) => [d.name, d.range.start.line]),
      problems: model.problems.map((p) => p.code),
      path: model.pathAt({ line: 14, character: 8 }).path,
    });
    assert.deepStrictEqual(summary(again), summary(fresh));
    assert.deepStrictEqual(summary(fresh).path, ['services', 'db', 'image']);
  });
});
