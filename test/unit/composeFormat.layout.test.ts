// Compose formatting: indentation by nesting depth, one space after `:` and `-`, trailing blanks, comment lines, and
// the edits that get there (few, small, in order, never across a line end).
import * as assert from 'assert';
import { FOUR, edits, format, lineEdit, yaml } from './support/composeFormat';

describe('Compose formatting: layout', () => {
  it('indents each level by the tab size, from the parsed structure', () => {
    const text = yaml('services:', '      web:', '           image: nginx', '           environment:', '             A: "1"', '      db:', '         image: postgres');
    assert.strictEqual(format(text), yaml('services:', '  web:', '    image: nginx', '    environment:', '      A: "1"', '  db:', '    image: postgres'));
    assert.strictEqual(format(text, FOUR), yaml('services:', '    web:', '        image: nginx', '        environment:', '            A: "1"', '    db:', '        image: postgres'));
  });

  it('indents with spaces also when the editor inserts tabs (YAML never indents with tabs)', () => {
    const text = yaml('services:', ' web:', '   image: nginx');
    assert.strictEqual(format(text, { tabSize: 4, insertSpaces: false }), yaml('services:', '    web:', '        image: nginx'));
  });

  it('falls back to two spaces for a tab size that is not a small positive number', () => {
    const text = yaml('services:', ' web:', '   image: nginx');
    const two = yaml('services:', '  web:', '    image: nginx');
    for (const tabSize of [0, -4, 2.5, Number.NaN, 1000]) assert.strictEqual(format(text, { tabSize, insertSpaces: true }), two, String(tabSize));
  });

  it('indents a sequence one unit under its key, whether it was written under the key or at its column', () => {
    const text = yaml('services:', '  web:', '    ports:', '    - "80:80"', '    - "443:443"', '    expose:', '            - 9000', '    image: nginx');
    const expected = yaml('services:', '  web:', '    ports:', '      - "80:80"', '      - "443:443"', '    expose:', '      - 9000', '    image: nginx');
    assert.strictEqual(format(text), expected);
    assert.strictEqual(format(expected), expected);
  });

  it('keeps a map that starts after `- ` on the dash line, its other keys aligned under its first', () => {
    const text = yaml('services:', '  web:', '    volumes:', '      -    type: bind', '           source: ./a', '           target: /a', '      - type: volume', '        source: data');
    assert.strictEqual(
      format(text, FOUR),
      yaml('services:', '    web:', '        volumes:', '            - type: bind', '              source: ./a', '              target: /a', '            - type: volume', '              source: data'),
    );
  });

  it('nests sequences of sequences and maps below a bare dash', () => {
    const text = yaml('x-matrix:', '-   - a', '    -   - b', '        - c', '-', '       key: value', '-   # note', '      other: 1');
    assert.strictEqual(format(text), yaml('x-matrix:', '  - - a', '    - - b', '      - c', '  -', '    key: value', '  -   # note', '    other: 1'));
  });

  it('puts one space after a key colon and after a dash, not inside quoted or plain values', () => {
    const text = yaml('services:', '  web:', '    image:      "nginx:   latest"', '    command:   echo -   a:b   c', '    ports:', '      -     "80:80"', '      -\t8080:80');
    assert.strictEqual(format(text), yaml('services:', '  web:', '    image: "nginx:   latest"', '    command: echo -   a:b   c', '    ports:', '      - "80:80"', '      - 8080:80'));
  });

  it('keeps the blanks before a comment at the end of a line (its alignment)', () => {
    const text = yaml('services:', '  web:', '    image: nginx     # pinned below', '    restart:   always  # policy', '    ports:      # none yet', '    -   # placeholder');
    assert.strictEqual(format(text), yaml('services:', '  web:', '    image: nginx     # pinned below', '    restart: always  # policy', '    ports:      # none yet', '      -   # placeholder'));
  });

  it('removes trailing blanks and empties blank lines, keeping them', () => {
    const text = 'services:  \n  web:\t\n    image: nginx   \n   \n\n  db: \n    image: postgres\t \n';
    assert.strictEqual(format(text), 'services:\n  web:\n    image: nginx\n\n\n  db:\n    image: postgres\n');
  });

  it('moves a comment line to the column of the line it precedes when it was there', () => {
    const text = yaml('services:', '    # the web server', '    web:', '        # its image', '        image: nginx', '        ports:', '        # published', '        - "80:80"');
    assert.strictEqual(format(text), yaml('services:', '  # the web server', '  web:', '    # its image', '    image: nginx', '    ports:', '      # published', '      - "80:80"'));
  });

  it('keeps a comment after a block where it is relative to that block (commented-out keys)', () => {
    const text = yaml('services:', '    web:', '        image: nginx', '        # ports:', '        #   - "80:80"', '      # half way', '    db:', '        image: postgres', '# the end', '    # of db');
    assert.strictEqual(
      format(text),
      yaml('services:', '  web:', '    image: nginx', '    # ports:', '    #   - "80:80"', '    # half way', '  db:', '    image: postgres', '# the end', '  # of db'),
    );
  });

  it('leaves document markers and directives where they are', () => {
    const text = yaml('%YAML 1.2', '---   ', 'services:', '   web:', '      image: nginx', '...');
    assert.strictEqual(format(text), yaml('%YAML 1.2', '---', 'services:', '  web:', '    image: nginx', '...'));
  });

  it('formats a file whose top node is a sequence, or a flow map, or nothing', () => {
    assert.strictEqual(format(yaml('-    a', '-   b:   1', '    c: 2')), yaml('- a', '- b: 1', '  c: 2'));
    assert.strictEqual(format(yaml('{services: {web: {image: nginx}},  ', '  volumes: {}}')), yaml('{services: {web: {image: nginx}},', '  volumes: {}}'));
    assert.strictEqual(format(''), '');
    assert.strictEqual(format('# only a comment   \n'), '# only a comment\n');
  });

  it('gives one edit per changed run of blanks, in document order, none over a line end', () => {
    const text = yaml('services:', '   web:  ', '        image:    nginx # x', '        ports:', '        -   "80:80"');
    assert.deepStrictEqual(edits(text), [
      lineEdit(1, 0, 3, '  '),
      lineEdit(1, 7, 9, ''),
      lineEdit(2, 0, 8, '    '),
      lineEdit(2, 14, 18, ' '),
      lineEdit(3, 0, 8, '    '),
      lineEdit(4, 0, 8, '      '),
      lineEdit(4, 9, 12, ' '),
    ]);
    assert.deepStrictEqual(edits(yaml('services:', '  web:', '    image: nginx')), []);
  });

  it('keeps CRLF line ends and a byte order mark', () => {
    const text = 'services:\r\n    web:   \r\n        image: nginx\r\n';
    assert.strictEqual(format(text), 'services:\r\n  web:\r\n    image: nginx\r\n');
    assert.strictEqual(format('\ufeffservices:\n    web:\n        image: x\n'), '\ufeffservices:\n  web:\n    image: x\n');
  });

  it('changes nothing in a file that is already formatted', () => {
    const text = yaml(
      'name: app',
      'x-logging: &logging',
      '  driver: json-file',
      'services:',
      '  web:',
      '    <<: *logging',
      '    image: nginx:1.27 # pinned',
      '    ports:',
      '      - "80:80"',
      '    healthcheck:',
      '      test: ["CMD", "curl", "-f", "http://localhost"]',
    );
    assert.deepStrictEqual(edits(text), []);
    assert.deepStrictEqual(edits(text.replace(/ {2}/g, '    '), FOUR), []);
  });
});
