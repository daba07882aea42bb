import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { references } from '../../server/src/dockerfile/navigation';
import { occurrencesOf, type NamedSymbol } from '../../server/src/dockerfile/occurrences';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { prepareRename, rename } from '../../server/src/dockerfile/rename';
import { corpusFiles, corpusFolder } from './support/corpus';
import { afterEdits, at, r, renamed, URI } from './support/dockerfileCaret';

describe('Dockerfile rename: heredoc delimiters', () => {
  it('renames the opener word and the terminator together, keeping quotes, dashes and tabs', () => {
    assert.strictEqual(renamed('FROM alpine\nRUN <<E|OF\necho EOF\nEOF\nRUN echo EOF', 'SCRIPT'), 'FROM alpine\nRUN <<SCRIPT\necho EOF\nSCRIPT\nRUN echo EOF');
    assert.strictEqual(renamed('FROM alpine\nRUN <<-"EOF"\n\techo\n\tEO|F', 'END'), 'FROM alpine\nRUN <<-"END"\n\techo\n\tEND');
    assert.strictEqual(renamed("FROM alpine\nCOPY <<'A' <<B| /dest/\n1\nA\n2\nB", 'SECOND'), "FROM alpine\nCOPY <<'A' <<SECOND /dest/\n1\nA\n2\nSECOND");
  });

  it('answers the opener and the terminator as edits of one document', () => {
    const { model, position } = at('FROM alpine\nRUN <<EOF\necho\nE|OF');
    assert.deepStrictEqual(rename(model, URI, position, 'END'), {
      changes: { [URI]: [{ range: r(1, 6, 9), newText: 'END' }, { range: r(3, 0, 3), newText: 'END' }] },
    });
    assert.deepStrictEqual(prepareRename(model, position), { range: r(3, 0, 3), placeholder: 'EOF' });
  });

  it('refuses a delimiter that is not one plain word', () => {
    const text = 'FROM alpine\nRUN <<E|OF\necho\nEOF';
    const message = (name: string) => ({ refused: `${JSON.stringify(name)} is not a valid heredoc delimiter: use one word without spaces, quotes, "<", ">", "$", "\`" or "\\", not starting with "-".` });
    for (const name of ['TWO WORDS', 'A"B', "it's", '<X', '$X', '-X', 'A\\B']) assert.deepStrictEqual(renamed(text, name), message(name));
    assert.deepStrictEqual(renamed(text, ''), { refused: 'A heredoc delimiter cannot be empty.' });
  });

  it('refuses a delimiter that the body already has as a line, which would end the heredoc early', () => {
    assert.deepStrictEqual(renamed('FROM alpine\nRUN <<E|OF\nset -e\necho\nEOF', 'echo'), {
      refused: 'The heredoc body has the line "echo" (line 4), which would end the heredoc there.',
    });
    assert.deepStrictEqual(renamed('FROM alpine\nRUN <<-E|OF\n\t\tdone\nEOF', 'done'), {
      refused: 'The heredoc body has the line "done" (line 3), which would end the heredoc there.',
    });
  });
});

const corpus = corpusFolder('dockerfiles');

describe('Dockerfile rename on the real-world corpus', () => {
  it('renames symbols of every file so that the new name has exactly the same occurrences', function () {
    this.timeout(60000);
    const files = corpusFiles();
    assert.ok(files.length > 100, `corpus at ${corpus}`);
    const newNames = { stage: 'renamed-stage', variable: 'RENAMED_VARIABLE', heredoc: 'RENAMED_END' };
    const done = { stage: 0, variable: 0, heredoc: 0 };
    for (const file of files) {
      const name = path.basename(file);
      const text = fs.readFileSync(file, 'utf8');
      const model = parseDockerfile(text);
      const seen = new Set<NamedSymbol>();
      // Each rename parses the file again: the first few symbols of each kind per file keep the test quick.
      const perFile = { stage: 0, variable: 0, heredoc: 0 };
      for (const onLine of occurrencesOf(model).byLine.values()) {
        for (const occurrence of onLine) {
          const symbol = occurrence.symbol;
          if (!symbol || seen.has(symbol) || perFile[symbol.kind] >= 2) continue;
          seen.add(symbol);
          const result = rename(model, URI, occurrence.range.start, newNames[symbol.kind]);
          if ('refused' in result) continue;
          const edits = result.changes![URI];
          const after = parseDockerfile(afterEdits(text, edits));
          // Edits before the first one on its line do not exist, so its start is where the new name starts.
          const again = references(after, URI, edits[0].range.start, true);
          assert.strictEqual(again.length, edits.length, `${name}:${edits[0].range.start.line + 1}: ${symbol.kind} ${symbol.name}`);
          for (const location of again) {
            const line = after.lines[location.range.start.line];
            assert.strictEqual(line.slice(location.range.start.character, location.range.end.character), newNames[symbol.kind]);
          }
          done[symbol.kind]++;
          perFile[symbol.kind]++;
        }
      }
    }
    assert.ok(done.stage > 100 && done.variable > 300 && done.heredoc > 20, JSON.stringify(done));
  });
});
