// Workspace trust and the engine: in Restricted Mode only the user's own docker-workflows.host counts; an engine a
// workspace chose (even a trusted one) gets none of the user's saved registry credentials, unless it is the engine
// the user chose themselves.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as path from 'path';
import {
  addressSourceText,
  chooseHostSetting,
  engineChosenByWorkspace,
  hostSettingValues,
  trustNote,
  type CredentialTargetInputs,
} from '../../client/src/engine/connection';
import type { EngineEndpoint } from '../../client/src/engine/types';

const home = '/home/user';
const ATTACKER = 'tcp://203.0.113.9:2375';

describe('workspace trust: which docker-workflows.host counts', () => {
  it('reads the levels of inspect(), ignoring values that are not strings', () => {
    assert.deepStrictEqual(hostSettingValues({ globalValue: 'unix:///u.sock', workspaceValue: ATTACKER, workspaceFolderValue: 42 }), {
      user: 'unix:///u.sock',
      workspace: ATTACKER,
      workspaceFolder: undefined,
    });
    assert.deepStrictEqual(hostSettingValues(undefined), { user: undefined, workspace: undefined, workspaceFolder: undefined });
  });

  it('in Restricted Mode uses only the user\'s own value and names the workspace value it leaves out', () => {
    assert.deepStrictEqual(chooseHostSetting({ user: ' unix:///u.sock ', workspace: ATTACKER }, false), { value: 'unix:///u.sock', origin: 'user', ignored: ATTACKER });
    assert.deepStrictEqual(chooseHostSetting({ workspaceFolder: ATTACKER }, false), { value: '', origin: 'none', ignored: ATTACKER });
    assert.deepStrictEqual(chooseHostSetting({ workspace: '' }, false), { value: '', origin: 'none' });
    // A workspace value equal to the user's own is not "ignored".
    assert.deepStrictEqual(chooseHostSetting({ user: ATTACKER, workspace: ATTACKER }, false), { value: ATTACKER, origin: 'user' });
    assert.deepStrictEqual(chooseHostSetting({}, false), { value: '', origin: 'none' });
  });

  it('in a trusted workspace lets the most specific level win, as VS Code does', () => {
    assert.deepStrictEqual(chooseHostSetting({ user: 'unix:///u.sock', workspace: ATTACKER }, true), { value: ATTACKER, origin: 'workspace' });
    assert.deepStrictEqual(chooseHostSetting({ user: 'unix:///u.sock', workspace: 'tcp://a:1', workspaceFolder: 'tcp://b:2' }, true), { value: 'tcp://b:2', origin: 'workspace' });
    // An empty workspace value clears the user's: DOCKER_HOST or the docker context decide then.
    assert.deepStrictEqual(chooseHostSetting({ user: 'unix:///u.sock', workspace: '' }, true), { value: '', origin: 'workspace' });
    assert.deepStrictEqual(chooseHostSetting({ user: 'unix:///u.sock' }, true), { value: 'unix:///u.sock', origin: 'user' });
    assert.deepStrictEqual(chooseHostSetting({ user: '  ' }, true), { value: '', origin: 'none' });
  });
});

describe('workspace trust: whether the workspace chose the engine in use', () => {
  const setting = (url: string): EngineEndpoint => ({ url, source: 'setting' });
  const inputs = (endpoint: EngineEndpoint, host: CredentialTargetInputs['host'], env: Record<string, string> = {}, files: Record<string, string> = {}): CredentialTargetInputs => ({
    endpoint,
    host,
    env,
    readFile: (file) => files[file],
    homeDir: home,
    platform: 'linux',
  });

  it('an engine from DOCKER_HOST, a docker context or the default is the user\'s own', () => {
    assert.strictEqual(engineChosenByWorkspace(inputs({ url: 'unix:///x.sock', source: 'DOCKER_HOST' }, { workspace: '' })), false);
    assert.strictEqual(engineChosenByWorkspace(inputs({ url: 'ssh://me@box', source: 'context', context: 'box' }, {})), false);
    assert.strictEqual(engineChosenByWorkspace(inputs({ url: 'unix:///var/run/docker.sock', source: 'default' }, {})), false);
  });

  it('the user\'s own value of the setting is the user\'s choice', () => {
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('tcp://10.0.0.2:2376'), { user: ' tcp://10.0.0.2:2376 ' })), false);
  });

  it('a workspace value naming another engine than the user\'s own choice is the workspace\'s', () => {
    assert.strictEqual(engineChosenByWorkspace(inputs(setting(ATTACKER), { workspace: ATTACKER })), true);
    assert.strictEqual(engineChosenByWorkspace(inputs(setting(ATTACKER), { user: 'unix:///u.sock', workspaceFolder: ATTACKER })), true);
    assert.strictEqual(engineChosenByWorkspace(inputs(setting(ATTACKER), { workspace: ATTACKER }, { DOCKER_HOST: 'tcp://203.0.113.9:2376' })), true);
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('ssh://root@203.0.113.9'), { workspace: 'ssh://root@203.0.113.9' }, { DOCKER_HOST: 'ssh://me@203.0.113.9' })), true);
    // A socket of its own next to the user's.
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('unix:///tmp/repo/docker.sock'), { workspace: 'unix:///tmp/repo/docker.sock' })), true);
  });

  it('an engine the setting no longer names (or cannot be read) is not taken for the user\'s', () => {
    assert.strictEqual(engineChosenByWorkspace(inputs(setting(ATTACKER), {})), true);
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('foo://bar'), { workspace: 'foo://bar' })), true);
  });

  it('a workspace value naming the engine the user chose anyway is the user\'s', () => {
    // The same as DOCKER_HOST, written another way.
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('/run/user/1000/docker.sock'), { workspace: '/run/user/1000/docker.sock' }, { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })), false);
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('tcp://Build.Example:2375'), { workspace: 'tcp://Build.Example:2375' }, { DOCKER_HOST: 'http://build.example:2375' })), false);
    // The default socket when the user chose nothing.
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('unix:///var/run/docker.sock'), { workspace: 'unix:///var/run/docker.sock' })), false);
    // The engine of the user's current docker context.
    const hash = createHash('sha256').update('remote').digest('hex');
    const files = {
      [path.join(home, '.docker', 'config.json')]: JSON.stringify({ currentContext: 'remote' }),
      [path.join(home, '.docker', 'contexts', 'meta', hash, 'meta.json')]: JSON.stringify({ Endpoints: { docker: { Host: 'ssh://deploy@build.example' } } }),
    };
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('ssh://deploy@build.example:22'), { workspace: 'ssh://deploy@build.example:22' }, {}, files)), false);
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('ssh://root@build.example'), { workspace: 'ssh://root@build.example' }, {}, files)), true);
    // The user's own setting wins over DOCKER_HOST as the user's choice.
    assert.strictEqual(engineChosenByWorkspace(inputs(setting('unix:///x.sock'), { user: 'tcp://10.0.0.2:2375', workspace: 'unix:///x.sock' }, { DOCKER_HOST: 'unix:///x.sock' })), true);
  });
});

describe('workspace trust: what the status bar says', () => {
  const user = { value: '', origin: 'none' as const };

  it('names where the address came from, and whose setting it was', () => {
    assert.strictEqual(addressSourceText({ url: ATTACKER, source: 'setting' }, 'workspace'), "this workspace's docker-workflows.host setting");
    assert.strictEqual(addressSourceText({ url: 'tcp://a:1', source: 'setting' }, 'user'), 'the docker-workflows.host setting');
    assert.strictEqual(addressSourceText({ url: 'unix:///x', source: 'DOCKER_HOST' }, 'none'), 'DOCKER_HOST');
    assert.strictEqual(addressSourceText({ url: 'unix:///x', source: 'context', context: 'c' }, 'none'), 'the docker context "c"');
    assert.strictEqual(addressSourceText({ url: 'unix:///var/run/docker.sock', source: 'default' }, 'none'), 'the default');
  });

  it('in Restricted Mode says that the workspace\'s value is ignored and which engine is used', () => {
    assert.strictEqual(
      trustNote({ choice: user, trusted: false, endpoint: { url: 'unix:///run/docker.sock', source: 'DOCKER_HOST' }, chosenByWorkspace: false }),
      "Restricted Mode: the workspace's docker-workflows.host is ignored; using unix:///run/docker.sock (address from DOCKER_HOST).",
    );
    assert.strictEqual(
      trustNote({ choice: { value: 'tcp://10.0.0.2:2375', origin: 'user', ignored: ATTACKER }, trusted: false, endpoint: { url: 'tcp://10.0.0.2:2375', source: 'setting' }, chosenByWorkspace: false }),
      `Restricted Mode: the workspace's docker-workflows.host (${ATTACKER}) is ignored; using tcp://10.0.0.2:2375 (address from the docker-workflows.host setting).`,
    );
    assert.strictEqual(
      trustNote({ choice: user, trusted: false, endpoint: undefined, chosenByWorkspace: false }),
      "Restricted Mode: the workspace's docker-workflows.host is ignored; using no usable address.",
    );
  });

  it('in a trusted workspace tells only when the workspace chose the engine', () => {
    const endpoint: EngineEndpoint = { url: ATTACKER, source: 'setting' };
    assert.strictEqual(
      trustNote({ choice: { value: ATTACKER, origin: 'workspace' }, trusted: true, endpoint, chosenByWorkspace: true }),
      "This workspace's settings chose this engine: Pull sends it none of your saved registry credentials.",
    );
    assert.strictEqual(trustNote({ choice: { value: ATTACKER, origin: 'workspace' }, trusted: true, endpoint, chosenByWorkspace: false }), undefined);
    assert.strictEqual(trustNote({ choice: user, trusted: true, endpoint: { url: 'unix:///x', source: 'DOCKER_HOST' }, chosenByWorkspace: false }), undefined);
  });
});
