// Compose quick fixes on keys and values: the obsolete version, "did you mean" for unknown keys and enum values,
// quoting a number or boolean where a string is expected, and external.name -> name + external: true.
import * as assert from 'assert';
import { actionsAt, fixesAt, unfixedAt, yaml } from './support/composeCodeActions';

describe('Compose code actions: obsolete-version', () => {
  it('removes the version line and the blank line after it at the top of the file', () => {
    const { actions } = actionsAt(yaml('‸version: "3.8"  # the file format', '', 'services:', '  web:', '    image: nginx'), ['quickfix']);
    assert.deepStrictEqual(actions, [
      {
        title: 'Remove the obsolete version line',
        kind: 'quickfix',
        diagnostics: [actions[0].diagnostics![0]],
        isPreferred: true,
        edit: { changes: { 'file:///project/compose.yaml': [{ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }] } },
      },
    ]);
    assert.strictEqual(actions[0].diagnostics![0].code, 'obsolete-version');
  });

  it('keeps the blank lines between the keys around it, and the file without a trailing blank gap', () => {
    assert.deepStrictEqual(fixesAt(yaml('name: app', 'vers‸ion: "3"', '', 'services:', '  web:', '    image: nginx')), [
      ['Remove the obsolete version line', true, yaml('name: app', '', 'services:', '  web:', '    image: nginx')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', '', 'vers‸ion: "3"')), [
      ['Remove the obsolete version line', true, yaml('services:', '  web:', '    image: nginx')],
    ]);
    assert.deepStrictEqual(fixesAt('services:\n  web:\n    image: nginx\n\nvers‸ion: "3"'), [
      ['Remove the obsolete version line', true, 'services:\n  web:\n    image: nginx'],
    ]);
  });

  it('removes a version written over several lines, with CRLF line breaks', () => {
    assert.deepStrictEqual(fixesAt('v‸ersion:\r\n  "3.8"\r\nservices:\r\n  web:\r\n    image: nginx\r\n', '\r\n'), [
      ['Remove the obsolete version line', true, 'services:\r\n  web:\r\n    image: nginx\r\n'],
    ]);
  });

  it('offers nothing where the version shares its line with other keys', () => {
    assert.deepStrictEqual(unfixedAt('{v‸ersion: "3", services: {web: {image: nginx}}}\n'), ['obsolete-version']);
  });
});

describe('Compose code actions: unknown keys and enum values', () => {
  it('changes an unknown key to the known one it is a typo of', () => {
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    imagee‸: nginx')), [
      ['Change to `image`', true, yaml('services:', '  web:', '    image: nginx')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml('servces‸:', '  web:', '    image: nginx')), [
      ['Change to `services`', true, yaml('services:', '  web:', '    image: nginx')],
    ]);
    // Two neighbouring letters swapped, in a short key.
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    imgae‸: nginx')), [
      ['Change to `image`', true, yaml('services:', '  web:', '    image: nginx')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', '    healthcheck:', '      ts‸et: ["CMD", "true"]')), [
      ['Change to `test`', true, yaml('services:', '  web:', '    image: nginx', '    healthcheck:', '      test: ["CMD", "true"]')],
    ]);
  });

  it('keeps the quotes of a quoted key', () => {
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    "imagee‸": nginx', "    'restar': always")), [
      ['Change to `image`', true, yaml('services:', '  web:', '    "image": nginx', "    'restar': always")],
    ]);
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', "    're‸star': always")), [
      ['Change to `restart`', true, yaml('services:', '  web:', '    image: nginx', "    'restart': always")],
    ]);
  });

  it('offers nothing when the key it suggests is already there, or when nothing is close', () => {
    assert.deepStrictEqual(unfixedAt(yaml('services:', '  web:', '    image: nginx', '    imagee‸: nginx')), ['unknown-key']);
    assert.deepStrictEqual(unfixedAt(yaml('services:', '  web:', '    image: nginx', '    colour‸: blue')), ['unknown-key']);
  });

  it('changes an enum value to the closest allowed one, keeping quotes', () => {
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', '    restart: unless-stoped‸')), [
      ['Change to `unless-stopped`', true, yaml('services:', '  web:', '    image: nginx', '    restart: unless-stopped')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', "    pull_policy: 'Alw‸ays'")), [
      ['Change to `always`', true, yaml('services:', '  web:', '    image: nginx', "    pull_policy: 'always'")],
    ]);
  });

  it('quotes a plain value that YAML 1.1 reads as a boolean', () => {
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', '    restart: nno‸')), [
      ['Change to `no`', true, yaml('services:', '  web:', '    image: nginx', '    restart: "no"')],
    ]);
  });
});

describe('Compose code actions: numbers and booleans where a string is expected', () => {
  it('quotes the value as written', () => {
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', '    user: 10‸00')), [
      ['Quote `1000` as a string', true, yaml('services:', '  web:', '    image: nginx', '    user: "1000"')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: 1.1‸0')), [
      ['Quote `1.10` as a string', true, yaml('services:', '  web:', '    image: "1.10"')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', '    hostname: Tr‸ue')), [
      ['Quote `True` as a string', true, yaml('services:', '  web:', '    image: nginx', '    hostname: "True"')],
    ]);
  });

  it('offers nothing where a string would not do either', () => {
    assert.deepStrictEqual(unfixedAt(yaml('services:', '  web:', '    image: nginx', '    cpu_count: tr‸ue')), ['invalid-type']);
  });
});

describe('Compose code actions: deprecated external.name', () => {
  const head = ['services:', '  web:', '    image: nginx', '    networks: [net]', 'networks:'];

  it('moves the name onto the network, next to external: true, in one action for both diagnostics', () => {
    const { actions } = actionsAt(yaml(...head, '  net:', '    external:', '      n‸ame: shared'), ['quickfix']);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred, a.diagnostics!.map((d) => d.code)]), [
      ['Use name and external: true', true, ['deprecated-key', 'deprecated-key']],
    ]);
    assert.deepStrictEqual(actions[0].edit!.changes!['file:///project/compose.yaml'], [
      { range: { start: { line: 6, character: 4 }, end: { line: 7, character: 18 } }, newText: 'external: true\n    name: shared' },
    ]);
  });

  it('writes the two keys side by side in a map written {...}, and with the line breaks of the file', () => {
    assert.deepStrictEqual(fixesAt(yaml(...head, '  net: {external: {n‸ame: "shared net"}}')), [
      ['Use name and external: true', true, yaml(...head, '  net: {external: true, name: "shared net"}')],
    ]);
    assert.deepStrictEqual(fixesAt(`${head.join('\r\n')}\r\n  net:\r\n    external:\r\n      n‸ame: shared\r\n`, '\r\n'), [
      ['Use name and external: true', true, `${head.join('\r\n')}\r\n  net:\r\n    external: true\r\n    name: shared\r\n`],
    ]);
  });

  it('keeps the name already set when it is the same, and offers nothing when it differs', () => {
    assert.deepStrictEqual(fixesAt(yaml(...head, '  net:', '    name: shared', '    external:', '      n‸ame: shared')), [
      ['Use external: true (the name is already set)', true, yaml(...head, '  net:', '    name: shared', '    external: true')],
    ]);
    assert.deepStrictEqual(unfixedAt(yaml(...head, '  net:', '    name: other', '    external:', '      n‸ame: shared')), ['deprecated-key', 'deprecated-key']);
  });
});

describe('Compose code actions: duplicate-key', () => {
  it('removes a pair that repeats the first one word for word, comment and all', () => {
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', '    image‸: nginx  # again', '    tty: true')), [
      ['Remove the repeated "image"', true, yaml('services:', '  web:', '    image: nginx', '    tty: true')],
    ]);
    assert.deepStrictEqual(fixesAt(yaml('services:', '  web:', '    image: nginx', '  db:', '    image: pg', '  we‸b:', '    image: nginx')), [
      ['Remove the repeated "web"', true, yaml('services:', '  web:', '    image: nginx', '  db:', '    image: pg')],
    ]);
    assert.deepStrictEqual(fixesAt('services:\n  web:\n    image: nginx\n    tty: true\n    t‸ty: true'), [
      ['Remove the repeated "tty"', true, 'services:\n  web:\n    image: nginx\n    tty: true'],
    ]);
  });

  it('offers nothing when the two values differ, or in a map written {...}', () => {
    assert.deepStrictEqual(unfixedAt(yaml('services:', '  web:', '    image: nginx', '    image‸: redis')), ['duplicate-key']);
    assert.deepStrictEqual(unfixedAt(yaml('services:', '  web: {image: nginx, ima‸ge: nginx}')), ['duplicate-key']);
  });
});
