// The certificates of the TLS test engine, made with openssl: a CA, the server's and the client's, and the bad ones
// the error tests need (expired, from another CA, for another address, incomplete folders).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

function run(program: string, args: string[]): string {
  return execFileSync(program, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function newKey(file: string): void {
  run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', file]);
}

function makeCa(dir: string, name: string): { cert: string; key: string } {
  const key = path.join(dir, `${name}-key.pem`);
  const cert = path.join(dir, `${name}.pem`);
  newKey(key);
  run('openssl', ['req', '-x509', '-new', '-key', key, '-out', cert, '-days', '3650', '-subj', `/CN=docker-workflows test ${name}`]);
  return { cert, key };
}

/** A certificate signed by `ca`; `days` -1 makes one that has already expired. */
function signCert(dir: string, name: string, ca: { cert: string; key: string }, ext: string, days: number): { cert: string; key: string } {
  const key = path.join(dir, `${name}-key.pem`);
  const cert = path.join(dir, `${name}.pem`);
  const csr = path.join(dir, `${name}.csr`);
  const extFile = path.join(dir, `${name}.ext`);
  newKey(key);
  run('openssl', ['req', '-new', '-key', key, '-out', csr, '-subj', `/CN=${name}`]);
  fs.writeFileSync(extFile, ext);
  run('openssl', ['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-days', String(days), '-extfile', extFile, '-out', cert]);
  return { cert, key };
}

/** A DOCKER_CERT_PATH folder: ca.pem, cert.pem, key.pem (any of them left out when not given). */
function certFolder(folder: string, files: { ca?: string; cert?: string; key?: string }): void {
  fs.mkdirSync(folder, { recursive: true });
  if (files.ca) fs.copyFileSync(files.ca, path.join(folder, 'ca.pem'));
  if (files.cert) fs.copyFileSync(files.cert, path.join(folder, 'cert.pem'));
  if (files.key) fs.copyFileSync(files.key, path.join(folder, 'key.pem'));
}

const SERVER_EXT = 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n';
const CLIENT_EXT = 'extendedKeyUsage=clientAuth\n';

/**
 * certs/work: the CAs and keys; certs/client: the good DOCKER_CERT_PATH; certs/expired-client: an expired client
 * certificate; certs/other-ca-client: a client certificate from another CA (the engine refuses it); certs/wrong-ca: the
 * good client certificate but another CA to check the server with; certs/no-key: ca.pem and cert.pem only;
 * certs/servers: server certificates for TLS servers of the tests (expired; made for 127.0.0.2, not 127.0.0.1).
 */
export function makeCertificates(dir: string): { serverCert: string; serverKey: string; ca: string } {
  const work = path.join(dir, 'work');
  fs.mkdirSync(work, { recursive: true });
  const ca = makeCa(work, 'ca');
  const other = makeCa(work, 'other-ca');
  const server = signCert(work, 'server', ca, SERVER_EXT, 3650);
  const client = signCert(work, 'client', ca, CLIENT_EXT, 3650);
  const expired = signCert(work, 'expired-client', ca, CLIENT_EXT, -1);
  const stranger = signCert(work, 'other-ca-client', other, CLIENT_EXT, 3650);
  const expiredServer = signCert(work, 'expired-server', ca, SERVER_EXT, -1);
  const wrongName = signCert(work, 'wrong-name-server', ca, 'subjectAltName=IP:127.0.0.2\nextendedKeyUsage=serverAuth\n', 3650);
  certFolder(path.join(dir, 'client'), { ca: ca.cert, cert: client.cert, key: client.key });
  certFolder(path.join(dir, 'expired-client'), { ca: ca.cert, cert: expired.cert, key: expired.key });
  certFolder(path.join(dir, 'other-ca-client'), { ca: ca.cert, cert: stranger.cert, key: stranger.key });
  certFolder(path.join(dir, 'wrong-ca'), { ca: other.cert, cert: client.cert, key: client.key });
  certFolder(path.join(dir, 'no-key'), { ca: ca.cert, cert: client.cert });
  const servers = path.join(dir, 'servers');
  fs.mkdirSync(servers, { recursive: true });
  for (const [name, pair] of [['expired', expiredServer], ['wrong-name', wrongName]] as const) {
    fs.copyFileSync(pair.cert, path.join(servers, `${name}-cert.pem`));
    fs.copyFileSync(pair.key, path.join(servers, `${name}-key.pem`));
  }
  return { serverCert: server.cert, serverKey: server.key, ca: ca.cert };
}
