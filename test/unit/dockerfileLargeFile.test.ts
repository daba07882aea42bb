// A large generated Dockerfile (../shared/bench/gen.mjs, 400 chained stages, 9.6k lines), as is and with
// mistakes sprinkled in: its findings and its model are pinned (counts per code, a hash of every code, severity
// and range, a hash of the model), so that a change to the parser or the checks (a speed-up, say) that alters
// what a big file gets is caught.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as path from 'path';
import { OWN_CHECKS } from '../../server/src/dockerfile/checks';
import { diagnoseDockerfile } from '../../server/src/dockerfile/diagnostics';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

// out/test/unit -> the repository root.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const generator = path.resolve(repoRoot, '..', 'shared', 'bench', 'gen.mjs');

function generated(stages: number): string {
  return execFileSync(process.execPath, [generator, 'dockerfile', String(stages)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Deterministic mistakes in some stages: typos, casing, shell forms, relative WORKDIR, legacy ENV, bad flags ... */
function withMistakes(text: string): string {
  let stage = -1;
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('FROM ')) stage++;
      const s = stage;
      if (s < 0 || s % 3 !== 1) return line;
      switch (s % 27) {
        case 1: return line.replace('WORKDIR $APP_HOME', 'WORKDIR $APP_HOEM').replace('/TCP', '/tcp').replace('EXPOSE 80', 'EXPOSE 0.0.0.0:80');
        case 4: return line.replace(/^FROM /, 'from ').replace('CMD ["--port", ', 'CMD --port ').replace(/"\]$/, '');
        case 7: return line.replace('WORKDIR $APP_HOME', 'WORKDIR app').replace('ENV APP_HOME=', 'ENV APP_HOME ').replace(' \\', '');
        case 10: return line.replace('--mount=type=cache,', '--mount=type=cahce,sharing=lockd,').replace('/tcp', '/TCP');
        case 13: return line.replace('--chown=1000:1000', '--chown 1000:1000 --chmod=999').replace('ARG VERSION', 'ARG PASSWORD');
        case 16: return line.replace('HEALTHCHECK --interval=30s', 'HEALTHCHECK --interval=30x --retries=-1').replace('USER 1000:1000', 'USER app staff');
        case 19: return line.replace('COPY ["src/', "COPY ['src/").replace('ENTRYPOINT ["/opt', 'ENTRYPOINT ["/opt').replace('${VERSION}', '${VERSOIN}');
        case 22: return line.replace(/--from=stage\d+/, '--from=stag9').replace('ENV APP_HOME=', 'ENV PATH=$PATH:/x APP_HOME=');
        case 25: return line.replace('RUN <<EOF', 'RUN <<EOF\n\n').replace('VOLUME ["/data', 'VOLUME ["", "/data').replace(/^CMD /, 'cmd ');
        default: return line;
      }
    })
    .join('\n');
}

interface Summary {
  count: number;
  perCode: Record<string, number>;
  hash: string;
  model: string;
}

function summarize(text: string): Summary {
  const model = parseDockerfile(text);
  const diagnostics = diagnoseDockerfile(model, {}, OWN_CHECKS);
  const perCode: Record<string, number> = {};
  for (const d of diagnostics) perCode[String(d.code)] = (perCode[String(d.code)] ?? 0) + 1;
  const list = diagnostics.map((d) => {
    const r = d.range;
    return `${d.code} ${d.severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  });
  return {
    count: diagnostics.length,
    perCode,
    hash: createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16),
    model: createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 16),
  };
}

describe('Dockerfile: a large generated file keeps its findings', () => {
  it('400 chained stages', () => {
    const summary = summarize(generated(400));
    assert.deepStrictEqual(summary, EXPECTED_PLAIN);
  });

  it('400 chained stages with mistakes', () => {
    const summary = summarize(withMistakes(generated(400)));
    assert.deepStrictEqual(summary, EXPECTED_MISTAKES);
  });
});

const EXPECTED_PLAIN: Summary = {
  count: 1,
  perCode: { 'self-stage-reference': 1 },
  hash: '860c5aea808b540f',
  model: 'fa29b81e81863485',
};

const EXPECTED_MISTAKES: Summary = {
  count: 396,
  perCode: {
    'copy-destination-not-directory': 15, 'extra-argument': 15, 'flag-missing-value': 15, 'invalid-duration': 15,
    'invalid-flag-value': 15, 'invalid-json': 15, 'invalid-mount-value': 15, 'invalid-port': 4, 'missing-argument': 29,
    'self-stage-reference': 1, 'undefined-stage': 14, 'unknown-flag': 15, 'unknown-instruction': 60, 'unknown-mount-type': 15,
    ConsistentInstructionCasing: 29, ExposeInvalidFormat: 4, ExposeProtoCasing: 15, FromAsCasing: 15, JSONArgsRecommended: 30,
    LegacyKeyValueFormat: 15, SecretsUsedInArgOrEnv: 15, UndefinedVar: 30,
  },
  hash: '984f18ea7fb777b0',
  model: 'ba2e9b03972a1033',
};
