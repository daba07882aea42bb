// The Compose command line: detection, argument arrays of every action for v1 and v2, override files and
// the project name. Paths full of shell syntax must come out as single, unchanged array elements.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  composeArgs,
  composeTerminalOptions,
  detectComposeCli,
  execFileRunner,
  parseComposeVersion,
  type ComposeAction,
  type ComposeCli,
  type ComposeRequest,
  type RunResult,
} from '../../client/src/compose/composeCli';
import { composeFilesFor, findComposeFile, findOverrideFile } from '../../client/src/compose/composeFiles';
import { interpolate, isValidProjectName, normalizeProjectName, projectNameOf } from '../../client/src/compose/projectName';

const V2: ComposeCli = { command: 'docker', baseArgs: ['compose'], version: '2.29.1', v2: true };
const V1: ComposeCli = { command: 'docker-compose', baseArgs: [], version: '1.29.2', v2: false };

/** A project folder whose path a shell would mangle or execute. */
const DIR = "/srv/my app/it's \"quoted\" $(touch /tmp/pwned) `touch /tmp/pwned2` \\ * ; & |";
const BASE = `${DIR}/compose.yaml`;
const OVERRIDE = `${DIR}/compose.override.yaml`;
const GLOBAL = ['-f', BASE, '-f', OVERRIDE, '--project-directory', DIR];

function request(action: ComposeAction, extra: Partial<ComposeRequest> = {}): ComposeRequest {
  return { action, files: [BASE, OVERRIDE], projectDirectory: DIR, ...extra };
}

const V1_VERSION_OUTPUT = 'docker-compose version 1.29.2, build unknown\ndocker-py version: 5.0.3\nCPython version: 3.11.2\nOpenSSL version: OpenSSL 3.0.19 27 Jan 2026\n';

type Call = [string, string[]];
function fakeRunner(answers: Record<string, RunResult | Error>): { run: (c: string, a: string[]) => Promise<RunResult>; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    run: async (command, args) => {
      calls.push([command, args]);
      const answer = answers[[command, ...args].join(' ')];
      if (answer instanceof Error) throw answer;
      return answer ?? { code: 127, stdout: '', stderr: `${command}: command not found` };
    },
  };
}

describe('compose CLI: detectComposeCli', () => {
  it('takes `docker compose` v2 when it answers, without trying docker-compose', async () => {
    const fake = fakeRunner({ 'docker compose version': { code: 0, stdout: 'Docker Compose version v2.29.1\n' } });
    assert.deepStrictEqual(await detectComposeCli(fake.run), { cli: { command: 'docker', baseArgs: ['compose'], version: '2.29.1', v2: true } });
    assert.deepStrictEqual(fake.calls, [['docker', ['compose', 'version']]]);
  });

  it('falls back to docker-compose v1 when the docker CLI has no compose plugin', async () => {
    const fake = fakeRunner({
      'docker compose version': { code: 1, stdout: '', stderr: 'docker: unknown command: docker compose\n\nRun \'docker --help\'' },
      'docker-compose version': { code: 0, stdout: V1_VERSION_OUTPUT },
    });
    assert.deepStrictEqual(await detectComposeCli(fake.run), { cli: { command: 'docker-compose', baseArgs: [], version: '1.29.2', v2: false } });
    assert.deepStrictEqual(fake.calls, [
      ['docker', ['compose', 'version']],
      ['docker-compose', ['version']],
    ]);
  });

  it('knows a standalone v2 binary called docker-compose as v2', async () => {
    const fake = fakeRunner({ 'docker-compose version': { code: 0, stdout: 'Docker Compose version v2.24.6\n' } });
    assert.deepStrictEqual(await detectComposeCli(fake.run), { cli: { command: 'docker-compose', baseArgs: [], version: '2.24.6', v2: true } });
  });

  it('skips a `docker compose` that is not Compose v2 (the old Docker Desktop cloud integration)', async () => {
    const fake = fakeRunner({
      'docker compose version': { code: 0, stdout: 'Docker Compose version 1.0.17\n' },
      'docker-compose version': { code: 0, stdout: V1_VERSION_OUTPUT },
    });
    assert.deepStrictEqual((await detectComposeCli(fake.run)).cli, V1);
  });

  it('uses the program paths it is given', async () => {
    const fake = fakeRunner({ '/opt/docker bin/docker compose version': { code: 0, stdout: 'Docker Compose version v2.30.0' } });
    const found = await detectComposeCli(fake.run, { docker: '/opt/docker bin/docker', dockerCompose: '/opt/dc' });
    assert.deepStrictEqual(found.cli, { command: '/opt/docker bin/docker', baseArgs: ['compose'], version: '2.30.0', v2: true });
  });

  it('says why when neither is there', async () => {
    const fake = fakeRunner({
      'docker compose version': { code: 1, stdout: '', stderr: "docker: 'compose' is not a docker command.\nSee 'docker --help'" },
      'docker-compose version': new Error('spawn EACCES'),
    });
    assert.deepStrictEqual(await detectComposeCli(fake.run), {
      cli: undefined,
      reason:
        "Docker Compose was not found: `docker compose version` exited with code 1: docker: 'compose' is not a docker command.; " +
        '`docker-compose version` could not run (spawn EACCES). ' +
        'Install the Compose plugin (`docker compose`, package docker-compose-plugin) or `docker-compose`.',
    });
  });

  it('says so when a program answers without a version', async () => {
    const fake = fakeRunner({ 'docker compose version': { code: 0, stdout: 'Usage: docker [OPTIONS] COMMAND' } });
    assert.strictEqual(
      (await detectComposeCli(fake.run)).reason,
      'Docker Compose was not found: `docker compose version` printed no Compose version: Usage: docker [OPTIONS] COMMAND; ' +
        '`docker-compose version` exited with code 127: docker-compose: command not found. ' +
        'Install the Compose plugin (`docker compose`, package docker-compose-plugin) or `docker-compose`.',
    );
  });

  it('reads the version of each Compose flavour', () => {
    assert.deepStrictEqual(
      [
        'Docker Compose version v2.29.1',
        'Docker Compose version 2.24.6+ds1-0ubuntu1~22.04.1',
        V1_VERSION_OUTPUT,
        'docker-compose version 1.25.0, build unknown',
        'Docker Compose version v5.0.0-rc.1',
        'nothing here',
      ].map(parseComposeVersion),
      ['2.29.1', '2.24.6+ds1-0ubuntu1~22.04.1', '1.29.2', '1.25.0', '5.0.0-rc.1', undefined],
    );
  });
});

describe('compose CLI: execFileRunner runs programs without a shell', () => {
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-compose-unit-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('hands every argument over unchanged and runs none of them', async () => {
    const pwned = path.join(tmp, 'pwned');
    const weird = [`$(touch ${pwned})`, `\`touch ${pwned}\``, "it's \"quoted\"", 'a b;c|d&e', '*', '$HOME'];
    const result = await execFileRunner()(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...weird]);
    assert.deepStrictEqual({ code: result.code, argv: JSON.parse(result.stdout) }, { code: 0, argv: weird });
    assert.strictEqual(fs.existsSync(pwned), false);
  });

  it('reports the exit code of a failing program and 127 for a missing one', async () => {
    const run = execFileRunner();
    const failing = await run(process.execPath, ['-e', 'process.stderr.write("bad"); process.exit(3)']);
    const missing = await run(path.join(tmp, 'no such program'), ['version']);
    assert.deepStrictEqual(
      [
        { code: failing.code, stderr: failing.stderr },
        { code: missing.code, stderr: missing.stderr },
      ],
      [
        { code: 3, stderr: 'bad' },
        { code: 127, stderr: `${path.join(tmp, 'no such program')}: command not found` },
      ],
    );
  });
});

describe('compose CLI: composeArgs', () => {
  // Every action with its options: the words after the global options, the same for v1 and v2.
  const cases: [string, ComposeRequest, string[]][] = [
    ['up, all services, detached', request('up'), ['up', '--detach']],
    ['up, chosen services', request('up', { services: ['web', 'worker'] }), ['up', '--detach', 'web', 'worker']],
    ['down', request('down'), ['down']],
    ['down with volumes', request('down', { removeVolumes: true }), ['down', '--volumes']],
    ['down, removeVolumes false', request('down', { removeVolumes: false }), ['down']],
    ['restart', request('restart'), ['restart']],
    ['restart a service', request('restart', { services: ['web'] }), ['restart', 'web']],
    ['stop', request('stop', { services: ['db.primary'] }), ['stop', 'db.primary']],
    ['start', request('start'), ['start']],
    ['pause', request('pause', { services: ['web'] }), ['pause', 'web']],
    ['unpause', request('unpause'), ['unpause']],
    ['logs', request('logs'), ['logs']],
    ['logs following', request('logs', { follow: true }), ['logs', '--follow']],
    [
      'logs following with timestamps, no colour, tail, one service',
      request('logs', { follow: true, timestamps: true, noColor: true, tail: 100, services: ['worker'] }),
      ['logs', '--follow', '--timestamps', '--no-color', '--tail', '100', 'worker'],
    ],
    ['logs with tail 0', request('logs', { tail: 0 }), ['logs', '--tail', '0']],
    ['pull', request('pull'), ['pull']],
    ['pull a service', request('pull', { services: ['web'] }), ['pull', 'web']],
    ['build', request('build'), ['build']],
    ['build services', request('build', { services: ['api', 'web'] }), ['build', 'api', 'web']],
  ];
  for (const [cli, label] of [
    [V2, 'v2'],
    [V1, 'v1'],
  ] as const) {
    for (const [title, req, tail] of cases) {
      it(`${label}: ${title}`, () => {
        assert.deepStrictEqual(composeArgs(cli, req), { command: cli.command, args: [...cli.baseArgs, ...GLOBAL, ...tail] });
      });
    }
  }

  it('v2: up with profiles, project name and env file, in global-option order', () => {
    const args = composeArgs(V2, request('up', { profiles: ['debug', 'tools'], projectName: 'shop_2-a', envFile: `${DIR}/.env.local`, services: ['web'] }));
    assert.deepStrictEqual(args, {
      command: 'docker',
      args: ['compose', ...GLOBAL, '-p', 'shop_2-a', '--env-file', `${DIR}/.env.local`, '--profile', 'debug', '--profile', 'tools', 'up', '--detach', 'web'],
    });
  });

  it('v1: profiles and --env-file are top-level options too', () => {
    const args = composeArgs(V1, request('down', { profiles: ['tools'], envFile: 'other.env', removeVolumes: true }));
    assert.deepStrictEqual(args, {
      command: 'docker-compose',
      args: [...GLOBAL, '--env-file', `${DIR}/other.env`, '--profile', 'tools', 'down', '--volumes'],
    });
  });

  it('keeps each weird path one element, exactly as given', () => {
    const { args } = composeArgs(V2, request('up'));
    assert.deepStrictEqual(
      [args[2], args[4], args[6]],
      [
        "/srv/my app/it's \"quoted\" $(touch /tmp/pwned) `touch /tmp/pwned2` \\ * ; & |/compose.yaml",
        "/srv/my app/it's \"quoted\" $(touch /tmp/pwned) `touch /tmp/pwned2` \\ * ; & |/compose.override.yaml",
        "/srv/my app/it's \"quoted\" $(touch /tmp/pwned) `touch /tmp/pwned2` \\ * ; & |",
      ],
    );
  });

  it('makes relative files and a relative env file absolute against the project directory', () => {
    const { args } = composeArgs(V1, { action: 'pull', files: ['compose.yaml', '-weird.yaml'], projectDirectory: DIR, envFile: '.env.ci' });
    assert.deepStrictEqual(args, ['-f', BASE, '-f', `${DIR}/-weird.yaml`, '--project-directory', DIR, '--env-file', `${DIR}/.env.ci`, 'pull']);
  });

  it('refuses what Compose would refuse or misread, with a readable message', () => {
    const refusals: [ComposeCli, ComposeRequest][] = [
      [{ ...V1, version: '1.27.4' }, request('up', { profiles: ['tools'] })],
      [{ ...V1, version: '1.24.1' }, request('up', { envFile: '.env.x' })],
      [V2, request('up', { services: ['-rf'] })],
      [V2, request('up', { services: ['web app'] })],
      [V2, request('up', { profiles: ['--all'] })],
      [V2, request('up', { projectName: 'My App' })],
      [V2, request('up', { projectName: '-p' })],
      [V2, request('down', { services: ['web'] })],
      [V2, request('up', { follow: true, removeVolumes: true })],
      [V2, request('stop', { tail: 5 })],
      [V2, request('logs', { tail: -1 })],
      [V2, { action: 'up', files: [], projectDirectory: DIR }],
      [V2, { action: 'rm' as ComposeAction, files: [BASE], projectDirectory: DIR }],
    ];
    const messages = refusals.map(([cli, req]) => {
      try {
        composeArgs(cli, req);
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    });
    assert.deepStrictEqual(messages, [
      'docker-compose 1.27.4 has no profiles (added in 1.28).',
      'docker-compose 1.24.1 has no --env-file (added in 1.25).',
      'Invalid service name "-rf".',
      'Invalid service name "web app".',
      'Invalid profile name "--all".',
      'Invalid project name "My App": use lowercase letters, digits, "-" and "_", starting with a letter or digit.',
      'Invalid project name "-p": use lowercase letters, digits, "-" and "_", starting with a letter or digit.',
      'Down acts on the whole project; stop or remove single services instead.',
      'Options that do not apply to up: removeVolumes (down only), follow (logs only).',
      'Options that do not apply to stop: tail (logs only).',
      'Invalid tail "-1": a whole number of lines.',
      'No compose file given.',
      'Unknown Compose action "rm".',
    ]);
  });

  it('gives createTerminal options that run the program itself, in the project folder', () => {
    assert.deepStrictEqual(composeTerminalOptions(V2, request('logs', { follow: true }), 'shop'), {
      name: 'Compose: shop',
      shellPath: 'docker',
      shellArgs: ['compose', ...GLOBAL, 'logs', '--follow'],
      cwd: DIR,
    });
  });
});

describe('compose CLI: override files', () => {
  let tmp: string;
  let n = 0;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-compose-files-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A fresh folder (with a shell-hostile name) holding the given files. */
  function folder(...files: string[]): string {
    const dir = path.join(tmp, `p${++n} it's "q" $(touch ${tmp}/pwned)`);
    fs.mkdirSync(dir, { recursive: true });
    for (const file of files) fs.writeFileSync(path.join(dir, file), 'services: {}\n');
    return dir;
  }

  it('adds compose.override.yaml beside compose.yaml', () => {
    const dir = folder('compose.yaml', 'compose.override.yaml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'compose.yaml')), [path.join(dir, 'compose.yaml'), path.join(dir, 'compose.override.yaml')]);
  });

  it('adds docker-compose.override.yml beside docker-compose.yml', () => {
    const dir = folder('docker-compose.yml', 'docker-compose.override.yml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'docker-compose.yml')), [
      path.join(dir, 'docker-compose.yml'),
      path.join(dir, 'docker-compose.override.yml'),
    ]);
  });

  it('takes any default override name beside any default file name, as Compose does', () => {
    const dir = folder('compose.yml', 'docker-compose.override.yaml');
    assert.strictEqual(findOverrideFile(path.join(dir, 'compose.yml')), path.join(dir, 'docker-compose.override.yaml'));
  });

  it('prefers compose.override.yml when there are several overrides (v2 order)', () => {
    const dir = folder('compose.yaml', 'compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yml');
    assert.strictEqual(findOverrideFile(path.join(dir, 'compose.yaml')), path.join(dir, 'compose.override.yml'));
  });

  it('gives the base file alone when there is no override', () => {
    const dir = folder('compose.yaml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'compose.yaml')), [path.join(dir, 'compose.yaml')]);
  });

  it('gives a file with another name alone, as `-f` does in Compose', () => {
    const dir = folder('compose.prod.yaml', 'compose.override.yaml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'compose.prod.yaml')), [path.join(dir, 'compose.prod.yaml')]);
  });

  it('puts the base file first when the override itself was chosen', () => {
    const dir = folder('docker-compose.yaml', 'compose.override.yaml');
    assert.deepStrictEqual(composeFilesFor(path.join(dir, 'compose.override.yaml')), [
      path.join(dir, 'docker-compose.yaml'),
      path.join(dir, 'compose.override.yaml'),
    ]);
  });

  it('does not take a folder called compose.override.yaml for a file', () => {
    const dir = folder('compose.yaml');
    fs.mkdirSync(path.join(dir, 'compose.override.yaml'));
    assert.strictEqual(findOverrideFile(path.join(dir, 'compose.yaml')), undefined);
  });

  it('finds the default compose file of a folder in Compose v2 order', () => {
    const dir = folder('docker-compose.yml', 'compose.yml');
    assert.strictEqual(findComposeFile(dir), path.join(dir, 'compose.yml'));
  });

  it('created nothing by the folder names', () => {
    assert.strictEqual(fs.existsSync(path.join(tmp, 'pwned')), false);
  });
});

describe('compose CLI: projectNameOf', () => {
  const services = 'services:\n  web:\n    image: nginx\n';

  it('takes the top-level name:', () => {
    assert.strictEqual(projectNameOf(`name: shop\n${services}`, '/srv/Other Folder'), 'shop');
  });

  it('normalises the folder name when there is no name:', () => {
    assert.strictEqual(projectNameOf(services, '/srv/DW Compose-Test_1'), 'dwcompose-test_1');
  });

  it('normalises name: the same way', () => {
    assert.strictEqual(projectNameOf(`name: "My.Shop (Prod)!"\n${services}`, '/srv/x'), 'myshopprod');
  });

  it('v2 trims leading "_" and "-"; v1 keeps them', () => {
    assert.deepStrictEqual(
      [projectNameOf(services, '/srv/_-My App'), projectNameOf(services, '/srv/_-My App', { v1: true })],
      ['myapp', '_-myapp'],
    );
  });

  it('ignores name: under v1 (which rejects the key) and uses the folder', () => {
    assert.strictEqual(projectNameOf(`name: shop\n${services}`, '/srv/My Folder/', { v1: true }), 'myfolder');
  });

  it('interpolates name: from the environment, with defaults', () => {
    const text = `name: \${STAGE:-dev}-shop\n${services}`;
    assert.deepStrictEqual([projectNameOf(text, '/srv/x'), projectNameOf(text, '/srv/x', { env: { STAGE: 'Prod' } })], ['dev-shop', 'prod-shop']);
  });

  it('lets COMPOSE_PROJECT_NAME win over name: and the folder (v2 as given, v1 normalised)', () => {
    const env = { COMPOSE_PROJECT_NAME: 'from_env' };
    assert.deepStrictEqual(
      [
        projectNameOf(`name: shop\n${services}`, '/srv/x', { env }),
        projectNameOf(services, '/srv/x', { env: { COMPOSE_PROJECT_NAME: 'From Env' }, v1: true }),
        projectNameOf(`name: shop\n${services}`, '/srv/x', { env: { COMPOSE_PROJECT_NAME: '' } }),
      ],
      ['from_env', 'fromenv', 'shop'],
    );
  });

  it('takes the name: of the last file that has one (an override can rename)', () => {
    assert.deepStrictEqual(
      [
        projectNameOf([`name: base\n${services}`, 'name: renamed\nservices: {}\n'], '/srv/x'),
        projectNameOf([`name: base\n${services}`, 'services: {}\n'], '/srv/x'),
        projectNameOf([services, 'name: late\n'], '/srv/x'),
      ],
      ['renamed', 'base', 'late'],
    );
  });

  it('counts only a top-level name:', () => {
    assert.strictEqual(projectNameOf('services:\n  web:\n    name: inner\nx-meta:\n  name: ext\n', '/srv/Folder'), 'folder');
  });

  it('falls back to the folder when name: is empty, unusable or the YAML is broken', () => {
    assert.deepStrictEqual(
      [
        projectNameOf(`name: ""\n${services}`, '/srv/a'),
        projectNameOf(`name: "!!!"\n${services}`, '/srv/b'),
        projectNameOf('name: [x\nservices: {', '/srv/c'),
        projectNameOf(`name: \${UNSET}\n${services}`, '/srv/d'),
      ],
      ['a', 'b', 'c', 'd'],
    );
  });

  it('gives "" when nothing usable is left (Compose v2 then needs -p)', () => {
    assert.strictEqual(projectNameOf(services, '/srv/€ €'), '');
  });

  it('normalises and validates names like Compose', () => {
    assert.deepStrictEqual(
      [normalizeProjectName('__My-App 2'), normalizeProjectName('__My-App 2', true), isValidProjectName('my-app_2'), isValidProjectName('_x'), isValidProjectName('My')],
      ['my-app2', '__my-app2', true, false, false],
    );
  });

  it('interpolates like Compose: $$, $VAR, ${VAR}, - :- + :+ and nesting', () => {
    const env = { A: 'a', EMPTY: '' };
    assert.deepStrictEqual(
      ['$$A', '$A-$B', '${A}', '${EMPTY-d}', '${EMPTY:-d}', '${B:-${C:-deep}}', '${A:+alt}', '${EMPTY+set}', '${EMPTY:+set}', '${B?err}', '${A'].map((t) =>
        interpolate(t, env),
      ),
      ['$A', 'a-', 'a', '', 'd', 'deep', 'alt', 'set', '', '', '${A'],
    );
  });
});
