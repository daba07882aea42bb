import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { keyAt, valueAccepts } from '../../server/src/compose/schema';

// out/test/unit -> the repository root; the shared corpus sits next to it.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'compose');

type Path = (string | number)[];

/** The path with list indexes as `[]`, e.g. `services.web.ports[].target`. */
function show(p: Path): string {
  return p.map((s, i) => (typeof s === 'number' ? '[]' : i === 0 ? s : `.${s}`)).join('');
}

interface Findings {
  keys: number;
  scalars: number;
  unknown: string[];
  rejected: string[];
}

/** Walks one parsed document: every key (but x- ones) must be known, every scalar accepted by its key. */
function walk(value: unknown, at: Path, file: string, found: Findings): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...at, i], file, found));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [name, child] of Object.entries(value)) {
      if (name.startsWith('x-')) continue;
      found.keys++;
      const here = [...at, name];
      if (!keyAt(here)) found.unknown.push(`${file}: ${show(here)}`);
      else walk(child, here, file, found);
    }
    return;
  }
  const doc = keyAt(at);
  if (!doc) return;
  found.scalars++;
  if (!valueAccepts(doc, value as string | number | boolean | null)) found.rejected.push(`${file}: ${show(at)} = ${JSON.stringify(value)}`);
}

describe('Compose schema on the real-world corpus', () => {
  const files = fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const found: Findings = { keys: 0, scalars: 0, unknown: [], rejected: [] };
  before(() => {
    for (const file of files) {
      // `merge: true` resolves `<<: *anchor` the way Compose does.
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(corpus, file), 'utf8'), { merge: true })) {
        assert.deepStrictEqual(doc.errors.map((e) => e.message), [], `${file} parses`);
        walk(doc.toJS({ maxAliasCount: -1 }), [], file, found);
      }
    }
  });

  it('finds the corpus', () => {
    assert.ok(files.length >= 100, `compose files in ${corpus}: ${files.length}`);
    assert.ok(found.keys > 5000 && found.scalars > 5000, `keys ${found.keys}, scalars ${found.scalars}`);
  });

  it('knows every key of every corpus file (x- extensions aside)', () => {
    assert.deepStrictEqual(found.unknown, []);
  });

  it('accepts every scalar value, but the one the Compose schema rejects too', () => {
    // An `environment:` whose entries are all commented out is null, which compose-go refuses
    // (compose-spec/compose-go#670 proposed allowing it; the maintainers want an error).
    assert.deepStrictEqual(found.rejected, [
      'nginx-proxy__nginx-proxy__docker-compose-separate-containers.yml: services.dockergen.environment = null',
    ]);
  });
});
