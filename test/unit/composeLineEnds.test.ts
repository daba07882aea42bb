// Compose files with any line ends: "\n", "\r\n" and old Mac "\r" alone are all line breaks, as LSP clients count
// them, so a file gets the same diagnostics at the same positions whatever its line ends.
import * as assert from 'assert';
import { diagnoseCompose } from '../../server/src/compose/diagnostics';
import type { ComposeModel } from '../../server/src/compose/model';
import { parseCompose } from '../../server/src/compose/parse';
import { LineIndex, lineStarts, withLineFeeds } from '../../server/src/compose/parseLines';
import { diagnose, found, URI, yaml } from './support/composeChecks';

const EOLS: [string, string][] = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
];

const FILE = yaml(
  'services:',
  '  web:',
  '    image: x',
  '    depends_on: [dbb]',
  '    command: |',
  '      echo one',
  '      echo two',
  '  a:',
  '    image: x',
  '    image: y',
  '    depends_on: [b]',
  '  b:',
  '    image: x',
  '    depends_on: [a]',
  'volumes:',
  '  data: {',
);

const withEol = (text: string, eol: string) => text.replace(/\n/g, eol);

describe('Compose line ends', () => {
  it('gives the same diagnostics, at the same places, for LF, CRLF and CR files', () => {
    const expected = [
      'undefined-service 3:17-3:20',
      'duplicate-key 9:4-9:9',
      'dependency-cycle 10:17-10:18',
      'dependency-cycle 13:17-13:18',
      'yaml-syntax 16:0-16:1',
    ];
    for (const [name, eol] of EOLS) {
      const seen = found(withEol(FILE, eol)).map((d) => `${d.code} ${d.range}`);
      assert.deepStrictEqual([name, seen], [name, expected]);
    }
    const messages = EOLS.map(([, eol]) => diagnose(withEol(FILE, eol)).map((d) => d.message));
    assert.deepStrictEqual(messages[2], messages[0]);
    assert.deepStrictEqual(messages[1], messages[0]);
  });

  it('reads a valid CR-only file without a yaml-syntax error', () => {
    const text = withEol(yaml('services:', '  web:', '    image: nginx', '    ports:', '      - "80:80"'), '\r');
    assert.deepStrictEqual(found(text), []);
    const model = parseCompose(text);
    assert.deepStrictEqual([model.lineCount, model.lineText(2), [...model.names.services.keys()]], [6, '    image: nginx', ['web']]);
  });

  it('finds positions in a CR-only file as in the LF one', () => {
    const lf = parseCompose(FILE);
    const cr = parseCompose(withEol(FILE, '\r'));
    for (const position of [{ line: 2, character: 11 }, { line: 6, character: 8 }, { line: 13, character: 17 }]) {
      const [a, b] = [lf.pathAt(position), cr.pathAt(position)];
      assert.deepStrictEqual([b.path, b.kind], [a.path, a.kind]);
    }
    assert.deepStrictEqual(cr.positionAt(cr.offsetAt({ line: 10, character: 4 })), { line: 10, character: 4 });
    assert.deepStrictEqual(cr.rangeOf(cr.names.services.get('b')!.key), lf.rangeOf(lf.names.services.get('b')!.key));
  });

  it('reparses an edited CR-only file incrementally as a fresh parse would, reusing unchanged blocks', () => {
    const before = withEol(FILE, '\r');
    const after = before.replace('[dbb]', '[db]').replace('    image: y\r', '');
    const previous = parseCompose(before);
    const incremental = parseCompose(after, previous);
    const fresh = parseCompose(after);
    const context = { uri: URI, fileExists: () => true };
    const brief = (model: ComposeModel) => diagnoseCompose(model, context).map((d) => [d.code, d.range, d.message]);
    assert.deepStrictEqual(brief(incremental), brief(fresh));
    assert.strictEqual(incremental.names.services.get('b')!.key, previous.names.services.get('b')!.key);
  });

  it('indexes lines broken by CR, LF and CRLF alike', () => {
    const text = 'a\rb\r\nc\nd\r\re';
    assert.deepStrictEqual(lineStarts(text), [0, 2, 5, 7, 9, 10]);
    const lines = new LineIndex(text);
    assert.deepStrictEqual(
      [0, 1, 2, 3, 4, 5].map((line) => lines.lineText(line)),
      ['a', 'b', 'c', 'd', '', 'e'],
    );
    assert.deepStrictEqual([lines.positionAt(3), lines.positionAt(4), lines.positionAt(9)], [
      { line: 1, character: 1 },
      { line: 1, character: 1 },
      { line: 4, character: 0 },
    ]);
    assert.strictEqual(lines.offsetAt({ line: 1, character: 9 }), 3);
    assert.strictEqual(withLineFeeds(text), 'a\nb\r\nc\nd\n\ne');
  });
});
