// Navigation and rename on the real-world corpus and on a large generated file: every name links to itself,
// and renaming any name keeps every file meaning the same with the new name.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NAME_KINDS, type ComposeModel } from '../../server/src/compose/model';
import { definition, documentHighlights, references } from '../../server/src/compose/navigation';
import { occurrenceRange, occurrencesOf } from '../../server/src/compose/occurrences';
import { parseCompose } from '../../server/src/compose/parse';
import type { ComposeProject } from '../../server/src/compose/project';
import { rename } from '../../server/src/compose/rename';
import { corpusFiles } from './support/corpus';
import { afterEdits, URI } from './support/composeNavigation';

const alone = (model: ComposeModel): ComposeProject => ({ current: { uri: URI, model }, related: () => [] });

/** "kind name" of every name occurrence (not anchors) in text order; a service of another file says which. */
function names(model: ComposeModel): string[] {
  return occurrencesOf(model)
    .all.filter((o) => o.kind !== 'anchor')
    .map((o) => `${o.kind} ${o.name}${o.declaration ? ' (declared)' : ''}${o.file !== undefined ? ` (in ${o.file})` : ''}`);
}

describe('Compose navigation and rename on the corpus', () => {
  const files = corpusFiles('compose').filter((f) => /\.ya?ml$/.test(f));

  it('finds the corpus', () => {
    assert.ok(files.length >= 100, `${files.length} compose files`);
  });

  it('links every occurrence to itself, with its name exactly at its range', () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const model = parseCompose(text);
      for (const o of occurrencesOf(model).all) {
        const range = occurrenceRange(model, o);
        const where = `${path.basename(file)}:${range.start.line + 1}:${range.start.character + 1} ${o.name}`;
        const position = { line: range.start.line, character: range.start.character + 1 };
        if (o.exact && text.slice(o.start, o.end) !== o.name) problems.push(`${where}: range holds ${JSON.stringify(text.slice(o.start, o.end))}`);
        if (!references(alone(model), position, true).some((l) => l.range.start.line === range.start.line && l.range.start.character === range.start.character)) {
          problems.push(`${where}: not among its own references`);
        }
        if (documentHighlights(model, position).length === 0) problems.push(`${where}: no highlight`);
        if (o.declaration && o.kind !== 'anchor' && definition(alone(model), position).length === 0) problems.push(`${where}: a declaration without definition`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  it('renames every name of every file so that the file means the same with the new name', () => {
    const problems: string[] = [];
    let renamed = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const model = parseCompose(text);
      const before = names(model);
      for (const kind of NAME_KINDS) {
        for (const declared of model.names[kind].values()) {
          const { name, range } = declared;
          const result = rename(alone(model), range.start, 'renamed_name');
          if ('refused' in result) continue; // external, already taken, written with escapes ...
          renamed++;
          const after = parseCompose(afterEdits(text, result.changes![URI]));
          if (after.problems.length !== model.problems.length) problems.push(`${path.basename(file)} ${kind} ${name}: YAML problems changed`);
          const expected = before.map((n) => (n === `${kind} ${name}` || n === `${kind} ${name} (declared)` ? `${kind} renamed_name${n.slice(kind.length + 1 + name.length)}` : n));
          assert.deepStrictEqual(names(after), expected, `${path.basename(file)} ${kind} ${name}`);
        }
      }
    }
    assert.deepStrictEqual(problems, []);
    assert.ok(renamed > 800, `${renamed} names renamed`);
  });
});

describe('Compose navigation and rename on a 15k-line file', () => {
  const lines = ['x-common: &common', '  restart: unless-stopped', 'services:'];
  for (let i = 0; i < 500; i++) {
    lines.push(`  svc${i}:`, '    <<: *common', `    image: registry.example.com/svc${i}:1`, '    depends_on:', '      db:', '        condition: service_healthy');
    if (i > 0) lines.push(`      svc${i - 1}:`, '        condition: service_started');
    lines.push('    networks: [backend]', '    volumes:', `      - data${i}:/var/lib/data`, `      - ./config/svc${i}.toml:/etc/svc.toml:ro`);
    lines.push('    environment:', '      DATABASE_URL: postgresql://user:pw@db:5432/app', ...Array.from({ length: 16 }, (_, k) => `      VAR_${k}: value-${k}`));
  }
  lines.push('  db:', '    image: postgres:16', 'networks:', '  backend:', 'volumes:', ...Array.from({ length: 500 }, (_, i) => `  data${i}:`));
  const text = `${lines.join('\n')}\n`;
  const model = parseCompose(text);
  const db = { line: lines.indexOf('  db:'), character: 3 };

  it('is a large file', () => {
    assert.ok(model.lineCount > 15_000, `${model.lineCount} lines`);
  });

  it('finds the 500 references of db and the declaration', () => {
    const found = references(alone(model), db, true);
    assert.strictEqual(found.length, 501);
    assert.deepStrictEqual(definition(alone(model), { line: 7, character: 7 }), [{ uri: URI, range: { start: { line: db.line, character: 2 }, end: { line: db.line, character: 4 } } }]);
    assert.strictEqual(references(alone(model), { line: 1 + lines.indexOf('  svc7:'), character: 9 }, true).length, 501, 'the anchor and its 500 aliases');
  });

  it('renames db in 501 places and no environment value', () => {
    const result = rename(alone(model), db, 'postgres');
    assert.ok(!('refused' in result));
    const after = afterEdits(text, result.changes![URI]);
    assert.strictEqual(result.changes![URI].length, 501);
    assert.strictEqual((after.match(/@db:5432/g) ?? []).length, 500);
  });
});
