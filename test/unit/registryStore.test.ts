import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerHub } from '../../client/src/engine/dockerHub';
import { V2Registry } from '../../client/src/engine/registryClient';
import { RegistryStore } from '../../client/src/registries/RegistryStore';

function memory() {
  const state = new Map<string, unknown>();
  const secrets = new Map<string, string>();
  return {
    state,
    secrets,
    memento: { get: <T>(key: string) => state.get(key) as T | undefined, update: async (key: string, value: unknown) => void state.set(key, value) },
    secretStorage: { get: async (key: string) => secrets.get(key), store: async (key: string, value: string) => void secrets.set(key, value), delete: async (key: string) => void secrets.delete(key) },
  };
}

describe('RegistryStore', () => {
  let configDir: string;
  beforeEach(() => (configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-store-'))));
  afterEach(() => fs.rmSync(configDir, { recursive: true, force: true }));

  const store = (m: ReturnType<typeof memory>) => new RegistryStore(m.memento, m.secretStorage, () => ({ DOCKER_CONFIG: configDir, PATH: '' }));

  it('lists Docker Hub first, then the added registries in order; refuses duplicates and Hub', async () => {
    const m = memory();
    const s = store(m);
    assert.deepStrictEqual(await s.add('registry.example.com:5000'), { kind: 'v2', url: 'https://registry.example.com:5000', host: 'registry.example.com:5000' });
    assert.deepStrictEqual(await s.add('127.0.0.1:5001'), { kind: 'v2', url: 'http://127.0.0.1:5001', host: '127.0.0.1:5001' });
    assert.deepStrictEqual(await s.add('https://registry.example.com:5000'), { problem: 'The registry registry.example.com:5000 is already listed.' });
    assert.deepStrictEqual(await s.add('registry-1.docker.io'), { problem: 'Docker Hub is always listed: log in to it there.' });
    assert.deepStrictEqual(s.list().map((e) => e.host), ['docker.io', 'registry.example.com:5000', '127.0.0.1:5001']);
    // Only the addresses are kept (global state), never a login.
    assert.deepStrictEqual(m.state.get('dockerWorkflows.registries'), ['https://registry.example.com:5000', 'http://127.0.0.1:5001']);
    m.state.set('dockerWorkflows.registries', ['http://127.0.0.1:5001', 'not a url/x', 42]);
    assert.deepStrictEqual(s.list().map((e) => e.host), ['docker.io', '127.0.0.1:5001']);
  });

  it('keeps a login in secret storage for its registry only; removing the registry forgets it', async () => {
    const m = memory();
    const s = store(m);
    await s.add('127.0.0.1:5001');
    await s.saveLogin('127.0.0.1:5001', { username: 'u', password: 'p' });
    assert.deepStrictEqual(await s.login('127.0.0.1:5001'), { source: 'saved', login: { username: 'u', password: 'p' } });
    assert.deepStrictEqual(await s.login('127.0.0.1:5002'), { source: 'none' });
    assert.deepStrictEqual([...m.secrets.keys()], ['dockerWorkflows.registryLogin:127.0.0.1:5001']);
    await s.remove('127.0.0.1:5001');
    assert.deepStrictEqual([...m.secrets.keys()], []);
    assert.deepStrictEqual(s.list().map((e) => e.host), ['docker.io']);
  });

  it("falls back to the login docker login saved for that very registry (never another port's)", async () => {
    const auth = (user: string) => Buffer.from(`${user}:secret`).toString('base64');
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ auths: { '127.0.0.1:5001': { auth: auth('cli') }, 'https://index.docker.io/v1/': { auth: auth('hubuser') } } }));
    const s = store(memory());
    assert.deepStrictEqual(await s.login('127.0.0.1:5001'), { source: 'docker', login: { username: 'cli', password: 'secret' } });
    assert.deepStrictEqual(await s.login('127.0.0.1:50011'), { source: 'none' });
    assert.strictEqual(await s.hubNamespace(), 'hubuser');
    await s.saveLogin('docker.io', { username: 'Other', password: 'x' });
    assert.strictEqual(await s.hubNamespace(), 'other');
  });

  it('makes the client of each kind; none for Docker Hub while no namespace is known', async () => {
    const s = store(memory());
    const entries = s.list();
    assert.strictEqual(await s.client(entries[0]), undefined);
    assert.ok((await s.client(entries[0], { username: 'me', password: 'p' })) instanceof DockerHub);
    await s.add('127.0.0.1:5001');
    assert.ok((await s.client(s.list()[1])) instanceof V2Registry);
  });
});
