// The argument arrays of Open Shell, Run Interactive, Push and Build (commands/cli/dockerArgs.ts) with hostile ids,
// names, references and paths (issue 12): exact arrays, `--` before every value from an engine or a workspace, and
// a refusal naming what the engine returned instead of an array that would carry it.
import * as assert from 'assert';
import { buildArgs, PICK_SHELL, pushArgs, runInteractiveArgs, shellArgs } from '../../client/src/commands/cli/dockerArgs';
import { HOSTILE_VALUES } from '../support/hostileEngine';

const ID = '4f1c'.repeat(16);
const IMAGE_ID = `sha256:${'9a3e'.repeat(16)}`;

function refusal(build: () => string[]): string {
  try {
    return `no refusal: ${JSON.stringify(build())}`;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('docker CLI argument arrays', () => {
  describe('Open Shell', () => {
    it('is docker exec -it -- <id> sh -c <fixed script>', () => {
      assert.deepStrictEqual(shellArgs({ id: ID, name: 'web-1' }), ['exec', '-it', '--', ID, 'sh', '-c', PICK_SHELL]);
      assert.strictEqual(PICK_SHELL, 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi');
    });

    it('refuses every hostile id, naming it', () => {
      for (const id of HOSTILE_VALUES) {
        assert.strictEqual(
          refusal(() => shellArgs({ id, name: 'web' })),
          `The engine returned an id that is not a container id: ${JSON.stringify(id).replace(/[[\]]/g, (c) => (c === '[' ? '\\u005b' : '\\u005d'))}`,
        );
      }
      assert.strictEqual(refusal(() => shellArgs({ id: ID.slice(0, 12), name: 'web' })), `The engine returned an id that is not a container id: "${ID.slice(0, 12)}"`);
    });

    it('refuses a well-formed id with a hostile name', () => {
      assert.strictEqual(refusal(() => shellArgs({ id: ID, name: '--privileged' })), 'The engine returned a name that is not a container name: "--privileged"');
      for (const name of HOSTILE_VALUES) assert.match(refusal(() => shellArgs({ id: ID, name })), /^The engine returned a name that is not a container name: "/);
    });
  });

  describe('Run Interactive', () => {
    it('is docker run -it --rm -- <reference>, or the id without sha256: for a dangling image', () => {
      assert.deepStrictEqual(runInteractiveArgs({ reference: 'busybox:latest', id: IMAGE_ID }), ['run', '-it', '--rm', '--', 'busybox:latest']);
      assert.deepStrictEqual(runInteractiveArgs({ reference: '127.0.0.1:5000/team/app:1', id: IMAGE_ID }), [
        'run',
        '-it',
        '--rm',
        '--',
        '127.0.0.1:5000/team/app:1',
      ]);
      assert.deepStrictEqual(runInteractiveArgs({ id: IMAGE_ID }), ['run', '-it', '--rm', '--', IMAGE_ID.slice('sha256:'.length)]);
    });

    it('refuses hostile tags and ids', () => {
      assert.strictEqual(
        refusal(() => runInteractiveArgs({ reference: '--env-file=/proc/self/environ:latest', id: IMAGE_ID })),
        'The engine returned a tag that is not an image reference: "--env-file=/proc/self/environ:latest"',
      );
      assert.strictEqual(refusal(() => runInteractiveArgs({ id: '--rm' })), 'The engine returned an id that is not an image id: "--rm"');
      assert.strictEqual(
        refusal(() => runInteractiveArgs({ id: 'sha256:--privileged' })),
        'The engine returned an id that is not an image id: "sha256:--privileged"',
      );
      for (const value of HOSTILE_VALUES) {
        assert.match(refusal(() => runInteractiveArgs({ reference: `${value}:latest`, id: IMAGE_ID })), /^The engine returned a tag that is not an image reference: "/);
        assert.match(refusal(() => runInteractiveArgs({ reference: value, id: IMAGE_ID })), /^The engine returned a tag that is not an image reference: "/);
        assert.match(refusal(() => runInteractiveArgs({ id: value })), /^The engine returned an id that is not an image id: "/);
      }
    });
  });

  describe('Push', () => {
    it('is docker push -- <reference>', () => {
      assert.deepStrictEqual(pushArgs('127.0.0.1:5000/dw/app:1'), ['push', '--', '127.0.0.1:5000/dw/app:1']);
    });

    it('refuses what is not a reference', () => {
      assert.strictEqual(refusal(() => pushArgs('--all-tags')), 'Not an image reference to push: "--all-tags"');
      for (const value of HOSTILE_VALUES) assert.match(refusal(() => pushArgs(`${value}:1`)), /^Not an image reference to push: "/);
    });
  });

  describe('Build', () => {
    it('is docker build --file=<Dockerfile> --tag=<tag> -- <context>, paths absolute and kept as they are', () => {
      const folder = "/work/--file=x/$(touch pwned) `id`; it's \"q\"\n";
      assert.deepStrictEqual(buildArgs({ dockerfile: `${folder}/--tag=evil.Dockerfile`, tag: 'shop:latest', context: folder }), [
        'build',
        `--file=${folder}/--tag=evil.Dockerfile`,
        '--tag=shop:latest',
        '--',
        folder,
      ]);
    });

    it('refuses relative paths (which could start with "-") and invalid tags', () => {
      assert.strictEqual(
        refusal(() => buildArgs({ dockerfile: '--file=/etc/passwd', tag: 'a:1', context: '/srv' })),
        'The Dockerfile must be an absolute path, not "--file=/etc/passwd".',
      );
      assert.strictEqual(
        refusal(() => buildArgs({ dockerfile: '/srv/Dockerfile', tag: 'a:1', context: '--output=/' })),
        'The build context must be an absolute path, not "--output=/".',
      );
      assert.match(refusal(() => buildArgs({ dockerfile: '/srv/Dockerfile', tag: '--push', context: '/srv' })), /^Not a valid image name: /);
      const digest = `a@sha256:${'0'.repeat(64)}`;
      assert.match(refusal(() => buildArgs({ dockerfile: '/srv/Dockerfile', tag: digest, context: '/srv' })), /^Not a valid image name: a tag cannot hold a digest/);
    });
  });

  it('puts every value from an engine or a workspace after "--" in every array', () => {
    const arrays = [
      { args: shellArgs({ id: ID, name: 'web' }), value: ID },
      { args: runInteractiveArgs({ reference: 'busybox:latest', id: IMAGE_ID }), value: 'busybox:latest' },
      { args: pushArgs('busybox:latest'), value: 'busybox:latest' },
      { args: buildArgs({ dockerfile: '/srv/Dockerfile', tag: 'a:1', context: '/srv' }), value: '/srv' },
    ];
    for (const { args, value } of arrays) assert.ok(args.indexOf('--') >= 0 && args.indexOf('--') < args.indexOf(value), JSON.stringify(args));
  });
});
