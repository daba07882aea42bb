// The views' settings in a real VS Code against the test engine: "Group By..." and "Sort By..." on the views'
// titles and the label and description settings change the rows at once, made again from the lists the extension
// already holds (no engine call for the re-render).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { NodeBase } from '../../client/src/tree/nodeModel';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const LABEL = 'dw.test=vscode-view-settings';
const IMAGE = 'dw-vs/busybox:1';
const NETWORK = 'dw-vs-net';
const VOLUME = 'dw-vs-data';
/** Made after the others: newer (and, from a commit, a little larger) than IMAGE, and after it by name. */
const BIGGER = 'dw-vs/zbig:1';
const LATER_VOLUME = 'dw-vs-zz';
const SETTINGS = ['groupBy', 'sortBy', 'label', 'description'].flatMap((key) => ['containers', 'images', 'volumes', 'networks'].map((view) => `${view}.${key}`));

const config = () => vscode.workspace.getConfiguration('docker-workflows');
const set = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);

/** A row's label with its children's labels (only those `keep` accepts) when it has children. */
function shape(row: NodeBase | undefined, keep: (child: NodeBase) => boolean = () => true): unknown {
  return row && [row.label, (row.children ?? []).filter(keep).map((child) => child.label)];
}

const ours = (row: NodeBase) => row.label.startsWith('dw-vs-');

describe('View settings: group, sort, label and description', () => {
  let api: ExtensionApi;
  /** The engine calls of the shared lists when the change was made. */
  let callsBefore: Record<string, number>;

  /**
   * Waits until the shared lists have not been read for 1.5 s: the events of earlier work (this file's set-up, the
   * tests before it) are all handled, so a read during the change can only come from the change.
   */
  async function settled(): Promise<void> {
    let last = JSON.stringify(api.views.listCalls());
    let since = Date.now();
    await waitFor('the engine lists to settle', () => {
      const now = JSON.stringify(api.views.listCalls());
      if (now !== last) {
        last = now;
        since = Date.now();
      }
      return Date.now() - since >= 1_500;
    }, 30_000);
  }

  /** Changes the view's setting, waits for `check` on the view's rows, and asserts the engine was not asked again. */
  async function rerendered<T>(what: string, change: () => Thenable<unknown>, check: () => Promise<T | undefined | false>): Promise<T> {
    await settled();
    callsBefore = { ...api.views.listCalls() };
    await change();
    const result = await waitFor(what, check);
    assert.deepStrictEqual(api.views.listCalls(), callsBefore, `the engine was asked again to re-render ${what}`);
    return result;
  }

  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    docker('tag', TEST_IMAGE, IMAGE);
    docker('network', 'create', '--label', LABEL, NETWORK);
    docker('volume', 'create', '--label', LABEL, VOLUME);
    docker('create', '--name', 'dw-vs-old', '--label', LABEL, '--network', NETWORK, IMAGE, 'sleep', '600');
    // The engine lists creation times in whole seconds: dw-vs-web is made in a later second, so it is the newer.
    const made = Math.floor(Date.parse(docker('inspect', '-f', '{{.Created}}', 'dw-vs-old')) / 1000);
    await waitFor('the next second', () => Date.now() >= (made + 1) * 1000, 3_000);
    docker('run', '-d', '--name', 'dw-vs-web', '--label', LABEL, '--network', NETWORK, '-v', `${VOLUME}:/data`, IMAGE, 'sleep', '600');
    docker('volume', 'create', '--label', LABEL, LATER_VOLUME);
    docker('run', '--name', 'dw-vs-maker', IMAGE, 'sh', '-c', 'echo some data > /payload');
    docker('commit', 'dw-vs-maker', BIGGER);
    docker('rm', 'dw-vs-maker');
    // Every view shows the objects before the settings change, so that the lists are held.
    await waitFor('both containers listed', async () => (await api.containers.rows()).filter(ours).length === 2);
    await waitFor('the images listed', async () => (await api.views.images.rows()).filter((row) => row.label.startsWith('dw-vs/')).length === 2);
    await waitFor('the later volume listed', async () => (await api.views.volumes.rows()).some((row) => row.label === LATER_VOLUME));
    await waitFor('the volume in use', async () => (await api.views.volumes.rows()).find((row) => row.label === VOLUME)?.usedBy.length === 1);
    await waitFor('the network with both', async () => (await api.views.networks.rows()).find((row) => row.label === NETWORK)?.children?.length === 2);
  });

  after(async () => {
    for (const key of SETTINGS) await set(key, undefined);
    docker('rm', '-f', 'dw-vs-old', 'dw-vs-web');
    docker('volume', 'rm', VOLUME, LATER_VOLUME);
    docker('network', 'rm', NETWORK);
    docker('rmi', IMAGE, BIGGER);
  });

  it('"Group By..." on the Containers view groups by image, state, network or not at all', async () => {
    const group = async (answer: string, label: string) => {
      api.answerNextPrompts(answer);
      return rerendered(`the ${answer} grouping`, () => vscode.commands.executeCommand('dockerWorkflows.containers.groupBy'), async () => {
        const row = (await api.containers.rows()).find((r) => r.kind === 'containerGroup' && r.label === label);
        return row;
      });
    };
    assert.deepStrictEqual(shape(await group('Image', IMAGE)), [IMAGE, ['dw-vs-old', 'dw-vs-web']]);
    assert.strictEqual(config().get('containers.groupBy'), 'image');
    assert.deepStrictEqual(api.shownMessages().at(-1), { kind: 'pick', message: 'Group the Containers view by' });
    assert.deepStrictEqual(shape(await group('State', 'Created'), ours), ['Created', ['dw-vs-old']]);
    const running = (await api.containers.rows()).find((r) => r.label === 'Running');
    assert.deepStrictEqual(shape(running, ours), ['Running', ['dw-vs-web']]);
    const network = await group('Network', NETWORK);
    assert.deepStrictEqual([shape(network), network.description, network.id], [[NETWORK, ['dw-vs-old', 'dw-vs-web']], '1 of 2 running', `containerGroup:network:${NETWORK}`]);

    api.answerNextPrompts('None');
    const flat = await rerendered('no groups', () => vscode.commands.executeCommand('dockerWorkflows.containers.groupBy'), async () => {
      const rows = await api.containers.rows();
      return rows.every((row) => row.kind === 'container') && rows.filter(ours);
    });
    assert.deepStrictEqual(flat.map((row) => row.label), ['dw-vs-old', 'dw-vs-web']);

    api.answerNextPrompts('Compose project');
    await rerendered('the Compose grouping', () => vscode.commands.executeCommand('dockerWorkflows.containers.groupBy'), async () => config().get('containers.groupBy') === 'composeProject');
  });

  it('"Sort By..." sorts the containers newest first, or running first', async () => {
    await set('containers.groupBy', 'image');
    await waitFor('the image grouping', async () => (await api.containers.rows()).some((row) => row.label === IMAGE));
    const order = async (answer: string, expected: string[]) => {
      api.answerNextPrompts(answer);
      const group = await rerendered(`the order ${answer}`, () => vscode.commands.executeCommand('dockerWorkflows.containers.sortBy'), async () => {
        const row = (await api.containers.rows()).find((r) => r.label === IMAGE);
        return row && JSON.stringify(shape(row)) === JSON.stringify([IMAGE, expected]) && row;
      });
      assert.deepStrictEqual(shape(group), [IMAGE, expected]);
    };
    // dw-vs-web was made after dw-vs-old; it runs, dw-vs-old was only created.
    await order('Created (newest first)', ['dw-vs-web', 'dw-vs-old']);
    await order('Name', ['dw-vs-old', 'dw-vs-web']);
    await order('State (running first)', ['dw-vs-web', 'dw-vs-old']);
    assert.strictEqual(config().get('containers.sortBy'), 'state');
  });

  it('shows the label and description fields the settings name', async () => {
    const ip = docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${NETWORK}").IPAddress}}`, 'dw-vs-web');
    await set('containers.sortBy', 'state');
    const rows = () => api.containers.rows().then((all) => all.find((r) => r.label === IMAGE)?.children ?? []);
    await waitFor('running first', async () => (await rows())[0]?.label === 'dw-vs-web');
    await rerendered('the image labels', () => set('containers.label', 'image'), async () => { const children = await rows(); return children.length === 2 && children.every((row) => row.label === IMAGE); });
    const described = await rerendered('the descriptions', () => set('containers.description', ['state', 'ip', 'networks']), async () => {
      const children = await rows();
      return children[0]?.description.startsWith('running · ') && children;
    });
    assert.deepStrictEqual(
      described.map((row) => [row.label, row.description]),
      [
        [IMAGE, `running · ${ip} · ${NETWORK}`],
        [IMAGE, `created · ${NETWORK}`],
      ],
    );
  });

  it('groups and labels the Images, Volumes and Networks views by their settings', async () => {
    api.answerNextPrompts('None');
    const image = await rerendered('the images without groups', () => vscode.commands.executeCommand('dockerWorkflows.images.groupBy'), async () =>
      (await api.views.images.rows()).find((row) => row.kind === 'image' && row.label === IMAGE),
    );
    assert.strictEqual((await api.views.images.rows()).some((row) => row.kind === 'imageRepository'), false);
    const id = docker('image', 'inspect', '-f', '{{.Id}}', IMAGE).slice('sha256:'.length, 'sha256:'.length + 12);
    await rerendered('the images by id', () => set('images.description', ['id']), async () =>
      (await api.views.images.rows()).find((row) => row.id === image.id)?.description === id,
    );

    api.answerNextPrompts('Driver');
    const local = await rerendered('the volumes by driver', () => vscode.commands.executeCommand('dockerWorkflows.volumes.groupBy'), async () =>
      (await api.views.volumes.tree()).find((row) => row.kind === 'volumeGroup' && row.label === 'local'),
    );
    assert.deepStrictEqual(shape(local, ours), ['local', [VOLUME, LATER_VOLUME]]);
    const volume = await rerendered('the volume description', () => set('volumes.description', ['scope', 'usage']), async () =>
      (await api.views.volumes.rows()).find((row) => row.label === VOLUME && row.description.startsWith('local · in use')),
    );
    assert.strictEqual(volume.description, 'local · in use by 1 container');

    api.answerNextPrompts('Driver');
    const bridge = await rerendered('the networks by driver', () => vscode.commands.executeCommand('dockerWorkflows.networks.groupBy'), async () =>
      (await api.views.networks.rows()).find((row) => row.kind === 'networkGroup' && row.label === 'bridge'),
    );
    assert.deepStrictEqual(shape(bridge, ours), ['bridge', [NETWORK]]);
    api.answerNextPrompts('Created (newest first)');
    await rerendered('the networks newest first', () => vscode.commands.executeCommand('dockerWorkflows.networks.sortBy'), async () => {
      const group = (await api.views.networks.rows()).find((row) => row.kind === 'networkGroup' && row.label === 'bridge');
      // The test's network is the newest bridge network (made by this test), the predefined "bridge" older.
      return group?.children?.[0]?.label === NETWORK;
    });
  });

  it('sorts images by size or creation and labels them by id; sorts volumes newest first; picks the networks\' fields', async () => {
    await set('images.groupBy', 'none');
    const order = () => api.views.images.rows().then((rows) => rows.map((row) => row.id).filter((id) => id.startsWith('image:dw-vs/')));
    await waitFor('the images by name', async () => JSON.stringify(await order()) === JSON.stringify([`image:${IMAGE}`, `image:${BIGGER}`]));
    for (const answer of ['Size (largest first)', 'Created (newest first)']) {
      api.answerNextPrompts(answer);
      await rerendered(`the images by ${answer}`, () => vscode.commands.executeCommand('dockerWorkflows.images.sortBy'), async () =>
        JSON.stringify(await order()) === JSON.stringify([`image:${BIGGER}`, `image:${IMAGE}`]),
      );
    }
    const shortId = (reference: string) => docker('image', 'inspect', '-f', '{{.Id}}', reference).slice('sha256:'.length, 'sha256:'.length + 12);
    const labels = await rerendered('the images labelled by id', () => set('images.label', 'id'), async () => {
      const rows = (await api.views.images.rows()).filter((row) => row.id.startsWith('image:dw-vs/'));
      return rows.length === 2 && rows.every((row) => /^[0-9a-f]{12}$/.test(row.label)) && rows.map((row) => row.label);
    });
    assert.deepStrictEqual(labels, [shortId(BIGGER), shortId(IMAGE)]);

    await set('volumes.groupBy', 'none');
    const volumes = () => api.views.volumes.rows().then((rows) => rows.map((row) => row.label).filter((label) => label.startsWith('dw-vs-')));
    await waitFor('the volumes by name', async () => JSON.stringify(await volumes()) === JSON.stringify([VOLUME, LATER_VOLUME]));
    api.answerNextPrompts('Created (newest first)');
    await rerendered('the volumes newest first', () => vscode.commands.executeCommand('dockerWorkflows.volumes.sortBy'), async () =>
      JSON.stringify(await volumes()) === JSON.stringify([LATER_VOLUME, VOLUME]),
    );

    const subnet = docker('network', 'inspect', '-f', '{{(index .IPAM.Config 0).Subnet}}', NETWORK);
    const id = docker('network', 'inspect', '-f', '{{.Id}}', NETWORK).slice(0, 12);
    await rerendered('the networks\' fields', () => set('networks.description', ['subnet', 'id', 'containers']), async () => {
      const network = (await api.views.networks.rows()).flatMap((row) => (row.kind === 'networkGroup' ? row.children : [row])).find((row) => row.label === NETWORK);
      return network?.description === `${subnet} · ${id} · 2 containers`;
    });
  });
});
