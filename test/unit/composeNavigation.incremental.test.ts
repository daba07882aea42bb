// The occurrence index of a document parsed again after an edit (blocks and what they hold reused from the
// previous version) is the index of the same text parsed from scratch.
import * as assert from 'assert';
import * as fs from 'fs';
import type { ComposeModel } from '../../server/src/compose/model';
import { occurrencesOf } from '../../server/src/compose/occurrences';
import { parseCompose } from '../../server/src/compose/parse';
import { corpusFiles } from './support/corpus';
import { yaml } from './support/composeNavigation';

/** Every occurrence as "kind name start-end", with its role and key. */
function index(model: ComposeModel): string[] {
  return occurrencesOf(model).all.map((o) => `${o.kind} ${o.name} ${o.start}-${o.end}${o.declaration ? ' declared' : ''}${o.exact ? '' : ' inexact'} ${o.key.replace(/\n/g, '/')}${o.file ? ` in ${o.file}` : ''}`);
}

/** Parses each text after the previous one (as the server does on each change) and compares with a fresh parse. */
function checkVersions(texts: readonly string[], label: string): void {
  let previous: ComposeModel | undefined;
  texts.forEach((text, version) => {
    const model = parseCompose(text, previous);
    index(model); // reading it fills the memos that the next version reuses
    assert.deepStrictEqual(index(model), index(parseCompose(text)), `${label}, version ${version}`);
    previous = model;
  });
}

const TEXT = yaml(
  'x-common: &common',
  '  restart: always',
  '  networks: [back]',
  'services:',
  '  web:',
  '    <<: *common',
  '    depends_on: [db]',
  '  db:',
  '    <<: *common',
  '    volumes: [data:/d]',
  'volumes:',
  '  data:',
  'networks:',
  '  back:',
);

describe('Compose navigation index across versions of a document', () => {
  it('follows lines inserted above, edits of a service, of the anchor and of the section names', () => {
    checkVersions(
      [
        TEXT,
        `# a comment\n${TEXT}`,
        `# a comment\n${TEXT.replace('[db]', '[db, cache]')}`,
        `# a comment\n${TEXT.replace('x-common: &common', 'x-common: &other')}`,
        `# a comment\n${TEXT.replace('x-common: &common', 'x-common: &other').replace('  web:\n    <<: *common', '  web:\n    <<: *other')}`,
        TEXT.replace('services:', 'servicez:'),
        TEXT,
        TEXT.replace('  networks: [back]', '  networks: [front]'),
        TEXT.replace('volumes:\n  data:', 'x-late: &common {}\nvolumes:\n  data:'),
        TEXT,
      ],
      'hand-made edits',
    );
  });

  it('stays right over series of edits of real files', () => {
    const files = corpusFiles('compose').filter((f) => /\.ya?ml$/.test(f));
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (const file of files.filter((_, i) => i % 4 === 0)) {
      const versions = [fs.readFileSync(file, 'utf8')];
      for (let step = 0; step < 6; step++) {
        const lines = versions[versions.length - 1].split('\n');
        const at = random(lines.length);
        const edit = random(3);
        if (edit === 0) lines.splice(at, 0, '# inserted');
        else if (edit === 1 && lines.length > 1) lines.splice(at, 1);
        else lines[at] = `${lines[at]} `;
        versions.push(lines.join('\n'));
      }
      checkVersions(versions, file);
    }
  });
});
