// Conformance with BuildKit's build checks (`docker buildx build --check`, Dockerfile frontend 1.21+): small
// Dockerfiles in test/fixtures/conformance/buildkit, each with the findings BuildKit gives for it listed in
// expectations.json as "<1-based line>:<Rule>" (a comment in the file would itself be attached to an
// instruction, so expectations live beside the files). A `<case>.dockerignore` beside a case is its ignore
// file, as BuildKit reads it. Every BuildKit-named diagnostic must be expected, on the right line with the
// exact rule name; our own (kebab-case) checks must stay silent on these files, and clean files get nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { copyIgnoredFileCheck } from '../../server/src/dockerfile/checks/copyIgnoredFile';
import { OWN_CHECKS } from '../../server/src/dockerfile/checks/index';
import { diagnoseDockerfile } from '../../server/src/dockerfile/diagnostics';
import { parseDockerignore } from '../../server/src/dockerfile/dockerignore';
import { CHECK_RULES, UNDOCUMENTED_CHECK_NAMES } from '../../server/src/dockerfile/docs/checks';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

/** The fixtures folder, found by walking up from where the compiled test runs, else from the working folder. */
function fixtures(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'test', 'fixtures', 'conformance', 'buildkit');
      if (fs.existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error('test/fixtures/conformance/buildkit not found');
}

const BUILDKIT_CODES = new Set([...CHECK_RULES.map((r) => r.name), ...UNDOCUMENTED_CHECK_NAMES]);

interface Outcome {
  buildkit: string[];
  own: string[];
}

function diagnose(folder: string, name: string): Outcome {
  const text = fs.readFileSync(path.join(folder, name), 'utf8');
  const ignoreFile = path.join(folder, `${name}.dockerignore`);
  const checks = fs.existsSync(ignoreFile)
    ? [...OWN_CHECKS, copyIgnoredFileCheck(parseDockerignore(fs.readFileSync(ignoreFile, 'utf8')), `${name}.dockerignore`)]
    : OWN_CHECKS;
  const outcome: Outcome = { buildkit: [], own: [] };
  for (const d of diagnoseDockerfile(parseDockerfile(text), {}, checks)) {
    const entry = `${d.range.start.line + 1}:${String(d.code)}`;
    (BUILDKIT_CODES.has(String(d.code)) ? outcome.buildkit : outcome.own).push(entry);
  }
  return outcome;
}

describe('BuildKit conformance: build-check findings on the line and with the rule BuildKit gives', () => {
  const folder = fixtures();
  const expectations = JSON.parse(fs.readFileSync(path.join(folder, 'expectations.json'), 'utf8')) as { cases: Record<string, string[]> };
  const names = fs.readdirSync(folder).filter((name) => name.endsWith('Dockerfile')).sort();
  const tally = { files: 0, clean: 0, expected: 0, found: 0, matched: 0, missing: 0, extra: 0, noisyClean: 0, own: 0 };

  after(() => {
    console.log(`      buildkit conformance: ${tally.files} files (${tally.clean} clean), ${tally.matched} of ${tally.expected} expected findings found, ` +
      `${tally.missing} missing, ${tally.extra} unexpected, ${tally.noisyClean} clean files with a warning, ${tally.own} own-check diagnostics`);
  });

  it('has a listed expectation for every fixture, and a fixture for every expectation', () => {
    assert.deepStrictEqual(Object.keys(expectations.cases).sort(), names);
    assert.ok(names.length >= 12, `only ${names.length} fixtures`);
  });

  for (const name of names) {
    it(name, () => {
      const expected = [...(expectations.cases[name] ?? [])].sort();
      const { buildkit, own } = diagnose(folder, name);
      const found = [...buildkit].sort();
      tally.files++;
      if (expected.length === 0) tally.clean++;
      tally.expected += expected.length;
      tally.found += found.length;
      const left = [...found];
      for (const e of expected) {
        const at = left.indexOf(e);
        if (at >= 0) {
          tally.matched++;
          left.splice(at, 1);
        } else tally.missing++;
      }
      tally.extra += left.length;
      tally.own += own.length;
      if (expected.length === 0 && found.length + own.length > 0) tally.noisyClean++;
      assert.deepStrictEqual({ found, own }, { found: expected, own: [] }, `${name}: found ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
    });
  }
});
