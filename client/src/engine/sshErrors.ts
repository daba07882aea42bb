// What went wrong when `ssh ... docker system dial-stdio` failed, in plain words, from ssh's own error output.
// Pure: unit-tested with the messages OpenSSH and the docker CLI print.
import type { EngineFailure } from './types';

/** A failure of the ssh transport; `failure` is the kind the views' welcome message advises on. */
export class SshError extends Error {
  constructor(
    readonly reason: string,
    readonly failure: EngineFailure,
  ) {
    super(reason);
    this.name = 'SshError';
  }
}

const RULES: [RegExp, EngineFailure, (m: RegExpExecArray) => string][] = [
  [
    /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for (\S+) has changed/,
    'host-key',
    () =>
      "the server's host key is not the one saved in known_hosts (the host may have been reinstalled, or someone is in between); " +
      'check the new key with the server\'s owner, then remove the old one with ssh-keygen -R',
  ],
  [
    /No \S+ host key is known for (\S+)|Host key verification failed/,
    'host-key',
    () => "the server's host key is not in known_hosts yet: connect once with ssh in a terminal, check the key and accept it (the extension never accepts a key by itself)",
  ],
  [
    /Permission denied \(([^)]*)\)/,
    'login-refused',
    (m) => `the server refused the login (${m[1]}): check the user name, and that your key is in the server's authorized_keys and offered (IdentityFile or ssh-agent)`,
  ],
  [/Could not resolve hostname (\S+?):/, 'host-not-found', (m) => `the host name ${m[1]} cannot be resolved`],
  [/connect to host \S+ port \d+: Connection refused/, 'refused', () => 'the ssh server refused the connection (is sshd running on that port?)'],
  [/connect to host \S+ port \d+: (?:Connection timed out|Operation timed out)/, 'timeout', () => 'the ssh server did not answer in time'],
  [/Bad configuration option|Can't open user config file|no argument after keyword|Bad owner or permissions/, 'ssh', (m) => `ssh cannot use its configuration: ${m[0]}`],
  [
    /docker: (?:command )?not found|command not found: docker|exec: "?docker"?: executable file not found/,
    'ssh',
    () => 'the remote host has no docker command (the docker CLI must be installed there for `docker system dial-stdio`)',
  ],
  [/unknown command "dial-stdio"|'dial-stdio' is not a docker command/, 'ssh', () => "the remote host's docker CLI is too old for `docker system dial-stdio` (18.09 or later is needed)"],
  [
    /Cannot connect to the Docker daemon at (\S+)|dial unix (\S+?): connect: (?:no such file|connection refused)/,
    'refused',
    (m) => `ssh works, but the docker CLI on the remote host cannot reach its engine at ${(m[1] ?? m[2]).replace(/\.$/, '')} (is dockerd running there?)`,
  ],
  [/permission denied while trying to connect to the Docker daemon/, 'permission', () => 'ssh works, but the remote user may not use the engine (add it to the "docker" group there)'],
  [/Connection (?:closed by|reset by)|Broken pipe|client_loop: send disconnect/, 'closed', () => 'the ssh connection was closed'],
];

/**
 * The SshError for an ssh process that ended with `code` after printing `stderr`; undefined for an end that is not a
 * failure (the stream simply closed after it carried data).
 */
export function sshFailure(stderr: string, code: number | null, received: boolean): SshError | undefined {
  for (const [pattern, failure, reason] of RULES) {
    const match = pattern.exec(stderr);
    if (match) return new SshError(reason(match), failure);
  }
  if (code === 127) return new SshError('the remote host has no docker command (the docker CLI must be installed there for `docker system dial-stdio`)', 'ssh');
  if (received) return undefined;
  const last = stderr.trim().split('\n').filter(Boolean).at(-1)?.trim();
  return new SshError(`ssh ended${code === null ? '' : ` with exit code ${code}`}${last ? `: ${last.slice(0, 300)}` : ' before the engine answered'}`, code === 255 ? 'ssh' : 'closed');
}
