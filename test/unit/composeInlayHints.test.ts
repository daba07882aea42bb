import * as assert from 'assert';
import * as fs from 'fs';
import { interpolate, variableUses } from '../../server/src/compose/interpolate';
import { corpusFiles } from './support/corpus';
import { allHints, EVERYWHERE } from './support/composeInlayHints';
import { yaml } from './support/composeChecks';
import { r, range } from './support/dockerfileCaret';

/** The interpolation hints as [line, character, label, tooltip]. */
function hints(text: string, env: Record<string, string> = {}, range = EVERYWHERE): [number, number, string, string][] {
  return allHints(text, env, range).map((hint) => [hint.position.line, hint.position.character, hint.label as string, hint.tooltip as string]);
}

const unlessShell = (name: string) => ` (unless the shell that runs Compose sets ${name})`;

describe('Compose inlay hints: interpolation', () => {
  it('shows the default after :- right after the }, and says where it comes from', () => {
    assert.deepStrictEqual(allHints(yaml('services:', '  web:', '    image: nginx:${TAG:-1.27}')), [
      {
        position: { line: 2, character: 29 },
        label: '= 1.27',
        paddingLeft: true,
        tooltip: `TAG is not set in .env: the default after \`:-\` applies${unlessShell('TAG')}`,
      },
    ]);
  });

  it('prefers the value of the project .env to the default, also for $NAME and ${NAME:?error}', () => {
    const text = yaml('services:', '  web:', '    image: nginx:${TAG:-1.27}', '    user: $UID', '    hostname: "${HOST:?set HOST}"');
    assert.deepStrictEqual(hints(text, { TAG: '1.25-alpine', UID: '1000', HOST: 'shop' }), [
      [2, 29, '= 1.25-alpine', `From .env: TAG=1.25-alpine${unlessShell('TAG')}`],
      [3, 14, '= 1000', `From .env: UID=1000${unlessShell('UID')}`],
      [4, 32, '= shop', `From .env: HOST=shop${unlessShell('HOST')}`],
    ]);
  });

  it('gives no hint for an unset variable without a default, nor for a required one', () => {
    const text = yaml('services:', '  web:', '    image: ${IMAGE}', '    user: $UID', '    hostname: ${HOST:?set HOST}', '    domainname: ${EMPTY:?must not be empty}');
    assert.deepStrictEqual(hints(text, { EMPTY: '' }), []);
  });

  it('does not read $$ as interpolation', () => {
    const text = yaml('services:', '  web:', "    command: sh -c 'echo $$HOME $${TAG:-x}'", '    entrypoint: $$$TAG');
    assert.deepStrictEqual(hints(text, { HOME: '/root', TAG: '1' }), [[3, 22, '= 1', `From .env: TAG=1${unlessShell('TAG')}`]]);
  });

  it('tells an empty value from an unset one: :- and :+ treat empty as unset, - and + do not', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    environment:',
      '      A: ${EMPTY:-fallback}',
      '      B: ${EMPTY-fallback}',
      '      C: ${EMPTY:+on}',
      '      D: ${EMPTY+on}',
      '      E: ${UNSET+on}',
    );
    assert.deepStrictEqual(hints(text, { EMPTY: '' }), [
      [3, 27, '= fallback', `EMPTY is empty in .env: the default after \`:-\` applies${unlessShell('EMPTY')}`],
      [4, 26, '= ""', `From .env: EMPTY=${unlessShell('EMPTY')}`],
      [5, 21, '= ""', `EMPTY is empty in .env: \`:+\` gives an empty value${unlessShell('EMPTY')}`],
      [6, 20, '= on', `EMPTY is empty in .env: the value after \`+\` applies${unlessShell('EMPTY')}`],
      [7, 20, '= ""', `UNSET is not set in .env: \`+\` gives an empty value${unlessShell('UNSET')}`],
    ]);
  });

  it('resolves nested defaults, and gives no hint when a nested reference is unknown', () => {
    const text = yaml('services:', '  web:', '    image: ${REGISTRY:-${MIRROR:-docker.io}}/app:${TAG:-$VERSION}');
    assert.deepStrictEqual(hints(text), [[2, 44, '= docker.io', `REGISTRY is not set in .env: the default after \`:-\` applies${unlessShell('REGISTRY')}`]]);
    assert.deepStrictEqual(
      hints(text, { MIRROR: 'mirror.local', VERSION: '2' }).map((h) => h.slice(0, 3)),
      [
        [2, 44, '= mirror.local'],
        [2, 65, '= 2'],
      ],
    );
  });

  it('places hints in quoted, flow and block values', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    ports: ["${PORT:-8080}:80", \'${ADMIN:-9090}:90\']',
      '    command: >',
      '      serve --level ${LEVEL:-info}',
      '      --port ${PORT:-8080}',
    );
    assert.deepStrictEqual(
      hints(text).map((h) => h.slice(0, 3)),
      [
        [2, 26, '= 8080'],
        [2, 47, '= 9090'],
        [4, 34, '= info'],
        [5, 26, '= 8080'],
      ],
    );
  });

  it('shortens long values to one line', () => {
    const text = yaml('services:', '  web:', '    command: ${CMD}');
    assert.deepStrictEqual(hints(text, { CMD: `run\n${'x'.repeat(60)}` }).map((h) => h[2]), [`= run ${'x'.repeat(35)}…`]);
  });

  it('answers only for the requested range, and sorts hints by position', () => {
    const text = yaml('services:', '  a:', '    image: a:${A:-1}', '  b:', '    image: b:${B:-2}', '  c:', '    image: c:${C:-3}');
    assert.deepStrictEqual(
      hints(text, {}, range(3, 0, 4, 100)).map((h) => h.slice(0, 3)),
      [[4, 20, '= 2']],
    );
    assert.deepStrictEqual(hints(text, {}, r(4, 0, 19)), []);
  });
});

describe('Compose interpolation, read', () => {
  it('lists the references of a value, not those in another one\'s word, and skips malformed ones', () => {
    const uses = variableUses('$A-${B:-${C}}-$$D-${1}-${E?x}-$');
    assert.deepStrictEqual(
      uses.map((u) => [u.name, u.operator, u.word, u.start, u.end]),
      [
        ['A', undefined, undefined, 0, 2],
        ['B', ':-', '${C}', 3, 13],
        ['E', '?', 'x', 23, 29],
      ],
    );
    assert.deepStrictEqual(variableUses('${A}${B'), [{ name: 'A', braced: true, start: 0, end: 4 }]);
  });

  it('interpolates a text, or says it cannot', () => {
    const env = new Map([['A', 'a'], ['EMPTY', '']]);
    assert.strictEqual(interpolate('x-$A-${EMPTY:-d}-$${A}-$1-$', env), 'x-a-d-${A}-$1-$');
    assert.strictEqual(interpolate('${MISSING}', env), undefined);
    assert.strictEqual(interpolate('${A:?x}${EMPTY:?y}', env), undefined);
    assert.strictEqual(interpolate('${A', env), undefined);
    assert.strictEqual(interpolate('${A!}', env), undefined);
  });

  it('stays linear and shallow on long and deeply nested values', () => {
    const many = '${A:-1}'.repeat(50_000);
    assert.strictEqual(variableUses(many).length, 50_000);
    assert.strictEqual(interpolate(many, new Map())?.length, 50_000);
    const deep = `${'${A:-'.repeat(5_000)}x${'}'.repeat(5_000)}`;
    assert.strictEqual(interpolate(deep, new Map()), undefined);
    assert.strictEqual(variableUses(deep).length, 1);
  });
});

describe('Compose inlay hints: any input', () => {
  it('gives no hints and never throws for odd documents and positions', () => {
    const odd = ['', 'services: [', 'x: ${', 'services:\n  a: &a\n    extends: *a\n', 'services:\n  a:\n    extends: a\n'];
    for (const text of odd) assert.deepStrictEqual(allHints(text, {}, range(-5, -1, 1e9, 1e9)), [], JSON.stringify(text));
  });

  it('puts every hint of the corpus right after a reference, inside the document', () => {
    let count = 0;
    for (const file of corpusFiles('compose')) {
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split(/\r?\n/);
      for (const hint of allHints(text)) {
        const line = lines[hint.position.line];
        assert.ok(line !== undefined && hint.position.character <= line.length, `${file}: ${JSON.stringify(hint)}`);
        const label = String(hint.label);
        if (label.startsWith('= ')) assert.match(line.slice(0, hint.position.character), /(\}|\$[A-Za-z_][A-Za-z0-9_]*)$/, `${file}: ${JSON.stringify(hint)}`);
        else assert.match(label, /^inherits /);
        count++;
      }
    }
    assert.ok(count > 20, `only ${count} hints in the corpus`);
  });
});
