// Words as a POSIX shell reads and writes them (util/shellWords.ts): what a user types into Run with Options' boxes,
// and the command line it shows. Quoting is checked against the real /bin/sh: what it reads back is the word itself.
import * as assert from 'assert';
import { commandLine, quoteWord, splitWords } from '../../client/src/util/shellWords';
import { HOSTILE_VALUES } from '../support/hostileEngine';
import { shellReads } from './support/shell';

describe('shell words', () => {
  it('splits at blanks, keeping quoted blanks and reading backslashes as a shell does, expanding nothing', () => {
    assert.deepStrictEqual(splitWords('  A=1   B=2\tC=3\n'), { words: ['A=1', 'B=2', 'C=3'] });
    assert.deepStrictEqual(splitWords(`GREETING="hello world" 'NAME=it''s' PATH=$PATH:/x HOME=~ X=$(id) Y=\`id\``), {
      words: ['GREETING=hello world', 'NAME=its', 'PATH=$PATH:/x', 'HOME=~', 'X=$(id)', 'Y=`id`'],
    });
    assert.deepStrictEqual(splitWords(`A="say \\"hi\\" \\\\ \\n" B='a\\b' C=a\\ b D=""`), { words: ['A=say "hi" \\ \\n', 'B=a\\b', 'C=a b', 'D='] });
    assert.deepStrictEqual(splitWords(`'' ""`), { words: ['', ''] });
    assert.deepStrictEqual(splitWords(''), { words: [] });
    assert.deepStrictEqual(splitWords('A="open'), { problem: 'A double quote is not closed.' });
    assert.deepStrictEqual(splitWords("A='open"), { problem: 'A single quote is not closed.' });
    assert.deepStrictEqual(splitWords('A=1\\'), { problem: 'A backslash at the end escapes nothing.' });
  });

  it('leaves plain words as they are and single-quotes the others', () => {
    assert.deepStrictEqual(
      ['web', '--name=web', '127.0.0.1:8080:80/tcp', 'a,b', '', 'two words', "it's", '$HOME', '-', '~', '#x'].map(quoteWord),
      ['web', '--name=web', '127.0.0.1:8080:80/tcp', 'a,b', "''", "'two words'", `'it'\\''s'`, "'$HOME'", '-', "'~'", "'#x'"],
    );
    assert.strictEqual(commandLine(['docker', 'run', '--env=A=two words', '--', 'web:1']), "docker run '--env=A=two words' -- web:1");
  });

  it('quotes every odd and hostile word so that sh reads back exactly that word', () => {
    const words = [...HOSTILE_VALUES, "a'b\"c\\d", 'tab\there', 'line\nbreak', '*', '?', '!x', '{a,b}', '; rm -rf /', 'é ü'];
    assert.deepStrictEqual(shellReads(commandLine(words)), words);
  });

  it('reads back what it writes', () => {
    const words = ['sh', '-c', 'echo "$HOME" && echo \'done\'', 'two  blanks', ''];
    assert.deepStrictEqual(splitWords(commandLine(words)), { words });
  });
});
