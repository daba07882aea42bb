// Bounded HTTP to a registry: one request with a timeout, the caller's cancellation, a cap on the body's size, and
// redirects followed by hand so that a login never follows a redirect to another origin. Also the registry's
// address rules (which URL a user's entry means, which hosts are loopback) and RegistryError, the failures in plain
// words. Pure Node (global fetch), no vscode.

/** A fetch as Node's global one; tests hand in their own. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export type RegistryFailure = 'needs-login' | 'login-refused' | 'denied' | 'not-found' | 'delete-disabled' | 'unreachable' | 'bad-answer' | 'cancelled';

/** A registry's failure in plain words; `reason` completes "Registry <host>: ...". */
export class RegistryError extends Error {
  constructor(
    readonly registry: string,
    readonly reason: string,
    readonly failure: RegistryFailure,
  ) {
    super(`${registry}: ${reason}`);
    this.name = 'RegistryError';
  }
}

export interface HttpOptions {
  method?: 'GET' | 'HEAD' | 'DELETE' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** Largest body read, in bytes; a longer one fails. */
  maxBytes: number;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface HttpAnswer {
  status: number;
  url: string;
  headers: Headers;
  body: Buffer;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** A host name (labels of letters, digits and inner hyphens) or an IPv6 address in brackets, with an optional port. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:]+\])(?::\d{1,5})?$/;
const MAX_REDIRECTS = 5;

/** Whether a host (without port) is on loopback: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Whether a login may be sent to `url`: over https, or plain http on loopback only. */
export function mayCarryLogin(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/**
 * The registry a user typed: "registry.example.com", "127.0.0.1:5000", "https://ghcr.io" or "http://10.0.0.5:5000".
 * Without a scheme, https (plain http only for a loopback host, as the engine itself treats those). Returns the base
 * URL (origin only) and the host with its port as image references name it; or a problem in plain words.
 */
export function parseRegistryUrl(text: string): { url: string; host: string } | { problem: string } {
  const value = text.trim();
  if (!value) return { problem: 'Type the address of a registry, e.g. registry.example.com or 127.0.0.1:5000.' };
  if (/\s/.test(value)) return { problem: 'A registry address has no spaces.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  if (hasScheme && !/^https?:\/\//i.test(value)) return { problem: 'A registry is reached over https:// or http://.' };
  let url: URL;
  try {
    url = new URL(hasScheme ? value : `https://${value}`);
  } catch {
    return { problem: 'Not a registry address: expected a host name or IP address, with an optional port.' };
  }
  if (url.username || url.password) return { problem: 'Leave the login out of the address: log in to the registry after adding it.' };
  if ((url.pathname !== '/' && url.pathname !== '/v2' && url.pathname !== '/v2/') || url.search || url.hash) {
    return { problem: 'A registry address is a host and an optional port, without a path.' };
  }
  if (!hasScheme && isLoopbackHost(url.hostname)) url.protocol = 'http:';
  // URL drops a scheme's default port; image references keep whatever port was typed.
  const host = url.host.toLowerCase();
  if (!HOST.test(host)) return { problem: 'Not a registry address: expected a host name or IP address, with an optional port.' };
  return { url: url.origin, host };
}

/** A signal that aborts when `signal` does or after `timeoutMs`. */
function deadline(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** Reads at most `maxBytes` of a body; more fails with `tooLarge`. */
async function readCapped(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * One request, redirects followed by hand (at most five): the Authorization header goes along only while the
 * redirect stays on the same origin. Rejects with a RegistryError: cancelled, unreachable (with the cause), too large.
 */
export async function httpRequest(fetchImpl: Fetch, registry: string, url: string, options: HttpOptions): Promise<HttpAnswer> {
  const signal = deadline(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let current = new URL(url);
  let headers = { ...options.headers };
  const origin = current.origin;
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(current.href, { method: options.method ?? 'GET', headers, body: options.body, redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new RegistryError(registry, 'the registry redirected too many times', 'bad-answer');
        current = new URL(location, current);
        if (current.protocol !== 'https:' && current.protocol !== 'http:') throw new RegistryError(registry, 'the registry redirected to an address that is not http(s)', 'bad-answer');
        if (current.origin !== origin) headers = Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== 'authorization'));
        continue;
      }
      const body =
        options.method === 'HEAD'
          ? Buffer.alloc(0)
          : await readCapped(response, options.maxBytes, () => new RegistryError(registry, `the registry's answer is larger than ${Math.round(options.maxBytes / 1024)} KiB`, 'bad-answer'));
      return { status: response.status, url: current.href, headers: response.headers, body };
    }
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    if (options.signal?.aborted) throw new RegistryError(registry, 'cancelled', 'cancelled');
    if (signal.aborted) throw new RegistryError(registry, `the registry did not answer within ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} seconds`, 'unreachable');
    throw new RegistryError(registry, `cannot reach the registry (${causeOf(error)})`, 'unreachable');
  }
}

/** fetch's "fetch failed" with its cause, in a few words: "connection refused", "host not found" ... */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'TLS failed: the registry may speak plain http';
    default:
      if (cause?.code?.startsWith('ERR_TLS') || cause?.code?.includes('CERT')) return `its certificate is not trusted: ${cause.code}`;
      return cause?.message || (error instanceof Error ? error.message : String(error));
  }
}
