// The .dockerignore grammar, tokenized by vscode-textmate as VS Code does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');

async function loadGrammar(): Promise<IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => {
      const file = path.join(root, 'syntaxes/dockerignore.tmLanguage.json');
      return parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('source.dockerignore');
  if (!grammar) throw new Error('grammar not found');
  return grammar;
}

/** [text, innermost scope] of each token of one line. */
function tokens(grammar: IGrammar, line: string): [string, string][] {
  return grammar.tokenizeLine(line, INITIAL).tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
}

describe('.dockerignore grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('marks comments', () => {
    assert.deepStrictEqual(tokens(grammar, '# build output'), [
      ['#', 'punctuation.definition.comment.dockerignore'],
      [' build output', 'comment.line.number-sign.dockerignore'],
    ]);
  });

  it('marks negation, globstars, wildcards, sets and escapes', () => {
    assert.deepStrictEqual(tokens(grammar, '!**/keep?[ab]\\*.md'), [
      ['!', 'keyword.operator.negation.dockerignore'],
      ['**', 'keyword.operator.glob.globstar.dockerignore'],
      ['/keep', 'source.dockerignore'],
      ['?', 'keyword.operator.glob.wildcard.dockerignore'],
      ['[ab]', 'constant.character.set.dockerignore'],
      ['\\*', 'constant.character.escape.dockerignore'],
      ['.md', 'source.dockerignore'],
    ]);
  });
});
