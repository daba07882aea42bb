// ssh's own error output (OpenSSH 9, the docker CLI on the remote side) put in plain words, and the ssh arguments.
import * as assert from 'assert';
import { describeError } from '../../client/src/engine/errors';
import { sshFailure } from '../../client/src/engine/sshErrors';
import { sshArgs, sshTargetProblem } from '../../client/src/engine/sshTransport';

const reasonOf = (stderr: string, code: number | null = 255, received = false) => {
  const failure = sshFailure(stderr, code, received);
  return failure && [failure.failure, failure.reason];
};

describe('ssh failures in plain words', () => {
  it('names host name, refused and timed-out connections', () => {
    assert.deepStrictEqual(
      [
        'ssh: Could not resolve hostname nowhere.invalid: Name or service not known\r\n',
        'ssh: connect to host 127.0.0.1 port 2222: Connection refused\r\n',
        'ssh: connect to host 10.0.0.9 port 22: Connection timed out\r\n',
      ].map((text) => reasonOf(text)),
      [
        ['host-not-found', 'the host name nowhere.invalid cannot be resolved'],
        ['refused', 'the ssh server refused the connection (is sshd running on that port?)'],
        ['timeout', 'the ssh server did not answer in time'],
      ],
    );
  });

  it('tells a remote docker that cannot reach its engine or may not use it', () => {
    assert.deepStrictEqual(
      [
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
        'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/_ping": dial unix /var/run/docker.sock: connect: permission denied\n',
        "docker: 'dial-stdio' is not a docker command.\n",
        'bash: line 1: docker: command not found\n',
      ].map((text) => reasonOf(text, 1)),
      [
        ['refused', 'ssh works, but the docker CLI on the remote host cannot reach its engine at unix:///var/run/docker.sock (is dockerd running there?)'],
        ['permission', 'ssh works, but the remote user may not use the engine (add it to the "docker" group there)'],
        ['ssh', "the remote host's docker CLI is too old for `docker system dial-stdio` (18.09 or later is needed)"],
        ['ssh', 'the remote host has no docker command (the docker CLI must be installed there for `docker system dial-stdio`)'],
      ],
    );
  });

  it('an end after data is no failure; an unknown one keeps ssh\'s last line', () => {
    assert.strictEqual(sshFailure('', 0, true), undefined);
    assert.strictEqual(sshFailure('', 255, true), undefined);
    assert.deepStrictEqual(reasonOf('debug1: something\nkex_exchange_identification: read: Connection reset by peer\r\n'), ['closed', 'the ssh connection was closed']);
    assert.deepStrictEqual(reasonOf('Some new ssh message\n'), ['ssh', 'ssh ended with exit code 255: Some new ssh message']);
  });

  it('describeError passes an ssh failure through with its kind', () => {
    const failure = sshFailure('root@example.com: Permission denied (publickey,password).\r\n', 255, false)!;
    assert.deepStrictEqual(describeError(failure), {
      failure: 'login-refused',
      reason: "the server refused the login (publickey,password): check the user name, and that your key is in the server's authorized_keys and offered (IdentityFile or ssh-agent)",
    });
  });

  it('never gives ssh a host or user it could read as an option', () => {
    assert.deepStrictEqual(
      [
        { host: '-oProxyCommand=sh', port: 22 },
        { host: 'example.com', port: 22, username: '-lroot' },
        { host: 'exa mple.com', port: 22 },
        { host: 'example.com', port: 0 },
        { host: 'example.com', port: 22, configFile: 'relative/config' },
      ].map(sshTargetProblem),
      [
        '"-oProxyCommand=sh" is not a host name ssh can be given',
        '"-lroot" is not a user name ssh can be given',
        '"exa mple.com" is not a host name ssh can be given',
        '0 is not a port',
        'the ssh config file must be an absolute path, not "relative/config"',
      ],
    );
    assert.deepStrictEqual(sshArgs({ host: '[::1]', port: 22 }).slice(-5), ['--', '::1', 'docker', 'system', 'dial-stdio']);
  });
});
