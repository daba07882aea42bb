// The Compose command line: detecting `docker compose` or docker-compose and reading their versions, and
// running programs without a shell so that arguments full of shell syntax arrive unchanged.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { detectComposeCli, execFileRunner, parseComposeVersion } from '../../client/src/compose/composeCli';
import { fakeRunner, V1, V1_VERSION_OUTPUT } from './support/composeCli';

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
