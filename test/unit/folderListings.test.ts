// Whether a path exists, answered from folder listings (util/folderListings.ts), always as fs.existsSync answers it:
// files, folders, missing folders, a file where a folder should be, links to something and to nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FolderListings } from '../../server/src/util/folderListings';

describe('FolderListings (path existence from folder listings)', () => {
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-listings-'));
    fs.mkdirSync(path.join(root, 'config', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(root, 'config', 'app.toml'), '');
    fs.writeFileSync(path.join(root, 'Dockerfile'), '');
    fs.symlinkSync(path.join(root, 'Dockerfile'), path.join(root, 'link-to-file'));
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('answers every path as fs.existsSync does', () => {
    const listings = new FolderListings();
    const exists = (p: string) => listings.exists(p);
    const paths = [
      'Dockerfile', 'dockerfile', 'config', 'config/app.toml', 'config/deep', 'config/missing.toml', 'missing/app.toml',
      'missing/deeper/app.toml', 'Dockerfile/inside', 'link-to-file', 'dangling', 'config/../Dockerfile', 'config/deep/..',
      './config/./app.toml',
    ].map((p) => path.join(root, p));
    // Written as they are, not normalized by path.join.
    paths.push(`${root}/config/../Dockerfile`, `${root}/config/./app.toml`, `${root}//config/app.toml`, `${root}/config/`, `${root}/missing/../config/app.toml`, `${root}/Dockerfile/..`);
    paths.push(root, path.parse(root).root, os.tmpdir());
    assert.deepStrictEqual(paths.map((p) => [p, exists(p)]), paths.map((p) => [p, fs.existsSync(p)]));
    assert.deepStrictEqual(
      ['Dockerfile', 'config/app.toml', 'missing/app.toml', 'dangling', 'link-to-file'].map((p) => exists(path.join(root, p))),
      [true, true, false, false, true],
    );
  });

  it('answers for the siblings of a missing folder from its parent, without reading each', () => {
    const listings = new FolderListings();
    const read: string[] = [];
    // The module object itself (the import above is a read-only view of it): every reader of fs sees the spy.
    const nodeFs = require('fs') as { readdirSync: unknown };
    const readdirSync = fs.readdirSync;
    nodeFs.readdirSync = (folder: string, ...rest: unknown[]) => {
      read.push(path.relative(root, folder) || '.');
      return (readdirSync as (...a: unknown[]) => unknown)(folder, ...rest);
    };
    try {
      const missing = Array.from({ length: 20 }, (_, i) => path.join(root, 'data', `svc${i}`, 'x'));
      const underExisting = Array.from({ length: 20 }, (_, i) => path.join(root, 'config', `svc${i}`, 'x'));
      const all = [...missing, ...underExisting, path.join(root, 'config', 'deep', 'x'), path.join(root, 'config', 'app.toml')];
      assert.deepStrictEqual(all.map((p) => listings.exists(p)), all.map((p) => fs.existsSync(p)));
    } finally {
      nodeFs.readdirSync = readdirSync;
    }
    // data/svc0 is missing: its parent (missing too) and the root are read once; data/svc1 ... need nothing more. So
    // for config/svc0 and config (listed), and config/deep (listed in config, so read).
    assert.deepStrictEqual(read, ['data/svc0', 'data', '.', 'config/svc0', 'config', 'config/deep']);
  });

  it('reads each folder once per run, so a file made later is seen by the next run', () => {
    const listings = new FolderListings();
    const exists = (p: string) => listings.exists(p);
    const later = path.join(root, 'config', 'later.toml');
    assert.strictEqual(exists(later), false);
    fs.writeFileSync(later, '');
    assert.strictEqual(exists(later), false);
    assert.strictEqual(new FolderListings().exists(later), true);
  });
});
