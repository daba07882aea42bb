// The documents of the worker thread of very large documents (server/src/worker/threadServices.ts): its diagnostics
// and its requests share them, so an older version must never take a newer one's place.
import * as assert from 'assert';
import { createThreadServices } from '../../server/src/worker/threadServices';

describe('worker thread documents', () => {
  const uri = 'file:///large/compose.yaml';

  it('keeps the newest version, and answers an older one with a document of its own', () => {
    const thread = createThreadServices(() => undefined);
    const v7 = thread.update(uri, 'dockercompose', 7, 'services:\n  web:\n    image: nginx:1.27\n');
    assert.strictEqual(thread.update(uri, 'dockercompose', 7, 'ignored: the same version is the same text\n'), v7);
    const v6 = thread.update(uri, 'dockercompose', 6, 'services:\n  web:\n    image: nginx\n');
    assert.deepStrictEqual([v6.version, v6.getText()], [6, 'services:\n  web:\n    image: nginx\n']);
    assert.strictEqual(thread.documents.get(uri), v7);
    const v8 = thread.update(uri, 'dockercompose', 8, 'services: {}\n');
    assert.strictEqual(thread.documents.get(uri), v8);
    // Another language (the editor changed the language mode) is another document, whatever its version.
    const yaml = thread.update(uri, 'yaml', 1, 'a: 1\n');
    assert.strictEqual(thread.documents.get(uri), yaml);
    thread.close(uri);
    assert.strictEqual(thread.documents.get(uri), undefined);
  });

  it('diagnoses an older version on its own text without changing what requests read', () => {
    const thread = createThreadServices(() => undefined);
    const service = thread.serviceOf('dockercompose')!;
    thread.update(uri, 'dockercompose', 2, 'services:\n  web:\n    image: nginx\n');
    const old = thread.update(uri, 'dockercompose', 1, 'services:\n  web:\n    imag: nginx\n');
    assert.deepStrictEqual(service.diagnostics(old).map((d) => [d.range.start.line, d.code]), [[2, 'unknown-key']]);
    assert.deepStrictEqual(service.diagnostics(thread.documents.get(uri)!), []);
  });
});
