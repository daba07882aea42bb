// The Dockerfile grammar on heredocs, and the shell grammar embedded in RUN heredoc bodies. Helpers: ./support/grammar.
import * as assert from 'assert';
import {
  DELIM, DOLLAR, DQ, EMBEDDED, FLAG_VALUE, HEREDOC_OP, HEREDOC_TEXT, KW, PLAIN, SHELL_BODY, STR_BEGIN, STR_END,
  type Tokenized, VAR, at, body, describeGrammar, fixture, grammar, loadGrammar, merged, vscodeShellGrammarFile,
} from './support/grammar';

describeGrammar(() => {
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
});
