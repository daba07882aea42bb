// The Compose command line: the override file Compose adds beside a default compose file, and the default
// compose file of a folder. Folder names full of shell syntax must not run anything.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { composeFilesFor, findComposeFile, findOverrideFile } from '../../client/src/compose/composeFiles';

describe('compose CLI: override files', () => {
  let tmp: string;
  let n = 0;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-compose-files-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A fresh folder (with a shell-hostile name) holding the given files. */
  function folder(...files: string[]): string {
    const dir = path.join(tmp, `p${++n} it's "q" $(touch ${tmp}/pwned)`);
    fs.mkdirSync(dir, { recursive: true });
    for (const file of files) fs.writeFileSync(path.join(dir, file), 'services: {}\n');
    return dir;
  }

  it('adds compose.override.yaml beside compose.yaml', () => {
    const dir = folder('compose.yaml', 'compose.override.yaml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'compose.yaml')), [path.join(dir, 'compose.yaml'), path.join(dir, 'compose.override.yaml')]);
  });

  it('adds docker-compose.override.yml beside docker-compose.yml', () => {
    const dir = folder('docker-compose.yml', 'docker-compose.override.yml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'docker-compose.yml')), [
      path.join(dir, 'docker-compose.yml'),
      path.join(dir, 'docker-compose.override.yml'),
    ]);
  });

  it('takes any default override name beside any default file name, as Compose does', () => {
    const dir = folder('compose.yml', 'docker-compose.override.yaml');
    assert.strictEqual(findOverrideFile(path.join(dir, 'compose.yml')), path.join(dir, 'docker-compose.override.yaml'));
  });

  it('prefers compose.override.yml when there are several overrides (v2 order)', () => {
    const dir = folder('compose.yaml', 'compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yml');
    assert.strictEqual(findOverrideFile(path.join(dir, 'compose.yaml')), path.join(dir, 'compose.override.yml'));
  });

  it('gives the base file alone when there is no override', () => {
    const dir = folder('compose.yaml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'compose.yaml')), [path.join(dir, 'compose.yaml')]);
  });

  it('gives a file with another name alone, as `-f` does in Compose', () => {
    const dir = folder('compose.prod.yaml', 'compose.override.yaml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'compose.prod.yaml')), [path.join(dir, 'compose.prod.yaml')]);
  });

  it('puts the base file first when the override itself was chosen', () => {
    const dir = folder('docker-compose.yaml', 'compose.override.yaml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'compose.override.yaml')), [
      path.join(dir, 'docker-compose.yaml'),
      path.join(dir, 'compose.override.yaml'),
    ]);
  });

  it('does not take a folder called compose.override.yaml for a file', () => {
    const dir = folder('compose.yaml');
    fs.mkdirSync(path.join(dir, 'compose.override.yaml'));
    assert.strictEqual(findOverrideFile(path.join(dir, 'compose.yaml')), undefined);
  });

  it('finds the default compose file of a folder in Compose v2 order', () => {
    const dir = folder('docker-compose.yml', 'compose.yml');
    assert.strictEqual(findComposeFile(dir), path.join(dir, 'compose.yml'));
  });

  it('created nothing by the folder names', () => {
    assert.strictEqual(fs.existsSync(path.join(tmp, 'pwned')), false);
  });
});
