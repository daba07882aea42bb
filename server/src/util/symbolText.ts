// Small text helpers for symbol answers (outline details, workspace symbol queries), shared by the languages.
// Pure; each one reads no more of its input than it needs.

/**
 * The text (or the parts, as if joined by blanks) with every run of blanks (line breaks included) made one
 * space, trimmed, cut to `max` characters with an ellipsis ('…' counts as one of the `max`). Reads at most
 * about `max` words of the text.
 */
export function oneLine(text: string | readonly string[], max: number): string {
  let out = '';
  for (const part of typeof text === 'string' ? [text] : text) {
    let i = 0;
    const length = part.length;
    while (i < length) {
      while (i < length && isBlank(part.charCodeAt(i))) i++;
      if (i >= length) break;
      const start = i;
      // No need to read a word further than what can still be shown (one more character marks the cut).
      const limit = start + max + 1 - out.length;
      while (i < length && i < limit && !isBlank(part.charCodeAt(i))) i++;
      out += out.length > 0 ? ` ${part.slice(start, i)}` : part.slice(start, i);
      if (out.length > max) return cut(out, max);
    }
  }
  return out;
}

function isBlank(c: number): boolean {
  return c <= 0x20 || c === 0x85 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/** The first `max - 1` characters (not splitting a surrogate pair, no blank before the cut) and '…'. */
function cut(text: string, max: number): string {
  let end = Math.max(0, max - 1);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Whether every character of `query` occurs in `text` in order, ignoring case ("" matches everything).
 * `query` is expected in lower case already (see `queryKey`). Linear in the text.
 */
export function matchesQuery(lowerQuery: string, text: string): boolean {
  if (lowerQuery.length === 0) return true;
  const lower = text.toLowerCase();
  if (lowerQuery.length > lower.length) return false;
  let q = 0;
  for (let i = 0; i < lower.length && q < lowerQuery.length; i++) if (lower.charCodeAt(i) === lowerQuery.charCodeAt(q)) q++;
  return q === lowerQuery.length;
}

/** The query as `matchesQuery` expects it: lower case, surrounding blanks dropped. */
export function queryKey(query: string): string {
  return typeof query === 'string' ? query.trim().toLowerCase() : '';
}

/** The last path segment of a URI, percent-decoded (`file:///w/app/compose.yaml` -> `compose.yaml`). */
export function uriBaseName(uri: string): string {
  let end = uri.length;
  const query = uri.indexOf('?');
  if (query >= 0) end = query;
  const fragment = uri.indexOf('#');
  if (fragment >= 0 && fragment < end) end = fragment;
  while (end > 0 && uri.charCodeAt(end - 1) === 0x2f) end--;
  const slash = uri.lastIndexOf('/', end - 1);
  const segment = uri.slice(slash >= 0 ? slash + 1 : uri.indexOf(':') + 1, end);
  try {
    return decodeURIComponent(segment) || uri;
  } catch {
    return segment || uri;
  }
}
