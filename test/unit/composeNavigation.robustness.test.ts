// Navigation and rename never throw, whatever the text (broken YAML, odd scalars, line ends, characters
// outside the BMP) and the position a client sends.
import * as assert from 'assert';
import type { ComposeModel } from '../../server/src/compose/model';
import { definition, documentHighlights, references } from '../../server/src/compose/navigation';
import { parseCompose } from '../../server/src/compose/parse';
import type { ComposeProject } from '../../server/src/compose/project';
import { prepareRename, rename } from '../../server/src/compose/rename';
import { afterEdits, URI } from './support/composeNavigation';

const alone = (model: ComposeModel): ComposeProject => ({ current: { uri: URI, model }, related: () => [] });

describe('Compose navigation and rename on odd input', () => {
  const texts = [
    '',
    'services:\n  web:\n    depends_on: [db\n  db: {\n',
    'services: [\n',
    'x: &a\ny: *a\nz: *a\n<<: *a\n',
    '- just\n- a list\n',
    'services:\n  web:\n    volumes: ["\\x64ata:/d"]\n    extends: {file: "", service: ""}\nvolumes:\n  data:\n',
    'services:\r\n  web:\r\n    depends_on: [db]\r\n  db:\r\n    image: x\r\n',
    'services:\n  "😀":\n    depends_on: ["😀"]\n',
  ];
  const positions = [
    { line: 0, character: 0 },
    { line: 2, character: 18 },
    { line: -1, character: 3 },
    { line: 1, character: -5 },
    { line: 999, character: 0 },
    { line: 2, character: 99999 },
    { line: Number.NaN, character: 1 },
    { line: 1.5, character: 2 },
  ];

  it('never throws, whatever the text and the position', () => {
    for (const text of texts) {
      const model = parseCompose(text);
      const everywhere = [...positions];
      for (let line = 0; line < model.lineCount; line++) {
        for (let character = 0; character <= model.lineText(line).length; character++) everywhere.push({ line, character });
      }
      for (const position of everywhere) {
        const project = alone(model);
        assert.doesNotThrow(() => {
          definition(project, position);
          references(project, position, true);
          documentHighlights(model, position);
          prepareRename(project, position);
          rename(project, position, 'renamed');
          rename(project, position, undefined as unknown as string);
        }, `${JSON.stringify(text)} at ${JSON.stringify(position)}`);
      }
    }
  });

  it('renames inside the quotes of a name outside the BMP, and keeps CRLF lines', () => {
    const crlf = parseCompose(texts[6]);
    const result = rename(alone(crlf), { line: 2, character: 18 }, 'pg');
    assert.ok(!('refused' in result));
    assert.strictEqual(afterEdits(texts[6], result.changes![URI]), texts[6].replace(/db/g, 'pg'));
    const emoji = parseCompose(texts[7]);
    assert.deepStrictEqual(references(alone(emoji), { line: 1, character: 4 }, true).map((l) => l.range), [
      { start: { line: 1, character: 3 }, end: { line: 1, character: 5 } },
      { start: { line: 2, character: 18 }, end: { line: 2, character: 20 } },
    ]);
  });
});
