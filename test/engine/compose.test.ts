// The Compose command line against the real dockerd that the test run started: the CLI this machine has
// (Debian's docker-compose 1.29 here, `docker compose` v2 where installed), run with execFile and the
// argument arrays of composeArgs, in a project folder whose path is full of shell syntax.
import * as assert from 'assert';
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { composeArgs, detectComposeCli, execFileRunner, type ComposeCli, type ComposeRequest } from '../../client/src/compose/composeCli';
import { composeFilesFor } from '../../client/src/compose/composeFiles';
import { projectNameOf } from '../../client/src/compose/projectName';
import { dockerHost, TEST_IMAGE } from '../support/dockerd';
import { waitFor } from '../support/wait';

const dir = process.env.DW_DOCKERD_DIR;
if (!dir) throw new Error('DW_DOCKERD_DIR is not set: run the engine suite through `npm test`');

/** The environment of every command: our engine, and nothing of the machine's Compose settings. */
const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: dockerHost(dir) };
for (const key of Object.keys(env)) if (key.startsWith('COMPOSE_') || key === 'DOCKER_BUILDKIT' || key === 'DW_COMPOSE_TIER') delete env[key];

const PROJECT = 'dwcompose-test_1';
const TOOLS_IMAGE = 'dw-test/compose-tools:latest';
/** The first folder of the project path inside tmp: the path up to the "/" that starts the tmp path in $(touch ...). */
const TOP_DIR = `it's "q" $(touch `;
const PROJECT_LABEL = `label=com.docker.compose.project=${PROJECT}`;

const COMPOSE_YAML = `services:
  web:
    image: ${TEST_IMAGE}
    command: ["httpd", "-f", "-p", "80", "-h", "/www"]
    stop_signal: SIGKILL
    ports: ["127.0.0.1::80"]
    labels:
      dw.test.tier: "\${DW_COMPOSE_TIER}"
  worker:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo worker started $$GREETING; exec sleep 3600"]
    stop_signal: SIGKILL
    volumes: ["data:/data"]
  tools:
    profiles: ["tools"]
    build: .
    image: ${TOOLS_IMAGE}
    stop_signal: SIGKILL
volumes:
  data: {}
`;
const OVERRIDE_YAML = `services:
  worker:
    environment:
      GREETING: hello-from-override
    labels:
      dw.test.override: "yes"
`;
const DOCKERFILE = `FROM ${TEST_IMAGE}\nRUN echo built > /built.txt\nCMD ["sleep", "3600"]\n`;

function docker(...args: string[]): string {
  return execFileSync('docker', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

/** `service state` of each container of the project, sorted. */
function projectContainers(): string[] {
  return lines(docker('ps', '-a', '--filter', PROJECT_LABEL, '--format', '{{.Label "com.docker.compose.service"}} {{.State}}')).sort();
}

function containerOf(service: string): string {
  return docker('ps', '-aq', '--filter', PROJECT_LABEL, '--filter', `label=com.docker.compose.service=${service}`);
}

function inspect(service: string, format: string): string {
  return docker('inspect', '-f', format, containerOf(service));
}

function httpGet(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', timeout: 5000 }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

/** Removes whatever a run of this file may have left on the engine. */
function removeProject(): void {
  const containers = lines(docker('ps', '-aq', '--filter', PROJECT_LABEL));
  if (containers.length) docker('rm', '-f', '-v', ...containers);
  const volumes = lines(docker('volume', 'ls', '-q', '--filter', PROJECT_LABEL));
  if (volumes.length) docker('volume', 'rm', '-f', ...volumes);
  const networks = lines(docker('network', 'ls', '-q', '--filter', PROJECT_LABEL));
  if (networks.length) docker('network', 'rm', ...networks);
  if (docker('images', '-q', TOOLS_IMAGE)) docker('rmi', '-f', TOOLS_IMAGE);
}

describe('Compose CLI against a real dockerd', function () {
  this.timeout(120_000);
  let tmp: string;
  let projectDir: string;
  let baseFile: string;
  let overrideFile: string;
  let cli: ComposeCli;

  /** Runs one Compose action the way the extension does: the program and its argument array, no shell. */
  function compose(action: ComposeRequest['action'], extra: Partial<ComposeRequest> = {}): Promise<string> {
    const { command, args } = composeArgs(cli, { action, files: composeFilesFor(baseFile), projectDirectory: projectDir, ...extra });
    return new Promise((resolve, reject) => {
      execFile(command, args, { env, cwd: projectDir, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${action} failed (${error.code}):\n${stderr}`));
        else resolve(stdout);
      });
    });
  }

  before(() => {
    removeProject();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-compose-engine-'));
    // The slashes inside $(...) and `...` make nested folders; the whole path is what matters.
    projectDir = path.join(tmp, `it's "q" $(touch ${tmp}/pwned) \`touch ${tmp}/pwned2\` ; touch ${tmp}/pwned3`, 'DW Compose-Test_1');
    fs.mkdirSync(projectDir, { recursive: true });
    baseFile = path.join(projectDir, 'compose.yaml');
    overrideFile = path.join(projectDir, 'compose.override.yaml');
    fs.writeFileSync(baseFile, COMPOSE_YAML);
    fs.writeFileSync(overrideFile, OVERRIDE_YAML);
    fs.writeFileSync(path.join(projectDir, '.env'), 'DW_COMPOSE_TIER=tier-from-dotenv\n');
    fs.writeFileSync(path.join(projectDir, 'Dockerfile'), DOCKERFILE);
  });

  after(() => {
    try {
      removeProject();
    } finally {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('detects the Compose CLI this machine has', async () => {
    let expected: ComposeCli;
    try {
      const version = execFileSync('docker', ['compose', 'version', '--short'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expected = { command: 'docker', baseArgs: ['compose'], version: version.trim().replace(/^v/, ''), v2: true };
    } catch {
      const version = execFileSync('docker-compose', ['version', '--short'], { env, encoding: 'utf8' }).trim().replace(/^v/, '');
      expected = { command: 'docker-compose', baseArgs: [], version, v2: Number(version.split('.')[0]) >= 2 };
    }
    const detection = await detectComposeCli(execFileRunner({ env }));
    assert.deepStrictEqual(detection, { cli: expected });
    cli = detection.cli!;
  });

  it('finds the override file and derives the project name from the folder', () => {
    assert.deepStrictEqual(
      { files: composeFilesFor(baseFile), name: projectNameOf([COMPOSE_YAML, OVERRIDE_YAML], projectDir, { v1: !cli.v2 }) },
      { files: [baseFile, overrideFile], name: PROJECT },
    );
  });

  it('Up starts both services with the override and .env applied, and runs nothing from the path', async () => {
    await compose('up');
    assert.deepStrictEqual(projectContainers(), ['web running', 'worker running']);
    assert.deepStrictEqual(
      {
        tier: inspect('web', '{{index .Config.Labels "dw.test.tier"}}'),
        override: inspect('worker', '{{index .Config.Labels "dw.test.override"}}'),
        greeting: lines(inspect('worker', '{{range .Config.Env}}{{println .}}{{end}}')).filter((e) => e.startsWith('GREETING=')),
        workingDir: inspect('web', '{{index .Config.Labels "com.docker.compose.project.working_dir"}}'),
        configFiles: inspect('web', '{{index .Config.Labels "com.docker.compose.project.config_files"}}'),
      },
      {
        tier: 'tier-from-dotenv',
        override: 'yes',
        greeting: ['GREETING=hello-from-override'],
        workingDir: projectDir,
        configFiles: `${baseFile},${overrideFile}`,
      },
    );
    // Only the project folder's top directory is in tmp: no pwned, pwned2 or pwned3.
    assert.deepStrictEqual(fs.readdirSync(tmp), [TOP_DIR]);
    const port = Number(docker('port', containerOf('web'), '80/tcp').split('\n')[0].split(':').pop());
    assert.strictEqual(await httpGet(port), '<h1>docker-workflows test image</h1>\n');
  });

  it('Stop stops both containers and Start starts them again', async () => {
    await compose('stop');
    const stopped = projectContainers();
    await compose('start');
    assert.deepStrictEqual({ stopped, started: projectContainers() }, { stopped: ['web exited', 'worker exited'], started: ['web running', 'worker running'] });
  });

  it('Restart of a chosen service restarts that one only', async () => {
    const before = { web: inspect('web', '{{.State.StartedAt}}'), worker: inspect('worker', '{{.State.StartedAt}}') };
    await compose('restart', { services: ['worker'] });
    const after = { web: inspect('web', '{{.State.StartedAt}}'), worker: inspect('worker', '{{.State.StartedAt}}') };
    assert.deepStrictEqual({ webSame: after.web === before.web, workerSame: after.worker === before.worker, state: projectContainers() }, {
      webSame: true,
      workerSame: false,
      state: ['web running', 'worker running'],
    });
  });

  it('Pause and Unpause a chosen service', async () => {
    await compose('pause', { services: ['worker'] });
    const paused = projectContainers();
    await compose('unpause', { services: ['worker'] });
    assert.deepStrictEqual({ paused, unpaused: projectContainers() }, { paused: ['web running', 'worker paused'], unpaused: ['web running', 'worker running'] });
  });

  it('Logs (not following, no colour) shows the line of each of the three starts', async () => {
    const startLines = (text: string) => lines(text).filter((line) => line.includes(' | ')).map((line) => line.slice(line.indexOf(' | ') + 3));
    const logs = await waitFor('three starts in the logs', async () => {
      const out = await compose('logs', { noColor: true, services: ['worker'] });
      return startLines(out).length >= 3 && out;
    });
    assert.deepStrictEqual(startLines(logs), ['worker started hello-from-override', 'worker started hello-from-override', 'worker started hello-from-override']);
    assert.doesNotMatch(logs, /\x1b\[/);
    const stamped = startLines(await compose('logs', { noColor: true, timestamps: true, tail: 1, services: ['worker'] }));
    assert.deepStrictEqual(
      stamped.map((line) => line.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /, '<time> ')),
      ['<time> worker started hello-from-override'],
    );
  });

  it('Build with a profile builds the profile service, and Up with that profile starts it', async () => {
    await compose('build', { profiles: ['tools'], services: ['tools'] });
    const built = docker('images', '--format', '{{.Repository}}:{{.Tag}}', TOOLS_IMAGE);
    await compose('up', { profiles: ['tools'], services: ['tools'] });
    assert.deepStrictEqual(
      { built, containers: projectContainers(), file: docker('exec', containerOf('tools'), 'cat', '/built.txt') },
      { built: TOOLS_IMAGE, containers: ['tools running', 'web running', 'worker running'], file: 'built' },
    );
  });

  it('Down --volumes removes every container, the network and the volume of the project', async () => {
    const volumesBefore = lines(docker('volume', 'ls', '-q', '--filter', PROJECT_LABEL));
    await compose('down', { removeVolumes: true });
    assert.deepStrictEqual(
      {
        volumesBefore,
        containers: projectContainers(),
        volumes: lines(docker('volume', 'ls', '-q', '--filter', PROJECT_LABEL)),
        networks: lines(docker('network', 'ls', '-q', '--filter', PROJECT_LABEL)),
        namedNetwork: lines(docker('network', 'ls', '-q', '--filter', `name=^${PROJECT}_default$`)),
      },
      { volumesBefore: [`${PROJECT}_data`], containers: [], volumes: [], networks: [], namedNetwork: [] },
    );
    assert.deepStrictEqual(fs.readdirSync(tmp), [TOP_DIR]);
  });
});
