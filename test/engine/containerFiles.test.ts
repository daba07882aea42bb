// A container's files through the archive endpoints of the real test engine: stat, list, read, write, create a
// folder, upload a folder tree, delete, what the container's non-root user may not do, stopped and removed
// containers. Every value is checked against what the docker CLI (docker exec, docker cp) says.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ContainerFileError } from '../../client/src/engine/containerFiles';
import type { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import { TEST_IMAGE } from '../support/dockerd';
import { docker, env, newEngine, removeLeftovers, tarOf } from './engineTestKit';

const LABEL = 'dw.test=engine-files';
const INDEX = '<h1>docker-workflows test image</h1>\n';

function run(...args: string[]): string {
  return docker('run', '-d', '--label', LABEL, ...args);
}

/** The failure a promise rejects with, as [kind, message]. */
async function failure(promise: Promise<unknown>): Promise<[string, string]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContainerFileError) return [error.failure, error.message];
    throw error;
  }
  throw new Error('expected a failure');
}

async function* once(data: Buffer): AsyncIterable<Buffer> {
  yield data;
}

describe('engine layer: container files over the archive API', function () {
  this.timeout(120_000);
  let engine: DockerodeEngine;
  let id: string;

  before(() => {
    removeLeftovers({ containersLabel: LABEL });
    engine = newEngine();
    id = run(TEST_IMAGE, 'sleep', '1000');
  });

  after(() => {
    engine.dispose();
    removeLeftovers({ containersLabel: LABEL });
  });

  it('stats a file, a folder and a link with HEAD', async () => {
    const file = await engine.files.stat(id, '/www/index.html');
    assert.deepStrictEqual([file.name, file.kind, file.size, file.mode.toString(8), file.readOnly], ['index.html', 'file', INDEX.length, '644', undefined]);
    const folder = await engine.files.stat(id, '/www/');
    assert.deepStrictEqual([folder.path, folder.name, folder.kind, folder.mode.toString(8)], ['/www', 'www', 'directory', '755']);
    const link = await engine.files.stat(id, '/bin/sh');
    assert.deepStrictEqual([link.kind, link.linkTarget, link.targetKind, link.size], ['symlink', '/bin/busybox', 'file', fs.statSync('/bin/busybox').size]);
    assert.deepStrictEqual(await failure(engine.files.stat(id, '/nope')), ['not-found', 'There is no /nope in the container.']);
  });

  it('lists a folder from the headers of its archive, folders first, links resolved', async () => {
    assert.deepStrictEqual(
      (await engine.files.list(id, '/www')).entries.map((e) => [e.name, e.kind, e.size]),
      [['index.html', 'file', INDEX.length]],
    );
    const root = await engine.files.list(id, '/');
    assert.strictEqual(root.complete, true);
    const expected = docker('exec', id, 'ls', '-A', '/').split(/\s+/).sort();
    assert.deepStrictEqual(root.entries.map((e) => e.name).sort(), expected);
    const bin = await engine.files.list(id, '/bin');
    const sh = bin.entries.find((e) => e.name === 'sh');
    assert.deepStrictEqual([sh?.kind, sh?.linkTarget, sh?.targetKind], ['symlink', 'busybox', 'file']);
    // A bound on the children read: the listing says it is not complete.
    const bounded = await engine.files.list(id, '/bin', { maxEntries: 3 });
    assert.deepStrictEqual([bounded.entries.length, bounded.complete], [3, false]);
    // A byte bound the archive of "/" passes at once (busybox is 2 MB): the rest of the names come from ls in the
    // container, each stat'ed with HEAD, so the listing is still complete.
    const filled = await engine.files.list(id, '/', { maxBytes: 1024 });
    assert.strictEqual(filled.complete, true);
    assert.deepStrictEqual(filled.entries.map((e) => e.name).sort(), expected);
    assert.deepStrictEqual(
      filled.entries.filter((e) => ['www', 'bin', '.dockerenv'].includes(e.name)).map((e) => [e.name, e.kind, e.mode.toString(8)]),
      [['bin', 'directory', '755'], ['www', 'directory', '755'], ['.dockerenv', 'file', '755']],
    );
    assert.deepStrictEqual(await failure(engine.files.list(id, '/www/index.html')), ['not-directory', '/www/index.html is not a folder.']);
  });

  it('reads the exact bytes of a file', async () => {
    assert.strictEqual((await engine.files.read(id, '/www/index.html')).toString('utf8'), INDEX);
    assert.strictEqual((await engine.files.read(id, '/etc/passwd')).toString('utf8'), docker('exec', id, 'cat', '/etc/passwd') + '\n');
    assert.deepStrictEqual(await failure(engine.files.read(id, '/www')), ['is-directory', '/www is a folder, not a file.']);
  });

  it('writes a new file and overwrites it, keeping its mode; reads back the same bytes', async () => {
    const bytes = Buffer.from([...Array(256).keys(), ...Buffer.from('\nend of the bytes\n')]);
    await engine.files.write(id, '/tmp/bytes.bin', bytes, { create: true, overwrite: false });
    assert.deepStrictEqual(await engine.files.read(id, '/tmp/bytes.bin'), bytes);
    assert.deepStrictEqual(execFileSync('docker', ['exec', id, 'cat', '/tmp/bytes.bin'], { env }), bytes);
    assert.deepStrictEqual(await failure(engine.files.write(id, '/tmp/bytes.bin', bytes, { create: true, overwrite: false })), ['exists', '/tmp/bytes.bin already exists.']);
    assert.deepStrictEqual(await failure(engine.files.write(id, '/tmp/absent.txt', bytes, { create: false, overwrite: true })), ['not-found', 'There is no /tmp/absent.txt in the container.']);
    await engine.files.write(id, '/www/index.html', Buffer.from('<h1>changed</h1>\n'), { create: false, overwrite: true });
    assert.strictEqual(docker('exec', id, 'cat', '/www/index.html'), '<h1>changed</h1>');
    assert.strictEqual(docker('exec', id, 'ls', '-ln', '/www/index.html').split(/\s+/).slice(0, 4).join(' '), '-rw-r--r-- 1 0 0');
  });

  it('creates a folder, uploads a folder tree into it and deletes it', async () => {
    await engine.files.mkdir(id, '/tmp/made');
    assert.strictEqual((await engine.files.stat(id, '/tmp/made')).kind, 'directory');
    assert.deepStrictEqual(await failure(engine.files.mkdir(id, '/tmp/made')), ['exists', '/tmp/made already exists.']);
    await engine.files.upload(id, '/tmp/made', once(tarOf({ 'tree/a.txt': 'alpha\n', 'tree/sub/b.txt': 'beta\n' })));
    assert.deepStrictEqual((await engine.files.list(id, '/tmp/made/tree')).entries.map((e) => [e.name, e.kind]), [['sub', 'directory'], ['a.txt', 'file']]);
    assert.strictEqual(docker('exec', id, 'cat', '/tmp/made/tree/sub/b.txt'), 'beta');
    await engine.files.remove(id, '/tmp/made');
    assert.deepStrictEqual(await failure(engine.files.stat(id, '/tmp/made')), ['not-found', 'There is no /tmp/made in the container.']);
    assert.deepStrictEqual(await failure(engine.files.remove(id, '/')), ['permission', 'The root folder of a container cannot be deleted.']);
  });

  it("refuses what the container's non-root user may not do: permission denied in plain words", async () => {
    const user = run('--user', '1000', TEST_IMAGE, 'sleep', '1000');
    // A root-only file, put in with docker cp from a tar made by the tar command.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-files-'));
    fs.mkdirSync(path.join(folder, 'secret'));
    fs.writeFileSync(path.join(folder, 'secret', 'key'), 'root only\n');
    fs.chmodSync(path.join(folder, 'secret', 'key'), 0o600);
    fs.mkdirSync(path.join(folder, 'work'));
    execFileSync('docker', ['cp', '-', `${user}:/`], { env, input: execFileSync('tar', ['-C', folder, '--owner=0', '--group=0', '-c', 'secret']) });
    execFileSync('docker', ['cp', '-', `${user}:/`], { env, input: execFileSync('tar', ['-C', folder, '--owner=1000', '--group=1000', '-c', 'work']) });
    fs.rmSync(folder, { recursive: true, force: true });
    assert.match(execFileSync('docker', ['exec', user, 'sh', '-c', 'cat /secret/key 2>&1 || true'], { env, encoding: 'utf8' }), /Permission denied/);

    assert.deepStrictEqual(await failure(engine.files.read(user, '/secret/key')), [
      'permission',
      'Permission denied: the container runs as user 1000, who cannot read /secret/key.',
    ]);
    assert.strictEqual((await engine.files.stat(user, '/secret/key')).readOnly, 'User 1000 cannot change /secret/key.');
    assert.deepStrictEqual(await failure(engine.files.write(user, '/secret/new.txt', Buffer.from('x'), { create: true, overwrite: false })), [
      'permission',
      'Permission denied: the container runs as user 1000, who cannot add files to /secret.',
    ]);
    const [kind, message] = await failure(engine.files.remove(user, '/secret/key'));
    assert.deepStrictEqual([kind, message.replace(/ \(rm said: .*\)\.$/, '.')], ['permission', "Permission denied: the container's user cannot delete /secret/key."]);
    // What user 1000 may do, it does: a new file in its own folder belongs to it.
    await engine.files.write(user, '/work/mine.txt', Buffer.from('mine\n'), { create: true, overwrite: false });
    assert.strictEqual(docker('exec', user, 'ls', '-ln', '/work/mine.txt').split(/\s+/).slice(0, 4).join(' '), '-rw-r--r-- 1 1000 0');
    await engine.files.remove(user, '/work/mine.txt');
    assert.strictEqual(docker('exec', user, 'ls', '-A', '/work'), '');
  });

  it('reads the files of a stopped container, and changes none', async () => {
    const stopped = run(TEST_IMAGE, 'true');
    docker('wait', stopped);
    assert.strictEqual((await engine.files.read(stopped, '/www/index.html')).toString('utf8'), INDEX);
    // No ls can run in it: a listing past its bound says it is not complete.
    const bounded = await engine.files.list(stopped, '/', { maxBytes: 1024 });
    assert.strictEqual(bounded.complete, false);
    assert.ok(bounded.entries.length < (await engine.files.list(stopped, '/')).entries.length);
    assert.strictEqual((await engine.files.stat(stopped, '/www/index.html')).readOnly, 'The container is not running: its files can be read, and changed once it is started.');
    assert.deepStrictEqual(await failure(engine.files.write(stopped, '/tmp/x', Buffer.from('x'), { create: true, overwrite: false })), [
      'permission',
      'The container is not running: its files can be read, and changed once it is started.',
    ]);
  });

  it('says so when the container was removed meanwhile', async () => {
    const gone = run(TEST_IMAGE, 'sleep', '1000');
    assert.strictEqual((await engine.files.stat(gone, '/www')).kind, 'directory');
    docker('rm', '-f', gone);
    const message = `The container ${gone.slice(0, 12)} no longer exists (it was removed meanwhile).`;
    assert.deepStrictEqual(await failure(engine.files.stat(gone, '/www')), ['no-container', message]);
    assert.deepStrictEqual(await failure(engine.files.read(gone, '/www/index.html')), ['no-container', message]);
    assert.deepStrictEqual(await failure(engine.files.remove(gone, '/www')), ['no-container', message]);
  });
});
