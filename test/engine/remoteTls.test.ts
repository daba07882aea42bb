// An engine over TCP with TLS, for real: the second dockerd the test run started on 127.0.0.1 with --tlsverify and
// certificates made with openssl (test/support/remoteEngines.ts). The same behaviour as a local engine, the
// certificate problems in plain words, and a dropped connection that comes back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as tls from 'tls';
import { dockerHost, socketPath } from '../support/dockerd';
import { startTlsEngine, stopTlsEngine } from '../support/remoteEngines';
import { waitFor } from '../support/wait';
import { behavesLikeALocalEngine, failureOf, remote, remoteDir, runWith, tlsEngine } from './remoteKit';

const tlsCli = (...args: string[]) => runWith({ DOCKER_HOST: remote.tlsHost, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: remote.tlsCerts }, 'docker', ...args);

describe('remote engine over TLS', function () {
  this.timeout(120_000);

  describe('works as a local engine', () => behavesLikeALocalEngine('tls', () => tlsEngine(), tlsCli));

  it('is the second engine, not the test engine behind DOCKER_HOST', async () => {
    const engine = tlsEngine();
    try {
      assert.deepStrictEqual(engine.cliEnv(), {
        DOCKER_HOST: remote.tlsHost,
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: remote.tlsCerts,
        REQUESTS_CA_BUNDLE: '',
        CURL_CA_BUNDLE: '',
      });
      const names = (await engine.listContainers()).map((c) => c.name);
      const own = await runWith({ DOCKER_HOST: dockerHost(remote.tlsDir) }, 'docker', 'ps', '-a', '--format', '{{.Names}}');
      assert.deepStrictEqual(names.sort(), own.split('\n').filter(Boolean).sort());
    } finally {
      engine.dispose();
    }
  });

  describe('certificate problems in plain words', () => {
    const at = `Cannot reach the Docker engine at ${remote.tlsHost}: `;
    const refusedClient = 'the engine refused the client certificate (cert.pem): it is not signed by the CA the engine trusts, or it has expired';

    for (const [folder, reason] of [
      ['expired-client', refusedClient],
      ['other-ca-client', refusedClient],
      ['wrong-ca', "the engine's certificate is not signed by the CA in ca.pem (check DOCKER_CERT_PATH or the context's TLS files)"],
    ] as const) {
      it(`${folder}: ${reason}`, async () => {
        const engine = tlsEngine(folder);
        try {
          assert.deepStrictEqual(await failureOf(() => engine.ping()), { failure: 'certificate', message: at + reason });
        } finally {
          engine.dispose();
        }
      });
    }

    it('a missing key.pem is said before connecting', () => {
      assert.throws(() => tlsEngine('no-key'), { message: `the client certificate is incomplete: key.pem is missing in ${path.join(remoteDir, 'certs', 'no-key')}` });
    });

    it('a missing ca.pem with DOCKER_TLS_VERIFY is said before connecting', () => {
      assert.throws(() => tlsEngine('servers'), { message: `TLS verification is on (DOCKER_TLS_VERIFY) but there is no ca.pem in ${path.join(remoteDir, 'certs', 'servers')}` });
    });

    describe('the server certificate of a TLS server on 127.0.0.1', () => {
      // TLS servers in front of the test engine's socket, with an expired certificate and one made for 127.0.0.2.
      const servers: net.Server[] = [];
      const ports: Record<string, number> = {};
      before(async () => {
        for (const name of ['expired', 'wrong-name']) {
          const dir = path.join(remoteDir, 'certs', 'servers');
          const server = tls.createServer({ cert: fs.readFileSync(path.join(dir, `${name}-cert.pem`)), key: fs.readFileSync(path.join(dir, `${name}-key.pem`)) }, (socket) => {
            const engine = net.connect(socketPath(process.env.DW_DOCKERD_DIR!));
            socket.pipe(engine).pipe(socket);
            socket.on('error', () => engine.destroy());
            engine.on('error', () => socket.destroy());
          });
          await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
          ports[name] = (server.address() as net.AddressInfo).port;
          servers.push(server);
        }
      });
      after(() => servers.forEach((s) => s.close()));

      for (const [name, reason] of [
        ['expired', "the engine's certificate has expired (renew the server certificate)"],
        ['wrong-name', "the engine's certificate is made out for another host name or address than the one connected to"],
      ] as const) {
        it(`${name}: ${reason}`, async () => {
          const host = `tcp://127.0.0.1:${ports[name]}`;
          const engine = tlsEngine('client', host);
          try {
            assert.deepStrictEqual(await failureOf(() => engine.listContainers()), { failure: 'certificate', message: `Cannot reach the Docker engine at ${host}: ${reason}` });
          } finally {
            engine.dispose();
          }
        });
      }
    });
  });

  it('a dropped connection ends the event stream with the reason, and the engine answers again when it is back', async () => {
    const engine = tlsEngine();
    let ended: Error | undefined | 'no' = 'no';
    const events = await engine.events({ onEvent: () => undefined, onEnd: (e) => (ended = e) });
    try {
      await stopTlsEngine(remoteDir);
      await waitFor('the end of the event stream', () => ended !== 'no');
      assert.deepStrictEqual(await failureOf(() => engine.ping()), {
        failure: 'refused',
        message: `Cannot reach the Docker engine at ${remote.tlsHost}: the connection was refused (is the Docker engine running?)`,
      });
    } finally {
      events.dispose();
      await startTlsEngine(remoteDir);
    }
    assert.deepStrictEqual(await failureOf(() => engine.ping()), { failure: 'none', message: 'no error' });
    engine.dispose();
  });
});
