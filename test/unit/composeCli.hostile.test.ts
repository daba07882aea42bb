// Compose argument arrays with hostile workspace values (issue 12): compose files, a project folder, an env file,
// a project name, profiles and services whose names are options or shell syntax never become options. Checked
// on the arrays, then with the real docker-compose of this machine against the hostile engine stand-in.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMPOSE_ACTIONS, composeArgs, detectComposeCli, execFileRunner, type ComposeCli } from '../../client/src/compose/composeCli';
import { HOSTILE_VALUES, startHostileEngine, type HostileEngine, type RecordedRequest } from '../support/hostileEngine';
import { V1, V2 } from './support/composeCli';

/** Every option composeArgs may write; any other word starting with "-" would be a workspace value read as one. */
const OUR_OPTIONS = new Set(['-f', '--project-directory', '-p', '--env-file', '--profile', '--detach', '--volumes', '--follow', '--timestamps', '--no-color', '--tail']);
/** Options whose next word is their value. */
const TAKES_VALUE = new Set(['-f', '--project-directory', '-p', '--env-file', '--profile', '--tail']);

function refusal(build: () => unknown): string {
  try {
    return `no refusal: ${JSON.stringify(build())}`;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('compose CLI: hostile workspace values', () => {
  const dir = '/srv/--project-directory=/ $(touch /tmp/dw-hostile-pwned)';
  const files = ['--foo.yml', ...HOSTILE_VALUES.map((value) => `${value}.yml`), '-f'];

  for (const cli of [V2, V1]) {
    it(`${cli.v2 ? 'v2' : 'v1'}: files named like options become absolute paths, for every action`, () => {
      for (const action of COMPOSE_ACTIONS) {
        const { args } = composeArgs(cli, { action, files, projectDirectory: dir, envFile: '--env-file=/proc/self/environ' });
        const words = args.slice(cli.baseArgs.length);
        for (let i = 0; i < words.length; i += 1) {
          const word = words[i];
          if (TAKES_VALUE.has(word)) {
            assert.ok(path.isAbsolute(words[i + 1]) || word === '--tail', `${action}: ${word} ${words[i + 1]}`);
            i += 1;
          } else if (word.startsWith('-')) {
            assert.ok(OUR_OPTIONS.has(word), `${action}: ${JSON.stringify(word)} would be read as an option`);
          }
        }
        assert.deepStrictEqual(
          words.slice(0, 4),
          ['-f', `${dir}/--foo.yml`, '-f', `${dir}/--env-file=/proc/self/environ.yml`],
        );
        assert.ok(words.includes(`${dir}/--env-file=/proc/self/environ`));
      }
    });
  }

  it('refuses project names, profiles and services that would read as options or hold shell syntax', () => {
    const request = (extra: object) => ({ action: 'up' as const, files: ['/srv/compose.yaml'], projectDirectory: '/srv', ...extra });
    assert.strictEqual(
      refusal(() => composeArgs(V2, request({ projectName: '--evil' }))),
      'Invalid project name "--evil": use lowercase letters, digits, "-" and "_", starting with a letter or digit.',
    );
    assert.strictEqual(refusal(() => composeArgs(V2, request({ profiles: ['--all'] }))), 'Invalid profile name "--all".');
    assert.strictEqual(refusal(() => composeArgs(V2, request({ services: ['--build'] }))), 'Invalid service name "--build".');
    assert.strictEqual(refusal(() => composeArgs(V2, request({ services: ['web\n--privileged'] }))), 'Invalid service name "web\\n--privileged".');
    for (const value of HOSTILE_VALUES) {
      assert.match(refusal(() => composeArgs(V2, request({ projectName: value }))), /^Invalid project name "/);
      assert.match(refusal(() => composeArgs(V2, request({ profiles: [value] }))), /^Invalid profile name "/);
      assert.match(refusal(() => composeArgs(V2, request({ services: [value] }))), /^Invalid service name "/);
    }
  });

  describe('with the real Compose of this machine against the hostile engine', function () {
    let engine: HostileEngine;
    let cli: ComposeCli;
    let folder: string;
    const canary = `dw-canary-${process.pid}`;

    before(async function () {
      const found = await detectComposeCli(execFileRunner({ timeoutMs: 15_000 }));
      if (!found.cli) this.skip(); // Neither `docker compose` nor `docker-compose` here.
      cli = found.cli!;
      engine = await startHostileEngine();
      folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dw-hostile-compose-')), '--project-directory=x');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, '--foo.yml'), 'services:\n  web:\n    image: dw-test/busybox:latest\n');
    });

    after(async () => {
      await engine?.close();
      if (folder) fs.rmSync(path.dirname(folder), { recursive: true, force: true });
    });

    /** Runs the Compose program with an argument array (no shell) against the stand-in; resolves with its requests. */
    async function compose(args: string[]): Promise<{ requests: RecordedRequest[]; output: string }> {
      const before = engine.requests.length;
      const home = path.dirname(folder);
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, DOCKER_CONFIG: path.join(home, '.docker'), DOCKER_HOST: engine.host, DW_CANARY: canary };
      const output = await new Promise<string>((resolve) =>
        execFile(cli.command, args, { env, cwd: folder, encoding: 'utf8', timeout: 30_000 }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`)),
      );
      return { requests: engine.requests.slice(before), output };
    }

    it('reads a compose file named --foo.yml in a folder named --project-directory=x as a file', async () => {
      const { args } = composeArgs(cli, { action: 'pull', files: ['--foo.yml'], projectDirectory: folder });
      assert.deepStrictEqual(args.slice(cli.baseArgs.length), ['-f', path.join(folder, '--foo.yml'), '--project-directory', folder, 'pull']);
      const { requests } = await compose(args);
      // Compose read the file: it asked the engine for the image of its one service (and got a 404: nothing runs).
      const pulls = requests.filter((r) => r.method === 'POST' && r.path === '/images/create');
      assert.deepStrictEqual(pulls.map((r) => r.query.get('fromImage')), ['dw-test/busybox']);
      assert.deepStrictEqual(requests.filter((r) => `${r.url}${r.body}`.includes(canary)), []);
    });

    it('docker-compose v1 reads "--" as a service for pause, which is why composeArgs checks names instead of adding it', async function () {
      if (cli.v2) this.skip();
      const { output } = await compose(['-f', path.join(folder, '--foo.yml'), '--project-directory', folder, 'pause', '--', 'web']);
      assert.match(output, /No such service: --/);
    });
  });
});
