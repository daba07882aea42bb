// A large generated compose file (../shared/bench/gen.mjs compose 2000, 60k lines), as is and with mistakes
// sprinkled in: its diagnostics (counts per code, a hash of every code, severity and range), where positions
// are (`pathAt`) and what completion offers there are pinned, for a fresh parse and for an incremental one from
// the previous version, so that a speed-up of the parser, the checks or completion that alters what a big file
// gets is caught.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as path from 'path';
import type { Node } from 'yaml';
import { composeChecks } from '../../server/src/compose/checks';
import type { ComposeCheck } from '../../server/src/compose/checks/types';
import { completeCompose, type ComposeContext } from '../../server/src/compose/completion';
import { diagnoseCompose } from '../../server/src/compose/diagnostics';
import type { ComposeModel } from '../../server/src/compose/model';
import { parseCompose } from '../../server/src/compose/parse';
import { validateSchemaNode } from '../../server/src/compose/schemaCheck';

// out/test/unit -> the repository root.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const generator = path.resolve(repoRoot, '..', 'shared', 'bench', 'gen.mjs');

const schemaCheck: ComposeCheck = ({ model }) => validateSchemaNode(model.root, (node) => model.rangeOf(node as Node), model);
const CHECKS = [...composeChecks, schemaCheck];
const CONTEXT = { uri: 'file:///large/compose.yaml', fileExists: (file: string) => /svc\d*[05](\.toml)?$/.test(file) };
const COMPLETION: ComposeContext = { images: [], env: new Map([['TAG', '1']]), dockerfileStages: () => ['build', 'final'] };

function generated(services: number): string {
  return execFileSync(process.execPath, [generator, 'compose', String(services)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** Deterministic mistakes in some services: unknown keys, undefined names, cycles, bad values, conflicts ... */
function withMistakes(text: string): string {
  let service = -1;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const header = /^ {2}svc(\d+):$/.exec(line);
    if (header) service = Number(header[1]);
    const s = service;
    if (s < 0 || header || line.startsWith('volumes:')) {
      if (line.startsWith('volumes:')) service = -1;
      out.push(line);
      continue;
    }
    switch (s % 11) {
      case 1: out.push(line.replace('    image:', '    imagee:')); break;
      case 2: out.push(line.replace(/"1\d{4}:8080"/, '"10000:8080"')); break;
      case 3: out.push(line.replace(/^ {6}svc\d+:$/, `      nosuch${s}:`)); break;
      case 4: out.push(line.replace('networks: [backend]', 'networks: [frontend]')); break;
      case 5: out.push(line.replace(`- data${s}:`, `- dat${s}:`)); break;
      case 6: out.push(line.replace('${TAG:-latest}', '${TAG:-latest')); break;
      case 7: out.push(line.startsWith('    networks:') ? `    container_name: same\n${line}` : line); break;
      case 8: out.push(line.replace('retries: 3', 'retries: three')); break;
      case 9: out.push(line === '      db:' ? `      svc${s + 1}:\n        condition: service_started\n${line}` : line); break;
      case 10: out.push(line.replace('memory: 256M', 'memory: 256Q').replace('interval: 10s', 'interval: 10')); break;
      default: out.push(s > 0 && line.startsWith('    networks:') ? `    network_mode: host\n${line}` : line);
    }
  }
  return out.join('\n');
}

const hash = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);

function diagnosticsSummary(model: ComposeModel) {
  const diagnostics = diagnoseCompose(model, CONTEXT, CHECKS);
  const perCode: Record<string, number> = {};
  for (const d of diagnostics) perCode[String(d.code)] = (perCode[String(d.code)] ?? 0) + 1;
  const list = diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
  return { count: diagnostics.length, perCode, hash: hash(list) };
}

/** `pathAt` and completion at every line of a few services and at a sample of the others, at several columns. */
function positionsSummary(model: ComposeModel) {
  const lines = model.text.split('\n');
  const paths: string[] = [];
  const items: string[] = [];
  lines.forEach((line, i) => {
    if (i % 101 !== 0 && !(i > lines.length - 1200 && i < lines.length - 1100) && i > 100) return;
    for (const character of [0, 2, 4, 6, Math.min(line.length, 9), line.length]) {
      const at = model.pathAt({ line: i, character });
      paths.push(`${i}:${character} ${at.kind} ${JSON.stringify(at.path)} ${at.node ? model.offsetsOf(at.node).join('-') : ''}`);
      const offered = completeCompose(model, { line: i, character }, COMPLETION);
      items.push(`${i}:${character} ${offered.map((c) => `${c.label}|${c.detail ?? ''}|${c.insertText ?? ''}`).join(',')}`);
    }
  });
  return { positions: paths.length, paths: hash(paths), completion: hash(items) };
}

describe('Compose: a large generated file keeps its findings', function () {
  this.timeout(60000);
  const plain = generated(2000);
  const mistaken = withMistakes(plain);
  let plainModel: ComposeModel | undefined;
  const parsedPlain = () => (plainModel ??= parseCompose(plain));

  it('2000 services', () => {
    const model = parsedPlain();
    assert.deepStrictEqual(diagnosticsSummary(model), EXPECTED_PLAIN);
    assert.deepStrictEqual(positionsSummary(model), EXPECTED_PLAIN_POSITIONS);
  });

  it('2000 services with mistakes, parsed afresh and from the previous version', () => {
    const fresh = parseCompose(mistaken);
    assert.deepStrictEqual(diagnosticsSummary(fresh), EXPECTED_MISTAKES);
    assert.deepStrictEqual(positionsSummary(fresh), EXPECTED_MISTAKES_POSITIONS);
    const before = parsedPlain();
    diagnosticsSummary(before);
    const incremental = parseCompose(mistaken, before);
    assert.deepStrictEqual(diagnosticsSummary(incremental), EXPECTED_MISTAKES);
    // Everything of every diagnostic (messages, quick fixes ...) is what a fresh parse gets.
    assert.deepStrictEqual(diagnoseCompose(incremental, CONTEXT, CHECKS), diagnoseCompose(fresh, CONTEXT, CHECKS));
    // Back again, and an edit inside one service, each from the previous version.
    assert.deepStrictEqual(diagnosticsSummary(parseCompose(plain, incremental)), EXPECTED_PLAIN);
    const edited = plain.replace('      LOG_LEVEL: info\n', '      LOG_LEVEL: info \n');
    const fromPrevious = diagnosticsSummary(parseCompose(edited, parseCompose(plain, incremental)));
    assert.deepStrictEqual(fromPrevious, diagnosticsSummary(parseCompose(edited)));
  });
});

// Taken before the compose parser, checks and completion were sped up (2026-12-07).
const EXPECTED_PLAIN = { count: 3600, perCode: { 'missing-file': 3600 }, hash: 'ba889bc3a6eca3db' };
const EXPECTED_PLAIN_POSITIONS = { positions: 4758, paths: '83f84b63a297418d', completion: '61158669d3a8f6f6' };
const EXPECTED_MISTAKES = { count: 5783, perCode: { 'missing-file': 3600, 'unknown-key': 182, 'duplicate-host-port': 182, 'undefined-service': 182, 'undefined-network': 182, 'undefined-volume': 5, 'invalid-interpolation': 182, 'invalid-type': 363, 'dependency-cycle': 362, 'invalid-value': 181, 'conflicting-keys': 181, 'duplicate-container-name': 181 }, hash: 'fc3c971ab61f29e4' };
const EXPECTED_MISTAKES_POSITIONS = { positions: 4800, paths: '0274ff086462056e', completion: '262d07c6affb04ae' };
