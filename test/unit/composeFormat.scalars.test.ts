// Compose formatting keeps every value as written: block scalars (content moved only with its key, trailing blanks
// kept), scalars and flow collections continued over lines, anchors, aliases, merge keys, tags, quoting, numbers.
import * as assert from 'assert';
import { FOUR, dataOf, edits, format, lineEdit, refusal, yaml } from './support/composeFormat';

describe('Compose formatting: values', () => {
  it('moves a literal block scalar with its key, keeping its relative indentation and trailing blanks', () => {
    const text = yaml('services:', '    web:', '        command: |', '            set -e  ', '              echo "indented"', '            done', '        image: nginx');
    assert.strictEqual(format(text), yaml('services:', '  web:', '    command: |', '        set -e  ', '          echo "indented"', '        done', '    image: nginx'));
  });

  it('keeps trailing blanks and blank lines of folded and kept block scalars, and empties lines that are not content', () => {
    const text = 'x:\n    a: >-\n        folded  \n        text\n   \n\n        more\n    b: |+\n        kept  \n          \n\n    c: 1\n';
    const formatted = format(text);
    assert.strictEqual(formatted, 'x:\n  a: >-\n      folded  \n      text\n\n\n      more\n  b: |+\n      kept  \n        \n\n  c: 1\n');
    assert.strictEqual(dataOf(formatted), JSON.stringify({ x: { a: 'folded   text\n\nmore', b: 'kept  \n  \n\n', c: 1 } }));
  });

  it('counts an indentation indicator from the collection that holds the block scalar', () => {
    const text = yaml('x-scripts:', '      -   |2', '           two spaces kept', '      - run: >1', '           one space kept', '      -     name: a', '            text: |3', '                 three');
    const formatted = format(text, FOUR);
    assert.strictEqual(
      formatted,
      yaml('x-scripts:', '    - |2', '         two spaces kept', '    - run: >1', '         one space kept', '    - name: a', '      text: |3', '           three'),
    );
    assert.strictEqual(dataOf(formatted), JSON.stringify({ 'x-scripts': ['   two spaces kept\n', { run: '  one space kept\n' }, { name: 'a', text: '  three\n' }] }));
  });

  it('moves a block scalar written on the line below its key with that line', () => {
    const text = yaml('services:', ' web:', '  command:', '   |', '     echo a', '       echo b');
    assert.strictEqual(format(text, FOUR), yaml('services:', '    web:', '        command:', '            |', '              echo a', '                echo b'));
  });

  it('moves a value on the line below its key with that line, unless its next lines would reach the key column', () => {
    const text = yaml('services:', '  web:', '    healthcheck:', '      test:', '          [', '            "CMD",', '            "true"', '          ]', '      entrypoint:', '              run this', '        and that');
    assert.strictEqual(
      format(text),
      yaml('services:', '  web:', '    healthcheck:', '      test:', '        [', '          "CMD",', '          "true"', '        ]', '      entrypoint:', '        run this', '        and that'),
    );
  });

  it('keeps a quoted or plain scalar continued over lines under its first line', () => {
    const text = yaml('services:', '      web:', '         command:   "sh -c \'echo a &&', '                    echo b\'"', '         entrypoint: run this', '            with that', "         user:  'a", "          b'");
    assert.strictEqual(
      format(text),
      yaml('services:', '  web:', '    command: "sh -c \'echo a &&', '               echo b\'"', '    entrypoint: run this', '       with that', "    user: 'a", "     b'"),
    );
  });

  it('keeps blanks after a backslash at the end of a double-quoted line (an escaped space)', () => {
    const text = 'x:\n    a: "one\\   \n       two  \n       three"\n';
    const formatted = format(text);
    assert.strictEqual(formatted, 'x:\n  a: "one\\   \n     two\n     three"\n');
    assert.strictEqual(JSON.parse(dataOf(formatted)).x.a, 'one  two three');
  });

  it('moves a flow collection over several lines as a whole, its comments and layout kept', () => {
    const text = yaml('services:', '    web:', '        command: ["sh", "-c",', '                  "echo hi",   ', '           # inside', '                  "done"]', '        environment: {A: 1,', '                B: 2}');
    assert.strictEqual(
      format(text),
      yaml('services:', '  web:', '    command: ["sh", "-c",', '              "echo hi",', '       # inside', '              "done"]', '    environment: {A: 1,', '            B: 2}'),
    );
  });

  it('keeps anchors, aliases, merge keys, tags, quoting and numbers exactly as written', () => {
    const text = yaml(
      'x-base: &base',
      '   restart: "no"',
      '   labels: !!map',
      '       a: 0x1F',
      'services:',
      '   web:',
      '       <<:   *base',
      '       cpus:    0.50',
      '       ports: !reset []',
      '       volumes: !override',
      '       - &v  ./a:/a',
      '       - *v',
      "       user:   '1000'",
      '       stop_grace_period: 1m30s',
    );
    assert.strictEqual(
      format(text),
      yaml(
        'x-base: &base',
        '  restart: "no"',
        '  labels: !!map',
        '    a: 0x1F',
        'services:',
        '  web:',
        '    <<: *base',
        '    cpus: 0.50',
        '    ports: !reset []',
        '    volumes: !override',
        '      - &v  ./a:/a',
        '      - *v',
        "    user: '1000'",
        '    stop_grace_period: 1m30s',
      ),
    );
  });

  it('keeps explicit keys (`? `) and their values (`: `)', () => {
    const text = yaml('x-map:', '    ?    complex key', '    :   complex value', '    ? - a', '      - b', '    :     - c');
    assert.strictEqual(format(text), yaml('x-map:', '  ? complex key', '  : complex value', '  ? - a', '    - b', '  : - c'));
  });

  it('refuses a ":" value line deeper than the entries before it (YAML gives it an empty key in a mapping of its choice)', () => {
    const stray = yaml('services:', '    web:', '        healthcheck:', '          test: x', '         : y');
    assert.strictEqual(
      refusal(stray).refused,
      'Line 5 starts with a ":" value deeper than the entries before it; formatting leaves the file as it is (moving that line could give the value to another mapping).',
    );
    assert.match(refusal(yaml('services:', '  web:', '    image: x', '   : y')).refused, /^Line 4 /);
    // Beside the entries of a mapping, an empty key is that mapping's, where formatting keeps it.
    assert.strictEqual(format(yaml('x-a:', '    b: 1', '    :   # nothing')), yaml('x-a:', '  b: 1', '  :   # nothing'));
    // A ":" inside a block scalar or a flow collection is text, not an indicator.
    assert.strictEqual(format(yaml('x-a:', '    run: |', '      : not a key', '    b: [1,', '      : 2]')), yaml('x-a:', '  run: |', '    : not a key', '  b: [1,', '    : 2]'));
  });

  it('changes no character of a value (only the blanks between)', () => {
    const text = yaml('services:', '  web:', '    image: "a   b"   ', "    command: 'x:   y'", '    entrypoint: a   b', '    healthcheck:', '      test: [ "CMD" ,  "true" ]');
    assert.deepStrictEqual(edits(text), [lineEdit(2, 18, 21, '')]);
  });
});
