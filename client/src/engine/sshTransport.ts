// SSH the way the docker CLI does it: the system `ssh` runs `docker system dial-stdio` on the remote host, and the
// Engine API travels over that process's stdin and stdout. So the user's ~/.ssh/config, known_hosts, keys and agent
// all count, as they do for `docker -H ssh://...`. One ssh process carries one HTTP connection; the http.Agent keeps
// idle ones open for the next request (the event stream holds one of its own).
import { spawn, type ChildProcess } from 'child_process';
import * as http from 'http';
import { Duplex } from 'stream';
import * as util from 'util';
import { sshFailure, SshError } from './sshErrors';

export interface SshTarget {
  host: string;
  port: number;
  username?: string;
  /** An ssh config file to use instead of ~/.ssh/config (`ssh -F`): the docker-workflows.ssh.configFile setting. */
  configFile?: string;
}

/** Host names and user names that can never be read as an ssh option or reach a shell. */
const HOST = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})|\[?[0-9A-Fa-f:.]+\]?)$/;
const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

/** Why an ssh target cannot be used, or undefined when it can. */
export function sshTargetProblem(target: SshTarget): string | undefined {
  if (!HOST.test(target.host)) return `"${target.host.slice(0, 80)}" is not a host name ssh can be given`;
  if (target.username !== undefined && !USER.test(target.username)) return `"${target.username.slice(0, 80)}" is not a user name ssh can be given`;
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65535) return `${target.port} is not a port`;
  if (target.configFile !== undefined && !target.configFile.startsWith('/')) return `the ssh config file must be an absolute path, not "${target.configFile}"`;
  return undefined;
}

/**
 * The arguments of `ssh` that open one stdio stream to the remote engine. BatchMode: ssh never asks anything (no
 * password prompt, no "are you sure" about an unknown host key) and fails instead, with a message we put in plain
 * words. The host comes after `--`, so it is never read as an option.
 */
export function sshArgs(target: SshTarget, remoteCommand: readonly string[] = ['docker', 'system', 'dial-stdio']): string[] {
  const problem = sshTargetProblem(target);
  if (problem) throw new SshError(problem, 'bad-address');
  return [
    ...(target.configFile ? ['-F', target.configFile] : []),
    '-o', 'BatchMode=yes',
    '-o', 'ConnectTimeout=15',
    '-o', 'ServerAliveInterval=15',
    '-T',
    '-p', String(target.port),
    ...(target.username ? ['-l', target.username] : []),
    '--',
    target.host.replace(/^\[(.*)\]$/, '$1'),
    ...remoteCommand,
  ];
}

/** The most of ssh's error output kept for the message. */
const MAX_STDERR = 8 * 1024;

/**
 * A stream to the remote engine through one ssh process. It fails with an SshError in plain words when ssh cannot
 * connect or log in, or the remote has no docker; it ends when the process ends. Destroying it ends the process.
 */
export function openSshStream(target: SshTarget, program = 'ssh'): Duplex {
  const child: ChildProcess = spawn(program, sshArgs(target), { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  let stderr = '';
  let received = false;
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    if (stderr.length < MAX_STDERR) stderr += text;
  });
  const stream = new Duplex({
    read() {
      child.stdout!.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      if (!child.stdin!.writable) return callback();
      child.stdin!.write(chunk, (error) => callback(error ?? undefined));
    },
    final(callback) {
      child.stdin!.end();
      callback();
    },
    destroy(error, callback) {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      callback(error);
    },
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    received = true;
    if (!stream.push(chunk)) child.stdout!.pause();
  });
  // Writes to a process that is gone fail with EPIPE; its exit tells the real reason.
  child.stdin!.on('error', () => undefined);
  child.on('error', (error: NodeJS.ErrnoException) => {
    stream.destroy(error.code === 'ENOENT' ? new SshError(`the ssh program "${program}" was not found (install OpenSSH's client)`, 'ssh') : error);
  });
  child.on('close', (code) => {
    if (code === 0 || (received && code === null)) return void stream.push(null);
    const failure = sshFailure(stderr, code, received);
    if (failure) stream.destroy(failure);
    else stream.push(null);
  });
  // What http.ClientRequest and http.Agent call on a socket; a process's pipes have no such settings.
  const socketLike = stream as Duplex & Record<string, unknown>;
  for (const name of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref']) socketLike[name] = () => stream;
  return stream;
}

/** An http.Agent whose connections are ssh stdio streams to the remote engine (kept open between requests). */
export function sshAgent(target: SshTarget, program = 'ssh'): http.Agent {
  // Fail early, when the engine is made, for a host that could be read as an option.
  sshArgs(target);
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 4 });
  (agent as unknown as { createConnection: () => Duplex }).createConnection = () => openSshStream(target, program);
  // docker-modem describes every request's options with util.inspect (showHidden, no depth limit) even when its
  // debug output is off; through the agent that walked every open ssh stream and process: several ms per request.
  (agent as unknown as Record<symbol, () => string>)[util.inspect.custom] = () => `ssh agent for ${target.host}:${target.port}`;
  return agent;
}
