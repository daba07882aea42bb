import * as assert from 'assert';
import * as fs from 'fs';
import { foldingRanges } from '../../server/src/compose/folding';
import { parseCompose } from '../../server/src/compose/parse';
import { corpusFiles } from './support/corpus';
import { oracleFolds } from './support/composeFoldingOracle';
import { checkNested, mutatedCorpus } from './support/composeOutline';

/** The folding ranges of the lines, as [startLine, endLine] or [startLine, endLine, kind]. */
function folds(lines: readonly string[]): (number | string)[][] {
  return foldingRanges(parseCompose(lines.join('\n'))).map((f) => (f.kind ? [f.startLine, f.endLine, f.kind] : [f.startLine, f.endLine]));
}

describe('Compose folding', () => {
  it('folds each service and each key block from its key to its last content line', () => {
    assert.deepStrictEqual(folds([
      'services:', // 0
      '  web:', // 1
      '    image: nginx', // 2
      '    ports:', // 3
      '      - "80:80"', // 4
      '      - "443:443"', // 5
      '', // 6
      '    # about db', // 7
      '  db:', // 8
      '    image: postgres', // 9
      '', // 10
      '', // 11
    ]), [[0, 9], [1, 5], [3, 5], [8, 9]]);
  });

  it('folds sequences written at the indentation of their key', () => {
    assert.deepStrictEqual(folds([
      'services:', // 0
      '  web:', // 1
      '    volumes:', // 2
      '    - a:/a', // 3
      '    - b:/b', // 4
      '    environment:', // 5
      '    - A=1', // 6
      '  db:', // 7
      '    image: x', // 8
    ]), [[0, 8], [1, 6], [2, 4], [5, 6], [7, 8]]);
  });

  it('folds block scalars and multi-line strings, whose lines are text even when they start with #', () => {
    assert.deepStrictEqual(folds([
      'services:', // 0
      '  app:', // 1
      '    command: |', // 2
      '      echo one', // 3
      '      # still text', // 4
      '', // 5
      '      echo two', // 6
      '', // 7
      '', // 8
      '    entrypoint: >-', // 9
      '      sh', // 10
      '    labels:', // 11
      '      a: "multi', // 12
      '        # line', // 13
      '        string"', // 14
      '    user: app', // 15
    ]), [[0, 15], [1, 15], [2, 6], [9, 10], [11, 14], [12, 14]]);
  });

  it('folds flow collections that span lines, also in a JSON-style file', () => {
    assert.deepStrictEqual(folds([
      'services:', // 0
      '  app:', // 1
      '    command: [', // 2
      '      "sh", "-c",', // 3
      '      "run"', // 4
      '    ]', // 5
      '    environment: {', // 6
      '      A: 1,', // 7
      '      B: [2,', // 8
      '          3]}', // 9
    ]), [[0, 9], [1, 9], [2, 5], [6, 9], [8, 9]]);
    assert.deepStrictEqual(folds(['{', '  "services": {', '    "web": {', '      "image": "nginx",', '      "ports": ["80:80"]', '    }', '  }', '}']), [[0, 7], [1, 6], [2, 5]]);
  });

  it('folds runs of two or more comment lines as comments', () => {
    assert.deepStrictEqual(folds([
      '# The file', // 0
      '# of the app', // 1
      'services:', // 2
      '  # one comment', // 3
      '  web:', // 4
      '    image: x', // 5
      '    # two', // 6
      '    # comments', // 7
      '    ports:', // 8
      '      - 80', // 9
      '# last', // 10
      '# lines', // 11
    ]), [[0, 1, 'comment'], [2, 9], [4, 9], [6, 7, 'comment'], [8, 9], [10, 11, 'comment']]);
  });

  it('keeps the outermost range when two start on the same line', () => {
    assert.deepStrictEqual(folds([
      'services:', // 0
      '  web:', // 1
      '    deploy:', // 2
      '      - command: |', // 3
      '          x', // 4
      '          y', // 5
      '        other: 1', // 6
    ]), [[0, 6], [1, 6], [2, 6], [3, 6]]);
  });

  it('reads Windows line endings, and returns nothing for one-line and empty files', () => {
    assert.deepStrictEqual(folds(['services:\r', '  web:\r', '    image: x\r', '  db:\r', '    command: |\r', '      run\r', '']), [[0, 5], [1, 2], [3, 5], [4, 5]]);
    assert.deepStrictEqual(folds(['']), []);
    assert.deepStrictEqual(folds(['services: {}']), []);
  });

  it('never throws on broken files and answers nested ranges inside the document', () => {
    const broken = [
      'services:\n  web:\n    image: "unterminated\n    ports:\n      - 80\n  db:\n    image: x',
      'services:\n  web:\n    image: [x,\n  db: {a: 1\n',
      'services:\n\tweb:\n\t\timage: x\n\t\tports:\n\t\t - 1',
      '- a\n  - b\n - c\n-\n  |\n x',
      '"\\\n\n\n',
      '['.repeat(500) + '\n' + ']'.repeat(500),
      'a:\n' + ' b:\n'.repeat(300),
      'key: |\n  text\n# comment\n# comment',
    ];
    for (const text of broken) checkNested(foldingRanges(parseCompose(text)), text.split('\n').length, JSON.stringify(text.slice(0, 40)));
    assert.deepStrictEqual(folds(['key: |', '  text', '# comment', '# comment']), [[0, 1], [2, 3, 'comment']]);
  });

  it('answers nested ranges for corpus files broken by random edits', () => {
    const texts = mutatedCorpus(400, 7);
    assert.strictEqual(texts.length, 400, 'the corpus is found beside the repository');
    for (const text of texts) checkNested(foldingRanges(parseCompose(text)), text.split('\n').length, JSON.stringify(text.slice(0, 60)));
  });

  it('folds every compose file of the corpus as a walk of the parsed tree does', () => {
    const files = corpusFiles('compose');
    assert.ok(files.length > 100, 'the corpus is found beside the repository');
    let ranges = 0;
    for (const file of files) {
      const model = parseCompose(fs.readFileSync(file, 'utf8'));
      const answer = foldingRanges(model);
      checkNested(answer, model.lineCount, file);
      assert.deepStrictEqual(answer, oracleFolds(model), file);
      ranges += answer.length;
    }
    assert.ok(ranges > files.length * 5, 'the corpus folds');
  });
});
