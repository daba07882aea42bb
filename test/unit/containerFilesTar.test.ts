// The tar reader and writer of the container files, against GNU tar (the reader reads what tar writes in its
// ustar, pax and GNU formats; tar lists what the writer writes), and the safe extraction of a downloaded archive.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TarReader, tarOf, type TarEntry } from '../../client/src/engine/tar';
import { LocalExtractor, localTar } from '../../client/src/files/localFiles';
import { looksBinary } from '../../client/src/files/sniff';

const LONG = `${'deep-folder-name/'.repeat(8)}file-with-a-long-name.txt`;

/** Every entry of an archive and the data of its files, fed in chunks of `chunk` bytes. */
function readAll(archive: Buffer, chunk: number): { entries: TarEntry[]; data: Record<string, string> } {
  const entries: TarEntry[] = [];
  const data: Record<string, string> = {};
  const reader = new TarReader((entry) => {
    entries.push(entry);
    if (entry.type !== 'file') return 'skip';
    data[entry.name] = '';
    return { data: (part) => (data[entry.name] += part.toString('utf8')) };
  });
  for (let offset = 0; offset < archive.length && !reader.done; offset += chunk) reader.write(archive.subarray(offset, offset + chunk));
  return { entries, data };
}

describe('container files: tar', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-tar-unit-'));
    fs.mkdirSync(path.join(dir, 'src', path.dirname(LONG)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'short.txt'), 'short\n');
    fs.writeFileSync(path.join(dir, 'src', LONG), 'long name\n');
    fs.chmodSync(path.join(dir, 'src', 'short.txt'), 0o640);
    fs.symlinkSync('short.txt', path.join(dir, 'src', 'link'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of ['pax', 'gnu', 'ustar']) {
    it(`reads what tar writes in the ${format} format, in chunks of any size`, function () {
      if (format === 'ustar') fs.rmSync(path.join(dir, 'src', 'deep-folder-name'), { recursive: true });
      const archive = execFileSync('tar', ['-C', dir, `--format=${format}`, '--owner=7', '--group=9', '-c', 'src']);
      for (const chunk of [1, 100, 511, 512, 4096, archive.length]) {
        const { entries, data } = readAll(archive, chunk);
        const files = entries.filter((e) => e.type === 'file').map((e) => e.name).sort();
        assert.deepStrictEqual(files, format === 'ustar' ? ['src/short.txt'] : [`src/${LONG}`, 'src/short.txt']);
        const short = entries.find((e) => e.name === 'src/short.txt')!;
        assert.deepStrictEqual([short.mode.toString(8), short.uid, short.gid, short.size], ['640', 7, 9, 6]);
        assert.strictEqual(data['src/short.txt'], 'short\n');
        if (format !== 'ustar') assert.strictEqual(data[`src/${LONG}`], 'long name\n');
        const link = entries.find((e) => e.name === 'src/link')!;
        assert.deepStrictEqual([link.type, link.linkName], ['symlink', 'short.txt']);
        assert.strictEqual(entries[0].name, 'src');
        assert.strictEqual(entries[0].type, 'directory');
      }
    });
  }

  it('stops reading when told to', () => {
    const archive = execFileSync('tar', ['-C', dir, '-c', 'src']);
    const seen: string[] = [];
    const reader = new TarReader((entry) => (seen.push(entry.name), 'stop'));
    reader.write(archive);
    assert.deepStrictEqual([seen, reader.done], [['src'], true]);
  });

  it('refuses a damaged header', () => {
    const archive = execFileSync('tar', ['-C', dir, '-c', 'src']);
    archive[0] ^= 0xff;
    assert.throws(() => new TarReader(() => 'skip').write(archive), /the archive is damaged \(a header checksum does not match\)/);
  });

  it('writes archives that tar lists and extracts exactly, long and non-ASCII names included', () => {
    const name = `${'x'.repeat(120)}/größe.txt`;
    const archive = tarOf([
      { entry: { name: 'made', type: 'directory', mode: 0o750, uid: 1000, gid: 1000, size: 0, mtime: Date.UTC(2026, 0, 2) } },
      { entry: { name: 'made/a.txt', type: 'file', mode: 0o600, uid: 1000, gid: 50, size: 0, mtime: Date.UTC(2026, 0, 2) }, data: Buffer.from('alpha\n') },
      { entry: { name, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 0 }, data: Buffer.from('unicode\n') },
    ]);
    const listed = execFileSync('tar', ['-tv', '--numeric-owner', '--utc'], { input: archive, encoding: 'utf8' }).trim().split('\n');
    assert.deepStrictEqual(
      listed.map((line) => line.split(/\s+/).filter((_, i) => i !== 2)),
      [
        ['drwxr-x---', '1000/1000', '2026-01-02', '00:00', 'made/'],
        ['-rw-------', '1000/50', '2026-01-02', '00:00', 'made/a.txt'],
        ['-rw-r--r--', '0/0', '1970-01-01', '00:00', name],
      ],
    );
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    execFileSync('tar', ['-C', out, '-x'], { input: archive });
    assert.strictEqual(fs.readFileSync(path.join(out, name), 'utf8'), 'unicode\n');
    assert.deepStrictEqual(readAll(archive, 700).data, { 'made/a.txt': 'alpha\n', [name]: 'unicode\n' });
  });

  it('makes an archive of local files and folders, leaving links out; extracts one back', async () => {
    const skipped = { count: 0 };
    const parts: Buffer[] = [];
    for await (const part of localTar([path.join(dir, 'src')], skipped)) parts.push(part);
    const archive = Buffer.concat(parts);
    assert.strictEqual(skipped.count, 1);
    const listed = execFileSync('tar', ['-t'], { input: archive, encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepStrictEqual(listed.filter((n) => !n.startsWith('src/deep')), ['src/', 'src/short.txt']);
    assert.ok(listed.includes(`src/${LONG}`));

    const target = path.join(dir, 'copy');
    const extractor = new LocalExtractor(target);
    new TarReader((entry) => extractor.onEntry(entry)).write(execFileSync('tar', ['-C', dir, '-c', 'src']));
    extractor.finish();
    assert.strictEqual(fs.readFileSync(path.join(target, 'short.txt'), 'utf8'), 'short\n');
    assert.strictEqual(fs.readFileSync(path.join(target, LONG), 'utf8'), 'long name\n');
    assert.deepStrictEqual([fs.existsSync(path.join(target, 'link')), extractor.skipped.count], [false, 1]);
  });

  it('never writes outside the download folder, whatever names the archive holds', () => {
    const hostile = (name: string) => tarOf([
      { entry: { name: 'top', type: 'directory', mode: 0o755, uid: 0, gid: 0, size: 0, mtime: 0 } },
      { entry: { name, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 0 }, data: Buffer.from('x') },
    ]);
    for (const [name, message] of [
      ['top/../../escaped.txt', /leaves its folder/],
      ['elsewhere/file.txt', /outside what was asked for/],
    ] as const) {
      const extractor = new LocalExtractor(path.join(dir, 'dl'));
      assert.throws(() => new TarReader((entry) => extractor.onEntry(entry)).write(hostile(name)), message);
      extractor.finish();
    }
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['dl', 'src']);
  });

  it('calls a file binary when a NUL byte is among its first KiB', () => {
    assert.strictEqual(looksBinary(Buffer.from('plain text\n')), false);
    assert.strictEqual(looksBinary(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00])), true);
    assert.strictEqual(looksBinary(Buffer.concat([Buffer.alloc(1024, 0x41), Buffer.from([0])])), false);
  });
});
