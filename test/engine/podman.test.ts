// The views' engine layer against a real Podman (its Docker-compatible API, `podman system service`), started once
// for this file: what differs from Docker (fully qualified image names, the default network's two names, volume and
// container events named "remove", no network events, podman-compose projects) shows the same as on Docker.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveConnection } from '../../client/src/engine/connection';
import { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import { EngineLists, type ListKind } from '../../client/src/engine/EngineLists';
import { RefreshController, type EngineState } from '../../client/src/engine/RefreshController';
import { containerTree } from '../../client/src/tree/containerNodes';
import { imageTree } from '../../client/src/tree/imageNodes';
import { networkTree } from '../../client/src/tree/networkNodes';
import { podmanEnv, startPodman, stopPodman } from '../support/podman';
import { waitFor } from '../support/wait';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-podman-'));
const env = podmanEnv(dir);

function docker(...args: string[]): string {
  return execFileSync('docker', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

describe('Podman, through its Docker-compatible API', function () {
  this.timeout(120_000);
  let engine: DockerodeEngine;
  let controller: RefreshController;
  let lists: EngineLists;
  let state: EngineState = { kind: 'connecting' };
  const changes: ListKind[][] = [];

  before(async function () {
    this.timeout(180_000);
    await startPodman(dir);
    engine = new DockerodeEngine(resolveConnection({ setting: '', env, readFile: () => undefined }));
    lists = new EngineLists({
      engine: () => (state.kind === 'up' ? engine : undefined),
      onFailure: (error) => controller.reportFailure(error),
      onChange: (kinds) => changes.push([...kinds].sort()),
      debounceMs: 50,
    });
    controller = new RefreshController({
      engine,
      onState: (next) => (state = next),
      onEvent: (event) => lists.handleEvent(event),
      onConnected: () => lists.invalidateAll(),
    });
    controller.start();
    await waitFor('Podman is up', () => state.kind === 'up');
  });

  after(() => {
    controller?.dispose();
    lists?.dispose();
    engine?.dispose();
    stopPodman(dir);
  });

  it('names itself Podman Engine with its version', async () => {
    const version = await engine.version();
    const cli = execFileSync('podman', ['version', '--format', '{{.Server.Version}}'], { env, encoding: 'utf8' }).trim();
    assert.deepStrictEqual(version, { product: 'Podman Engine', version: cli, apiVersion: docker('version', '--format', '{{.Server.APIVersion}}'), podman: true });
  });

  it('lists images and containers by the short names the docker CLI shows', async () => {
    docker('run', '-d', '--name', 'dw-pod-web', '--label', 'dw.test=podman', 'dw-test/busybox:latest', 'sleep', '600');
    const containers = await engine.listContainers();
    const web = containers.find((c) => c.name === 'dw-pod-web');
    assert.ok(web, `dw-pod-web in ${containers.map((c) => c.name).join(', ')}`);
    assert.deepStrictEqual(
      { image: web.image, state: web.state, command: web.command, labels: web.labels, project: web.composeProject },
      { image: 'dw-test/busybox:latest', state: 'running', command: 'sleep 600', labels: { 'dw.test': 'podman' }, project: undefined },
    );
    const images = await engine.listImages();
    assert.deepStrictEqual(images.map((i) => i.repoTags), [['dw-test/busybox:latest']]);
    // The Images view marks the image as used by the running container, as on Docker.
    const groups = imageTree(images, containers, { showDangling: false, now: Date.now() });
    assert.deepStrictEqual(groups.map((g) => g.label), ['dw-test/busybox']);
    const tags = (groups[0].children ?? []) as unknown as { label: string; description: string }[];
    assert.deepStrictEqual(tags.map((t) => [t.label, t.description.endsWith(' · in use')]), [['latest', true]]);
  });

  it('shows the containers of the default network, which Podman calls "bridge" in its list and "podman" in theirs', async () => {
    const address = docker('inspect', '--format', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', 'dw-pod-web');
    assert.match(address, /^\d+\.\d+\.\d+\.\d+$/);
    const [containers, networks] = await Promise.all([engine.listContainers(), engine.listNetworks()]);
    const bridge = networkTree(networks, containers).find((n) => n.label === 'bridge');
    assert.ok(bridge, `bridge in ${networks.map((n) => n.name).join(', ')}`);
    assert.deepStrictEqual(
      bridge.children.map((c) => [c.label, c.description]),
      [['dw-pod-web', address]],
    );
  });

  it('refreshes the volumes and containers lists on the events Podman names "remove"', async () => {
    await lists.volumes();
    changes.length = 0;
    docker('volume', 'create', 'dw-pod-volume');
    await waitFor('the volume', async () => (await lists.volumes())?.some((v) => v.name === 'dw-pod-volume'));
    docker('volume', 'rm', 'dw-pod-volume');
    await waitFor('the volume gone', async () => !(await lists.volumes())?.some((v) => v.name === 'dw-pod-volume'));
    docker('create', '--name', 'dw-pod-gone', 'dw-test/busybox:latest', 'true');
    await waitFor('the new container', async () => (await lists.containers())?.some((c) => c.name === 'dw-pod-gone'));
    docker('rm', 'dw-pod-gone');
    await waitFor('the container gone', async () => !(await lists.containers())?.some((c) => c.name === 'dw-pod-gone'));
    assert.ok(changes.some((kinds) => kinds.includes('volumes')));
  });

  it('follows a container log and inspects it', async () => {
    docker('run', '-d', '--name', 'dw-pod-talk', 'dw-test/busybox:latest', 'sh', '-c', 'echo one; echo two; sleep 600');
    const id = docker('inspect', '--format', '{{.Id}}', 'dw-pod-talk');
    let text = '';
    const logs = await engine.followLogs(id, { timestamps: false, tail: 100 }, (chunk) => (text += chunk), () => undefined);
    try {
      await waitFor('the log lines', () => text === 'one\ntwo\n');
    } finally {
      logs.dispose();
    }
    const inspected = JSON.parse(await engine.inspect('container', id)) as { Name: string; Config: { Cmd: string[] } };
    assert.deepStrictEqual([inspected.Name.replace(/^\//, ''), inspected.Config.Cmd], ['dw-pod-talk', ['sh', '-c', 'echo one; echo two; sleep 600']]);
  });

  it('groups the containers of podman-compose under their project', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-pod-compose-'));
    fs.writeFileSync(path.join(project, 'compose.yaml'), 'services:\n  api:\n    image: dw-test/busybox:latest\n    command: ["sleep", "600"]\n');
    try {
      execFileSync('podman-compose', ['-p', 'dwpod', 'up', '-d'], { cwd: project, env, stdio: 'ignore' });
      const tree = await waitFor('the project', async () => {
        const groups = containerTree(await engine.listContainers()).filter((n) => n.kind === 'project');
        return groups.length > 0 && groups;
      });
      assert.deepStrictEqual(
        tree.map((g) => [g.label, g.description, (g.children ?? []).map((c) => c.label)]),
        [['dwpod', '1 of 1 running', ['dwpod_api_1']]],
      );
      assert.deepStrictEqual(tree[0].kind === 'project' && tree[0].configFiles, [path.join(project, 'compose.yaml')]);
    } finally {
      execFileSync('podman-compose', ['-p', 'dwpod', 'down'], { cwd: project, env, stdio: 'ignore' });
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
