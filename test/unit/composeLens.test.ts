// The Compose CodeLens as data: where the services are (a line scan), what each service's state reads from the
// container list, and the lenses of a whole file. The VS Code side is test/suite/composeLens.test.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nameLines, projectOfFiles } from '../../client/src/compose/projectOfFiles';
import type { ContainerSummary } from '../../client/src/engine/types';
import { composeLenses, LENS_COMMANDS } from '../../client/src/lens/composeLenses';
import { composeServiceLines } from '../../client/src/lens/serviceLines';
import { containersByService, serviceStateText } from '../../client/src/lens/serviceState';

let next = 0;
function container(project: string, service: string, fields: Partial<ContainerSummary> = {}, extraLabels: Record<string, string> = {}): ContainerSummary {
  next++;
  return {
    id: next.toString(16).padStart(64, '0'),
    name: `${project}_${service}_${next}`,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sleep 1',
    created: 0,
    state: 'running',
    status: 'Up 2 minutes',
    ports: [],
    labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': service, ...extraLabels },
    networks: {},
    mounts: [],
    ...fields,
  };
}

describe('compose lens: service lines', () => {
  it('finds services: and each service key at the first indentation below it', () => {
    const text = ['name: shop', 'services:', '  web:', '    image: nginx', '    command: |', '      web:', '  db:', 'volumes:', '  data:'].join('\n');
    assert.deepStrictEqual(composeServiceLines(text), { servicesLine: 1, services: [{ name: 'web', line: 2 }, { name: 'db', line: 6 }] });
  });

  it('skips comments and blank lines, reads quoted keys, keeps anchors, ignores merge keys', () => {
    const text = [
      'services: &all # the services',
      '',
      '  # a comment',
      '    # a deeper comment',
      '  "api.v1":',
      "  'it''s':",
      '  <<: *base',
      '  worker: &w',
      '    image: x',
      '  cache: {image: redis}',
    ].join('\r\n');
    assert.deepStrictEqual(composeServiceLines(text).services, [
      { name: 'api.v1', line: 4 },
      { name: "it's", line: 5 },
      { name: 'worker', line: 7 },
      { name: 'cache', line: 9 },
    ]);
  });

  it('uses the indentation the file uses, and reads every --- document', () => {
    const text = ['services:', '    web:', '        image: a', '---', 'services:', ' db:', '  image: b', '...'].join('\n');
    assert.deepStrictEqual(composeServiceLines(text), { servicesLine: 0, services: [{ name: 'web', line: 1 }, { name: 'db', line: 5 }] });
  });

  it('finds nothing in a flow mapping, a list, a nested services key or a file without services', () => {
    assert.deepStrictEqual(composeServiceLines('services: {web: {image: a}}\n'), { services: [] });
    assert.deepStrictEqual(composeServiceLines('services:\n  - web\n  - db\n'), { servicesLine: 0, services: [] });
    assert.deepStrictEqual(composeServiceLines('x-base:\n  services:\n    web:\n'), { services: [] });
    assert.deepStrictEqual(composeServiceLines('volumes:\n  data:\n'), { services: [] });
    assert.deepStrictEqual(composeServiceLines(''), { services: [] });
  });

  it('stays linear on a large file (a 20,000-service file is scanned in one pass)', () => {
    const text = `services:\n${Array.from({ length: 20_000 }, (_, i) => `  s${i}:\n    image: busybox\n`).join('')}`;
    const { services } = composeServiceLines(text);
    assert.strictEqual(services.length, 20_000);
    assert.deepStrictEqual(services[19_999], { name: 's19999', line: 39_999 });
  });
});

describe('compose lens: service state', () => {
  it('running replicas with their health', () => {
    assert.strictEqual(serviceStateText([container('p', 'web', { health: 'healthy' }), container('p', 'web', { health: 'healthy' })]), 'running 2/2, healthy');
    assert.strictEqual(serviceStateText([container('p', 'web'), container('p', 'web', { state: 'exited', status: 'Exited (0) 1 minute ago' })]), 'running 1/2');
    assert.strictEqual(serviceStateText([container('p', 'web', { health: 'unhealthy' }), container('p', 'web', { health: 'healthy' })]), 'running 2/2, 1 unhealthy');
    assert.strictEqual(serviceStateText([container('p', 'web', { health: 'starting' })]), 'running 1/1, starting');
    assert.strictEqual(serviceStateText([container('p', 'web')]), 'running 1/1');
  });

  it('a stopped service reads as the engine says: exited with its code and when, created, restarting, paused', () => {
    assert.strictEqual(serviceStateText([container('p', 'job', { state: 'exited', status: 'Exited (1) 3 minutes ago' })]), 'exited (1) 3 minutes ago');
    assert.strictEqual(serviceStateText([container('p', 'job', { state: 'created', status: 'Created' })]), 'created');
    assert.strictEqual(serviceStateText([container('p', 'job', { state: 'restarting', status: 'Restarting (1) 4 seconds ago' })]), 'restarting (1) 4 seconds ago');
    assert.strictEqual(serviceStateText([container('p', 'job', { state: 'paused', status: 'Up 1 minute (Paused)' })]), 'paused 1/1');
  });

  it('not created: no container', () => {
    assert.strictEqual(serviceStateText(undefined), 'not created');
    assert.strictEqual(serviceStateText([]), 'not created');
  });

  it('matches containers by project and service label, leaving out one-off containers and other projects', () => {
    const list = [
      container('shop', 'web'),
      container('shop', 'web', {}, { 'com.docker.compose.oneoff': 'True' }),
      container('other', 'web'),
      container('shop', 'db'),
    ];
    const byService = containersByService(list, 'shop');
    assert.deepStrictEqual([...byService.keys()].sort(), ['db', 'web']);
    assert.strictEqual(byService.get('web')!.length, 1);
  });
});

describe('compose lens: the lenses of a file', () => {
  const text = ['services:', '  web:', '    image: a', '  job:', '    image: b', '  new:', '    image: c', '  -bad:', '    image: d'].join('\n');

  it('Up all and Down above services:, state and actions above each service', () => {
    const list = [
      container('shop', 'web', { health: 'healthy' }),
      container('shop', 'web', { health: 'healthy' }),
      container('shop', 'job', { state: 'exited', status: 'Exited (1) 3 minutes ago' }),
    ];
    const lenses = composeLenses(text, 'shop', list).map((l) => [l.line, l.title, l.command, l.service ?? '']);
    const actions = (line: number, service: string) => [
      [line, 'Up', LENS_COMMANDS.up, service],
      [line, 'Stop', LENS_COMMANDS.stop, service],
      [line, 'Logs', LENS_COMMANDS.logs, service],
      [line, 'Restart', LENS_COMMANDS.restart, service],
    ];
    assert.deepStrictEqual(lenses, [
      [0, 'Up all', 'dockerWorkflows.compose.up', ''],
      [0, 'Down', 'dockerWorkflows.compose.down', ''],
      [1, 'running 2/2, healthy', '', ''],
      ...actions(1, 'web'),
      [3, 'exited (1) 3 minutes ago', '', ''],
      ...actions(3, 'job'),
      [5, 'not created', '', ''],
      ...actions(5, 'new'),
      // A name Compose would refuse (and that would read as an option) gets its state but no actions.
      [7, 'not created', '', ''],
    ]);
  });

  it('without a container list (engine down): the actions only', () => {
    const titles = composeLenses('services:\n  web:\n', 'shop', undefined).map((l) => l.title);
    assert.deepStrictEqual(titles, ['Up all', 'Down', 'Up', 'Stop', 'Logs', 'Restart']);
  });

  it('no lenses for a file without services', () => {
    assert.deepStrictEqual(composeLenses('volumes:\n  data:\n', 'shop', []), []);
  });
});

describe('compose lens: the project name of the files', () => {
  it('reads only the top-level name: lines (and document markers), whatever the size of the file', () => {
    const text = ['services:', '  web:', '    name: not-this', 'name: shop', 'x-big: >', '  text', '---', 'name: >-', '  Shop', '  Two', 'volumes: {}'].join('\n');
    assert.strictEqual(nameLines(text), ['name: shop', '---', 'name: >-', '  Shop', '  Two'].join('\n'));
  });

  it('names the project as Compose does: .env, the file\'s name:, else the folder (v1: never name:)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-lens-'));
    try {
      const file = path.join(dir, 'compose.yaml');
      const folderName = path.basename(dir).toLowerCase().replace(/[^a-z0-9_-]/g, '');
      fs.writeFileSync(file, 'name: My_Shop\nservices:\n  web:\n    image: x\n');
      assert.strictEqual(projectOfFiles([file], dir, { env: {}, v1: false }), 'my_shop');
      assert.strictEqual(projectOfFiles([file], dir, { env: {}, v1: true }), folderName);
      // The editor's newer text wins over the disk.
      assert.strictEqual(projectOfFiles([file], dir, { env: {}, v1: false, textOf: () => 'name: edited\n' }), 'edited');
      fs.writeFileSync(path.join(dir, '.env'), 'COMPOSE_PROJECT_NAME=fromdotenv\n');
      assert.strictEqual(projectOfFiles([file], dir, { env: {}, v1: false }), 'fromdotenv');
      assert.strictEqual(projectOfFiles([file], dir, { env: {}, v1: true }), 'fromdotenv');
      // The process environment wins over .env.
      assert.strictEqual(projectOfFiles([file], dir, { env: { COMPOSE_PROJECT_NAME: 'fromenv' }, v1: true }), 'fromenv');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
