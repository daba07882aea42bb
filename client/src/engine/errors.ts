// Engine call failures in plain words, with the kind of failure the view's welcome message advises on.
import { SshError } from './sshErrors';
import type { EngineFailure } from './types';

const FAILURES: Record<string, { failure: EngineFailure; reason: string }> = {
  ENOENT: { failure: 'no-socket', reason: 'the socket does not exist (is the Docker engine running?)' },
  ECONNREFUSED: { failure: 'refused', reason: 'the connection was refused (is the Docker engine running?)' },
  EACCES: { failure: 'permission', reason: 'permission denied on the socket (add your user to the "docker" group, then log in again)' },
  ECONNRESET: { failure: 'closed', reason: 'the engine closed the connection' },
  ENOTFOUND: { failure: 'host-not-found', reason: 'the engine host name cannot be resolved' },
  ETIMEDOUT: { failure: 'timeout', reason: 'the engine did not answer in time' },
};
const SAME_AS: Record<string, string> = { EPERM: 'EACCES', EPIPE: 'ECONNRESET', EAI_AGAIN: 'ENOTFOUND' };

/** TLS failures (Node's and OpenSSL's codes), in the words of what the user has to fix. */
const NOT_SIGNED = "the engine's certificate is not signed by the CA in ca.pem (check DOCKER_CERT_PATH or the context's TLS files)";
const CLIENT_REFUSED = 'the engine refused the client certificate (cert.pem): it is not signed by the CA the engine trusts, or it has expired';
const TLS_FAILURES: Record<string, string> = {
  CERT_HAS_EXPIRED: "the engine's certificate has expired (renew the server certificate)",
  CERT_NOT_YET_VALID: "the engine's certificate is not valid yet (check the clocks of both machines)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the engine's certificate is made out for another host name or address than the one connected to",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: NOT_SIGNED,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: NOT_SIGNED,
  UNABLE_TO_GET_ISSUER_CERT: NOT_SIGNED,
  SELF_SIGNED_CERT_IN_CHAIN: NOT_SIGNED,
  DEPTH_ZERO_SELF_SIGNED_CERT: NOT_SIGNED,
  CERT_SIGNATURE_FAILURE: NOT_SIGNED,
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: CLIENT_REFUSED,
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: CLIENT_REFUSED,
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'the engine refused the client certificate (cert.pem): it has expired',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the engine wants a client certificate (cert.pem and key.pem in DOCKER_CERT_PATH)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the engine does not speak TLS on that port (leave DOCKER_TLS_VERIFY and DOCKER_CERT_PATH unset for it)',
};

/** A short, plain-words reason for a failed engine call, and its kind. */
export function describeError(error: unknown): { reason: string; failure: EngineFailure } {
  const e = error as { code?: string; statusCode?: number; json?: { message?: string }; message?: string };
  if (error instanceof SshError) return { failure: error.failure, reason: error.reason };
  const known = e?.code ? FAILURES[SAME_AS[e.code] ?? e.code] : undefined;
  if (known) return known;
  const tls = e?.code ? TLS_FAILURES[e.code] : undefined;
  if (tls) return { failure: 'certificate', reason: tls };
  if (typeof e?.statusCode === 'number') {
    // dockerode puts the engine's answer in json, except for streams: then only in its message, after a prefix.
    const message = (e.json?.message ?? (e.message ?? '').replace(/^\(HTTP code \d+\) .*? - /, '')).trim();
    const plain = plainEngineMessage(message);
    return { failure: 'engine-error', reason: plain ?? `the engine answered ${e.statusCode}${message ? `: ${message}` : ''}` };
  }
  return { failure: 'other', reason: (e?.message ?? String(error)).trim() || 'unknown error' };
}

/** Engine messages that deserve plainer words. Any other message is clear enough as the engine words it. */
const PLAIN: [RegExp, (match: RegExpExecArray) => string][] = [
  [/image is being used by running container ([0-9a-f]+)/, (m) => `the image is used by the running container ${short(m[1])} (stop and remove it first)`],
  [/image is being used by stopped container ([0-9a-f]+)/, (m) => `the image is used by the stopped container ${short(m[1])} (remove it first, or force)`],
  [/container ([0-9a-f]+) is using its referenced image/, (m) => `the image is used by the container ${short(m[1])} (remove it first, or force)`],
  [/image is referenced in multiple repositories/, () => 'the image has several tags (remove them one by one, or force)'],
  [/image has dependent child images/, () => 'other images are built on this image (remove them first)'],
  [/volume is in use - \[([^\]]*)\]/, (m) => `the volume is used by ${containers(m[1])} (remove ${m[1].includes(',') ? 'them' : 'it'} first)`],
  [/network (\S+) id \S+ has active endpoints/, (m) => `containers are connected to the network ${m[1]} (disconnect or remove them first)`],
  [/pull access denied for ([^,\s]+)/, (m) => `the registry refused ${m[1]}: the image does not exist, or it needs a login (docker login)`],
  [/^Head "https?:\/\/([^/"]+)\/v2\/[^"]*": (?:no basic auth credentials|unauthorized)/, (m) => `the registry ${m[1]} wants a login (docker login ${m[1]}), or the saved one was refused`],
  [/no basic auth credentials|unauthorized: authentication required/, () => 'the registry wants a login (docker login), or the saved one was refused'],
  [/manifest for (\S+) not found/, (m) => `the registry has no image ${m[1]}`],
  [/^repository (\S+) not found/, (m) => `the registry has no repository ${m[1]}`],
  [/(image config|filesystem layer) verification failed for digest (\S+)/, (m) => `the registry sent a damaged ${m[1] === 'image config' ? 'image configuration' : 'layer'} (its content does not match ${m[2]})`],
  [/^manifest unknown/, () => 'the registry has no image of that name and tag'],
  [/^name unknown/, () => 'the registry has no repository of that name'],
  [/^No such (image|container): (.+)$/i, (m) => `there is no ${m[1].toLowerCase()} ${m[2]}`],
  [/^get (\S+): no such volume/, (m) => `there is no volume ${m[1]}`],
  [/^network (\S+) not found$/, (m) => `there is no network ${m[1]}`],
  [/^This node is not a swarm manager/, () => 'this engine is not a swarm manager (initialize a swarm, or point the views at a manager)'],
  [/container name "\/?([^"]+)" is already in use by container "([0-9a-f]+)"/, (m) => `the name ${m[1]} is taken by the container ${short(m[2])}`],
  [/Bind for (\S+) failed: port is already allocated/, (m) => `the host port ${m[1]} is already taken by another container`],
  [/listen (?:tcp|udp|sctp)[46]? (\S+): bind: address already in use/, (m) => `the host port ${m[1]} is already in use by another program`],
  [/bind source path does not exist: (.+)$/, (m) => `the host path ${m[1]} does not exist (a bind mount needs an existing file or folder)`],
  [/invalid mount config for type "(\w+)": (.+)$/, (m) => `the ${m[1]} mount is not valid: ${m[2]}`],
  [/can't create 'AutoRemove' container with restart policy/, () => 'a container removed when it stops cannot have a restart policy'],
  [/user specified IP address is supported only when connecting to networks with user configured subnets/, () => 'a fixed IP address needs a network created with a subnet of its own (docker network create --subnet)'],
  [/Invalid address (\S+): It does not belong to any of this network's subnets/, (m) => `the address ${m[1]} is not in the network's subnet`],
  [/^Address already in use$/, () => 'another container on the network already has that address'],
  [/network-scoped alias is supported only for containers in user defined networks/, () => 'aliases work only on networks you created, not on the default bridge network'],
  [/endpoint with name (\S+) already exists in network (\S+)/, (m) => `the container ${m[1]} is already connected to the network ${m[2]}`],
  [/container ([0-9a-f]{12,}) is not connected to (?:the )?network (\S+)/, (m) => `the container ${short(m[1])} is not connected to the network ${m[2]}`],
];

/** The engine's message in plainer words, or undefined when it is clear as it is. */
export function plainEngineMessage(message: string): string | undefined {
  for (const [pattern, plain] of PLAIN) {
    const match = pattern.exec(message);
    if (match) return plain(match);
  }
  return undefined;
}

function short(id: string): string {
  return id.slice(0, 12);
}

function containers(ids: string): string {
  const list = ids.split(',').map((id) => short(id.trim())).filter(Boolean);
  return `the container${list.length > 1 ? 's' : ''} ${list.join(', ')}`;
}
