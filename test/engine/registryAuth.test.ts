// Pulls from a registry that asks for a login, with the credentials `docker login` saved: in config.json's auths,
// or in a credential helper (a real program on PATH speaking the helper protocol).
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliAuthSources, registryAuthFor } from '../../client/src/engine/registryAuth';
import { startRegistry, type Registry } from '../support/registry';
import { TEST_IMAGE } from '../support/dockerd';
import { docker, env, newEngine } from './engineTestKit';

const USER = 'dw-user';
const PASSWORD = 'dw-secret-1';

/** The docker CLI with its own config folder, not blocking this process (the registry answers from it). */
function dockerWith(config: string, input: string | undefined, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('docker', args, { env: { ...env, DOCKER_CONFIG: config }, encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`docker ${args.join(' ')}: ${stderr}`)) : resolve(stdout.trim()),
    );
    child.stdin?.end(input ?? '');
  });
}

describe('pulls from a registry that needs a login', function () {
  this.timeout(60_000);
  let registry: Registry;
  let home: string;
  let reference: string;
  const engine = newEngine();

  before(async () => {
    registry = await startRegistry({ credentials: { username: USER, password: PASSWORD } });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-auth-'));
    reference = `${registry.host}/private/busybox:1`;
    const login = path.join(home, 'login');
    await dockerWith(login, PASSWORD, 'login', '--username', USER, '--password-stdin', registry.host);
    docker('tag', TEST_IMAGE, reference);
    await dockerWith(login, undefined, 'push', reference);
    assert.deepStrictEqual(registry.manifests(), ['private/busybox:1']);
  });

  beforeEach(() => {
    if (docker('images', '-q', reference)) docker('rmi', reference);
  });

  after(async () => {
    engine.dispose();
    if (docker('images', '-q', reference)) docker('rmi', reference);
    fs.rmSync(home, { recursive: true, force: true });
    await registry.stop();
  });

  it('refuses an anonymous pull in plain words', async () => {
    await assert.rejects(engine.pullImage(reference, () => undefined), {
      name: 'EngineError',
      failure: 'engine-error',
      reason: `the registry ${registry.host} wants a login (docker login ${registry.host}), or the saved one was refused`,
    });
    assert.strictEqual(docker('images', '-q', reference), '');
  });

  it('pulls with the credentials `docker login` wrote into config.json', async () => {
    const auth = await registryAuthFor(reference, cliAuthSources({ ...env, DOCKER_CONFIG: path.join(home, 'login') }));
    assert.deepStrictEqual(auth, { username: USER, password: PASSWORD, serveraddress: registry.host });
    await engine.pullImage(reference, () => undefined, undefined, auth);
    assert.strictEqual(docker('image', 'inspect', '-f', '{{.Id}}', reference), docker('image', 'inspect', '-f', '{{.Id}}', TEST_IMAGE));
  });

  it('pulls with the credentials a credential helper on PATH gives (credsStore)', async () => {
    const bin = path.join(home, 'bin');
    const config = path.join(home, 'helper');
    fs.mkdirSync(bin);
    fs.mkdirSync(config);
    // The helper protocol: `get` reads the server address on stdin and answers JSON.
    const helper = path.join(bin, 'docker-credential-dwtest');
    fs.writeFileSync(helper, `#!/bin/sh\nread server\nprintf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}' "$server"\n`);
    fs.chmodSync(helper, 0o755);
    fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify({ credsStore: 'dwtest' }));
    const helperEnv = { ...env, DOCKER_CONFIG: config, PATH: `${bin}:${env.PATH}` };
    const auth = await registryAuthFor(reference, cliAuthSources(helperEnv));
    assert.deepStrictEqual(auth, { username: USER, password: PASSWORD, serveraddress: registry.host });
    await engine.pullImage(reference, () => undefined, undefined, auth);
    assert.notStrictEqual(docker('images', '-q', reference), '');
  });

  it('never sends the credentials saved for another registry: look-alike keys, another port, a helper answering for another server', async () => {
    const bin = path.join(home, 'bin-other');
    const config = path.join(home, 'other');
    fs.mkdirSync(bin);
    fs.mkdirSync(config);
    // A store that holds the right login, but for another server (it says so in ServerURL); it notes what it was asked.
    const asked = path.join(home, 'asked');
    const helper = path.join(bin, 'docker-credential-dwother');
    fs.writeFileSync(helper, `#!/bin/sh\nread server\nprintf '%s\\n' "$server" >> '${asked}'\nprintf '{"ServerURL":"127.0.0.1:1","Username":"${USER}","Secret":"${PASSWORD}"}'\n`);
    fs.chmodSync(helper, 0o755);
    const right = { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') };
    const [host, port] = registry.host.split(':');
    fs.writeFileSync(
      path.join(config, 'config.json'),
      JSON.stringify({
        credsStore: 'dwother',
        auths: {
          [`${registry.host}0`]: right,
          [`https://${registry.host}.evil.example/v2/`]: right,
          [`${host}:${Number(port) + 1}`]: right,
          [host]: right,
          'https://index.docker.io/v1/': right,
        },
      }),
    );
    const auth = await registryAuthFor(reference, cliAuthSources({ ...env, DOCKER_CONFIG: config, PATH: `${bin}:${env.PATH}` }));
    assert.strictEqual(auth, undefined);
    assert.strictEqual(fs.readFileSync(asked, 'utf8'), `${registry.host}\n`);
    await assert.rejects(engine.pullImage(reference, () => undefined, undefined, auth), { name: 'EngineError', failure: 'engine-error' });
    assert.strictEqual(docker('images', '-q', reference), '');
  });
});
