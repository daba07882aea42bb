// Shared by the dockerfileGrammar.*.test.ts files: the Dockerfile grammar (syntaxes/dockerfile.tmLanguage.json),
// tokenized by vscode-textmate as VS Code does, over the small Dockerfiles in test/fixtures/grammar/. Heredoc bodies
// of RUN embed source.shell: VS Code's shellscript grammar from the VS Code server of the test rig when it is
// installed, else a stub grammar.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IToken, type StateStack } from 'vscode-textmate';

const root = path.resolve(__dirname, '../../../..');
export const grammarFile = path.join(root, 'syntaxes/dockerfile.tmLanguage.json');
export const fixtureDir = path.join(root, 'test/fixtures/grammar');
export const EMBEDDED = 'meta.embedded.block.shellscript';

/** VS Code's shellscript grammar inside the VS Code server that scripts/setup.sh installs (see test/support/codeServer.ts). */
export function vscodeShellGrammarFile(): string | undefined {
  const cache = process.env.DW_CACHE || path.join(os.homedir(), '.cache', 'docker-workflows');
  const version = process.env.DW_CODE_SERVER_VERSION || '4.100.3';
  const dirs = [
    process.env.DW_VSCODE_DIR,
    path.join(cache, `code-server-${version}`, 'node_modules', 'code-server', 'lib', 'vscode'),
  ];
  for (const dir of dirs) {
    if (!dir) continue;
    const file = path.join(dir, 'extensions', 'shellscript', 'syntaxes', 'shell-unix-bash.tmLanguage.json');
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** Stands in for source.shell: just enough to see that the include resolved and where the body is. */
const STUB_SHELL = {
  scopeName: 'source.shell',
  patterns: [
    { match: '\\b(?:echo|set)\\b', name: 'support.function.builtin.stub.shell' },
    { match: '\\$\\w+', name: 'variable.other.stub.shell' },
  ],
};

let wasmLoaded: Promise<void> | undefined;

export async function loadGrammar(shell: 'vscode' | 'stub'): Promise<IGrammar> {
  if (!wasmLoaded) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    wasmLoaded = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  await wasmLoaded;
  const shellFile = shell === 'vscode' ? vscodeShellGrammarFile() : undefined;
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'source.dockerfile') return parseRawGrammar(fs.readFileSync(grammarFile, 'utf8'), grammarFile);
      if (scopeName === 'source.shell') {
        if (shellFile) return parseRawGrammar(fs.readFileSync(shellFile, 'utf8'), shellFile);
        return parseRawGrammar(JSON.stringify(STUB_SHELL), 'stub-shell.json');
      }
      return null;
    },
  });
  const grammar = await registry.loadGrammar('source.dockerfile');
  if (!grammar) throw new Error('grammar not found');
  return grammar;
}

export interface Tokenized {
  lines: string[];
  tokens: IToken[][];
  /** State after the last line. */
  end: StateStack;
  stoppedEarly: boolean;
}

export function tokenizeText(grammar: IGrammar, text: string): Tokenized {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const tokens: IToken[][] = [];
  let state: StateStack = INITIAL;
  let stoppedEarly = false;
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    tokens.push(result.tokens);
    stoppedEarly ||= result.stoppedEarly;
    state = result.ruleStack;
  }
  return { lines, tokens, end: state, stoppedEarly };
}

export function fixture(grammar: IGrammar, name: string): Tokenized {
  return tokenizeText(grammar, fs.readFileSync(path.join(fixtureDir, name), 'utf8'));
}

/** Tokens of one line (1-based) as [text, full scope list]; neighbours with the same scopes are merged, as VS Code does. */
export function merged(file: Tokenized, n: number): { text: string; scopes: string[] }[] {
  const line = file.lines[n - 1];
  const out: { text: string; scopes: string[] }[] = [];
  for (const t of file.tokens[n - 1]) {
    const text = line.slice(t.startIndex, t.endIndex);
    const last = out[out.length - 1];
    if (last && last.scopes.join(' ') === t.scopes.join(' ')) last.text += text;
    else out.push({ text, scopes: t.scopes });
  }
  return out;
}

/** [text, innermost scope] of each token of line n (1-based). */
export function at(file: Tokenized, n: number): [string, string][] {
  return merged(file, n).map((t) => [t.text, t.scopes[t.scopes.length - 1]]);
}

/**
 * A line of a RUN heredoc body, whatever the shell grammar makes of it: its text, and the distinct scope lists
 * from the root down to the embedded-shell scope (one list, when the whole line is shell).
 */
export function body(file: Tokenized, n: number): { text: string; outer: string[] } {
  const tokens = merged(file, n);
  const outer = new Set<string>();
  for (const t of tokens) {
    const i = t.scopes.indexOf(EMBEDDED);
    outer.add(i < 0 ? t.scopes.join(' ') : t.scopes.slice(0, i + 1).join(' '));
  }
  return { text: tokens.map((t) => t.text).join(''), outer: [...outer] };
}

export const KW = 'keyword.other.special-method.dockerfile';
export const PLAIN = 'source.dockerfile';
export const FLAG = 'entity.other.attribute-name.flag.dockerfile';
export const ASSIGN = 'keyword.operator.assignment.dockerfile';
export const FLAG_VALUE = 'string.unquoted.flag-value.dockerfile';
export const MOUNT_KEY = 'support.type.property-name.mount.dockerfile';
export const COMMA = 'punctuation.separator.comma.dockerfile';
export const CONT = 'constant.character.escape.line-continuation.dockerfile';
export const DOLLAR = 'punctuation.definition.variable.dockerfile';
export const VAR = 'variable.other.dockerfile';
export const VAR_BEGIN = 'punctuation.definition.variable.begin.dockerfile';
export const VAR_END = 'punctuation.definition.variable.end.dockerfile';
export const EXPANSION = 'keyword.operator.expansion.dockerfile';
export const WORD = 'meta.interpolation.dockerfile';
export const STR_BEGIN = 'punctuation.definition.string.begin.dockerfile';
export const STR_END = 'punctuation.definition.string.end.dockerfile';
export const DQ = 'string.quoted.double.dockerfile';
export const SQ = 'string.quoted.single.dockerfile';
export const ARR_BEGIN = 'punctuation.definition.array.begin.dockerfile';
export const ARR_END = 'punctuation.definition.array.end.dockerfile';
export const ARR_SEP = 'punctuation.separator.array.dockerfile';
export const ARRAY = 'meta.structure.array.dockerfile';
export const HEREDOC_OP = 'keyword.operator.heredoc.dockerfile';
export const DELIM = 'keyword.control.heredoc-delimiter.dockerfile';
export const HEREDOC_TEXT = 'string.unquoted.heredoc.dockerfile';
export const COMMENT = 'comment.line.number-sign.dockerfile';
export const COMMENT_HASH = 'punctuation.definition.comment.dockerfile';
export const DIRECTIVE_HASH = 'punctuation.definition.directive.dockerfile';
export const DIRECTIVE_NAME = 'keyword.other.directive.dockerfile';
export const DIRECTIVE_VALUE = 'string.unquoted.directive-value.dockerfile';
export const DIRECTIVE = 'meta.directive.dockerfile';
export const STAGE = 'entity.name.type.stage.dockerfile';
export const SHELL_BODY = `${PLAIN} ${EMBEDDED}`;

/** The grammar (with VS Code's shell grammar) that the before() hook of describeGrammar() loads. */
export let grammar: IGrammar;

/** The suite 'Dockerfile grammar' of each dockerfileGrammar.*.test.ts file: `tests` run with `grammar` loaded. */
export function describeGrammar(tests: () => void): void {
  describe('Dockerfile grammar', () => {
    before(async () => {
      grammar = await loadGrammar('vscode');
    });
    tests();
  });
}
