import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { Check } from '../../server/src/dockerfile/checks/types';
import { type DockerfileDiagnosticSettings, diagnoseDockerfile } from '../../server/src/dockerfile/diagnostics';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

function diagnose(text: string, settings?: DockerfileDiagnosticSettings, extra: readonly Check[] = []) {
  return diagnoseDockerfile(parseDockerfile(text), settings, extra);
}

function codes(text: string, settings?: DockerfileDiagnosticSettings, extra: readonly Check[] = []): string[] {
  return diagnose(text, settings, extra).map((d) => `${d.code}:${d.severity}`);
}

/** An extra check like the server passes in: one kebab-case finding on the first line. */
const ourCheck: Check = () => [{
  code: 'unknown-instruction', message: 'x', severity: 'error',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
}];

const W = DiagnosticSeverity.Warning;
const E = DiagnosticSeverity.Error;

describe('Dockerfile diagnostics', () => {
  it('gives the seed Dockerfile exactly one diagnostic: FromAsCasing on `as`', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/workspace/Dockerfile'), 'utf8');
    assert.deepStrictEqual(diagnose(text), [{
      range: { start: { line: 3, character: 31 }, end: { line: 3, character: 33 } },
      severity: W,
      source: 'docker-workflows',
      code: 'FromAsCasing',
      codeDescription: { href: 'https://docs.docker.com/reference/build-checks/from-as-casing/' },
      message: "'as' does not match the case of 'FROM'; write 'AS'.",
      data: { title: "Change to 'AS'", range: { start: { line: 3, character: 31 }, end: { line: 3, character: 33 } }, newText: 'AS' },
    }]);
  });

  it('maps tags, links only BuildKit rules, and sorts by position', () => {
    const text = 'FROM scratch\nCMD ["a"]\nMAINTAINER me\nCMD ["b"]\n';
    const result = diagnose(text, undefined, [ourCheck]);
    assert.deepStrictEqual(result.map((d) => [d.code, d.range.start.line, d.tags]), [
      ['unknown-instruction', 0, undefined],
      ['MultipleInstructionsDisallowed', 1, [DiagnosticTag.Unnecessary]],
      ['MaintainerDeprecated', 2, [DiagnosticTag.Deprecated]],
    ]);
    assert.strictEqual(result[0].codeDescription, undefined);
    assert.strictEqual(result[0].severity, E);
    assert.strictEqual(result[2].codeDescription?.href, 'https://docs.docker.com/reference/build-checks/maintainer-deprecated/');
  });

  it('keeps going when an extra check throws', () => {
    const broken: Check = () => {
      throw new Error('boom');
    };
    assert.deepStrictEqual(codes('FROM scratch\nMAINTAINER me\n', undefined, [broken, ourCheck]), [`unknown-instruction:${E}`, `MaintainerDeprecated:${W}`]);
  });

  describe('# check= directive', () => {
    const body = 'FROM scratch as base\ncopy Dockerfile .\n';

    it('skips the named BuildKit rules', () => {
      assert.deepStrictEqual(codes(body), [`FromAsCasing:${W}`, `ConsistentInstructionCasing:${W}`]);
      assert.deepStrictEqual(codes(`#check=skip=ConsistentInstructionCasing\n${body}`), [`FromAsCasing:${W}`]);
      assert.deepStrictEqual(codes(`# check=skip=ConsistentInstructionCasing,FromAsCasing\n${body}`), []);
    });

    it('skip=all silences every BuildKit rule but not our own codes', () => {
      assert.deepStrictEqual(codes(`# check=skip=all\n${body}`, undefined, [ourCheck]), [`unknown-instruction:${E}`]);
      assert.deepStrictEqual(codes(`# check=skip=unknown-instruction\n${body}`, undefined, [ourCheck]).length, 3);
    });

    it('error=true turns BuildKit warnings into errors', () => {
      assert.deepStrictEqual(codes(`# check=skip=ConsistentInstructionCasing;error=true\n${body}`), [`FromAsCasing:${E}`]);
      assert.deepStrictEqual(codes(`# check=error=true\nFROM scratch\n`), []);
      assert.deepStrictEqual(codes(`# check=skip=all;error=true\n${body}`), []);
    });

    it('reads names case-sensitively; below the top, a check comment applies to the next instruction only', () => {
      assert.strictEqual(codes(`# check=skip=fromascasing,ConsistentInstructionCasing\n${body}`).length, 1);
      assert.deepStrictEqual(codes(`FROM scratch as base\n# check=skip=all\ncopy Dockerfile .\n`), [`FromAsCasing:${W}`]);
      assert.deepStrictEqual(codes(`# check=skip=all\nFROM scratch as base\ncopy Dockerfile .\n`), []);
    });
  });

  describe('severity settings', () => {
    const text = 'FROM scratch as base\nMAINTAINER me\n';

    it('turns a code off or changes its severity, for BuildKit rules and our own codes', () => {
      assert.deepStrictEqual(codes(text, { severity: { FromAsCasing: 'off' } }), [`MaintainerDeprecated:${W}`]);
      assert.deepStrictEqual(codes(text, { severity: { FromAsCasing: 'hint', MaintainerDeprecated: 'information' } }),
        [`FromAsCasing:${DiagnosticSeverity.Hint}`, `MaintainerDeprecated:${DiagnosticSeverity.Information}`]);
      assert.deepStrictEqual(codes(text, { severity: { 'unknown-instruction': 'warning', MaintainerDeprecated: 'off' } }, [ourCheck]),
        [`unknown-instruction:${W}`, `FromAsCasing:${W}`]);
    });

    it('applies after the directive', () => {
      assert.deepStrictEqual(codes(`# check=error=true\n${text}`, { severity: { MaintainerDeprecated: 'warning' } }),
        [`FromAsCasing:${E}`, `MaintainerDeprecated:${W}`]);
      assert.deepStrictEqual(codes(`# check=skip=FromAsCasing\n${text}`, { severity: { FromAsCasing: 'error' } }), [`MaintainerDeprecated:${W}`]);
    });
  });

  describe('real-world corpus', () => {
    const dockerfiles = path.join(CORPUS, 'dockerfiles');
    const parserTests = path.join(CORPUS, 'parser-tests');

    it('reports no Error on any real Dockerfile, and only few warnings that BuildKit would not give', () => {
      const files = fs.readdirSync(dockerfiles);
      assert.ok(files.length > 300);
      const counts: Record<string, number> = {};
      for (const file of files) {
        const result = diagnose(fs.readFileSync(path.join(dockerfiles, file), 'utf8'));
        for (const d of result) {
          assert.notStrictEqual(d.severity, E, `${file}:${d.range.start.line + 1}: ${d.message}`);
          counts[String(d.code)] = (counts[String(d.code)] ?? 0) + 1;
        }
      }
      // Variables the base images provide (GOPATH, APP_UID ...) must not show up as undefined.
      assert.ok((counts.UndefinedVar ?? 0) <= 2, `UndefinedVar: ${counts.UndefinedVar}`);
      assert.strictEqual(counts.UndefinedArgInFrom ?? 0, 0);
      assert.strictEqual(counts.ConsistentInstructionCasing ?? 0, 0);
    });

    it('never throws on BuildKit parser test files', () => {
      assert.ok(fs.existsSync(parserTests), `the shared corpus is missing: ${parserTests}`);
      for (const file of fs.readdirSync(parserTests)) {
        const text = fs.readFileSync(path.join(parserTests, file), 'utf8');
        assert.doesNotThrow(() => diagnose(text), file);
      }
    });
  });

  // Timing is measured by `npm run bench`, not here: this checks that a large clean file gets no report.
  it('gives no diagnostic on a clean 10k-line file', () => {
    const stage = (i: number) => [
      `FROM \${BASE} AS stage${i}`, 'ARG VERSION', `ENV APP_HOME=/opt/app${i} \\`, `    PATH=/opt/app${i}/bin:$PATH`, 'WORKDIR $APP_HOME',
      'LABEL org.opencontainers.image.version="${VERSION}"', 'RUN --mount=type=cache,target=/var/cache/apt \\', '    apt-get update \\',
      '    # keep it small', '    && rm -rf /var/lib/apt/lists/*', `COPY --chown=1000:1000 --from=stage0 /opt/app0 ./prev`,
      'USER 1000:1000', 'EXPOSE 8000/tcp', 'RUN <<EOF', 'echo $HOME', 'EOF', 'VOLUME ["/data"]', 'ENTRYPOINT ["/run"]', 'CMD ["--port", "8000"]', '',
    ].join('\n');
    const text = ['ARG BASE=debian:bookworm-slim', 'ARG VERSION=1.0.0', ...Array.from({ length: 500 }, (_, i) => stage(i))].join('\n');
    const model = parseDockerfile(text);
    assert.ok(model.lines.length > 10_000);
    assert.deepStrictEqual(diagnoseDockerfile(model), []);
  });
});
