// Names of new volumes and networks: the engine's rule, names already taken, and empty for cancel.
import * as assert from 'assert';
import { newNameProblem } from '../../client/src/commands/volumes/names';

const RULE = 'A volume name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".';

describe('newNameProblem', () => {
  it('accepts names of the engine rule [a-zA-Z0-9][a-zA-Z0-9_.-]+', () => {
    for (const name of ['db', 'my-data', 'App_1.cache', '9lives', 'a-']) assert.strictEqual(newNameProblem('volume', name, []), undefined, name);
  });

  it('accepts an empty name: it cancels', () => {
    assert.strictEqual(newNameProblem('volume', '', ['db']), undefined);
  });

  it('refuses names outside the rule', () => {
    for (const name of ['a', '-data', '_x', '.hidden', 'my data', 'dé', 'a/b', 'x:y']) assert.strictEqual(newNameProblem('volume', name, []), RULE, name);
  });

  it('refuses a name already taken, naming the kind', () => {
    assert.strictEqual(newNameProblem('network', 'backend', ['bridge', 'backend']), 'A network named backend already exists.');
    assert.strictEqual(newNameProblem('network', 'Backend', ['backend']), undefined);
  });
});
