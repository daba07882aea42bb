// Our own checks on real files: no Error on any Dockerfile of the corpus (they all build), only the known
// warnings, nothing on the seed workspace, and no crash on BuildKit's own unbuildable parser inputs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../../server/src/dockerfile/checks/types';
import { lintAll } from './support/ownChecks';

// out/test/unit -> the repository root.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');

function filesOf(folder: string): string[] {
  const dir = path.join(corpus, folder);
  return fs.readdirSync(dir).sort().map((name) => path.join(dir, name)).filter((file) => fs.statSync(file).isFile());
}

/** Every finding (and fix) range lies in the document, start before end. */
function checkRanges(file: string, text: string, findings: Finding[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const f of findings) {
    for (const range of f.fix ? [f.range, f.fix.range] : [f.range]) {
      for (const p of [range.start, range.end]) {
        assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length, `${describeFinding(file, f)}: outside the document`);
      }
      const { start, end } = range;
      assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${describeFinding(file, f)}: start after end`);
    }
  }
}

function describeFinding(file: string, f: Finding): string {
  return `${path.basename(file)}:${f.range.start.line + 1} ${f.severity} ${f.code}: ${f.message}`;
}

/** The only findings on the corpus, after review: `FROM REPLACE-ME` templates that a script fills in before building. */
const KNOWN_WARNINGS = [
  'devcontainers__images__build__assets__alpine.Dockerfile:2 warning invalid-reference',
  'devcontainers__images__build__assets__debian.Dockerfile:2 warning invalid-reference',
  'devcontainers__images__build__assets__redhat.Dockerfile:2 warning invalid-reference',
];

describe('Own Dockerfile checks on real files', () => {
  it('report no Error on any Dockerfile of the corpus, and only the reviewed warnings', () => {
    const files = filesOf('dockerfiles');
    assert.strictEqual(files.length, 371);
    const errors: string[] = [];
    const others: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const findings = lintAll(text);
      checkRanges(file, text, findings);
      for (const f of findings) {
        const line = describeFinding(file, f);
        if (f.severity === 'error') errors.push(line);
        else others.push(line);
      }
    }
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(others.map((l) => l.slice(0, l.indexOf(':', l.indexOf(' ')))), KNOWN_WARNINGS);
  });

  it('report nothing on the seed workspace Dockerfile', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'workspace', 'Dockerfile'), 'utf8');
    assert.deepStrictEqual(lintAll(text).map((f) => `${f.code}: ${f.message}`), []);
  });

  it('run on BuildKit’s unbuildable parser inputs without throwing, and find their errors', () => {
    const files = filesOf('parser-tests');
    assert.strictEqual(files.length, 18);
    const errors = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const findings = lintAll(text);
      checkRanges(file, text, findings);
      for (const f of findings) if (f.severity === 'error') errors.add(`${path.basename(file).replace(/^.*testfiles__/, '')} ${f.code}`);
    }
    for (const expected of ['flags__Dockerfile unknown-flag', 'health__Dockerfile unknown-healthcheck-type', 'health__Dockerfile missing-argument', 'json__Dockerfile no-from']) {
      assert.ok(errors.has(expected), `expected ${expected} among ${[...errors].join(', ')}`);
    }
  });

  it('survive hostile input: binary data, deep nesting, huge lines', () => {
    const inputs = [
      '\u0000\u0001\u0002 \uffff\n\t\t\n',
      `FROM a\nRUN --mount=${'type=cache,'.repeat(2000)}target=/x true\n`,
      `FROM a\nCMD [${'"x",'.repeat(5000)}\n`,
      `FROM a\nONBUILD ${'ONBUILD '.repeat(50)}RUN x\n`,
      `FROM a\nEXPOSE ${'1'.repeat(10000)}\nHEALTHCHECK --interval=${'9'.repeat(400)}h CMD true\n`,
      'FROM a\nCOPY --from=\nRUN --mount=\nRUN --mount=type=\nRUN --mount=,,,\nRUN --mount="\nENV =\nLABEL "\n',
    ];
    for (const text of inputs) assert.doesNotThrow(() => lintAll(text));
  });
});
