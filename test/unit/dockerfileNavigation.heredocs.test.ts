import * as assert from 'assert';
import * as fs from 'fs';
import { definition, documentHighlights, references } from '../../server/src/dockerfile/navigation';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { corpusFiles, corpusFolder } from './support/corpus';
import { defs, highlights, lines, loc, read, refs, URI, write } from './support/dockerfileCaret';

describe('Dockerfile navigation: heredoc delimiters', () => {
  it('links the opener word and the closing line: highlight both, definition from the terminator to the opener', () => {
    const text = lines('FROM alpine', 'RUN <<EOF', 'echo EOF is not the end here', 'E|OF');
    assert.deepStrictEqual(highlights(text), [write(1, 6, 9), read(3, 0, 3)]);
    assert.deepStrictEqual(defs(text), [loc(1, 6, 9)]);
    assert.deepStrictEqual(refs(text, false), [loc(3, 0, 3)]);
    assert.deepStrictEqual(refs(text.replace('<<EOF', '<<E|OF').replace('E|OF\n', 'EOF\n').replace(/E\|OF$/, 'EOF')), [loc(1, 6, 9), loc(3, 0, 3)]);
  });

  it('takes only the word of a quoted or tab-stripping opener, and the word after the tabs on the closing line', () => {
    assert.deepStrictEqual(highlights(lines('FROM alpine', 'RUN <<-"EN|D"', '\techo', '\tEND')), [write(1, 8, 11), read(3, 1, 4)]);
    assert.deepStrictEqual(highlights(lines('FROM alpine', "COPY <<'CONF' /etc/app.conf", 'a=1', 'CO|NF')), [write(1, 8, 12), read(3, 0, 4)]);
    assert.deepStrictEqual(highlights(lines('FROM alpine', 'RUN cat 3<<DA|TA', 'x', 'DATA')), [write(1, 11, 15), read(3, 0, 4)]);
  });

  it('keeps the heredocs of one instruction, and of an ONBUILD trigger, apart', () => {
    const text = lines('FROM alpine', 'COPY <<ONE <<TWO /dest/', '1', 'ONE', '2', 'TW|O', 'ONBUILD RUN <<ONE', 'x', 'ONE');
    assert.deepStrictEqual(highlights(text), [write(1, 13, 16), read(5, 0, 3)]);
    assert.deepStrictEqual(highlights(text.replace('TW|O', 'TWO').replace('ONBUILD RUN <<ONE', 'ONBUILD RUN <<O|NE')), [write(6, 14, 17), read(8, 0, 3)]);
  });

  it('has only the opener when the file ends before the terminator', () => {
    assert.deepStrictEqual(highlights(lines('FROM alpine', 'RUN <<E|OF', 'echo')), [write(1, 6, 9)]);
  });
});

const corpus = corpusFolder('dockerfiles');

describe('Dockerfile navigation on the real-world corpus', () => {
  const files = corpusFiles();

  it('finds the corpus', () => {
    assert.ok(files.length > 100, `corpus at ${corpus}`);
  });

  it('gives every occurrence the text of its name, a definition among the declarations, and the same references from each', function () {
    this.timeout(60000);
    let checked = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const model = parseDockerfile(text);
      for (let line = 0; line < model.lines.length; line++) {
        const highlightsOnLine = new Set<string>();
        for (let character = 0; character <= model.lines[line].length; character++) {
          const position = { line, character };
          const found = documentHighlights(model, position);
          if (found.length === 0) continue;
          const key = JSON.stringify(found);
          if (highlightsOnLine.has(key)) continue;
          highlightsOnLine.add(key);
          checked++;
          const all = references(model, URI, position, true).map((l) => l.range);
          assert.deepStrictEqual(all, found.map((h) => h.range), `${file}:${line + 1}`);
          const texts = new Set(all.map((range) => model.lines[range.start.line].slice(range.start.character, range.end.character).toLowerCase()));
          assert.strictEqual(texts.size, 1, `${file}:${line + 1}: one name, got ${[...texts].join(', ')}`);
          const declarations = found.filter((h) => h.kind === 3).map((h) => JSON.stringify(h.range));
          for (const target of definition(model, URI, position)) {
            assert.ok(declarations.includes(JSON.stringify(target.range)), `${file}:${line + 1}: definition is a declaration`);
          }
        }
      }
    }
    assert.ok(checked > 1000, `checked ${checked}`);
  });
});

describe('Dockerfile navigation on a large file', () => {
  it('finds every use of a global ARG and of a stage in a 48k-line file with 2000 chained stages (timing is in the bench)', function () {
    this.timeout(20000);
    const out = ['ARG BASE=debian:bookworm-slim', 'ARG VERSION=1.0.0'];
    for (let s = 0; s < 2000; s++) {
      out.push('', `FROM ${s === 0 ? '${BASE}' : `stage${s - 1}`} AS stage${s}`, 'ARG VERSION', `ENV APP_HOME=/opt/app${s} \\`, `    PATH=/opt/app${s}/bin:$PATH`,
        'WORKDIR $APP_HOME', 'LABEL version="${VERSION}"', 'RUN --mount=type=cache,target=/var/cache/apt \\', '    apt-get update \\', '    && rm -rf /var/lib/apt/lists/*',
        `COPY --from=stage${Math.max(0, s - 1)} /opt/app /prev`, 'RUN <<EOF', 'set -e', `echo $VERSION ${s}`, 'EOF', 'USER 1000:1000', 'CMD ["run"]');
    }
    const model = parseDockerfile(out.join('\n'));
    const versions = references(model, URI, { line: 1, character: 5 }, true);
    const stage = documentHighlights(model, { line: 2 + 17 * 1000 + 1, character: 7 });
    assert.strictEqual(versions.length, 1 + 2000 * 3, 'the global, then ARG VERSION, ${VERSION} and $VERSION in each stage');
    assert.strictEqual(stage.length, 3);
  });
});
