// Engine call failures in plain words, with the kind of failure the view's welcome message advises on.
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

/** A short, plain-words reason for a failed engine call, and its kind. */
export function describeError(error: unknown): { reason: string; failure: EngineFailure } {
  const e = error as { code?: string; statusCode?: number; json?: { message?: string }; message?: string };
  const known = e?.code ? FAILURES[SAME_AS[e.code] ?? e.code] : undefined;
  if (known) return known;
  if (typeof e?.statusCode === 'number') {
    const message = e.json?.message ?? e.message ?? '';
    return { failure: 'engine-error', reason: `the engine answered ${e.statusCode}${message ? `: ${message.trim()}` : ''}` };
  }
  return { failure: 'other', reason: (e?.message ?? String(error)).trim() || 'unknown error' };
}
