// A registry's WWW-Authenticate header, read as RFC 7235 writes it: `Basic realm="..."` or
// `Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:app:pull"`.
// Linear and bounded (the header is cut at 4 KiB). Pure, no vscode.

export type Challenge = { scheme: 'basic' } | { scheme: 'bearer'; realm: string; service?: string; scope?: string };

const MAX_HEADER = 4096;

/** The first challenge of a header that this client can answer; undefined for none (or an unknown scheme). */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const value = header.slice(0, MAX_HEADER).trim();
  const scheme = /^([A-Za-z]+)(?:\s+|$)/.exec(value);
  if (!scheme) return undefined;
  const name = scheme[1].toLowerCase();
  if (name === 'basic') return { scheme: 'basic' };
  if (name !== 'bearer') return undefined;
  const params = new Map<string, string>();
  // key="quoted value" or key=token, separated by commas; quoted values may hold escaped quotes.
  const param = /\s*([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s"]*))\s*,?/y;
  param.lastIndex = scheme[0].length;
  let match: RegExpExecArray | null;
  while (param.lastIndex < value.length && (match = param.exec(value))) {
    params.set(match[1].toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? ''));
  }
  const realm = params.get('realm');
  if (!realm) return undefined;
  const service = params.get('service');
  const scope = params.get('scope');
  return { scheme: 'bearer', realm, ...(service ? { service } : {}), ...(scope ? { scope } : {}) };
}
