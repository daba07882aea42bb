// The Dockerfile grammar (syntaxes/dockerfile.tmLanguage.json), tokenized by vscode-textmate as VS Code does,
// over the small Dockerfiles in test/fixtures/grammar/. Heredoc bodies of RUN embed source.shell: VS Code's
// shellscript grammar from the VS Code server of the test rig when it is installed, else a stub grammar.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IToken, type StateStack } from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
const grammarFile = path.join(root, 'syntaxes/dockerfile.tmLanguage.json');
const fixtureDir = path.join(root, 'test/fixtures/grammar');
const EMBEDDED = 'meta.embedded.block.shellscript';

/** VS Code's shellscript grammar inside the VS Code server that scripts/setup.sh installs (see test/support/codeServer.ts). */
function vscodeShellGrammarFile(): string | undefined {
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

async function loadGrammar(shell: 'vscode' | 'stub'): Promise<IGrammar> {
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

interface Tokenized {
  lines: string[];
  tokens: IToken[][];
  /** State after the last line. */
  end: StateStack;
  stoppedEarly: boolean;
}

function tokenizeText(grammar: IGrammar, text: string): Tokenized {
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

function fixture(grammar: IGrammar, name: string): Tokenized {
  return tokenizeText(grammar, fs.readFileSync(path.join(fixtureDir, name), 'utf8'));
}

/** Tokens of one line (1-based) as [text, full scope list]; neighbours with the same scopes are merged, as VS Code does. */
function merged(file: Tokenized, n: number): { text: string; scopes: string[] }[] {
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
function at(file: Tokenized, n: number): [string, string][] {
  return merged(file, n).map((t) => [t.text, t.scopes[t.scopes.length - 1]]);
}

/**
 * A line of a RUN heredoc body, whatever the shell grammar makes of it: its text, and the distinct scope lists
 * from the root down to the embedded-shell scope (one list, when the whole line is shell).
 */
function body(file: Tokenized, n: number): { text: string; outer: string[] } {
  const tokens = merged(file, n);
  const outer = new Set<string>();
  for (const t of tokens) {
    const i = t.scopes.indexOf(EMBEDDED);
    outer.add(i < 0 ? t.scopes.join(' ') : t.scopes.slice(0, i + 1).join(' '));
  }
  return { text: tokens.map((t) => t.text).join(''), outer: [...outer] };
}

const KW = 'keyword.other.special-method.dockerfile';
const PLAIN = 'source.dockerfile';
const FLAG = 'entity.other.attribute-name.flag.dockerfile';
const ASSIGN = 'keyword.operator.assignment.dockerfile';
const FLAG_VALUE = 'string.unquoted.flag-value.dockerfile';
const MOUNT_KEY = 'support.type.property-name.mount.dockerfile';
const COMMA = 'punctuation.separator.comma.dockerfile';
const CONT = 'constant.character.escape.line-continuation.dockerfile';
const DOLLAR = 'punctuation.definition.variable.dockerfile';
const VAR = 'variable.other.dockerfile';
const VAR_BEGIN = 'punctuation.definition.variable.begin.dockerfile';
const VAR_END = 'punctuation.definition.variable.end.dockerfile';
const EXPANSION = 'keyword.operator.expansion.dockerfile';
const WORD = 'meta.interpolation.dockerfile';
const STR_BEGIN = 'punctuation.definition.string.begin.dockerfile';
const STR_END = 'punctuation.definition.string.end.dockerfile';
const DQ = 'string.quoted.double.dockerfile';
const SQ = 'string.quoted.single.dockerfile';
const ARR_BEGIN = 'punctuation.definition.array.begin.dockerfile';
const ARR_END = 'punctuation.definition.array.end.dockerfile';
const ARR_SEP = 'punctuation.separator.array.dockerfile';
const ARRAY = 'meta.structure.array.dockerfile';
const HEREDOC_OP = 'keyword.operator.heredoc.dockerfile';
const DELIM = 'keyword.control.heredoc-delimiter.dockerfile';
const HEREDOC_TEXT = 'string.unquoted.heredoc.dockerfile';
const COMMENT = 'comment.line.number-sign.dockerfile';
const COMMENT_HASH = 'punctuation.definition.comment.dockerfile';
const DIRECTIVE_HASH = 'punctuation.definition.directive.dockerfile';
const DIRECTIVE_NAME = 'keyword.other.directive.dockerfile';
const DIRECTIVE_VALUE = 'string.unquoted.directive-value.dockerfile';
const DIRECTIVE = 'meta.directive.dockerfile';
const STAGE = 'entity.name.type.stage.dockerfile';
const SHELL_BODY = `${PLAIN} ${EMBEDDED}`;

describe('Dockerfile grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar('vscode');
  });

  describe('as a file', () => {
    it('is source.dockerfile, and every "#rule" it includes is in its repository', () => {
      const raw = JSON.parse(fs.readFileSync(grammarFile, 'utf8'));
      assert.strictEqual(raw.scopeName, 'source.dockerfile');
      const missing = new Set<string>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            if (key === 'include' && typeof value === 'string' && value.startsWith('#') && !(value.slice(1) in raw.repository)) missing.add(value);
            walk(value);
          }
        }
      };
      walk(raw);
      assert.deepStrictEqual([...missing], []);
    });

    it('tokenizes every fixture to its end and is ready for an instruction after it', () => {
      const names = fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.dockerfile')).sort();
      assert.ok(names.length >= 9, `fixtures: ${names.join(', ')}`);
      for (const name of names) {
        const file = fixture(grammar, name);
        assert.strictEqual(file.stoppedEarly, false, name);
        const next = grammar.tokenizeLine('RUN true', file.end).tokens;
        assert.deepStrictEqual(next[0].scopes[next[0].scopes.length - 1], KW, name);
      }
    });
  });

  describe('parser directives', () => {
    it('marks syntax, check and escape at the top of the file (any case, spaces around =)', () => {
      const file = fixture(grammar, 'directives.dockerfile');
      assert.deepStrictEqual(at(file, 1), [
        ['#', DIRECTIVE_HASH],
        [' ', DIRECTIVE],
        ['syntax', DIRECTIVE_NAME],
        ['=', ASSIGN],
        ['docker/dockerfile:1.7', DIRECTIVE_VALUE],
      ]);
      assert.deepStrictEqual(at(file, 2), [
        ['#', DIRECTIVE_HASH],
        ['Check', DIRECTIVE_NAME],
        [' ', DIRECTIVE],
        ['=', ASSIGN],
        [' ', DIRECTIVE],
        ['skip=JSONArgsRecommended;error=true', DIRECTIVE_VALUE],
      ]);
      assert.deepStrictEqual(at(file, 3), [
        ['#', DIRECTIVE_HASH],
        [' ', DIRECTIVE],
        ['escape', DIRECTIVE_NAME],
        ['=', ASSIGN],
        ['\\', DIRECTIVE_VALUE],
      ]);
    });

    it('takes a directive after the first other line for a comment', () => {
      const file = fixture(grammar, 'directives.dockerfile');
      assert.deepStrictEqual(at(file, 5), [
        ['#', COMMENT_HASH],
        [' syntax=ignored: directives end at the first other line', COMMENT],
      ]);
      assert.deepStrictEqual(at(file, 6), [['FROM', KW], [' alpine:3.20', PLAIN]]);
    });

    it('stops looking for directives after an unknown one', () => {
      const file = fixture(grammar, 'not-directives.dockerfile');
      assert.deepStrictEqual(at(file, 1), [['#', COMMENT_HASH], [' unknown=value', COMMENT]]);
      assert.deepStrictEqual(at(file, 2), [['#', COMMENT_HASH], [' syntax=docker/dockerfile:1', COMMENT]]);
    });
  });

  describe('comments and instructions', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'instructions.dockerfile');
    });

    it('marks whole-line comments, also indented, but not a # inside an instruction', () => {
      assert.deepStrictEqual(at(file, 4), [['#', COMMENT_HASH], [' a whole-line comment', COMMENT]]);
      assert.deepStrictEqual(at(file, 5), [
        ['\t', 'punctuation.whitespace.comment.leading.dockerfile'],
        ['#', COMMENT_HASH],
        [' an indented comment', COMMENT],
      ]);
      assert.deepStrictEqual(at(file, 3), [
        ['  ', PLAIN],
        ['Run', KW],
        [' echo hi # handed to the shell, not a Dockerfile comment', PLAIN],
      ]);
    });

    it('marks every instruction keyword (and FROM\'s AS, HEALTHCHECK\'s CMD), in any case', () => {
      const keywords = file.lines.flatMap((_, i) => at(file, i + 1).filter(([, scope]) => scope === KW).map(([text]) => text));
      assert.deepStrictEqual(keywords, [
        'FROM', 'AS', 'from', 'as', 'Run', 'RUN', 'copy', 'ARG', 'ENV', 'ENV', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD',
        'HEALTHCHECK', 'USER', 'WORKDIR', 'VOLUME', 'MAINTAINER', 'SHELL', 'ENTRYPOINT', 'CMD', 'ADD', 'COPY',
      ]);
      assert.deepStrictEqual(at(file, 26), [['RUNNER is not an instruction', PLAIN]]);
    });

    it('marks ONBUILD and the instruction after it', () => {
      assert.deepStrictEqual(at(file, 6), [['ONBUILD', 'keyword.control.dockerfile'], [' ', PLAIN], ['RUN', KW], [' make', PLAIN]]);
      assert.deepStrictEqual(at(file, 7), [['onbuild', 'keyword.control.dockerfile'], [' ', PLAIN], ['copy', KW], [' . /src', PLAIN]]);
      assert.deepStrictEqual(at(file, 8), [['ONBUILD', 'keyword.control.dockerfile']]);
    });

    it('marks AS and the stage name in FROM', () => {
      assert.deepStrictEqual(at(file, 1), [
        ['FROM', KW],
        [' ', PLAIN],
        ['--platform', FLAG],
        ['=', ASSIGN],
        ['$', DOLLAR],
        ['BUILDPLATFORM', VAR],
        [' golang:1.22 ', PLAIN],
        ['AS', KW],
        [' ', PLAIN],
        ['build', STAGE],
      ]);
      assert.deepStrictEqual(at(file, 2), [['from', KW], [' alpine ', PLAIN], ['as', KW], [' ', PLAIN], ['Final', STAGE]]);
    });

    it('marks the names ARG, ENV and LABEL assign', () => {
      assert.deepStrictEqual(at(file, 9), [
        ['ARG', KW],
        [' ', PLAIN],
        ['VERSION', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['1.0 ', PLAIN],
        ['DEBUG', 'variable.other.assignment.dockerfile'],
      ]);
      assert.deepStrictEqual(at(file, 10), [
        ['ENV', KW],
        [' ', PLAIN],
        ['PATH', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['/opt/bin:', PLAIN],
        ['$', DOLLAR],
        ['PATH', VAR],
        [' ', PLAIN],
        ['MODE', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['"', STR_BEGIN],
        ['prod build', DQ],
        ['"', STR_END],
      ]);
      assert.deepStrictEqual(at(file, 11), [
        ['ENV', KW],
        [' ', PLAIN],
        ['LEGACY', 'variable.other.assignment.dockerfile'],
        [' value with spaces', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 12), [
        ['LABEL', KW],
        [' ', PLAIN],
        ['org.opencontainers.image.title', 'support.type.property-name.label.dockerfile'],
        ['=', ASSIGN],
        ['"', STR_BEGIN],
        ['app', DQ],
        ['"', STR_END],
        [' ', PLAIN],
        ['"', STR_BEGIN],
        ['quoted.key', DQ],
        ['"', STR_END],
        ['=', ASSIGN],
        ['v', PLAIN],
      ]);
    });

    it('marks EXPOSE ports, STOPSIGNAL signals and HEALTHCHECK CMD / NONE', () => {
      assert.deepStrictEqual(at(file, 13), [
        ['EXPOSE', KW],
        [' ', PLAIN],
        ['80', 'constant.numeric.port.dockerfile'],
        ['/', 'punctuation.separator.protocol.dockerfile'],
        ['tcp', 'constant.language.protocol.dockerfile'],
        [' ', PLAIN],
        ['8000-8010', 'constant.numeric.port.dockerfile'],
      ]);
      assert.deepStrictEqual(at(file, 14), [['STOPSIGNAL', KW], [' ', PLAIN], ['SIGTERM', 'constant.language.signal.dockerfile']]);
      assert.deepStrictEqual(at(file, 15), [
        ['HEALTHCHECK', KW],
        [' ', PLAIN],
        ['--interval', FLAG],
        ['=', ASSIGN],
        ['30s', FLAG_VALUE],
        [' ', PLAIN],
        ['CMD', KW],
        [' curl -f http://localhost/ || exit 1', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 16), [['HEALTHCHECK', KW], [' ', PLAIN], ['NONE', 'constant.language.none.dockerfile']]);
    });
  });

  describe('flags', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'flags.dockerfile');
    });

    it('marks --mount option keys and values, and other flags, up to the first other word', () => {
      assert.deepStrictEqual(at(file, 1), [
        ['RUN', KW],
        [' ', PLAIN],
        ['--mount', FLAG],
        ['=', ASSIGN],
        ['type', MOUNT_KEY],
        ['=', ASSIGN],
        ['cache', FLAG_VALUE],
        [',', COMMA],
        ['target', MOUNT_KEY],
        ['=', ASSIGN],
        ['/root/.cache', FLAG_VALUE],
        [',', COMMA],
        ['sharing', MOUNT_KEY],
        ['=', ASSIGN],
        ['locked', FLAG_VALUE],
        [' ', PLAIN],
        ['--network', FLAG],
        ['=', ASSIGN],
        ['none', FLAG_VALUE],
        [' go build', PLAIN],
      ]);
    });

    it('follows flags across continuation lines; later --options belong to the command', () => {
      assert.deepStrictEqual(at(file, 2).slice(-3), [['required', MOUNT_KEY], [' ', PLAIN], ['\\', CONT]]);
      assert.deepStrictEqual(at(file, 3), [
        ['    ', PLAIN],
        ['--mount', FLAG],
        ['=', ASSIGN],
        ['type', MOUNT_KEY],
        ['=', ASSIGN],
        ['bind', FLAG_VALUE],
        [',', COMMA],
        ['from', MOUNT_KEY],
        ['=', ASSIGN],
        ['build', FLAG_VALUE],
        [',', COMMA],
        ['source', MOUNT_KEY],
        ['=', ASSIGN],
        ['/out', FLAG_VALUE],
        [',', COMMA],
        ['target', MOUNT_KEY],
        ['=', ASSIGN],
        ['/in', FLAG_VALUE],
        [' ', PLAIN],
        ['\\', CONT],
      ]);
      assert.deepStrictEqual(at(file, 4), [['    apt-get install --no-install-recommends -y curl', PLAIN]]);
    });

    it('marks --from as a stage, variables in values, and flags without a value', () => {
      assert.deepStrictEqual(at(file, 5), [
        ['COPY', KW],
        [' ', PLAIN],
        ['--from', FLAG],
        ['=', ASSIGN],
        ['build', STAGE],
        [' ', PLAIN],
        ['--chmod', FLAG],
        ['=', ASSIGN],
        ['755', FLAG_VALUE],
        [' ', PLAIN],
        ['--chown', FLAG],
        ['=', ASSIGN],
        ['${', VAR_BEGIN],
        ['UID', VAR],
        ['}', VAR_END],
        [':0', FLAG_VALUE],
        [' /out/app /usr/bin/', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 6), [
        ['ADD', KW],
        [' ', PLAIN],
        ['--link', FLAG],
        [' ', PLAIN],
        ['--checksum', FLAG],
        ['=', ASSIGN],
        ['sha256:0123abc', FLAG_VALUE],
        [' https://example.com/x.tgz /x', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 7), [
        ['FROM', KW],
        [' ', PLAIN],
        ['--platform', FLAG],
        ['=', ASSIGN],
        ['linux/amd64', FLAG_VALUE],
        [' alpine', PLAIN],
      ]);
    });
  });

  describe('variables and strings', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'variables.dockerfile');
    });

    it('marks $VAR, ${VAR} and ${VAR:-word} / ${VAR:+word}', () => {
      assert.deepStrictEqual(at(file, 1), [
        ['ENV', KW],
        [' ', PLAIN],
        ['A', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['$', DOLLAR],
        ['HOME', VAR],
        [' ', PLAIN],
        ['B', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['${', VAR_BEGIN],
        ['HOME', VAR],
        ['}', VAR_END],
        [' ', PLAIN],
        ['C', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['${', VAR_BEGIN],
        ['VAR', VAR],
        [':-', EXPANSION],
        ['default', WORD],
        ['}', VAR_END],
        [' ', PLAIN],
        ['D', 'variable.other.assignment.dockerfile'],
        ['=', ASSIGN],
        ['${', VAR_BEGIN],
        ['VAR', VAR],
        [':+', EXPANSION],
        ['alt', WORD],
        ['}', VAR_END],
      ]);
    });

    it('marks the other modifiers and nested expansions', () => {
      const expansion = (name: string, op: string, word: string): [string, string][] => [
        ['${', VAR_BEGIN],
        [name, VAR],
        [op, EXPANSION],
        [word, WORD],
        ['}', VAR_END],
      ];
      assert.deepStrictEqual(at(file, 2), [
        ['RUN', KW],
        [' echo ', PLAIN],
        ...expansion('VAR', '-', 'x'),
        [' ', PLAIN],
        ...expansion('VAR', '?', 'err'),
        [' ', PLAIN],
        ...expansion('VAR', '#', 'pre'),
        [' ', PLAIN],
        ...expansion('VAR', '%%', 'suf'),
        [' ', PLAIN],
        ...expansion('VAR', '/', 'a/b'),
        [' ', PLAIN],
        ['${', VAR_BEGIN],
        ['A', VAR],
        [':-', EXPANSION],
        ['${', VAR_BEGIN],
        ['B', VAR],
        ['}', VAR_END],
        ['}', VAR_END],
      ]);
    });

    it('expands in double quotes, not in single quotes nor after a backslash', () => {
      assert.deepStrictEqual(at(file, 3), [
        ['RUN', KW],
        [' echo ', PLAIN],
        ['"', STR_BEGIN],
        ['home is ', DQ],
        ['$', DOLLAR],
        ['HOME', VAR],
        ['"', STR_END],
        [' ', PLAIN],
        ["'", STR_BEGIN],
        ['not $HOME', SQ],
        ["'", STR_END],
        [' ', PLAIN],
        ['\\$', 'constant.character.escape.dockerfile'],
        ['HOME', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 4), [['WORKDIR', KW], [' ', PLAIN], ['${', VAR_BEGIN], ['APP_DIR', VAR], ['}', VAR_END], ['/src', PLAIN]]);
    });
  });

  describe('exec (JSON) form', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'exec-form.dockerfile');
    });

    it('marks JSON strings, escapes and punctuation; CMD does not expand variables', () => {
      assert.deepStrictEqual(at(file, 1), [
        ['CMD', KW],
        [' ', PLAIN],
        ['[', ARR_BEGIN],
        ['"', STR_BEGIN],
        ['echo', DQ],
        ['"', STR_END],
        [',', ARR_SEP],
        [' ', ARRAY],
        ['"', STR_BEGIN],
        ['$HOME', DQ],
        ['"', STR_END],
        [',', ARR_SEP],
        [' ', ARRAY],
        ['"', STR_BEGIN],
        ['a', DQ],
        ['\\"', 'constant.character.escape.dockerfile'],
        ['b', DQ],
        ['"', STR_END],
        [']', ARR_END],
      ]);
      assert.deepStrictEqual(at(file, 6), [['CMD', KW], [' ', PLAIN], ['[', ARR_BEGIN], [']', ARR_END]]);
    });

    it('expands variables in the JSON form of COPY', () => {
      assert.deepStrictEqual(at(file, 2), [
        ['COPY', KW],
        [' ', PLAIN],
        ['[', ARR_BEGIN],
        ['"', STR_BEGIN],
        ['$', DOLLAR],
        ['SRC', VAR],
        ['"', STR_END],
        [',', ARR_SEP],
        [' ', ARRAY],
        ['"', STR_BEGIN],
        ['/dst/', DQ],
        ['"', STR_END],
        [']', ARR_END],
      ]);
    });

    it('leaves a shell test [ ... ] alone and follows an array across a continuation', () => {
      assert.deepStrictEqual(at(file, 3), [['RUN', KW], [' [ -f /etc/os-release ] && echo ok', PLAIN]]);
      assert.deepStrictEqual(at(file, 4).slice(-3), [[',', ARR_SEP], [' ', ARRAY], ['\\', CONT]]);
      assert.deepStrictEqual(at(file, 5), [
        ['            ', ARRAY],
        ['"', STR_BEGIN],
        ['-c', DQ],
        ['"', STR_END],
        [']', ARR_END],
      ]);
    });
  });

  describe('line continuations', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'continuations.dockerfile');
    });

    it('continue the instruction past comment and empty lines', () => {
      assert.deepStrictEqual(at(file, 1), [['RUN', KW], [' apt-get update && ', PLAIN], ['\\', CONT]]);
      assert.deepStrictEqual(at(file, 2), [
        ['    ', 'punctuation.whitespace.comment.leading.dockerfile'],
        ['#', COMMENT_HASH],
        [' a comment inside the instruction', COMMENT],
      ]);
      assert.deepStrictEqual(at(file, 3), [['', PLAIN]]);
      assert.deepStrictEqual(at(file, 4), [['    apt-get install -y curl', PLAIN]]);
      assert.deepStrictEqual(at(file, 5), [['COPY', KW], [' a b', PLAIN]]);
    });

    it('continue a string, and allow spaces after the escape character', () => {
      assert.deepStrictEqual(at(file, 6), [['RUN', KW], [' echo ', PLAIN], ['"', STR_BEGIN], ['one ', DQ], ['\\', CONT]]);
      assert.deepStrictEqual(at(file, 7), [['two', DQ], ['"', STR_END]]);
      assert.deepStrictEqual(at(file, 8), [
        ['LABEL', KW],
        [' ', PLAIN],
        ['a', 'support.type.property-name.label.dockerfile'],
        ['=', ASSIGN],
        ['b ', PLAIN],
        ['\\', CONT],
        ['  ', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 9), [
        ['      ', PLAIN],
        ['c', 'support.type.property-name.label.dockerfile'],
        ['=', ASSIGN],
        ['d', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 10), [['EXPOSE', KW], [' ', PLAIN], ['80', 'constant.numeric.port.dockerfile']]);
    });
  });

  describe('heredocs', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'heredocs.dockerfile');
    });

    it('RUN <<EOF: delimiters, a shell body, and an instruction after the closing line', () => {
      assert.deepStrictEqual(at(file, 1), [['RUN', KW], [' ', PLAIN], ['<<', HEREDOC_OP], ['EOF', DELIM]]);
      assert.deepStrictEqual(body(file, 2), { text: 'set -e', outer: [SHELL_BODY] });
      assert.deepStrictEqual(body(file, 3), { text: 'echo "$HOME" EOF', outer: [SHELL_BODY] });
      assert.deepStrictEqual(at(file, 4), [['EOF', DELIM]]);
      assert.deepStrictEqual(at(file, 5).slice(0, 1), [['RUN', KW]]);
    });

    it('RUN <<-EOT: the closing line may be indented with tabs; the rest of the opening line is Dockerfile', () => {
      assert.deepStrictEqual(at(file, 5), [['RUN', KW], [' ', PLAIN], ['<<-', HEREDOC_OP], ['EOT', DELIM], [' bash -ex', PLAIN]]);
      assert.deepStrictEqual(body(file, 6), { text: '\techo indented', outer: [SHELL_BODY] });
      assert.deepStrictEqual(at(file, 7), [['\t', PLAIN], ['EOT', DELIM]]);
    });

    it("quoted delimiters: <<'PY' after a command, <<\"EOF\"", () => {
      assert.deepStrictEqual(at(file, 8), [
        ['RUN', KW],
        [' python3 - ', PLAIN],
        ['<<', HEREDOC_OP],
        ["'", STR_BEGIN],
        ['PY', DELIM],
        ["'", STR_END],
      ]);
      assert.deepStrictEqual(body(file, 9), { text: 'print("hi")', outer: [SHELL_BODY] });
      assert.deepStrictEqual(at(file, 10), [['PY', DELIM]]);
      assert.deepStrictEqual(at(file, 11), [['RUN', KW], [' ', PLAIN], ['<<', HEREDOC_OP], ['"', STR_BEGIN], ['EOF', DELIM], ['"', STR_END]]);
    });

    it('ends only at a line that is exactly the delimiter (leading tabs only with <<-)', () => {
      assert.deepStrictEqual(body(file, 12), { text: ' EOF', outer: [SHELL_BODY] });
      assert.deepStrictEqual(body(file, 13), { text: '\tEOF', outer: [SHELL_BODY] });
      assert.deepStrictEqual(at(file, 14), [['EOF', DELIM]]);
    });

    it('COPY/ADD bodies are text, with variables unless the delimiter is quoted', () => {
      assert.deepStrictEqual(at(file, 15), [
        ['COPY', KW],
        [' ', PLAIN],
        ['<<', HEREDOC_OP],
        ['EOF', DELIM],
        [' /etc/app.conf', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 16), [['user=', HEREDOC_TEXT], ['$', DOLLAR], ['USER', VAR]]);
      assert.deepStrictEqual(at(file, 17), [['EOF', DELIM]]);
      assert.deepStrictEqual(at(file, 19), [['user=$USER', HEREDOC_TEXT]]);
      assert.deepStrictEqual(at(file, 20), [['EOF', DELIM]]);
    });

    it('two heredocs on one line: the first body, its delimiter, the second body, its delimiter', () => {
      assert.deepStrictEqual(at(file, 21), [
        ['RUN', KW],
        [' ', PLAIN],
        ['<<', HEREDOC_OP],
        ['FILE1', DELIM],
        [' cat > file1 && ', PLAIN],
        ['<<-', HEREDOC_OP],
        ['FILE2', DELIM],
        [' cat > file2', PLAIN],
      ]);
      assert.deepStrictEqual(body(file, 22), { text: 'first', outer: [SHELL_BODY] });
      assert.deepStrictEqual(at(file, 23), [['FILE1', DELIM]]);
      assert.deepStrictEqual(body(file, 24), { text: 'second', outer: [SHELL_BODY] });
      assert.deepStrictEqual(at(file, 25), [['\t', PLAIN], ['FILE2', DELIM]]);

      assert.deepStrictEqual(at(file, 26).filter(([, s]) => s === DELIM), [['robots.txt', DELIM], ['humans.txt', DELIM]]);
      assert.deepStrictEqual(at(file, 27), [['User-agent: *', HEREDOC_TEXT]]);
      assert.deepStrictEqual(at(file, 28), [['robots.txt', DELIM]]);
      assert.deepStrictEqual(at(file, 29), [['made by ', HEREDOC_TEXT], ['$', DOLLAR], ['TEAM', VAR]]);
      assert.deepStrictEqual(at(file, 30), [['humans.txt', DELIM]]);
      assert.deepStrictEqual(at(file, 31), [['FROM', KW], [' scratch', PLAIN]]);
    });

    it('opens a heredoc after flags', () => {
      assert.deepStrictEqual(at(file, 33).slice(-4), [['/root/.cache', FLAG_VALUE], [' ', PLAIN], ['<<', HEREDOC_OP], ['EOF', DELIM]]);
      assert.deepStrictEqual(body(file, 34), { text: 'pip install -r requirements.txt', outer: [SHELL_BODY] });
      assert.deepStrictEqual(at(file, 35), [['EOF', DELIM]]);
    });

    it('takes neither a here-string <<< nor a shift 1<<2 for a heredoc', () => {
      assert.deepStrictEqual(at(file, 32), [
        ['RUN', KW],
        [' cat <<<', PLAIN],
        ['"', STR_BEGIN],
        ['here-string', DQ],
        ['"', STR_END],
        [' && echo $((1<<2))', PLAIN],
      ]);
    });

    it('embeds source.shell: with a stub grammar the body is exactly its tokens', async () => {
      const stub = fixture(await loadGrammar('stub'), 'heredocs.dockerfile');
      assert.deepStrictEqual(at(stub, 3), [
        ['echo', 'support.function.builtin.stub.shell'],
        [' "', EMBEDDED],
        ['$HOME', 'variable.other.stub.shell'],
        ['" EOF', EMBEDDED],
      ]);
      assert.deepStrictEqual(
        merged(stub, 2).map((t) => [t.text, t.scopes.join(' ')]),
        [
          ['set', `${SHELL_BODY} support.function.builtin.stub.shell`],
          [' -e', SHELL_BODY],
        ],
      );
    });

    it("embeds VS Code's shellscript grammar (of the VS Code server that scripts/setup.sh installs)", function () {
      if (!vscodeShellGrammarFile()) throw new Error('the VS Code server is not installed: run scripts/setup.sh (npm test does)');
      const echo = merged(file, 3)[0];
      assert.strictEqual(echo.text, 'echo');
      assert.strictEqual(echo.scopes[1], EMBEDDED);
      assert.ok(echo.scopes[echo.scopes.length - 1].endsWith('.shell'), echo.scopes.join(' '));
    });
  });

  describe('# escape=`', () => {
    let file: Tokenized;
    const BT = 'meta.escape-backtick.dockerfile';
    before(() => {
      file = fixture(grammar, 'escape-backtick.dockerfile');
    });

    it('keeps reading directives after it', () => {
      assert.deepStrictEqual(at(file, 1).slice(-1), [['`', DIRECTIVE_VALUE]]);
      assert.deepStrictEqual(at(file, 2).slice(2, 3), [['syntax', DIRECTIVE_NAME]]);
    });

    it('takes a backslash at the end of a line for text, not a continuation', () => {
      assert.deepStrictEqual(at(file, 4), [['COPY', KW], [' app.exe c:\\', BT]]);
      assert.deepStrictEqual(at(file, 5), [['RUN', KW], [' dir c:\\', BT]]);
      assert.deepStrictEqual(at(file, 8), [['WORKDIR', KW], [' C:\\app', BT]]);
    });

    it('continues lines and escapes with the backtick; JSON keeps its backslash escapes', () => {
      assert.deepStrictEqual(at(file, 6), [
        ['RUN', KW],
        [' echo ', BT],
        ['"', STR_BEGIN],
        ['a ', DQ],
        ['`"', 'constant.character.escape.dockerfile'],
        ['quoted', DQ],
        ['`"', 'constant.character.escape.dockerfile'],
        [' word', DQ],
        ['"', STR_END],
        [' ', BT],
        ['`', CONT],
      ]);
      assert.deepStrictEqual(at(file, 7), [['    && echo done', BT]]);
      assert.deepStrictEqual(at(file, 9), [
        ['CMD', KW],
        [' ', BT],
        ['[', ARR_BEGIN],
        ['"', STR_BEGIN],
        ['c:', DQ],
        ['\\\\', 'constant.character.escape.dockerfile'],
        ['app.exe', DQ],
        ['"', STR_END],
        [']', ARR_END],
      ]);
    });
  });
});
