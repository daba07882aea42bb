import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsScheduler } from '../../server/src/documents/DiagnosticsScheduler';

describe('debounced diagnostics', () => {
  it('computes and publishes only the latest version of a document', async () => {
    let current = TextDocument.create('file:///Dockerfile', 'dockerfile', 1, 'FROM a');
    const computed: number[] = [];
    const published: [string, number][] = [];
    const scheduler = new DiagnosticsScheduler({
      minDelayMs: 20,
      maxDelayMs: 20,
      current: () => current,
      compute: (document) => {
        computed.push(document.version);
        return [];
      },
      publish: (uri, version) => published.push([uri, version]),
    });
    scheduler.schedule(current);
    current = TextDocument.update(current, [{ text: 'FROM b' }], 2);
    scheduler.schedule(current);
    current = TextDocument.update(current, [{ text: 'FROM c' }], 3);
    scheduler.schedule(current);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepStrictEqual(computed, [3]);
    assert.deepStrictEqual(published, [['file:///Dockerfile', 3]]);
  });

  it('waits as long as the last computation took, within the bounds', () => {
    const document = TextDocument.create('file:///Dockerfile', 'dockerfile', 1, 'FROM a');
    let cost = 0;
    const scheduler = new DiagnosticsScheduler({
      minDelayMs: 5,
      maxDelayMs: 150,
      current: () => document,
      compute: () => {
        const end = performance.now() + cost;
        while (performance.now() < end);
        return [];
      },
      publish: () => undefined,
    });
    assert.strictEqual(scheduler.delay(document.uri), 5);
    cost = 30;
    scheduler.schedule(document, true);
    assert.ok(scheduler.delay(document.uri) >= 30 && scheduler.delay(document.uri) <= 150, String(scheduler.delay(document.uri)));
    cost = 200;
    scheduler.schedule(document, true);
    assert.strictEqual(scheduler.delay(document.uri), 150);
  });

  it('drops a scheduled run once the document is closed', async () => {
    const document = TextDocument.create('file:///Dockerfile', 'dockerfile', 1, 'FROM a');
    let open = true;
    const published: number[] = [];
    const scheduler = new DiagnosticsScheduler({
      minDelayMs: 10,
      maxDelayMs: 10,
      current: () => (open ? document : undefined),
      compute: () => [],
      publish: (_uri, version) => published.push(version),
    });
    scheduler.schedule(document);
    open = false;
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.deepStrictEqual(published, []);
  });

  it('publishes work done elsewhere when it ends, unless a newer version came or the work was superseded', async () => {
    let current = TextDocument.create('file:///big/Dockerfile', 'dockerfile', 1, 'FROM a');
    const answers: ((diagnostics: [] | undefined) => void)[] = [];
    const published: number[] = [];
    const scheduler = new DiagnosticsScheduler<[]>({
      minDelayMs: 0,
      maxDelayMs: 0,
      current: () => current,
      compute: () => new Promise((resolve) => answers.push(resolve)),
      publish: (_uri, version) => published.push(version),
    });
    scheduler.schedule(current, true);
    answers[0]([]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(published, [1]);
    current = TextDocument.update(current, [{ text: 'FROM b' }], 2);
    scheduler.schedule(current, true);
    current = TextDocument.update(current, [{ text: 'FROM c' }], 3);
    scheduler.schedule(current, true);
    answers[1]([]); // version 2 ends after version 3 came: not published
    answers[2](undefined); // superseded: nothing to publish
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(published, [1]);
    scheduler.schedule(current, true);
    answers[3]([]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(published, [1, 3]);
  });

  it('does not publish the work of a closed document for the one opened again meanwhile, at the same version', async () => {
    let current: TextDocument | undefined = TextDocument.create('file:///big/compose.yaml', 'dockercompose', 1, 'services: {}');
    const answers: ((diagnostics: number[]) => void)[] = [];
    const published: [number, number[]][] = [];
    const scheduler = new DiagnosticsScheduler<number[]>({
      minDelayMs: 0,
      maxDelayMs: 0,
      current: () => current,
      compute: () => new Promise((resolve) => answers.push(resolve)),
      publish: (_uri, version, diagnostics) => published.push([version, diagnostics]),
    });
    scheduler.schedule(current, true);
    scheduler.cancel('file:///big/compose.yaml');
    current = TextDocument.create('file:///big/compose.yaml', 'dockercompose', 1, 'services:\n  web: {}');
    scheduler.schedule(current, true);
    answers[0]([1]); // the closed document's: dropped
    answers[1]([2]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(published, [[1, [2]]]);
  });
});
