// Compose range formatting (only the lines of the range change, and the document keeps its meaning) and the cases
// where formatting refuses or must not fail.
import * as assert from 'assert';
import { formatCompose } from '../../server/src/compose/format';
import { parseCompose } from '../../server/src/compose/parse';
import { FOUR, TWO, afterEdits, edits, format, formatRange, lines, refusal, yaml } from './support/composeFormat';

const FILE = yaml('services:', '    web:', '        image: nginx   ', '        ports:', '        -   "80:80"', '    db:', '        image:    postgres', 'volumes:', '    data:');

describe('Compose formatting: ranges and refusals', () => {
  it('formats every line like the whole document when the range covers them all', () => {
    assert.strictEqual(formatRange(FILE, lines(0, 8)), format(FILE));
  });

  it('changes only the lines of the range', () => {
    assert.strictEqual(
      formatRange(FILE, lines(5, 6)),
      yaml('services:', '    web:', '        image: nginx   ', '        ports:', '        -   "80:80"', '    db:', '      image: postgres', 'volumes:', '    data:'),
    );
  });

  it('indents what lies wholly in the range under its parent as it stands; a collection partly outside keeps its column', () => {
    assert.strictEqual(
      formatRange(FILE, lines(1, 4)),
      yaml('services:', '    web:', '      image: nginx', '      ports:', '        - "80:80"', '    db:', '        image:    postgres', 'volumes:', '    data:'),
    );
    // `image:` alone: its map goes on below the range, so it stays at its column; its blanks are fixed.
    assert.strictEqual(formatRange(FILE, lines(2, 2)), FILE.replace('nginx   ', 'nginx'));
  });

  it('reads the range by lines: an end at the start of a line leaves that line out', () => {
    const range = { start: { line: 2, character: 5 }, end: { line: 3, character: 0 } };
    assert.deepStrictEqual(
      edits(FILE, TWO, range).map((e) => e.range.start.line),
      [2],
    );
  });

  it('keeps a block scalar whole when the range holds only part of it', () => {
    const text = yaml('services:', '    web:', '        command: |', '            one', '              two', '        image: nginx');
    assert.strictEqual(formatRange(text, lines(0, 3), FOUR), text);
    assert.strictEqual(
      formatRange(text, lines(2, 4)),
      yaml('services:', '    web:', '        command: |', '            one', '              two', '        image: nginx'),
    );
    assert.strictEqual(formatRange(text, lines(0, 5)), format(text));
  });

  it('clamps ranges outside the document and answers nothing for an empty one', () => {
    assert.strictEqual(formatRange(FILE, { start: { line: -3, character: -1 }, end: { line: 99, character: 0 } }), format(FILE));
    assert.deepStrictEqual(edits(FILE, TWO, { start: { line: 4, character: 0 }, end: { line: 2, character: 0 } }), []);
    assert.deepStrictEqual(edits(FILE, TWO, { start: { line: Number.NaN, character: 0 }, end: { line: Number.NaN, character: 0 } }), []);
  });

  it('refuses a file with YAML errors, saying where', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '   ports: [a, b', 'volumes:');
    assert.match(refusal(text).refused, /^The file has YAML errors \(line \d+: .+\); fix them to format it\.$/);
    const range = formatCompose(parseCompose(text), TWO, lines(0, 1));
    assert.ok('refused' in range);
  });

  it('refuses a file with an alias to no anchor (an error the model reports)', () => {
    assert.match(refusal(yaml('services:', '  web:', '    <<: *missing')).refused, /line 3/);
  });

  it('formats a file whose lines end with a carriage return alone as the editor shows it, keeping those line ends', () => {
    const cr = FILE.replace(/\n/g, '\r');
    assert.strictEqual(format(cr), format(FILE).replace(/\n/g, '\r'));
    // A carriage return inside a quoted scalar breaks its line, as in the editor: the string is not closed there.
    assert.match(refusal('services:\n  web:\n    command: "a\rb\n').refused, /YAML errors/);
  });

  it('formats a file with warnings only (an unknown tag) or several documents, and refuses tab indentation', () => {
    assert.strictEqual(format(yaml('x-custom:', '      value: !custom   1')), yaml('x-custom:', '  value: !custom   1'));
    // Compose reads every document of a file (and merges them), so a file of several is formatted like one.
    const several = yaml('services:', '    web: {}', '---', 'volumes:   {}');
    assert.strictEqual(afterEdits(several, edits(several)), yaml('services:', '  web: {}', '---', 'volumes: {}'));
    assert.match(refusal(yaml('services:', '  web: {}', '---', '- not a map')).refused, /line 3/);
    // A section that comes back in a later document after another section (Compose merges the two `services`).
    const merged = yaml('services:', '    web:', '        image: a', 'volumes:', '    data: {}', '---', 'services:', '    db:', '        image:   b');
    assert.strictEqual(
      afterEdits(merged, edits(merged)),
      yaml('services:', '  web:', '    image: a', 'volumes:', '  data: {}', '---', 'services:', '  db:', '    image: b'),
    );
    assert.match(refusal('services:\n\tweb: {}\n').refused, /YAML errors/);
  });

  it('formats deep nesting and long lines without failing', () => {
    const deep = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 3)}k${i}:`).join('\n') + ' 1\n';
    const formatted = format(deep);
    assert.strictEqual(formatted.split('\n')[299], `${' '.repeat(299 * 2)}k299: 1`);
    const long = yaml('services:', `    web: {image: "${'x'.repeat(20000)}"}   `);
    assert.strictEqual(format(long), yaml('services:', `  web: {image: "${'x'.repeat(20000)}"}`));
  });
});
