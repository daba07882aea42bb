// Compose formatting on every real compose file of the corpus, and on untidy and broken copies of them: the data,
// comments, anchors, aliases and tags stay the same, only blanks change, formatting again changes nothing, range
// formatting keeps the meaning too, and nothing throws.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FormattingOptions } from 'vscode-languageserver-types';
import { stringify } from 'yaml';
import { formatCompose } from '../../server/src/compose/format';
import { parseCompose } from '../../server/src/compose/parse';
import { corpusFiles, corpusFolder } from './support/corpus';
import { FOUR, TWO, afterEdits, assertSameMeaning, checkShape, edits, formatRange } from './support/composeFormat';

const FILES = corpusFiles('compose');

/** Formats, checks that the meaning is kept and that formatting again changes nothing; returns the formatted text. */
function roundTrip(text: string, options: FormattingOptions, where: string): string {
  const formatted = afterEdits(text, edits(text, options));
  try {
    assertSameMeaning(text, formatted);
    assert.deepStrictEqual(edits(formatted, options), [], 'formatting again changes nothing');
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  return formatted;
}

/** Untidies a file without touching its values: indentation times `k`, blanks after `- ` and `: `, trailing blanks. */
function untidy(text: string, k: number, next: () => number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)![0].length;
      let body = line.slice(indent);
      if (next() < 0.3) body = body.replace(/^- (?=\S)/, `-${' '.repeat(1 + Math.floor(next() * 3))}`);
      if (next() < 0.3) body = body.replace(/^([\w.-]+:) (?=[^\s#])/, (_m, key: string) => key + ' '.repeat(1 + Math.floor(next() * 3)));
      if (next() < 0.2) body += '  ';
      return ' '.repeat(indent * k) + body;
    })
    .join('\n');
}

/** True when the project's parser reads the text without errors. */
function parses(text: string): boolean {
  return !parseCompose(text).problems.some((p) => p.severity === 'error');
}

describe('Compose formatting on the corpus', () => {
  it('finds the corpus', () => {
    assert.ok(FILES.length >= 150, `${FILES.length} compose files in ${corpusFolder('compose')}`);
  });

  it('keeps the meaning of every compose file and is idempotent, with 2 and 4 spaces', function () {
    this.timeout(120_000);
    let changed = 0;
    for (const file of FILES) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.basename(file);
      assert.ok(parses(text), `${name} parses`);
      const two = roundTrip(text, TWO, `${name} (2)`);
      const four = roundTrip(text, FOUR, `${name} (4)`);
      // The structure decides the layout: going through 4 spaces and back gives the same file.
      assert.strictEqual(roundTrip(four, TWO, `${name} (4 then 2)`), two, `${name}: 4 then 2`);
      if (two !== text) changed++;
    }
    assert.ok(changed >= 20, `${changed} files changed`);
  });

  it('gives the same result on CRLF and BOM copies, with their line ends and BOM kept', function () {
    this.timeout(60_000);
    for (const file of FILES) {
      const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const name = path.basename(file);
      const lf = roundTrip(text, TWO, name);
      assert.strictEqual(roundTrip(text.replace(/\n/g, '\r\n'), TWO, `${name} (CRLF)`), lf.replace(/\n/g, '\r\n'), `${name}: CRLF`);
      assert.strictEqual(roundTrip('\ufeff' + text, TWO, `${name} (BOM)`), '\ufeff' + lf, `${name}: BOM`);
    }
  });

  it('keeps the meaning of untidy copies (deeper indentation, more blanks), also formatting ranges of them', function () {
    this.timeout(120_000);
    const next = prng(20261204);
    let tried = 0;
    for (const file of FILES) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.basename(file);
      const mess = untidy(text, 2 + Math.floor(next() * 2), next);
      if (!parses(mess)) continue; // e.g. a block scalar whose content indentation the copy changed
      tried++;
      roundTrip(mess, next() < 0.5 ? TWO : FOUR, `${name} (untidy)`);
      const count = mess.split('\n').length;
      for (let i = 0; i < 4; i++) {
        const first = Math.floor(next() * count);
        const last = Math.min(count - 1, first + Math.floor(next() * 15));
        const range = { start: { line: first, character: 0 }, end: { line: last, character: 1 } };
        try {
          formatRange(mess, range, FOUR);
        } catch (error) {
          throw new Error(`${name} (untidy), lines ${first}-${last}: ${(error as Error).message}`);
        }
      }
    }
    assert.ok(tried >= FILES.length * 0.8, `${tried} untidy copies parse`);
  });

  it('never throws on broken copies, and refuses exactly those with YAML errors (or a stray ":" value line)', function () {
    this.timeout(120_000);
    const next = prng(20261205);
    const pieces = ['\n', '\r\n', ' ', '  ', '\t', '#', '"', "'", '- ', ': ', '? ', '|', '>-', '|2', '&a ', '*a', '!!str ', '[', ']', '{', '}', ',', '\\', '<<: *a\n', '---\n', '\ufeff', '😀'];
    let refused = 0;
    const rounds = 600;
    for (let round = 0; round < rounds; round++) {
      let text = fs.readFileSync(FILES[Math.floor(next() * FILES.length)], 'utf8');
      for (let e = 1 + Math.floor(next() * 4); e > 0; e--) {
        const at = Math.floor(next() * (text.length + 1));
        const insert = next() < 0.6;
        text = insert ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
      }
      const model = parseCompose(text);
      const options = round % 2 ? FOUR : TWO;
      const result = formatCompose(model, options);
      if (!Array.isArray(result)) {
        const stray = /^Line \d+ starts with a ":" value deeper than the entries before it/.test(result.refused);
        assert.ok(!parses(text) || /\r(?!\n)/.test(text) || stray, `round ${round}: refused a file without errors: ${result.refused}`);
        refused++;
        continue;
      }
      checkShape(text, result);
      roundTrip(text, options, `round ${round}`);
      const line = Math.floor(next() * (model.lineCount + 2)) - 1;
      const ranged = formatCompose(model, options, { start: { line, character: 0 }, end: { line: line + Math.floor(next() * 20), character: 3 } });
      assert.ok(Array.isArray(ranged), `round ${round}: range refused`);
      checkShape(text, ranged);
      assertSameMeaning(text, afterEdits(text, ranged));
    }
    assert.ok(refused > 0 && refused < rounds, `${refused} refused`);
  });

  it('keeps the meaning of documents written in every style `yaml` writes (indentation, block scalars with indicators, folded strings)', function () {
    this.timeout(60_000);
    const next = prng(20261206);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const texts = ['a', 'two words', '  leading', 'trailing  ', 'two\nlines', 'one\n  indented\nline\n', '\n\nblank first', 'blank last\n\n', 'k: v', '- d', '# h', "it's", 'a\tb', '', ' \n ', 'long '.repeat(25), 'a\\ b'];
    const value = (depth: number): unknown => {
      const r = next();
      if (depth > 3 || r < 0.35) return next() < 0.7 ? pick(texts) : Math.floor(next() * 100);
      const size = 1 + Math.floor(next() * 4);
      if (r < 0.65) return Object.fromEntries(Array.from({ length: size }, (_, i) => [`${pick(['key', 'x-a', 'a b', 'ports'])}${i}`, value(depth + 1)]));
      return Array.from({ length: size }, () => value(depth + 1));
    };
    let formatted = 0;
    for (let round = 0; round < 200; round++) {
      const text = stringify(
        { services: { web: value(0) }, 'x-more': value(1) },
        { indent: 1 + Math.floor(next() * 5), indentSeq: next() < 0.5, lineWidth: pick([0, 30, 80]), minContentWidth: 0, defaultStringType: pick(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const) },
      );
      if (!parses(text)) continue;
      formatted++;
      roundTrip(text, pick([TWO, FOUR]), `round ${round}`);
    }
    assert.ok(formatted >= 150, `${formatted} documents formatted`);
  });

  it('formats a large untidy file in one answer, and formatting the result again changes nothing (timing is in the bench)', () => {
    const services: string[] = [];
    for (let s = 0; s < 500; s++) {
      services.push(
        `    svc${s}:`,
        `            image:    registry.example.com/svc${s}:latest   `,
        '            ports:',
        `            -   "${10000 + s}:80"`,
        '            environment:',
        `                    LEVEL:   info # level`,
        '            command: |',
        `                        run --id ${s}  `,
        '                          --verbose',
      );
    }
    const text = ['services:', ...services].join('\n') + '\n';
    const result = edits(text, TWO);
    assert.ok(result.length > 3000, `${result.length} edits`);
    const formatted = afterEdits(text, result);
    assert.deepStrictEqual(edits(formatted, TWO), []);
    assert.ok(formatted.includes('\n  svc7:\n    image: registry.example.com/svc7:latest\n    ports:\n      - "10007:80"\n'));
    // The block scalar's content keeps its indentation relative to its key (12 spaces), and its trailing blanks.
    assert.ok(formatted.includes(`\n    command: |\n${' '.repeat(16)}run --id 7  \n${' '.repeat(18)}--verbose\n`));
  });
});

/** A small deterministic generator (xorshift32), so that every run mutates the same way. */
function prng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}
