// The files the language server reads around a document: asynchronously, regular files only, under a size
// limit, inside the workspace (or the document's folder), kept by modification time with a bounded cache.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { diagnoseCompose } from '../../server/src/compose/diagnostics';
import { parseCompose } from '../../server/src/compose/parse';
import { ComposeProjectFiles } from '../../server/src/documents/ComposeProjectFiles';
import { FileAccess, accessSettings, type FileAccessSettings } from '../../server/src/documents/FileAccess';
import { FileCache } from '../../server/src/documents/FileCache';

describe('files read around a document', () => {
  let workspace: string;
  let elsewhere: string;
  let settings: FileAccessSettings;
  let loads: number;
  let access: FileAccess;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  const upper = () => new FileCache((text) => text.trim().toUpperCase(), access);

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-files-'));
    elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-elsewhere-'));
    settings = { maxBytes: 1024, readOutsideWorkspace: false, roots: [workspace] };
    loads = 0;
    access = new FileAccess(() => settings, () => loads++);
  });
  afterEach(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  it('reads a file without blocking: loading first, then its value, and again after it changed', async () => {
    const file = write(path.join(workspace, '.env'), 'a=1\n');
    const cache = upper();
    assert.deepStrictEqual(cache.read(file, workspace), { refused: 'loading' });
    assert.strictEqual(access.busy, true);
    await access.settled(5000);
    assert.deepStrictEqual([cache.read(file, workspace), loads, access.generation], [{ value: 'A=1' }, 1, 1]);
    fs.writeFileSync(file, 'b=22\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.deepStrictEqual(cache.read(file, workspace), { refused: 'loading' });
    await access.settled(5000);
    assert.deepStrictEqual(cache.read(file, workspace), { value: 'B=22' });
  });

  it('refuses a file over the size limit, with the sizes in the message', () => {
    const file = write(path.join(workspace, 'big.yaml'), 'x'.repeat(5000));
    assert.deepStrictEqual(upper().read(file, workspace), { refused: 'too-large', size: 5000, maxBytes: 1024 });
    assert.strictEqual(access.busy, false);
    const huge = accessSettings({ maxSizeMiB: 4 }, []);
    assert.strictEqual(huge.maxBytes, 4 * 1024 * 1024);
    assert.deepStrictEqual(accessSettings({ maxSizeMiB: -1, readOutsideWorkspace: 'yes' }, []), { maxBytes: 4 * 1024 * 1024, readOutsideWorkspace: false, roots: [] });
  });

  it('never opens what is not a regular file: a FIFO, a device, a folder', () => {
    const fifo = path.join(workspace, 'pipe.env');
    execFileSync('mkfifo', [fifo]);
    const cache = upper();
    assert.deepStrictEqual(cache.read(fifo, workspace), { refused: 'not-a-file' });
    assert.deepStrictEqual(cache.read(workspace, workspace), { refused: 'not-a-file' });
    settings.readOutsideWorkspace = true;
    assert.deepStrictEqual(cache.read('/dev/zero', workspace), { refused: 'not-a-file' });
    assert.strictEqual(access.busy, false);
  });

  it('reads only inside the workspace folders and the document folder, links resolved first, unless allowed', async () => {
    const outside = write(path.join(elsewhere, 'secret.env'), 'token=1\n');
    const link = path.join(workspace, 'link.env');
    fs.symlinkSync(outside, link);
    const cache = upper();
    assert.deepStrictEqual(cache.read(outside, workspace), { refused: 'outside' });
    assert.deepStrictEqual(cache.read(link, workspace), { refused: 'outside' });
    assert.deepStrictEqual(cache.read('/etc/passwd', path.join(workspace, 'app')), { refused: 'outside' });
    // The document's own folder counts as a project folder, even outside the workspace.
    assert.deepStrictEqual(cache.read(outside, elsewhere), { refused: 'loading' });
    await access.settled(5000);
    assert.deepStrictEqual(cache.read(outside, elsewhere), { value: 'TOKEN=1' });
    settings.readOutsideWorkspace = true;
    assert.deepStrictEqual(cache.read(link, workspace), { value: 'TOKEN=1' });
  });

  it('keeps the most recently used files only', async () => {
    const cache = new FileCache((text) => text, access, { maxEntries: 2, maxBytes: 1024 });
    const files = ['a', 'b', 'c'].map((name) => write(path.join(workspace, name), name));
    // One after another: reads under way finish in any order, and the order of use is the order they finish.
    for (const file of files) {
      cache.read(file, workspace);
      await access.settled(5000);
    }
    cache.read(files[1], workspace);
    assert.deepStrictEqual(files.map((file) => cache.read(file, workspace)), [{ refused: 'loading' }, { value: 'b' }, { value: 'c' }]);
  });

  it('tells a compose file why an included or extended file is not read', async () => {
    const compose = write(path.join(workspace, 'compose.yaml'), '');
    write(path.join(workspace, 'big.yaml'), `services: {}\n${'#'.repeat(4000)}\n`);
    write(path.join(elsewhere, 'base.yaml'), 'services:\n  base:\n    image: x\n');
    const text = `include:\n  - big.yaml\nservices:\n  web:\n    extends:\n      file: ${path.join(elsewhere, 'base.yaml')}\n      service: base\n`;
    const project = new ComposeProjectFiles(access);
    const diagnostics = diagnoseCompose(parseCompose(text), project.diagnosticContext(pathToFileURL(compose).href));
    assert.deepStrictEqual(
      diagnostics.filter((d) => d.code === 'file-not-read').map((d) => [d.range.start.line, d.severity, d.message]),
      [
        [1, 2, 'The included file "big.yaml" is not read: it is 4 KiB, over the 1 KiB limit of the docker-workflows.files.maxSizeMiB setting.'],
        [5, 2, `The extended file "${path.join(elsewhere, 'base.yaml')}" is not read: it is outside the workspace folders and the compose file's folder (the docker-workflows.files.readOutsideWorkspace setting allows it).`],
      ],
    );
  });
});
