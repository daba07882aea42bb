// The engine layer and the docker CLI against a deliberately hostile engine (test/support/hostileEngine.ts, an
// Engine API stand-in on a unix socket) whose ids and names are options, shell expansions, separators, quotes and
// line breaks (issue 12). The lists map without a crash and keep those strings as data; no hostile id or name
// becomes an option of a command line; and the real docker CLI, given the arrays the commands build, sends the
// engine nothing of the environment and runs nothing.
import * as assert from 'assert';
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildArgs, PICK_SHELL, pushArgs, runInteractiveArgs, shellArgs } from '../../client/src/commands/cli/dockerArgs';
import { resolveConnection } from '../../client/src/engine/connection';
import { DockerodeEngine } from '../../client/src/engine/DockerodeEngine';
import { composeProjectProblem, containerProblem, imageProblem, isContainerId } from '../../client/src/engine/validate';
import { containerTree } from '../../client/src/tree/containerNodes';
import { imageTree } from '../../client/src/tree/imageNodes';
import { networkTree } from '../../client/src/tree/networkNodes';
import type { ImageRowNode } from '../../client/src/tree/resourceNodes';
import { volumeTree } from '../../client/src/tree/volumeNodes';
import {
  GOOD_CONTAINER_ID,
  GOOD_IMAGE_ID,
  HOSTILE,
  HOSTILE_NAME_OF_GOOD_ID,
  HOSTILE_PROJECT,
  HOSTILE_VALUES,
  startHostileEngine,
  type HostileEngine,
  type RecordedRequest,
} from '../support/hostileEngine';

/** A value only the test's environment holds: it must never reach the engine. */
const CANARY = `dw-canary-${process.pid}-${Date.now()}`;
/** What a hostile value would create if a shell ever ran it. */
const PWNED = '/tmp/dw-hostile-pwned';
/** Paths the extension itself reads while it lists (everything else would be a command reaching the engine). */
const LIST_PATHS = new Set(['/_ping', '/version', '/info', '/containers/json', '/images/json', '/volumes', '/networks', '/events']);

function imageRows(nodes: ReturnType<typeof imageTree>): ImageRowNode[] {
  return nodes.flatMap((n) => (n.kind === 'image' ? [n] : n.kind === 'imageRepository' ? n.children : []));
}

function refused(build: () => string[]): boolean {
  try {
    build();
    return false;
  } catch {
    return true;
  }
}

function leaks(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => `${r.url}\n${r.body}\n${JSON.stringify(r.headers)}`.includes(CANARY));
}

describe('a hostile engine', () => {
  let engine: HostileEngine;
  let docker: DockerodeEngine;

  before(async () => {
    engine = await startHostileEngine();
    docker = new DockerodeEngine(resolveConnection({ setting: engine.host, env: {}, readFile: () => undefined }));
  });

  after(async () => {
    docker?.dispose();
    await engine?.close();
  });

  describe('the engine layer (DockerodeEngine)', () => {
    it('lists every kind without a crash and keeps the hostile ids and names as plain data', async () => {
      await docker.ping();
      const containers = await docker.listContainers();
      for (const value of HOSTILE_VALUES) {
        const container = containers.find((c) => c.id === value);
        assert.ok(container, `a container with id ${JSON.stringify(value)}`);
        assert.strictEqual(container.name, value);
      }
      assert.strictEqual(containers.find((c) => c.id === GOOD_CONTAINER_ID)?.name, HOSTILE_NAME_OF_GOOD_ID);
      const project = containers.find((c) => c.id === HOSTILE_PROJECT.id);
      assert.strictEqual(project?.composeProject, HOSTILE_PROJECT.project);
      assert.strictEqual(project?.composeWorkingDir, HOSTILE_PROJECT.workingDir);

      const images = await docker.listImages();
      assert.deepStrictEqual(images.find((i) => i.id === HOSTILE.envFile)?.repoTags, [`${HOSTILE.envFile}:latest`]);
      assert.deepStrictEqual(images.find((i) => i.id === GOOD_IMAGE_ID)?.repoTags, [`${HOSTILE.envFile}:latest`]);
      assert.deepStrictEqual(images.find((i) => i.id === '--rm')?.repoTags, []);

      const volumes = await docker.listVolumes();
      const networks = await docker.listNetworks();
      assert.deepStrictEqual(volumes.map((v) => v.name).sort(), [...HOSTILE_VALUES].sort());
      assert.deepStrictEqual(networks.map((n) => n.name).sort(), [...HOSTILE_VALUES].sort());

      // The views' rows are made from them without a crash.
      const rows = containerTree(containers);
      assert.ok(rows.some((r) => r.kind === 'project' && r.project === HOSTILE_PROJECT.project));
      assert.ok(imageRows(imageTree(images, containers, { showDangling: true, now: Date.now() })).length >= HOSTILE_VALUES.length + 3);
      assert.strictEqual(volumeTree(volumes, containers).length, HOSTILE_VALUES.length);
      assert.strictEqual(networkTree(networks, containers).length, HOSTILE_VALUES.length);
      assert.deepStrictEqual(
        engine.requests.filter((r) => !LIST_PATHS.has(r.path)).map((r) => `${r.method} ${r.path}`),
        [],
      );
    });

    it('holds the event stream open and ends it on dispose', async () => {
      let ended: Error | undefined | 'no' = 'no';
      const subscription = await docker.events({ onEvent: () => undefined, onEnd: (error) => (ended = error) });
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.strictEqual(ended, 'no');
      subscription.dispose();
      assert.ok(engine.requests.some((r) => r.path === '/events'));
    });

    it('no hostile id or name becomes an argument: every command refuses every hostile row', async () => {
      const containers = await docker.listContainers();
      const images = await docker.listImages();
      let accepted = 0;
      for (const container of containers) {
        const hostile = HOSTILE_VALUES.includes(container.id) || HOSTILE_VALUES.includes(container.name) || container.name === HOSTILE_NAME_OF_GOOD_ID;
        assert.strictEqual(containerProblem(container) !== undefined, hostile, container.id);
        if (hostile) {
          assert.ok(refused(() => shellArgs(container)), container.id);
          continue;
        }
        // The well-formed rows (the Compose projects' containers): the id alone, after "--".
        accepted += 1;
        assert.ok(isContainerId(container.id));
        assert.deepStrictEqual(shellArgs(container), ['exec', '-it', '--', container.id, 'sh', '-c', PICK_SHELL]);
      }
      assert.strictEqual(accepted, 2);
      const rows = imageRows(imageTree(images, containers, { showDangling: true, now: Date.now() }));
      for (const row of rows) {
        assert.ok(imageProblem({ reference: row.reference, id: row.image.id }), `${row.reference} ${row.image.id}`);
        assert.ok(refused(() => runInteractiveArgs({ reference: row.reference, id: row.image.id })));
        if (row.reference) assert.ok(refused(() => pushArgs(row.reference!)));
      }
    });

    it("refuses a Compose project whose labels name an option as its folder or files", async () => {
      const project = containerTree(await docker.listContainers()).find((r) => r.kind === 'project' && r.project === HOSTILE_PROJECT.project);
      assert.ok(project?.kind === 'project');
      assert.strictEqual(
        composeProjectProblem(project.workingDir, project.configFiles),
        `The engine returned a Compose working folder that is not an absolute path: "${HOSTILE_PROJECT.workingDir}"`,
      );
    });
  });

  describe('the real docker CLI given the arrays the commands build', function () {
    let home: string;

    before(function () {
      try {
        execFileSync('docker', ['--version'], { stdio: 'ignore' });
        execFileSync('python3', ['-c', 'import pty'], { stdio: 'ignore' });
      } catch {
        this.skip(); // No docker CLI (or no python3 for a terminal) on this machine.
      }
      home = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-hostile-cli-'));
      fs.rmSync(PWNED, { force: true });
    });

    after(() => {
      if (home) fs.rmSync(home, { recursive: true, force: true });
      assert.ok(!fs.existsSync(PWNED), 'a hostile value was run by a shell');
    });

    /**
     * Runs `docker <args>` in a terminal (a pseudo-terminal from python's pty, as `-it` needs one; argv only, no
     * shell) against the stand-in, with a private config folder and CANARY in its environment. Resolves with the
     * requests the engine received meanwhile and the CLI's output.
     */
    async function cli(args: string[]): Promise<{ requests: RecordedRequest[]; output: string }> {
      const before = engine.requests.length;
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, DOCKER_CONFIG: path.join(home, '.docker'), DOCKER_HOST: engine.host, DW_CANARY: CANARY };
      // Async: the stand-in answers from this very process.
      const output = await new Promise<string>((resolve) => {
        const child = execFile(
          'python3',
          ['-c', 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', 'docker', ...args],
          { env, cwd: home, encoding: 'utf8', timeout: 30_000 },
          (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
        );
        child.stdin?.end();
      });
      return { requests: engine.requests.slice(before), output };
    }

    const exec = (requests: RecordedRequest[]) => requests.find((r) => r.method === 'POST' && /^\/containers\/.+\/exec$/.test(r.path));

    it('Open Shell without "--" (the bug of issue 12) sent the environment to the engine: this harness sees it', async () => {
      const { requests } = await cli(['exec', '-it', HOSTILE.envFile, 'sh', '-c', PICK_SHELL]);
      assert.strictEqual(exec(requests)?.path, '/containers/sh/exec');
      assert.strictEqual(leaks(requests).length, 1, 'the old argument array leaks the environment');
    });

    it('Open Shell as built now: the fixed script in the container the id names, no environment', async () => {
      const args = shellArgs({ id: HOSTILE_PROJECT.id, name: HOSTILE_PROJECT.name });
      const { requests } = await cli(args);
      const created = exec(requests);
      assert.strictEqual(created?.path, `/containers/${HOSTILE_PROJECT.id}/exec`);
      const body = JSON.parse(created.body) as { Cmd: string[]; Env: string[] | null; Tty: boolean; AttachStdin: boolean };
      assert.deepStrictEqual([body.Cmd, body.Env, body.Tty, body.AttachStdin], [['sh', '-c', PICK_SHELL], null, true, true]);
      assert.deepStrictEqual(leaks(requests), []);
    });

    it('"--" keeps even an unchecked hostile id a container name (defence in depth)', async () => {
      for (const id of [HOSTILE.envFile, HOSTILE.shortOption, HOSTILE.substitution]) {
        const { requests } = await cli(['exec', '-it', '--', id, 'sh', '-c', PICK_SHELL]);
        const created = exec(requests);
        assert.strictEqual(created?.path, `/containers/${id}/exec`, JSON.stringify(id));
        assert.deepStrictEqual((JSON.parse(created.body) as { Cmd: string[] }).Cmd, ['sh', '-c', PICK_SHELL]);
        assert.deepStrictEqual(leaks(requests), []);
      }
      // A line break cannot even be put in a request path: the CLI stops before the exec.
      const { requests } = await cli(['exec', '-it', '--', HOSTILE.newline, 'sh', '-c', PICK_SHELL]);
      assert.strictEqual(exec(requests), undefined);
      assert.deepStrictEqual(leaks(requests), []);
    });

    it('Run Interactive: the image after "--"; the hostile engine cannot run it (no image) and nothing leaks', async () => {
      const { requests } = await cli(runInteractiveArgs({ reference: 'dw-test/busybox:latest', id: GOOD_IMAGE_ID }));
      const create = requests.find((r) => r.method === 'POST' && r.path === '/containers/create');
      assert.strictEqual((JSON.parse(create?.body ?? '{}') as { Image?: string }).Image, 'dw-test/busybox:latest');
      assert.deepStrictEqual(leaks(requests), []);
      // Even past the checks, a hostile reference after "--" is a reference to the CLI, which refuses it.
      const hostile = await cli(['run', '-it', '--rm', '--', HOSTILE.envFile]);
      assert.match(hostile.output, /invalid reference format/);
      assert.deepStrictEqual(hostile.requests.filter((r) => r.path !== '/_ping'), []);
    });

    it('Push: the reference after "--" names what is pushed; a hostile one is refused by the CLI too', async () => {
      const { requests } = await cli(pushArgs('127.0.0.1:5000/dw/app:1'));
      assert.deepStrictEqual(
        requests.filter((r) => r.method === 'POST').map((r) => `${r.path}?${r.query.toString()}`),
        ['/images/127.0.0.1:5000/dw/app/push?tag=1'],
      );
      assert.deepStrictEqual(leaks(requests), []);
      const hostile = await cli(['push', '--', '--all-tags']);
      assert.match(hostile.output, /invalid reference format/);
    });

    it('Build: a Dockerfile and a context whose names are options stay paths', async () => {
      const context = path.join(home, '--output=type=local,dest=-');
      fs.mkdirSync(context, { recursive: true });
      const dockerfile = path.join(context, '--tag=evil.Dockerfile');
      fs.writeFileSync(dockerfile, 'FROM dw-test/busybox:latest\n');
      const { requests } = await cli(buildArgs({ dockerfile, tag: 'shop:latest', context }));
      const build = requests.find((r) => r.method === 'POST' && r.path === '/build');
      assert.ok(build, 'the CLI sent the build');
      assert.deepStrictEqual([build.query.get('dockerfile'), build.query.getAll('t')], ['--tag=evil.Dockerfile', ['shop:latest']]);
      assert.deepStrictEqual(leaks(requests), []);
    });
  });
});

