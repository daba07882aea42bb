// A local Unix socket that forwards to a remote engine over ssh, for the programs the extension starts (the docker CLI
// in terminals, docker-compose): they get DOCKER_HOST=unix://<this socket>, so they reach the very engine the views
// show with the same ssh settings (docker-workflows.ssh.configFile included, which `docker -H ssh://` cannot be
// given), and docker-compose v1, whose own ssh:// support ignores ~/.ssh/config, works too. Every connection to the
// socket is one `ssh ... docker system dial-stdio`. The socket lives in a folder only the user can enter (0700).
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { openSshStream, type SshTarget } from './sshTransport';

export interface SshTunnel {
  /** unix:///.../engine.sock */
  readonly dockerHost: string;
  dispose(): void;
}

export function openSshTunnel(target: SshTarget, program = 'ssh'): SshTunnel {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-workflows-ssh-'));
  fs.chmodSync(dir, 0o700);
  const socketPath = path.join(dir, 'engine.sock');
  const open = new Set<net.Socket>();
  // Half-open: the CLI ends its side after a request, and still reads the answer.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    open.add(socket);
    const remote = openSshStream(target, program);
    socket.pipe(remote).pipe(socket);
    const close = () => {
      open.delete(socket);
      socket.destroy();
      remote.destroy();
    };
    socket.on('error', close);
    socket.on('close', close);
    remote.on('error', close);
    remote.on('close', close);
  });
  server.on('error', () => undefined);
  server.listen(socketPath);
  server.unref();
  return {
    dockerHost: `unix://${socketPath}`,
    dispose() {
      for (const socket of open) socket.destroy();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
