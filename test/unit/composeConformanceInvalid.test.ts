// Conformance on files Compose refuses: every file of test/fixtures/conformance/compose-invalid/ must get an
// Error or a Warning with the expected code on the expected line (manifest.json there), from the same checks
// the language server runs (our checks plus the schema check). Prints the figure found/expected.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Node } from 'yaml';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { composeChecks } from '../../server/src/compose/checks';
import type { ComposeCheck } from '../../server/src/compose/checks/types';
import { diagnoseCompose } from '../../server/src/compose/diagnostics';
import { parseCompose } from '../../server/src/compose/parse';
import { validateSchemaNode } from '../../server/src/compose/schemaCheck';

interface Case {
  file: string;
  line: number;
  code: string;
  severity: 'error' | 'warning';
  config: 'refuses' | 'accepts';
}

const RELATIVE = path.join('test', 'fixtures', 'conformance', 'compose-invalid');

/** The fixtures folder, found by walking up from this file and from the working directory. */
function fixtures(): string | undefined {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, RELATIVE);
      if (fs.existsSync(path.join(candidate, 'manifest.json'))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

const schemaCheck: ComposeCheck = ({ model }) => validateSchemaNode(model.root, (node) => model.rangeOf(node as Node), model);
const CHECKS: readonly ComposeCheck[] = [...composeChecks, schemaCheck];

describe('Compose conformance: files Compose refuses', function () {
  this.timeout(30_000);
  const folder = fixtures();

  it('finds the fixtures', () => {
    assert.ok(folder, `${RELATIVE}/manifest.json not found`);
  });

  it('reports each problem with the expected code on the expected line', () => {
    assert.ok(folder, `${RELATIVE}/manifest.json not found`);
    const cases = (JSON.parse(fs.readFileSync(path.join(folder!, 'manifest.json'), 'utf8')) as { cases: Case[] }).cases;
    const load = (file: string) => (fs.existsSync(file) ? parseCompose(fs.readFileSync(file, 'utf8')) : undefined);
    const missed: string[] = [];
    const wrongSeverity: string[] = [];
    let found = 0;
    for (const c of cases) {
      const file = path.join(folder!, c.file);
      const diagnostics = diagnoseCompose(parseCompose(fs.readFileSync(file, 'utf8')), { uri: file, fileExists: (p) => fs.existsSync(p), loadFile: load }, CHECKS);
      const hit = diagnostics.find(
        (d) => d.code === c.code && d.range.start.line + 1 === c.line && (d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning),
      );
      if (!hit) {
        const seen = diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`).join(', ') || 'nothing';
        missed.push(`${c.file}:${c.line} ${c.code} (got ${seen})`);
        continue;
      }
      found++;
      const severity = hit.severity === DiagnosticSeverity.Error ? 'error' : 'warning';
      if (severity !== c.severity) wrongSeverity.push(`${c.file}:${c.line} ${c.code} is ${severity}, expected ${c.severity}`);
    }
    console.log(`      compose conformance (invalid files): ${found}/${cases.length} found`);
    assert.deepStrictEqual({ missed, wrongSeverity }, { missed: [], wrongSeverity: [] });
  });
});
