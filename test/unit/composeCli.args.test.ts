// The Compose command line: argument arrays of every action for v1 and v2. Paths full of shell syntax must come
// out as single, unchanged array elements.
import * as assert from 'assert';
import { composeArgs, composeTerminalOptions, type ComposeAction, type ComposeCli, type ComposeRequest } from '../../client/src/compose/composeCli';
import { BASE, DIR, GLOBAL, request, V1, V2 } from './support/composeCli';

describe('compose CLI: composeArgs', () => {
  // Every action with its options: the words after the global options, the same for v1 and v2.
  const cases: [string, ComposeRequest, string[]][] = [
    ['up, all services, detached', request('up'), ['up', '--detach']],
    ['up, chosen services', request('up', { services: ['web', 'worker'] }), ['up', '--detach', 'web', 'worker']],
    ['down', request('down'), ['down']],
    ['down with volumes', request('down', { removeVolumes: true }), ['down', '--volumes']],
    ['down, removeVolumes false', request('down', { removeVolumes: false }), ['down']],
    ['restart', request('restart'), ['restart']],
    ['restart a service', request('restart', { services: ['web'] }), ['restart', 'web']],
    ['stop', request('stop', { services: ['db.primary'] }), ['stop', 'db.primary']],
    ['start', request('start'), ['start']],
    ['pause', request('pause', { services: ['web'] }), ['pause', 'web']],
    ['unpause', request('unpause'), ['unpause']],
    ['logs', request('logs'), ['logs']],
    ['logs following', request('logs', { follow: true }), ['logs', '--follow']],
    [
      'logs following with timestamps, no colour, tail, one service',
      request('logs', { follow: true, timestamps: true, noColor: true, tail: 100, services: ['worker'] }),
      ['logs', '--follow', '--timestamps', '--no-color', '--tail', '100', 'worker'],
    ],
    ['logs with tail 0', request('logs', { tail: 0 }), ['logs', '--tail', '0']],
    ['pull', request('pull'), ['pull']],
    ['pull a service', request('pull', { services: ['web'] }), ['pull', 'web']],
    ['build', request('build'), ['build']],
    ['build services', request('build', { services: ['api', 'web'] }), ['build', 'api', 'web']],
  ];
  for (const [cli, label] of [
    [V2, 'v2'],
    [V1, 'v1'],
  ] as const) {
    for (const [title, req, tail] of cases) {
      it(`${label}: ${title}`, () => {
        assert.deepStrictEqual(composeArgs(cli, req), { command: cli.command, args: [...cli.baseArgs, ...GLOBAL, ...tail] });
      });
    }
  }

  it('v2: up with profiles, project name and env file, in global-option order', () => {
    const args = composeArgs(V2, request('up', { profiles: ['debug', 'tools'], projectName: 'shop_2-a', envFile: `${DIR}/.env.local`, services: ['web'] }));
    assert.deepStrictEqual(args, {
      command: 'docker',
      args: ['compose', ...GLOBAL, '-p', 'shop_2-a', '--env-file', `${DIR}/.env.local`, '--profile', 'debug', '--profile', 'tools', 'up', '--detach', 'web'],
    });
  });

  it('v1: profiles and --env-file are top-level options too', () => {
    const args = composeArgs(V1, request('down', { profiles: ['tools'], envFile: 'other.env', removeVolumes: true }));
    assert.deepStrictEqual(args, {
      command: 'docker-compose',
      args: [...GLOBAL, '--env-file', `${DIR}/other.env`, '--profile', 'tools', 'down', '--volumes'],
    });
  });

  it('keeps each weird path one element, exactly as given', () => {
    const { args } = composeArgs(V2, request('up'));
    assert.deepStrictEqual(
      [args[2], args[4], args[6]],
      [
        "/srv/my app/it's \"quoted\" $(touch /tmp/pwned) `touch /tmp/pwned2` \\ * ; & |/compose.yaml",
        "/srv/my app/it's \"quoted\" $(touch /tmp/pwned) `touch /tmp/pwned2` \\ * ; & |/compose.override.yaml",
        "/srv/my app/it's \"quoted\" $(touch /tmp/pwned) `touch /tmp/pwned2` \\ * ; & |",
      ],
    );
  });

  it('makes relative files and a relative env file absolute against the project directory', () => {
    const { args } = composeArgs(V1, { action: 'pull', files: ['compose.yaml', '-weird.yaml'], projectDirectory: DIR, envFile: '.env.ci' });
    assert.deepStrictEqual(args, ['-f', BASE, '-f', `${DIR}/-weird.yaml`, '--project-directory', DIR, '--env-file', `${DIR}/.env.ci`, 'pull']);
  });

  it('refuses what Compose would refuse or misread, with a readable message', () => {
    const refusals: [ComposeCli, ComposeRequest][] = [
      [{ ...V1, version: '1.27.4' }, request('up', { profiles: ['tools'] })],
      [{ ...V1, version: '1.24.1' }, request('up', { envFile: '.env.x' })],
      [V2, request('up', { services: ['-rf'] })],
      [V2, request('up', { services: ['web app'] })],
      [V2, request('up', { profiles: ['--all'] })],
      [V2, request('up', { projectName: 'My App' })],
      [V2, request('up', { projectName: '-p' })],
      [V2, request('down', { services: ['web'] })],
      [V2, request('up', { follow: true, removeVolumes: true })],
      [V2, request('stop', { tail: 5 })],
      [V2, request('logs', { tail: -1 })],
      [V2, { action: 'up', files: [], projectDirectory: DIR }],
      [V2, { action: 'rm' as ComposeAction, files: [BASE], projectDirectory: DIR }],
    ];
    const messages = refusals.map(([cli, req]) => {
      try {
        composeArgs(cli, req);
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    });
    assert.deepStrictEqual(messages, [
      'docker-compose 1.27.4 has no profiles (added in 1.28).',
      'docker-compose 1.24.1 has no --env-file (added in 1.25).',
      'Invalid service name "-rf".',
      'Invalid service name "web app".',
      'Invalid profile name "--all".',
      'Invalid project name "My App": use lowercase letters, digits, "-" and "_", starting with a letter or digit.',
      'Invalid project name "-p": use lowercase letters, digits, "-" and "_", starting with a letter or digit.',
      'Down acts on the whole project; stop or remove single services instead.',
      'Options that do not apply to up: removeVolumes (down only), follow (logs only).',
      'Options that do not apply to stop: tail (logs only).',
      'Invalid tail "-1": a whole number of lines.',
      'No compose file given.',
      'Unknown Compose action "rm".',
    ]);
  });

  it('gives createTerminal options that run the program itself, in the project folder', () => {
    assert.deepStrictEqual(composeTerminalOptions(V2, request('logs', { follow: true }), 'shop'), {
      name: 'Compose: shop',
      shellPath: 'docker',
      shellArgs: ['compose', ...GLOBAL, 'logs', '--follow'],
      cwd: DIR,
    });
  });
});
