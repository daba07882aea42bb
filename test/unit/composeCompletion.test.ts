import * as assert from 'assert';
import type { CompletionItem } from 'vscode-languageserver';
import { completeCompose, type ComposeContext } from '../../server/src/compose/completion';
import { hoverCompose } from '../../server/src/compose/hover';
import { parseCompose } from '../../server/src/compose/parse';

const context: ComposeContext = {
  images: [{ repoTags: ['postgres:16-alpine', 'redis:7'], id: 'sha256:00112233445566778899', size: 90_500_000, created: Date.UTC(2026, 5, 1) }],
  env: new Map([['TAG', '1.4.2']]),
  dockerfileStages: (buildContext, dockerfile) => (buildContext === './api' && dockerfile === 'Dockerfile' ? ['deps', 'build', 'runtime'] : undefined),
};

/** Splits at `|`: the text and the cursor. */
function at(marked: string): [ReturnType<typeof parseCompose>, { line: number; character: number }] {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  return [parseCompose(marked.replace('|', '')), { line: before.length - 1, character: before[before.length - 1].length }];
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const complete = (marked: string) => completeCompose(...at(marked), context);
const hover = (marked: string) => {
  const result = hoverCompose(...at(marked), context);
  return result && (result.contents as { value: string }).value;
};

const base = 'services:\n  api:\n    build: ./api\n  db:\n    image: postgres:16-alpine\nvolumes:\n  data:\nnetworks:\n  back:\n';

describe('Compose completion', () => {
  it('offers the top-level keys, without the obsolete version and those already present', () => {
    assert.deepStrictEqual(labels(complete(`${base}|`)).sort(), ['configs', 'include', 'models', 'name', 'secrets']);
  });

  it('offers service keys as snippets by type', () => {
    const items = complete('services:\n  web:\n    image: nginx\n    |');
    const restart = items.find((i) => i.label === 'restart')!;
    assert.strictEqual(restart.insertText, 'restart: ${1|no,always,on-failure,unless-stopped|}');
    assert.strictEqual(items.find((i) => i.label === 'healthcheck')!.insertText, 'healthcheck:\n\t$0');
    assert.ok(!labels(items).includes('image'));
  });

  it('offers enum values', () => {
    assert.deepStrictEqual(labels(complete('services:\n  web:\n    restart: |')), ['no', 'always', 'on-failure', 'unless-stopped']);
  });

  it('offers the other services in depends_on, and defined networks and volumes', () => {
    assert.deepStrictEqual(labels(complete(`${base.replace('    build: ./api\n', '    build: ./api\n    depends_on:\n      - |\n')}`)), ['db']);
    assert.deepStrictEqual(labels(complete(`${base.replace('    build: ./api\n', '    build: ./api\n    networks:\n      - |\n')}`)), ['back', 'default']);
  });

  it('offers local images for image:, build stages for build.target, and .env variables in ${', () => {
    assert.deepStrictEqual(labels(complete('services:\n  db:\n    image: |')), ['postgres:16-alpine', 'redis:7']);
    assert.deepStrictEqual(labels(complete('services:\n  api:\n    build:\n      context: ./api\n      target: |')), ['deps', 'build', 'runtime']);
    assert.deepStrictEqual(labels(complete('services:\n  api:\n    image: app:${|')), ['TAG']);
  });
});

describe('Compose hover', () => {
  it('explains a key with its example and link', () => {
    const text = hover('services:\n  web:\n    rest|art: always\n')!;
    assert.match(text, /^\*\*restart\*\*\n\n/);
    assert.match(text, /\[Compose file reference\]\(https:\/\/docs\.docker\.com\/reference\/compose-file\/services\/#restart\)$/);
  });

  it('shows the definition a reference names', () => {
    assert.strictEqual(
      hover(`${base.replace('    build: ./api\n', '    build: ./api\n    depends_on:\n      - d|b\n')}`),
      '**service `db`**, line 6\n\n```yaml\ndb:\n  image: postgres:16-alpine\n```',
    );
  });

  it('shows what the local engine knows of an image', () => {
    assert.match(hover('services:\n  db:\n    image: postgres:16-al|pine\n')!, /^\*\*postgres:16-alpine\*\* \(local image\)\n\n.*\| Size \| 90\.5 MB \|/s);
  });

  it('shows a variable value from .env, and its default', () => {
    assert.strictEqual(
      hover('services:\n  api:\n    image: app:${T|AG:-latest}\n'),
      "**TAG** = `1.4.2` (from the project's .env file)\n\nDefault: `latest` when it is unset or empty.\n\n[Interpolation](https://docs.docker.com/reference/compose-file/interpolation/)",
    );
  });
});

describe('Compose completion while typing', () => {
  it('offers keys for a half-typed key', () => {
    const items = labels(complete('services:\n  web:\n    image: nginx\n    rest|\n'));
    assert.ok(items.includes('restart') && items.includes('healthcheck'), items.join());
  });

  it('still completes in one service while another block is broken', () => {
    const text = 'services:\n  broken:\n    image: [unclosed\n  web:\n    image: nginx\n    restart: |\n';
    assert.deepStrictEqual(labels(complete(text)), ['no', 'always', 'on-failure', 'unless-stopped']);
  });
});
