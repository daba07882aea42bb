import * as assert from 'assert';
import { parseDotenv } from '../../server/src/compose/dotenv';

describe('.env files', () => {
  it('reads names and values as Compose does', () => {
    const text = "# comment\nTAG=1.4.2\nexport REGION = eu-west-1\nQUOTED='a $b # c'\nESCAPED=\"line\\nnext\"\nCUT=value # note\nEMPTY=\nnot a line\n";
    assert.deepStrictEqual([...parseDotenv(text)], [
      ['TAG', '1.4.2'],
      ['REGION', 'eu-west-1'],
      ['QUOTED', 'a $b # c'],
      ['ESCAPED', 'line\nnext'],
      ['CUT', 'value'],
      ['EMPTY', ''],
    ]);
  });

  it('reads a quoted value over several lines up to its closing quote, and an unclosed one on its line only', () => {
    const text = 'MULTI="line1\nline2"\nNEXT=1\nSINGLE=\'a\n  b\'\nBROKEN="never closed\nAFTER=2\n';
    assert.deepStrictEqual([...parseDotenv(text)], [
      ['MULTI', 'line1\nline2'],
      ['NEXT', '1'],
      ['SINGLE', 'a\n  b'],
      ['BROKEN', 'never closed'],
      ['AFTER', '2'],
    ]);
  });

  it('interpolates unquoted and double-quoted values with the variables above them, not single-quoted ones', () => {
    const text = 'QUOTED="hello world"\nREF=${QUOTED}-x\nBOTH="$REF and ${MISSING:-fallback}"\nLITERAL=\'${QUOTED}\'\nSHELL=$HOME/bin\nLATER=${AFTER}\nAFTER=1\nPRICE="\\$5"\n';
    assert.deepStrictEqual([...parseDotenv(text)], [
      ['QUOTED', 'hello world'],
      ['REF', 'hello world-x'],
      ['BOTH', 'hello world-x and fallback'],
      ['LITERAL', '${QUOTED}'],
      // Unknown here (the shell's environment, or set further down): left as written.
      ['SHELL', '$HOME/bin'],
      ['LATER', '${AFTER}'],
      ['AFTER', '1'],
      ['PRICE', '$5'],
    ]);
  });
});
