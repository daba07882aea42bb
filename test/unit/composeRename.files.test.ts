import * as assert from 'assert';
import { prepareRename, rename } from '../../server/src/compose/rename';
import { afterEdits, caret, COMMON, DB, OVERRIDE, PROD, projectAt, renamedFiles, URI, yaml, type Other } from './support/composeNavigation';

const BASE = yaml('services:', '  web:', '    image: nginx', '    depends_on: [db]', '  db:', '    image: postgres');
const OVERRIDE_TEXT = yaml('services:', '  web:', '    ports: ["8080:80"]', '  db:', '    environment:', '      POSTGRES_DB: db');
const PROD_TEXT = yaml('services:', '  db:', '    restart: always', '  cache:', '    image: redis', '    links: ["db:primary"]');

describe('Compose rename across the files of a project', () => {
  it('renames a service in the base file, its overlays and the document, one edit list per file', () => {
    const others: Other[] = [{ uri: OVERRIDE, text: OVERRIDE_TEXT, relation: 'overlay' }, { uri: PROD, text: PROD_TEXT, relation: 'overlay' }];
    assert.deepStrictEqual(renamedFiles(BASE.replace('[db]', '[d|b]'), 'postgres', others), {
      [URI]: BASE.replace('[db]', '[postgres]').replace('  db:', '  postgres:'),
      [OVERRIDE]: OVERRIDE_TEXT.replace('  db:', '  postgres:'),
      [PROD]: PROD_TEXT.replace('  db:', '  postgres:').replace('"db:primary"', '"postgres:primary"'),
    });
  });

  it('renames from an overlay, the base file first', () => {
    const marked = OVERRIDE_TEXT.replace('  web:', '  w|eb:');
    const { project, position } = projectAt(marked, [{ uri: URI, text: BASE, relation: 'base' }], OVERRIDE);
    const result = rename(project, position, 'frontend');
    assert.ok(!('refused' in result));
    assert.deepStrictEqual(Object.keys(result.changes!), [URI, OVERRIDE]);
    assert.strictEqual(afterEdits(BASE, result.changes![URI]), BASE.replace('  web:', '  frontend:'));
    assert.strictEqual(afterEdits(caret(marked).text, result.changes![OVERRIDE]), OVERRIDE_TEXT.replace('  web:', '  frontend:'));
    assert.deepStrictEqual(prepareRename(project, position), { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, placeholder: 'web' });
  });

  it('refuses a name another file of the project declares, saying where', () => {
    const others: Other[] = [{ uri: PROD, text: PROD_TEXT, relation: 'overlay' }];
    assert.deepStrictEqual(renamedFiles(BASE.replace('[db]', '[d|b]'), 'cache', others), {
      refused: 'A service named "cache" already exists (line 4 of compose.prod.yaml); service names must be unique.',
    });
  });

  it('renames a service of an included file from the file that includes it', () => {
    const included = yaml('services:', '  db:', '    image: postgres', '  migrate:', '    depends_on: [db]');
    const main = yaml('include:', '  - db/compose.yaml', 'services:', '  web:', '    depends_on:', '      d|b:', '        condition: service_healthy');
    assert.deepStrictEqual(renamedFiles(main, 'pg', [{ uri: DB, text: included, relation: 'include' }]), {
      [URI]: caret(main).text.replace('      db:', '      pg:'),
      [DB]: included.replace('  db:', '  pg:').replace('[db]', '[pg]'),
    });
  });

  it('renames the service an extends.file names in that file, not the one of the same name here', () => {
    const common = yaml('services:', '  base:', '    image: nginx', '  other:', '    extends: base');
    const main = yaml('services:', '  web:', '    extends:', '      file: common.yaml', '      service: ba|se', '  base:', '    image: busybox', '  api:', '    extends: base');
    assert.deepStrictEqual(renamedFiles(main, 'nginx-base', [{ uri: COMMON, text: common, relation: 'extends' }]), {
      [URI]: caret(main).text.replace('service: base', 'service: nginx-base'),
      [COMMON]: common.replace('  base:', '  nginx-base:').replace('extends: base', 'extends: nginx-base'),
    });
  });

  it('renames anchors in the document only', () => {
    const other = yaml('x-base: &base', '  restart: always', 'services:', '  db:', '    <<: *base');
    const main = yaml('x-base: &ba|se', '  restart: "no"', 'services:', '  web:', '    <<: *base');
    assert.deepStrictEqual(renamedFiles(main, 'defaults', [{ uri: OVERRIDE, text: other, relation: 'overlay' }]), {
      [URI]: caret(main).text.replace(/base/g, 'defaults').replace('x-defaults', 'x-base'),
    });
  });
});
