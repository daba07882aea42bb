import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnoseCompose } from '../../server/src/compose/diagnostics';
import { parseCompose } from '../../server/src/compose/parse';
import { createComposeService } from '../../server/src/compose/service';
import { ComposeProjectFiles } from '../../server/src/documents/ComposeProjectFiles';
import { FileAccess } from '../../server/src/documents/FileAccess';
import type { LanguageService } from '../../server/src/service/LanguageService';
import { clientFeatures } from '../../server/src/service/negotiate';
import { createServed } from '../../server/src/service/requests';
import { SemanticTokensCache } from '../../server/src/service/semanticDelta';

/** Asks until no file is still being read (each round may read the next level of includes). */
async function settled<T>(access: FileAccess, ask: () => T): Promise<T> {
  for (let round = 0; round < 10; round++) {
    const answer = ask();
    if (!access.busy) return answer;
    await access.settled(5000);
  }
  throw new Error('files still loading after 10 rounds');
}

/** The compose service over the files on disk and the `open` documents. */
function serviceOver(files: FileAccess, open: TextDocument[]) {
  return createComposeService({
    files,
    settings: () => ({}),
    images: () => [],
    openDocuments: () => open,
    openDocument: (u) => open.find((d) => d.uri === u),
    existence: () => (p) => fs.existsSync(p),
  });
}

/** As the server asks across files (service/requests.ts): once, then again after each round of reading, within a budget. */
function acrossFiles(files: FileAccess) {
  const document = TextDocument.create('file:///any', 'dockercompose', 1, '');
  const served = createServed({
    document: () => document,
    serviceOf: () => ({}) as LanguageService,
    features: () => clientFeatures({}),
    tokens: new SemanticTokensCache(),
    files,
    filesWaitMs: 5000,
    guard: (_feature, _empty, run) => run(),
  });
  return <T>(ask: () => T): Promise<T> => served.serveAcrossFiles('test', document.uri, undefined as T, () => ask());
}

describe('Compose project files: the files read with a compose file', () => {
  let root: string;
  const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  /** Files are read inside the temporary folder, taken as the workspace folder. */
  const access = () => new FileAccess(() => ({ maxBytes: 4 * 1024 * 1024, readOutsideWorkspace: false, roots: [root] }));
  /** The related files of `file` as "relative path relation", once every file it names was read. */
  const related = async (file: string, open: Record<string, string> = {}) => {
    const files = access();
    const project = new ComposeProjectFiles(files);
    const answer = await settled(files, () =>
      project.related(uri(file), (u) => {
        const text = Object.entries(open).find(([f]) => uri(f) === u)?.[1];
        return text === undefined ? undefined : parseCompose(text);
      }),
    );
    return answer.map((f) => `${path.relative(root, new URL(f.uri).pathname)} ${f.relation}`);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-related-'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('gives a base file its overlays, and not the other YAML files of its folder', async () => {
    for (const file of ['compose.yaml', 'compose.override.yaml', 'compose.prod.yaml', 'docker-compose.dev.yml', 'mkdocs.yml', 'prometheus.yml']) {
      write(file, 'services: {}\n');
    }
    write('overrides/ci.yaml', 'services: {}\n');
    assert.deepStrictEqual(await related('compose.yaml'), [
      'compose.override.yaml overlay',
      'compose.prod.yaml overlay',
      'docker-compose.dev.yml overlay',
      'overrides/ci.yaml overlay',
    ]);
  });

  it('gives an overlay its base file first, then the other overlays of that base', async () => {
    for (const file of ['docker-compose.yml', 'docker-compose.override.yml', 'docker-compose.test.yml', 'compose.yaml']) write(file, 'services: {}\n');
    assert.deepStrictEqual(await related('docker-compose.test.yml'), ['docker-compose.yml base', 'docker-compose.override.yml overlay']);
    assert.deepStrictEqual(await related('compose.yaml'), [], 'a second default file is nobody\'s overlay');
  });

  it('follows include two levels deep, in both forms, without looping', async () => {
    write('compose.yaml', 'include:\n  - db/compose.yaml\n  - path: [cache.yaml]\nservices: {}\n');
    write('db/compose.yaml', 'include:\n  - ../shared/net.yaml\n  - ../compose.yaml\nservices: {}\n');
    write('shared/net.yaml', 'include:\n  - deeper.yaml\nnetworks: {}\n');
    write('shared/deeper.yaml', 'services: {}\n');
    write('cache.yaml', 'services: {}\n');
    assert.deepStrictEqual(await related('compose.yaml'), ['db/compose.yaml include', 'cache.yaml include', 'shared/net.yaml include']);
  });

  it('gives an included file the files that include it', async () => {
    write('compose.yaml', 'include:\n  - db/compose.yaml\nservices: {}\n');
    write('db/compose.yaml', 'services: {}\n');
    write('app/compose.yaml', 'services: {}\n');
    assert.deepStrictEqual(await related('db/compose.yaml'), ['compose.yaml includer']);
    assert.deepStrictEqual(await related('app/compose.yaml'), []);
  });

  it('gives an included file the overlays of the files that include it, and their other includes', async () => {
    write('compose.yaml', 'include:\n  - db.yaml\n  - cache.yaml\nservices: {}\n');
    write('compose.override.yaml', 'services: {}\n');
    write('db.yaml', 'services: {}\n');
    write('cache.yaml', 'services: {}\n');
    assert.deepStrictEqual(await related('db.yaml'), ['compose.yaml includer', 'compose.override.yaml overlay', 'cache.yaml include']);
  });

  it('gives a file the compose files whose services extend its services', async () => {
    write('compose.yaml', 'services:\n  web:\n    extends: {file: base.yaml, service: base}\n');
    write('base.yaml', 'services:\n  base:\n    image: nginx\n');
    write('other/compose.yaml', 'services:\n  web:\n    extends: {file: ../base.yaml, service: base}\n');
    assert.deepStrictEqual(await related('base.yaml'), ['compose.yaml extender']);
  });

  it('adds the files its services extend, and skips what cannot be read', async () => {
    write('compose.yaml', 'services:\n  web:\n    extends:\n      file: common.yaml\n      service: base\n  api:\n    extends: {file: missing.yaml, service: x}\n  job:\n    extends: {file: "${DIR}/x.yaml", service: x}\n');
    write('common.yaml', 'services:\n  base:\n    image: nginx\n');
    assert.deepStrictEqual(await related('compose.yaml'), ['common.yaml extends']);
  });

  it('prefers the open document to the file on disk, and reads an unsaved one', async () => {
    write('compose.yaml', 'services: {}\n');
    write('compose.override.yaml', 'services: {}\n');
    const files = new ComposeProjectFiles(access()).related(uri('compose.override.yaml'), (u) =>
      u === uri('compose.yaml') ? parseCompose('services:\n  edited:\n    image: x\n') : undefined,
    );
    assert.deepStrictEqual(files.map((f) => [...f.model.names.services.keys()]), [['edited']]);
    const unsaved = await related('compose.override.yaml', { 'compose.override.yaml': 'include:\n  - extra.yaml\n' });
    assert.deepStrictEqual(unsaved, ['compose.yaml base']);
  });

  it('skips folders named like compose files, huge files, and documents that are not files', async () => {
    fs.mkdirSync(path.join(root, 'compose.yaml'));
    write('compose.override.yaml', 'include:\n  - big.yaml\n');
    write('big.yaml', `services: {}\n${'# padding\n'.repeat(500_000)}`);
    assert.deepStrictEqual(await related('compose.override.yaml'), []);
    assert.deepStrictEqual(new ComposeProjectFiles(access()).related('untitled:Untitled-1', () => undefined), []);
  });

  it('lets the compose service rename across the files on disk and the open documents', async () => {
    write('compose.yaml', 'services:\n  web:\n    depends_on: [db]\n  db:\n    image: postgres\n');
    write('compose.override.yaml', 'services:\n  db:\n    ports: ["5432:5432"]\n');
    const open = TextDocument.create(uri('compose.override.yaml'), 'dockercompose', 3, 'services:\n  db:\n    ports: ["5433:5432"]\n  cache:\n    depends_on: [db]\n');
    const files = access();
    const service = serviceOver(files, [open]);
    const edit = await settled(files, () => service.rename!(open, { line: 4, character: 18 }, 'postgres'));
    assert.ok(!('refused' in edit));
    assert.deepStrictEqual(Object.keys(edit.changes!), [uri('compose.yaml'), uri('compose.override.yaml')]);
    assert.deepStrictEqual(edit.changes![uri('compose.override.yaml')].map((e) => e.range.start.line), [1, 4]);
    assert.deepStrictEqual(service.definition!(open, { line: 1, character: 3 }), [
      { uri: uri('compose.yaml'), range: { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } } },
    ]);
  });

  it('renames a service of an included file in the includer, its overlay and the other included files', async () => {
    write('compose.yaml', 'include:\n  - db.yaml\n  - app.yaml\nservices:\n  web:\n    image: nginx\n');
    write('compose.override.yaml', 'services:\n  web:\n    depends_on:\n      - db\n');
    write('app.yaml', 'services:\n  app:\n    image: app\n    links: ["db:database"]\n');
    write('db.yaml', 'services:\n  db:\n    image: postgres\n');
    const files = access();
    const service = serviceOver(files, []);
    const db = TextDocument.create(uri('db.yaml'), 'dockercompose', 1, fs.readFileSync(path.join(root, 'db.yaml'), 'utf8'));
    const edit = await settled(files, () => service.rename!(db, { line: 1, character: 3 }, 'pg'));
    assert.ok(!('refused' in edit));
    assert.deepStrictEqual(
      Object.entries(edit.changes!).map(([u, edits]) => [path.relative(root, new URL(u).pathname), edits.map((e) => e.range.start.line)]),
      [['db.yaml', [1]], ['compose.override.yaml', [3]], ['app.yaml', [3]]],
    );
  });

  it('answers F12 and rename from an overlay on a service of what its base includes at the first request', async () => {
    write('compose.yaml', 'include:\n  - db.yaml\nservices:\n  web:\n    image: nginx\n');
    write('db.yaml', 'services:\n  db:\n    image: postgres\n');
    const overlay = TextDocument.create(uri('compose.override.yaml'), 'dockercompose', 1, 'services:\n  web:\n    depends_on:\n      - db\n');
    const files = access();
    const service = serviceOver(files, [overlay]);
    const across = acrossFiles(files);
    assert.deepStrictEqual(await across(() => service.definition!(overlay, { line: 3, character: 9 })), [
      { uri: uri('db.yaml'), range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } } },
    ]);
    const edit = await across(() => service.rename!(overlay, { line: 3, character: 9 }, 'pg'));
    assert.deepStrictEqual(Object.keys((edit as { changes: object }).changes), [uri('compose.override.yaml'), uri('db.yaml')]);
  });

  it('counts what the base file includes as defined in an overlay (no undefined service or volume)', async () => {
    write('compose.yaml', 'include:\n  - db.yaml\nservices:\n  web:\n    image: nginx\n');
    write('db.yaml', 'services:\n  db:\n    image: postgres\nvolumes:\n  data: {}\n');
    const overlay = parseCompose('services:\n  web:\n    depends_on:\n      - db\n    volumes:\n      - data:/d\n      - logs:/l\n');
    const files = access();
    const project = new ComposeProjectFiles(files);
    const diagnostics = await settled(files, () => diagnoseCompose(overlay, project.diagnosticContext(uri('compose.override.yaml'))));
    assert.deepStrictEqual(diagnostics.map((d) => d.message), [
      'No volume named "logs" is defined under the top-level "volumes": Compose will refuse the project unless another file merged with this one defines it.',
    ]);
  });

  it('renames a service of a file that another file extends, in the extending file too', async () => {
    write('compose.yaml', 'services:\n  web:\n    extends:\n      file: base.yaml\n      service: base\n  base:\n    image: own\n');
    write('base.yaml', 'services:\n  base:\n    image: nginx\n');
    const files = access();
    const base = TextDocument.create(uri('base.yaml'), 'dockercompose', 1, fs.readFileSync(path.join(root, 'base.yaml'), 'utf8'));
    const service = serviceOver(files, [base]);
    const edit = await settled(files, () => service.rename!(base, { line: 1, character: 3 }, 'common'));
    assert.ok(!('refused' in edit));
    // compose.yaml's own service `base` is another service: only its `extends.service` changes.
    assert.deepStrictEqual(
      Object.entries(edit.changes!).map(([u, edits]) => [path.relative(root, new URL(u).pathname), edits.map((e) => [e.range.start.line, e.newText])]),
      [['base.yaml', [[1, 'common']]], ['compose.yaml', [[4, 'common']]]],
    );
  });

  it('lets the compose service link a build context made since the last request on the same version', () => {
    const document = TextDocument.create(uri('compose.yaml'), 'dockercompose', 1, 'services:\n  web:\n    build: ./web\n    image: nginx\n');
    const service = serviceOver(access(), [document]);
    const targets = () => service.documentLinks!(document).map((link) => link.target);
    assert.deepStrictEqual(targets(), ['https://hub.docker.com/_/nginx']);
    fs.mkdirSync(path.join(root, 'web'));
    assert.deepStrictEqual(targets(), [pathToFileURL(path.join(root, 'web')).href, 'https://hub.docker.com/_/nginx']);
  });
});
