// validateSchema on the real-world corpus: these files run as they are, so no Error may come out.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Range } from 'vscode-languageserver-types';
import { parseAllDocuments } from 'yaml';
import type { Finding } from '../../server/src/diagnostics/types';
import { COMPOSE_CUSTOM_TAGS, validateSchema } from '../../server/src/compose/schemaCheck';

// out/test/unit -> the repository root; the shared corpus sits next to it.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'compose');

/** An LSP range from offsets, with a line index of the text. */
function rangeMaker(text: string): (node: { range?: [number, number, number] | null }) => Range {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - starts[low] };
  };
  return (node) => ({ start: position(node.range?.[0] ?? 0), end: position(node.range?.[1] ?? 0) });
}

interface Found {
  file: string;
  finding: Finding;
}

describe('Compose schema check on the real-world corpus', () => {
  const files = fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const found: Found[] = [];
  before(() => {
    for (const file of files) {
      const text = fs.readFileSync(path.join(corpus, file), 'utf8');
      const rangeOf = rangeMaker(text);
      for (const document of parseAllDocuments(text, { merge: true, keepSourceTokens: false, customTags: COMPOSE_CUSTOM_TAGS })) {
        assert.deepStrictEqual(document.errors.map((e) => e.message), [], `${file} parses`);
        for (const finding of validateSchema(document, rangeOf)) found.push({ file, finding });
      }
    }
  });

  const show = ({ file, finding }: Found) => `${file}:${finding.range.start.line + 1}: ${finding.code}: ${finding.message}`;

  it('finds the corpus', () => {
    assert.ok(files.length >= 100, `${files.length} compose files in ${corpus}`);
  });

  it('reports no Error on any file', () => {
    assert.deepStrictEqual(found.filter((f) => f.finding.severity === 'error').map(show), []);
  });

  it('only warns about deprecated keys and an empty environment', () => {
    // Compose rejects `environment:` left empty (its entries all commented out), but an editor sees that state
    // all the time, so it is a Warning; the file in the corpus is nginx-proxy's separate-containers example.
    const other = found.filter((f) => f.finding.code !== 'deprecated-key' && !(f.finding.code === 'invalid-type' && /is empty/.test(f.finding.message)));
    assert.deepStrictEqual(other.map(show), []);
    const empty = found.filter((f) => f.finding.code === 'invalid-type');
    assert.deepStrictEqual(
      empty.map((f) => [f.file, f.finding.severity, f.finding.message]),
      [
        [
          'nginx-proxy__nginx-proxy__docker-compose-separate-containers.yml',
          'warning',
          '`environment` is empty: Compose rejects an empty value here (it expects a list or a mapping); add entries or remove the key.',
        ],
      ],
    );
  });
});
