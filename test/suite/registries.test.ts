// The Registries view against the real CNCF distribution registry (Debian's docker-registry) on loopback, started
// once for this file: one without a login (deletion enabled, over a hundred repositories so that "Load more" shows)
// and one with an htpasswd login (deletion disabled). Every command of the view, through the notifier seam for its
// questions. DOCKER_CONFIG points at a temporary folder for these tests only (no login of the machine is read).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { MANIFEST_ACCEPT } from '../../client/src/engine/registryManifest';
import { formatBytes } from '../../client/src/format/text';
import type { ImageRowNode } from '../../client/src/tree/resourceNodes';
import type { RegistryViewNode } from '../../client/src/tree/registryNodes';
import { startDistributionRegistry, type DistributionRegistry } from '../support/distributionRegistry';
import { activateExtension, docker, TEST_IMAGE } from './helpers';

const LOGIN = { username: 'dw-user', password: 'dw-pass-1' };
const BULK = 101;

const lastShown = (api: ExtensionApi) => api.shownMessages().at(-1);
const labels = (rows: RegistryViewNode[]) => rows.map((r) => r.label);

/** Every row under `parent`, clicking "Load more" while it shows. */
async function allRows(api: ExtensionApi, parent: RegistryViewNode): Promise<RegistryViewNode[]> {
  for (let pages = 0; pages < 10; pages++) {
    const rows = await api.views.registries.rows(parent);
    const more = rows.find((r) => r.kind === 'registryMore');
    if (!more) return rows;
    await vscode.commands.executeCommand('dockerWorkflows.registries.loadMore', more);
  }
  assert.fail('Load more did not end');
}

async function child(api: ExtensionApi, parent: RegistryViewNode | undefined, label: string): Promise<RegistryViewNode> {
  const found = (parent ? await allRows(api, parent) : await api.views.registries.rows()).find((r) => r.label === label);
  assert.ok(found, `no row ${label} under ${parent?.label ?? 'the view'}`);
  return found;
}

/** Tags `image` as host/reference and pushes it with the docker CLI; the local tag is removed again. */
function pushWithCli(host: string, image: string, reference: string): void {
  docker('tag', image, `${host}/${reference}`);
  docker('push', '-q', `${host}/${reference}`);
  docker('rmi', `${host}/${reference}`);
}

/** What the registry itself says of a tag: its digest and the compressed size of its layers. */
async function registryFacts(registry: DistributionRegistry, repository: string, tag: string, login?: typeof LOGIN): Promise<{ digest: string; size: number }> {
  const authorization: Record<string, string> = login ? { Authorization: `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}` } : {};
  const answer = await fetch(`${registry.url}/v2/${repository}/manifests/${tag}`, { headers: { Accept: MANIFEST_ACCEPT, ...authorization } });
  const manifest = (await answer.json()) as { layers: { size: number }[] };
  return { digest: answer.headers.get('docker-content-digest')!, size: manifest.layers.reduce((sum, l) => sum + l.size, 0) };
}

/** Makes repositories bulk/r000 ... with the raw API: blobs mounted from dw/app, then its manifest. */
async function makeBulkRepositories(registry: DistributionRegistry, count: number): Promise<void> {
  const answer = await fetch(`${registry.url}/v2/dw/app/manifests/1.0`, { headers: { Accept: MANIFEST_ACCEPT } });
  const type = answer.headers.get('content-type')!;
  const body = Buffer.from(await answer.arrayBuffer());
  const manifest = JSON.parse(body.toString()) as { config: { digest: string }; layers: { digest: string }[] };
  for (let i = 0; i < count; i++) {
    const repository = `bulk/r${String(i).padStart(3, '0')}`;
    for (const digest of [manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
      const mount = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/?mount=${digest}&from=dw/app`, { method: 'POST' });
      assert.strictEqual(mount.status, 201);
    }
    const put = await fetch(`${registry.url}/v2/${repository}/manifests/1`, { method: 'PUT', headers: { 'Content-Type': type }, body: new Uint8Array(body) });
    assert.strictEqual(put.status, 201);
  }
}

describe('Registries view', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let open: DistributionRegistry;
  let locked: DistributionRegistry;
  let configDir: string;
  const savedConfig = process.env.DOCKER_CONFIG;
  const probe = 'dw-registries-probe';

  before(async () => {
    api = await activateExtension();
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-registries-'));
    process.env.DOCKER_CONFIG = configDir;
    [open, locked] = await Promise.all([startDistributionRegistry(), startDistributionRegistry({ login: LOGIN, deleteEnabled: false })]);
    pushWithCli(open.host, TEST_IMAGE, 'dw/app:1.0');
    pushWithCli(open.host, TEST_IMAGE, 'dw/app:1.0-copy');
    // A second image (its configuration differs by a label), so 2.0 has a digest of its own.
    docker('create', '--name', probe, TEST_IMAGE, 'true');
    docker('commit', '--change', 'LABEL dw.test=registries', probe, `${open.host}/dw/app:2.0`);
    docker('rm', probe);
    docker('push', '-q', `${open.host}/dw/app:2.0`);
    docker('rmi', `${open.host}/dw/app:2.0`);
    await makeBulkRepositories(open, BULK);
    await vscode.commands.executeCommand('dockerWorkflows.registries.focus');
    await vscode.commands.executeCommand('dockerWorkflows.registries.refresh');
  });

  after(async () => {
    if (savedConfig === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = savedConfig;
    for (const reference of [`${open?.host}/dw/app:1.0`, `${open?.host}/pushed/busybox:3.0`, `${open?.host}/dw/app:4.0`, `${locked?.host}/team/app:1.0`, `${locked?.host}/team/app:5.0`]) {
      try {
        docker('rmi', reference);
      } catch {
        // Not there.
      }
    }
    await Promise.all([open?.stop(), locked?.stop()]);
    fs.rmSync(configDir, { recursive: true, force: true });
  });

  it('lists Docker Hub first, asking for a login to list repositories', async () => {
    const rows = await api.views.registries.rows();
    assert.deepStrictEqual(rows.map((r) => [r.label, r.description, r.contextValue]), [['Docker Hub', 'not logged in', 'registry.hub']]);
    assert.deepStrictEqual(labels(await api.views.registries.rows(rows[0])), ['Log in to list your repositories']);
  });

  it('adds a registry by its address, refusing one that is not an address', async () => {
    api.answerNextPrompts('http://example.com/path');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.add'), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'A registry address is a host and an optional port, without a path.' });
    api.answerNextPrompts(open.host);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.add'), open.host);
    assert.deepStrictEqual(
      (await api.views.registries.rows()).map((r) => [r.label, r.description, r.contextValue]),
      [
        ['Docker Hub', 'not logged in', 'registry.hub'],
        [open.host, 'no login · http', 'registry.v2'],
      ],
    );
    api.answerNextPrompts(`http://${open.host}`);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.add'), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: `The registry ${open.host} is already listed.` });
  });

  it('lists repositories a hundred at a time, with Load more for the rest', async () => {
    const registry = await child(api, undefined, open.host);
    const first = await api.views.registries.rows(registry);
    const bulk = Array.from({ length: BULK }, (_, i) => `bulk/r${String(i).padStart(3, '0')}`);
    assert.deepStrictEqual(labels(first), [...bulk.slice(0, 100), 'Load more']);
    await vscode.commands.executeCommand('dockerWorkflows.registries.loadMore', first.at(-1));
    assert.deepStrictEqual(labels(await api.views.registries.rows(registry)), [...bulk, 'dw/app']);
  });

  it('lists the tags of a repository with digest, platform, size and age', async () => {
    const repository = await child(api, await child(api, undefined, open.host), 'dw/app');
    const rows = await api.views.registries.rows(repository);
    assert.deepStrictEqual(labels(rows), ['1.0', '1.0-copy', '2.0']);
    for (const row of rows) {
      const facts = await registryFacts(open, 'dw/app', row.label);
      assert.match(row.description, new RegExp(`^${facts.digest.slice(7, 19)} · linux/amd64 · ${formatBytes(facts.size).replace('.', '\\.')} · (just now|\\d+ \\w+ ago)$`));
      assert.match(row.tooltip, new RegExp(`Digest: \`${facts.digest}\``));
      assert.strictEqual(row.contextValue, 'registryTag');
    }
  });

  it('copies the full reference of a tag', async () => {
    const tag = await child(api, await child(api, await child(api, undefined, open.host), 'dw/app'), '1.0');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.copyReference', tag), `${open.host}/dw/app:1.0`);
    assert.strictEqual(await vscode.env.clipboard.readText(), `${open.host}/dw/app:1.0`);
  });

  it('pulls a tag to the engine with progress', async () => {
    const tag = await child(api, await child(api, await child(api, undefined, open.host), 'dw/app'), '1.0');
    const outcome = await vscode.commands.executeCommand('dockerWorkflows.registries.pullTag', tag);
    assert.deepStrictEqual(outcome, { reference: `${open.host}/dw/app:1.0`, status: `Downloaded newer image for ${open.host}/dw/app:1.0` });
    assert.strictEqual(docker('image', 'inspect', '-f', '{{.Id}}', `${open.host}/dw/app:1.0`), docker('image', 'inspect', '-f', '{{.Id}}', TEST_IMAGE));
  });

  it('shows a tag pushed from outside after Refresh', async () => {
    pushWithCli(open.host, TEST_IMAGE, 'dw/app:1.1');
    const repository = () => child(api, undefined, open.host).then((r) => child(api, r, 'dw/app'));
    assert.deepStrictEqual(labels(await api.views.registries.rows(await repository())), ['1.0', '1.0-copy', '2.0']);
    await vscode.commands.executeCommand('dockerWorkflows.registries.refresh');
    assert.deepStrictEqual(labels(await api.views.registries.rows(await repository())), ['1.0', '1.0-copy', '1.1', '2.0']);
  });

  it('deletes a tag after asking: the tags of the same digest go with it', async () => {
    const repository = await child(api, await child(api, undefined, open.host), 'dw/app');
    const tag = await child(api, repository, '2.0');
    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.deleteTag', tag), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `Delete ${open.host}/dw/app:2.0 from the registry?` });
    assert.deepStrictEqual(labels(await api.views.registries.rows(repository)), ['1.0', '1.0-copy', '1.1', '2.0']);

    const { digest } = await registryFacts(open, 'dw/app', '2.0');
    api.answerNextPrompts('Delete');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.deleteTag', tag), digest);
    assert.deepStrictEqual(lastShown(api), { kind: 'info', message: `Deleted ${open.host}/dw/app:2.0 (${digest}).` });
    assert.deepStrictEqual(labels(await api.views.registries.rows(repository)), ['1.0', '1.0-copy', '1.1']);

    // 1.0, 1.0-copy and 1.1 are one image: deleting 1.0-copy takes the others along.
    api.answerNextPrompts('Delete');
    assert.ok(await vscode.commands.executeCommand('dockerWorkflows.registries.deleteTag', await child(api, repository, '1.0-copy')));
    assert.deepStrictEqual(labels(await api.views.registries.rows(repository)), ['No tags']);
  });

  it('pushes a local image from its Images row to a chosen registry and repository', async () => {
    const image = (await api.views.images.rows()).flatMap((g) => (g.children ?? []) as ImageRowNode[]).find((r) => r.reference === TEST_IMAGE);
    assert.ok(image);
    api.answerNextPrompts(open.host, 'pushed/busybox:3.0');
    const outcome = (await vscode.commands.executeCommand('dockerWorkflows.registries.push', image)) as { reference: string; digest: string };
    const facts = await registryFacts(open, 'pushed/busybox', '3.0');
    assert.deepStrictEqual(outcome, { reference: `${open.host}/pushed/busybox:3.0`, digest: facts.digest });
    assert.deepStrictEqual(lastShown(api), { kind: 'info', message: `Pushed ${open.host}/pushed/busybox:3.0 to ${open.host} (${facts.digest}).` });
    const registry = await child(api, undefined, open.host);
    assert.deepStrictEqual(labels(await allRows(api, registry)).slice(-2), ['dw/app', 'pushed/busybox']);
  });

  it('pushes a chosen local image from a repository row', async () => {
    const repository = await child(api, await child(api, undefined, open.host), 'dw/app');
    api.answerNextPrompts(TEST_IMAGE, 'dw/app:4.0');
    const outcome = (await vscode.commands.executeCommand('dockerWorkflows.registries.push', repository)) as { reference: string };
    assert.strictEqual(outcome.reference, `${open.host}/dw/app:4.0`);
    assert.deepStrictEqual(api.shownMessages().slice(-3).map((m) => m.message).slice(0, 2), [`Local image to push to ${open.host}`, `Repository and tag in ${open.host}, e.g. team/app:1.0`]);
    assert.deepStrictEqual(labels(await api.views.registries.rows(repository)), ['4.0']);
  });

  it('says a registry needs a login, refuses a wrong password, and lists with the right one', async () => {
    api.answerNextPrompts(locked.host);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.add'), locked.host);
    let registry = await child(api, undefined, locked.host);
    assert.deepStrictEqual(labels(await api.views.registries.rows(registry)), [`the registry needs a login: use Log In on it (or docker login ${locked.host})`]);

    api.answerNextPrompts(LOGIN.username, 'wrong');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.logIn', registry), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: `Could not log in to ${locked.host}: the registry refused the login of "dw-user": wrong user name or password` });
    assert.strictEqual((await child(api, undefined, locked.host)).description, 'no login · http');

    api.answerNextPrompts(LOGIN.username, LOGIN.password);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.logIn', registry), LOGIN.username);
    assert.deepStrictEqual(lastShown(api), { kind: 'info', message: `Logged in to ${locked.host} as dw-user.` });
    registry = await child(api, undefined, locked.host);
    assert.deepStrictEqual([registry.description, registry.contextValue], ['logged in as dw-user · http', 'registry.v2.loggedIn']);
    assert.deepStrictEqual(labels(await api.views.registries.rows(registry)), ['No repositories']);
  });

  it('pushes and pulls with the login kept in VS Code; a registry with deletion disabled says so', async () => {
    const registry = await child(api, undefined, locked.host);
    api.answerNextPrompts(TEST_IMAGE, 'team/app:5.0');
    assert.deepStrictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.push', registry), {
      reference: `${locked.host}/team/app:5.0`,
      digest: (await registryFacts(locked, 'team/app', '5.0', LOGIN)).digest,
    });
    docker('rmi', `${locked.host}/team/app:5.0`);
    const tag = await child(api, await child(api, registry, 'team/app'), '5.0');
    const pulled = await vscode.commands.executeCommand('dockerWorkflows.registries.pullTag', tag);
    assert.deepStrictEqual(pulled, { reference: `${locked.host}/team/app:5.0`, status: `Downloaded newer image for ${locked.host}/team/app:5.0` });

    api.answerNextPrompts('Delete');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.deleteTag', tag), undefined);
    assert.deepStrictEqual(lastShown(api), {
      kind: 'error',
      message: `Could not delete ${locked.host}/team/app:5.0: the registry does not allow deleting images (deletion is disabled in its configuration)`,
    });
  });

  it('logs out; the login docker login saved is then used', async () => {
    docker('login', '--username', LOGIN.username, '--password', LOGIN.password, locked.host);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.logOut', await child(api, undefined, locked.host)), locked.host);
    assert.deepStrictEqual(lastShown(api), { kind: 'info', message: `Logged out of ${locked.host}. The login docker login saved (dw-user) is used now.` });
    const registry = await child(api, undefined, locked.host);
    assert.deepStrictEqual([registry.description, registry.contextValue], ['dw-user (docker login) · http', 'registry.v2']);
    assert.deepStrictEqual(labels(await api.views.registries.rows(registry)), ['team/app']);
  });

  it('removes a registry after asking; Docker Hub stays', async () => {
    const registry = await child(api, undefined, locked.host);
    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.remove', registry), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'confirm', message: `Remove the registry ${locked.host} from the list?` });
    api.answerNextPrompts('Remove');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.remove', registry), locked.host);
    api.answerNextPrompts('Remove');
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.remove', await child(api, undefined, open.host)), open.host);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.registries.remove', await child(api, undefined, 'Docker Hub')), undefined);
    assert.deepStrictEqual(lastShown(api), { kind: 'error', message: 'Docker Hub is always listed; log out of it instead.' });
    assert.deepStrictEqual(labels(await api.views.registries.rows()), ['Docker Hub']);
  });
});
