// tasks.json definitions of the two task types -> what runs: the compose file and request (whose argument array
// composeArgs builds, as for the menu commands), or the docker CLI's argument array. The VS Code side (the task
// provider running them) is test/suite/tasks.test.ts.
import * as assert from 'assert';
import * as os from 'os';
import { composeArgs } from '../../client/src/compose/composeCli';
import { composeTaskPlan, dockerTaskPlan } from '../../client/src/tasks/taskDefinitions';
import { V1, V2 } from './support/composeCli';

const FOLDER = "/work/my app's $(x)";
const noDefault = () => undefined;

describe('task definitions: dockerWorkflows.compose', () => {
  it('a file relative to the folder, the action and its services; arguments as the menu builds them', () => {
    const plan = composeTaskPlan({ type: 'dockerWorkflows.compose', action: 'up', file: 'app/compose.yaml', services: ['web'] }, FOLDER, noDefault);
    assert.deepStrictEqual(plan, { file: `${FOLDER}/app/compose.yaml`, request: { action: 'up', services: ['web'] } });
    if ('problem' in plan) return;
    const directory = `${FOLDER}/app`;
    assert.deepStrictEqual(composeArgs(V1, { ...plan.request, files: [plan.file], projectDirectory: directory }), {
      command: 'docker-compose',
      args: ['-f', plan.file, '--project-directory', directory, 'up', '--detach', 'web'],
    });
    assert.deepStrictEqual(composeArgs(V2, { ...plan.request, files: [plan.file], projectDirectory: directory }).args.slice(0, 2), ['compose', '-f']);
  });

  it('no file: the folder default compose file; logs follow as the menu does; profiles', () => {
    const plan = composeTaskPlan({ type: 'dockerWorkflows.compose', action: 'logs', profiles: ['debug'] }, FOLDER, (folder) => `${folder}/docker-compose.yml`);
    assert.deepStrictEqual(plan, { file: `${FOLDER}/docker-compose.yml`, request: { action: 'logs', profiles: ['debug'], follow: true } });
  });

  it('an absolute file is kept; empty service lists are left out', () => {
    assert.deepStrictEqual(composeTaskPlan({ type: 'dockerWorkflows.compose', action: 'down', file: '/srv/x/../compose.yaml', services: [] }, undefined, noDefault), {
      file: '/srv/compose.yaml',
      request: { action: 'down' },
    });
  });

  it('refuses in plain words what cannot run', () => {
    const problem = (definition: Record<string, unknown>, folder: string | null = FOLDER) => {
      const plan = composeTaskPlan({ type: 'dockerWorkflows.compose', ...definition }, folder ?? undefined, noDefault);
      return 'problem' in plan ? plan.problem : 'no problem';
    };
    assert.strictEqual(problem({}), 'A dockerWorkflows.compose task needs "action": one of up, down, restart, stop, start, pause, unpause, logs, pull, build; not nothing.');
    assert.strictEqual(problem({ action: 'rm' }), 'A dockerWorkflows.compose task needs "action": one of up, down, restart, stop, start, pause, unpause, logs, pull, build; not "rm".');
    assert.strictEqual(problem({ action: 'up' }), `No compose file (compose.yaml, docker-compose.yml ...) in "${FOLDER}": give the task a "file".`);
    assert.strictEqual(problem({ action: 'up', file: 'compose.yaml' }, null), 'The compose file "compose.yaml" is relative, but the task belongs to no workspace folder.');
    assert.strictEqual(problem({ action: 'up', file: 'c.yaml', services: 'web' }), '"services" of a dockerWorkflows.compose task must be a list of names, not "web".');
    assert.strictEqual(problem({ action: 'up', file: 7 }), '"file" of a dockerWorkflows.compose task must be a path.');
  });
});

describe('task definitions: dockerWorkflows.docker', () => {
  const context = (dockerfile: string) => dockerfile.slice(0, dockerfile.lastIndexOf('/'));

  it('build: the Dockerfile, tag and context as Build Image passes them, named as Build Image names its task', () => {
    assert.deepStrictEqual(dockerTaskPlan({ type: 'dockerWorkflows.docker', command: 'build', dockerfile: 'web/Dockerfile', tag: 'shop:1', context: '.' }, FOLDER, context), {
      name: 'Build: shop:1',
      source: 'Docker',
      command: 'docker',
      args: ['build', `--file=${FOLDER}/web/Dockerfile`, '--tag=shop:1', '--', FOLDER],
      cwd: FOLDER,
    });
  });

  it('build with defaults: ./Dockerfile, <folder name>:latest, the context the setting gives', () => {
    const plan = dockerTaskPlan({ type: 'dockerWorkflows.docker', command: 'build' }, '/work/Shop App', context);
    assert.deepStrictEqual(plan, {
      name: 'Build: shop-app:latest',
      source: 'Docker',
      command: 'docker',
      args: ['build', '--file=/work/Shop App/Dockerfile', '--tag=shop-app:latest', '--', '/work/Shop App'],
      cwd: '/work/Shop App',
    });
  });

  it('push: the image after --, in the folder (else the home folder)', () => {
    assert.deepStrictEqual(dockerTaskPlan({ type: 'dockerWorkflows.docker', command: 'push', image: '127.0.0.1:5000/shop:1' }, undefined, context), {
      name: 'Push: 127.0.0.1:5000/shop:1',
      source: 'Docker',
      command: 'docker',
      args: ['push', '--', '127.0.0.1:5000/shop:1'],
      cwd: os.homedir(),
    });
  });

  it('refuses in plain words what cannot run', () => {
    const problem = (definition: Record<string, unknown>) => {
      const plan = dockerTaskPlan({ type: 'dockerWorkflows.docker', ...definition }, FOLDER, context);
      return 'problem' in plan ? plan.problem : 'no problem';
    };
    assert.strictEqual(problem({ command: 'run' }), 'A dockerWorkflows.docker task needs "command": build or push; not "run".');
    assert.strictEqual(problem({ command: 'build', tag: '--privileged' }).startsWith('Not a valid image name: '), true);
    assert.strictEqual(problem({ command: 'build', tag: '' }), '"tag" of a dockerWorkflows.docker task must be a non-empty string.');
    assert.strictEqual(problem({ command: 'push' }), 'A dockerWorkflows.docker push task needs "image": the reference to push.');
    assert.strictEqual(problem({ command: 'push', image: '-x' }), 'Not an image reference to push: "-x"');
  });
});
