import * as assert from 'assert';
import { definition, documentHighlights, references } from '../../server/src/compose/navigation';
import { COMMON, DB, highlights, loc, OVERRIDE, projectAt, read, URI, yaml, type Other } from './support/composeNavigation';

const BASE_TEXT = yaml(
  'services:',
  '  web:', //                1  web 2-5
  '    image: nginx',
  '    depends_on: [db]', //  3  db 17-19
  '  db:', //                 4  db 2-4
  '    image: postgres',
  'volumes:',
  '  data:', //               7  data 2-6
);

const OVERRIDE_LINES = [
  'services:',
  '  web:', //                1  web 2-5
  '    ports: ["80:80"]',
  '    volumes: [data:/d]', // 3  data 14-18
  '  db:', //                 4  db 2-4
  '    environment:',
  '      X: "1"',
];

/** The override as the current document, with a `|` at line:character, and the base file beside it. */
function inOverride(line: number, character: number): { project: ReturnType<typeof projectAt>['project']; position: { line: number; character: number } } {
  const lines = [...OVERRIDE_LINES];
  lines[line] = lines[line].slice(0, character) + '|' + lines[line].slice(character);
  return projectAt(yaml(...lines), [{ uri: URI, text: BASE_TEXT, relation: 'base' }], OVERRIDE);
}

describe('Compose navigation across the files of a project', () => {
  it('goes from a service of an overlay to its declaration in the base file', () => {
    const { project, position } = inOverride(1, 3);
    assert.deepStrictEqual(definition(project, position), [loc(1, 2, 5, URI)]);
  });

  it('lists the declarations and references of every file, base first', () => {
    const { project, position } = inOverride(4, 2);
    assert.deepStrictEqual(references(project, position, true), [loc(3, 17, 19, URI), loc(4, 2, 4, URI), loc(4, 2, 4, OVERRIDE)]);
    assert.deepStrictEqual(references(project, position, false), [loc(3, 17, 19, URI)]);
  });

  it('resolves a named volume of an overlay to the base file', () => {
    const { project, position } = inOverride(3, 15);
    assert.deepStrictEqual(definition(project, position), [loc(7, 2, 6, URI)]);
  });

  it('highlights only the document', () => {
    const { project, position } = inOverride(4, 3);
    assert.deepStrictEqual(documentHighlights(project.current.model, position), [{ range: loc(4, 2, 4).range, kind: 3 }]);
  });

  it('resolves names to the files of include', () => {
    const included: Other = { uri: DB, relation: 'include', text: yaml('services:', '  db:', '    image: postgres', '    networks: [back]', 'networks:', '  back:') };
    const text = yaml('include:', '  - db/compose.yaml', 'services:', '  web:', '    image: nginx', '    depends_on: [d|b]', '    networks: [back]');
    const { project, position } = projectAt(text, [included]);
    assert.deepStrictEqual(definition(project, position), [loc(1, 2, 4, DB)]);
    assert.deepStrictEqual(references(project, position, true), [loc(5, 17, 19), loc(1, 2, 4, DB)]);
    const back = projectAt(text.replace('d|b', 'db').replace('[back]', '[ba|ck]'), [included]);
    assert.deepStrictEqual(references(back.project, back.position, true), [loc(6, 15, 19), loc(3, 15, 19, DB), loc(5, 2, 6, DB)]);
  });

  describe('extends with a file', () => {
    const common: Other = { uri: COMMON, relation: 'extends', text: yaml('services:', '  base:', '    image: nginx', '  other:', '    extends: base') };
    const lines = ['services:', '  web:', '    extends:', '      file: common.yaml', '      service: base', '  base:', '    image: busybox', '  api:', '    extends: base'];
    const marked = (line: number, character: number) => {
      const copy = [...lines];
      copy[line] = copy[line].slice(0, character) + '|' + copy[line].slice(character);
      return yaml(...copy);
    };

    it('goes to the service in that file, not to the one of the same name here', () => {
      const { project, position } = projectAt(marked(4, 16), [common]);
      assert.deepStrictEqual(definition(project, position), [loc(1, 2, 6, COMMON)]);
      assert.deepStrictEqual(references(project, position, true), [loc(4, 15, 19), loc(1, 2, 6, COMMON), loc(4, 13, 17, COMMON)]);
    });

    it('keeps the names of a file only extended apart from the project names', () => {
      const { project, position } = projectAt(marked(8, 14), [common]);
      assert.deepStrictEqual(definition(project, position), [loc(5, 2, 6)]);
      assert.deepStrictEqual(references(project, position, true), [loc(5, 2, 6), loc(8, 13, 17)]);
    });

    it('highlights the references to that file only', () => {
      assert.deepStrictEqual(highlights(marked(4, 17)), [read(4, 15, 19)]);
    });

    it('has no definition when the file cannot be read', () => {
      const { project, position } = projectAt(marked(4, 16), []);
      assert.deepStrictEqual(definition(project, position), []);
      assert.deepStrictEqual(references(project, position, true), [loc(4, 15, 19)]);
    });
  });

  it('does not read the project files for an anchor', () => {
    const { project, position } = projectAt(yaml('x: &a 1', 'y: *|a'));
    const reading = { ...project, related: () => assert.fail('related() read for an anchor') };
    assert.deepStrictEqual(definition(reading, position), [loc(0, 4, 5)]);
  });

  it('treats a project whose files cannot be listed as the document alone', () => {
    const { project, position } = projectAt(yaml('services:', '  web:', '    depends_on: [d|b]', '  db:', '    image: x'));
    const failing = { ...project, related: () => { throw new Error('EACCES'); } };
    assert.deepStrictEqual(definition(failing, position), [loc(3, 2, 4)]);
  });
});
