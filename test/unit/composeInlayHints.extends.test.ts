import * as assert from 'assert';
import { MarkupKind, type InlayHint } from 'vscode-languageserver-types';
import { inlayHints } from '../../server/src/compose/inlayHints';
import { parseCompose } from '../../server/src/compose/parse';
import { yaml } from './support/composeChecks';
import { allHints, EVERYWHERE, URI } from './support/composeInlayHints';
import { range } from './support/dockerfileCaret';

/** The `extends` hints as [line, character, label]. */
function labels(text: string, files: Record<string, string> = {}): [number, number, string][] {
  return allHints(text, {}, EVERYWHERE, files).map((hint) => [hint.position.line, hint.position.character, hint.label as string]);
}

function tooltipOf(hint: InlayHint | undefined): string {
  const tooltip = hint?.tooltip;
  return typeof tooltip === 'string' || tooltip === undefined ? String(tooltip) : tooltip.value;
}

const COMMON = '/home/dev/common/services.yml';

describe('Compose inlay hints: extends', () => {
  it('lists what a service inherits from a service of the same file at the end of its extends line', () => {
    const text = yaml(
      'services:',
      '  base:',
      '    image: nginx',
      '    environment:',
      '      TZ: utc',
      '    ports:',
      '      - "80:80"',
      '  web:',
      '    extends: base',
      '    ports:',
      '      - "8080:80"',
    );
    const value = [
      'Inherited from service `base`, not set here:',
      '',
      '```yaml',
      'image: nginx',
      'environment:',
      '  TZ: utc',
      '```',
      '',
      "Combined with this service's own: ports.",
    ].join('\n');
    assert.deepStrictEqual(allHints(text), [
      { position: { line: 8, character: 17 }, label: 'inherits image, environment', paddingLeft: true, tooltip: { kind: MarkupKind.Markdown, value } },
    ]);
  });

  it('quotes a block scalar up to its own last line', () => {
    const text = yaml('services:', '  base:', '    image: nginx', '    command: |', '      echo hi', '    user: root', '  web:', '    extends: base');
    const [hint] = allHints(text);
    assert.strictEqual(tooltipOf(hint), ['Inherited from service `base`, not set here:', '', '```yaml', 'image: nginx', 'command: |', '  echo hi', 'user: root', '```'].join('\n'));
    const last = yaml('services:', '  base:', '    image: nginx', '    command: >', '      echo hi', '  web:', '    extends: base');
    assert.doesNotMatch(tooltipOf(allHints(last)[0]), /web:/);
  });

  it('reads extends.file relative to the compose file, puts the hint on the service: line, and leaves dependencies out', () => {
    const text = yaml('services:', '  web:', '    extends:', '      file: ../common/services.yml', '      service: webapp', '    image: shop/web');
    const common = yaml(
      'services:',
      '  webapp:',
      '    image: common/web',
      '    restart: always',
      '    depends_on: [db]',
      '    volumes_from: [data]',
      '    healthcheck:',
      '      test: ["CMD", "true"]',
    );
    const hints = allHints(text, {}, EVERYWHERE, { [COMMON]: common });
    assert.deepStrictEqual(
      hints.map((h) => [h.position.line, h.position.character, h.label]),
      [[4, 21, 'inherits restart, healthcheck']],
    );
    assert.strictEqual(
      tooltipOf(hints[0]),
      [
        'Inherited from service `webapp` in services.yml, not set here:',
        '',
        '```yaml',
        'restart: always',
        'healthcheck:',
        '  test: ["CMD", "true"]',
        '```',
        '',
        'Not inherited (Compose never shares them through `extends`): depends_on, volumes_from.',
      ].join('\n'),
    );
  });

  it('follows a chain of extends, each file read from the folder of the file that names it', () => {
    const text = yaml('services:', '  web:', '    extends: { file: ../common/services.yml, service: webapp }  # shared');
    const common = yaml('services:', '  webapp:', '    extends:', '      file: ./base/base.yml', '      service: base', '    user: app', '    restart: always');
    const base = yaml('services:', '  base:', '    restart: "no"', '    init: true', '    labels: [tier=web]');
    assert.deepStrictEqual(labels(text, { [COMMON]: common, '/home/dev/common/base/base.yml': base }), [[2, 72, 'inherits user, restart, init, labels']]);
  });

  it('gives no hint when the extended service or its file cannot be found, or when nothing is inherited', () => {
    const text = yaml(
      'services:',
      '  a:',
      '    extends: missing',
      '  b:',
      '    extends: { file: ./nowhere.yml, service: x }',
      '  c:',
      '    extends: { file: "${COMMON}", service: x }',
      '  d:',
      '    extends: e',
      '    image: d',
      '  e:',
      '    image: e',
      '    depends_on: [a]',
      '  f:',
      '    extends: e',
      '    image: !reset null',
    );
    assert.deepStrictEqual(labels(text), []);
  });

  it('ends at a cycle, and skips an extends that comes through a merge key', () => {
    const text = yaml(
      'x-shared: &shared',
      '  extends: base',
      'services:',
      '  base:',
      '    image: base',
      '  a:',
      '    extends: b',
      '    image: a',
      '  b:',
      '    extends: a',
      '    ports: ["80"]',
      '  c:',
      '    <<: *shared',
    );
    assert.deepStrictEqual(labels(text), [
      [6, 14, 'inherits ports'],
      [9, 14, 'inherits image'],
    ]);
  });

  it('names six keys in the label and counts the others', () => {
    const keys = ['image', 'user', 'init', 'restart', 'hostname', 'stop_signal', 'tty', 'working_dir'];
    const text = yaml('services:', '  base:', ...keys.map((k) => `    ${k}: x`), '  web:', '    extends:', '      service: base');
    assert.deepStrictEqual(labels(text), [[12, 19, 'inherits image, user, init, restart, hostname, stop_signal and 2 more']]);
  });

  it('answers only when the hint position is in the requested range', () => {
    const text = yaml('services:', '  base:', '    image: x', '  web:', '    extends: base');
    const hints = (from: number, to: number) => allHints(text, {}, range(from, 0, to, 0)).length;
    assert.deepStrictEqual([hints(0, 3), hints(4, 4), hints(4, 5)], [0, 0, 1]);
  });

  it('prefers an open document to the file on disk', () => {
    const text = yaml('services:', '  web:', '    extends:', '      file: ../common/services.yml', '      service: webapp');
    const open = { uri: 'file:///home/dev/common/services.yml', model: parseCompose(yaml('services:', '  webapp:', '    image: edited')) };
    const project = { current: { uri: URI, model: parseCompose(text) }, related: () => [open] };
    const disk = () => parseCompose(yaml('services:', '  webapp:', '    image: saved', '    user: root'));
    const hints = inlayHints(project, EVERYWHERE, { env: new Map(), loadFile: disk });
    assert.deepStrictEqual(
      hints.map((h) => h.label),
      ['inherits image'],
    );
    assert.match(tooltipOf(hints[0]), /image: edited/);
  });
});
