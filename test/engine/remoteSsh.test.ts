// An engine over SSH, for real: the sshd the test run started on 127.0.0.1 (test/support/remoteEngines.ts), reached
// with the system ssh and the test's own ssh config file, running `docker system dial-stdio` that reaches the test
// engine. The same behaviour as a local engine, ssh problems in plain words, and a dropped connection.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { sshArgs } from '../../client/src/engine/sshTransport';
import { waitFor } from '../support/wait';
import { dockerAsync } from './engineTestKit';
import { behavesLikeALocalEngine, failureOf, remote, sshEngine, sshHostWithoutDocker } from './remoteKit';

describe('remote engine over SSH', function () {
  this.timeout(120_000);
  const at = `Cannot reach the Docker engine at ${remote.sshHost}: `;

  // Through ssh the test reaches its own test engine: the docker CLI makes and checks containers there directly.
  describe('works as a local engine', () => behavesLikeALocalEngine('ssh', () => sshEngine(), dockerAsync));

  it('the CLI environment is a private local socket, not the ssh address', () => {
    const engine = sshEngine();
    try {
      const host = engine.cliEnv().DOCKER_HOST;
      assert.match(host, /^unix:\/\/\/.*\/docker-workflows-ssh-[^/]+\/engine\.sock$/);
      assert.strictEqual(fs.statSync(path.dirname(host.slice('unix://'.length))).mode & 0o777, 0o700);
    } finally {
      engine.dispose();
    }
  });

  describe('ssh problems in plain words', () => {
    for (const [config, failure, reason] of [
      [
        'config-wrong-host-key',
        'host-key',
        "the server's host key is not the one saved in known_hosts (the host may have been reinstalled, or someone is in between); check the new key with the server's owner, then remove the old one with ssh-keygen -R",
      ],
      [
        'config-unknown-host',
        'host-key',
        "the server's host key is not in known_hosts yet: connect once with ssh in a terminal, check the key and accept it (the extension never accepts a key by itself)",
      ],
      [
        'config-refused-key',
        'login-refused',
        "the server refused the login (publickey): check the user name, and that your key is in the server's authorized_keys and offered (IdentityFile or ssh-agent)",
      ],
      ['config-no-docker', 'ssh', 'the remote host has no docker command (the docker CLI must be installed there for `docker system dial-stdio`)'],
    ] as const) {
      it(`${config}: ${failure}`, async () => {
        const host = config === 'config-no-docker' ? sshHostWithoutDocker() : remote.sshHost;
        const engine = sshEngine(config, host);
        try {
          assert.deepStrictEqual(await failureOf(() => engine.listContainers()), { failure, message: `Cannot reach the Docker engine at ${host}: ${reason}` });
        } finally {
          engine.dispose();
        }
      });
    }

    it('no ssh program', async () => {
      const engine = sshEngine();
      const saved = process.env.PATH;
      process.env.PATH = '/nonexistent';
      try {
        assert.deepStrictEqual(await failureOf(() => engine.ping()), { failure: 'ssh', message: `${at}the ssh program "ssh" was not found (install OpenSSH's client)` });
      } finally {
        process.env.PATH = saved;
        engine.dispose();
      }
    });

    it('a host that would read as an ssh option is refused before ssh starts', () => {
      assert.throws(() => sshArgs({ host: '-oProxyCommand=touch /tmp/x', port: 22 }), { message: '"-oProxyCommand=touch /tmp/x" is not a host name ssh can be given' });
      assert.deepStrictEqual(sshArgs({ host: 'example.com', port: 2222, username: 'me', configFile: '/etc/dw/ssh_config' }), [
        '-F', '/etc/dw/ssh_config', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=15', '-o', 'ServerAliveInterval=15', '-T', '-p', '2222', '-l', 'me', '--', 'example.com', 'docker', 'system', 'dial-stdio',
      ]);
    });
  });

  it('a dropped connection (the server side of ssh killed) ends the event stream, and the engine answers again', async () => {
    const engine = sshEngine();
    let ended: Error | undefined | 'no' = 'no';
    const events = await engine.events({ onEvent: () => undefined, onEnd: (e) => (ended = e) });
    try {
      // The listener's children are the sessions: kill them, as a network cut or a server restart would.
      const listener = fs.readFileSync(path.join(remote.sshDir, 'sshd.pid'), 'utf8').trim();
      const sessions = execFileSync('pgrep', ['-P', listener], { encoding: 'utf8' }).split('\n').filter(Boolean);
      assert.ok(sessions.length >= 1, 'the event stream holds an ssh session');
      for (const pid of sessions) process.kill(Number(pid), 'SIGKILL');
      await waitFor('the end of the event stream', () => ended !== 'no');
      assert.strictEqual(String(ended), `EngineError: ${at}the engine closed the connection`);
    } finally {
      events.dispose();
    }
    assert.deepStrictEqual(await failureOf(() => engine.ping()), { failure: 'none', message: 'no error' });
    engine.dispose();
  });
});
