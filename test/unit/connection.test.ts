import * as assert from 'assert';
import { createHash } from 'crypto';
import * as path from 'path';
import { resolveConnection } from '../../client/src/engine/connection';

const home = '/home/user';
const noFiles = () => undefined;

describe('resolveConnection', () => {
  it('prefers the setting over DOCKER_HOST', () => {
    const r = resolveConnection({ setting: 'tcp://127.0.0.1:2375', env: { DOCKER_HOST: 'unix:///x.sock' }, readFile: noFiles, homeDir: home });
    assert.deepStrictEqual(r, {
      endpoint: { url: 'tcp://127.0.0.1:2375', source: 'setting' },
      options: { kind: 'tcp', host: '127.0.0.1', port: 2375, tls: false, certPath: undefined, verify: false },
    });
  });

  it('uses DOCKER_HOST for a unix socket', () => {
    const r = resolveConnection({ setting: '', env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, readFile: noFiles, homeDir: home });
    assert.deepStrictEqual(r, {
      endpoint: { url: 'unix:///run/user/1000/docker.sock', source: 'DOCKER_HOST' },
      options: { kind: 'socket', socketPath: '/run/user/1000/docker.sock' },
    });
  });

  it('turns on TLS with DOCKER_TLS_VERIFY and defaults the port to 2376', () => {
    const r = resolveConnection({
      setting: '',
      env: { DOCKER_HOST: 'tcp://docker.example:', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' },
      readFile: noFiles,
      homeDir: home,
    });
    assert.deepStrictEqual(r.options, { kind: 'tcp', host: 'docker.example', port: 2376, tls: true, certPath: '/certs', verify: true });
  });

  it('reads ssh user, host and port', () => {
    const r = resolveConnection({ setting: 'ssh://deploy@build.example:2222', env: {}, readFile: noFiles, homeDir: home });
    assert.deepStrictEqual(r.options, { kind: 'ssh', host: 'build.example', port: 2222, username: 'deploy' });
  });

  it('gives an ssh engine the ssh config file of docker-workflows.ssh.configFile, and only an ssh engine', () => {
    const ssh = resolveConnection({ setting: 'ssh://build.example', env: {}, readFile: noFiles, homeDir: home, sshConfigFile: ' /etc/dw/ssh_config ' });
    assert.deepStrictEqual(ssh.options, { kind: 'ssh', host: 'build.example', port: 22, username: undefined, configFile: '/etc/dw/ssh_config' });
    const tcp = resolveConnection({ setting: 'tcp://build.example:2375', env: {}, readFile: noFiles, homeDir: home, sshConfigFile: '/etc/dw/ssh_config' });
    assert.deepStrictEqual(tcp.options, { kind: 'tcp', host: 'build.example', port: 2375, tls: false, certPath: undefined, verify: false });
  });

  it('follows the current docker context of ~/.docker/config.json', () => {
    const hash = createHash('sha256').update('remote').digest('hex');
    const files: Record<string, string> = {
      [path.join(home, '.docker', 'config.json')]: JSON.stringify({ currentContext: 'remote' }),
      [path.join(home, '.docker', 'contexts', 'meta', hash, 'meta.json')]: JSON.stringify({
        Name: 'remote',
        Endpoints: { docker: { Host: 'unix:///srv/remote.sock', SkipTLSVerify: false } },
      }),
    };
    const r = resolveConnection({ setting: '', env: {}, readFile: (f) => files[f], homeDir: home });
    assert.deepStrictEqual(r, {
      endpoint: { url: 'unix:///srv/remote.sock', source: 'context', context: 'remote' },
      options: { kind: 'socket', socketPath: '/srv/remote.sock' },
    });
  });

  it('falls back to the default socket', () => {
    const r = resolveConnection({ setting: '', env: {}, readFile: noFiles, homeDir: home, platform: 'linux' });
    assert.deepStrictEqual(r.endpoint, { url: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('says plainly why an address cannot be used', () => {
    assert.throws(
      () => resolveConnection({ setting: 'ftp://x', env: {}, readFile: noFiles, homeDir: home }),
      { message: 'the scheme "ftp://" of "ftp://x" is not supported; use unix://, tcp:// or ssh://' },
    );
  });
});
