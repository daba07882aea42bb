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
});
