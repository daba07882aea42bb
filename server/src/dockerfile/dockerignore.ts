// .dockerignore patterns as the builder reads them (moby's patternmatcher): one pattern a line, `#` comments,
// `!` re-includes, paths cleaned and relative to the context root, Go filepath.Match wildcards plus `**`, and a
// pattern that matches a directory excludes everything below it. The last matching pattern decides.

export interface IgnorePattern {
  pattern: string;
  exclusion: boolean;
  regex: RegExp;
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    const pattern = cleanPath(line);
    if (pattern === '' || pattern === '.') continue;
    patterns.push({ pattern, exclusion, regex: toRegex(pattern) });
  }
  return patterns;
}

/** True when the context path (relative, `/`-separated) is left out of the build context. */
export function isIgnored(patterns: readonly IgnorePattern[], file: string): boolean {
  const path = cleanPath(file);
  if (path === '' || path === '.') return false;
  const parents = path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const { exclusion, regex } of patterns) {
    // A pattern that matches the path or one of its parent directories applies to it.
    if (parents.some((p) => regex.test(p))) ignored = !exclusion;
  }
  return ignored;
}

/** filepath.Clean of a slash path, without a leading `/` or `./` (patterns and sources are context-relative). */
export function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function toRegex(pattern: string): RegExp {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**` matches any number of directories (including none); `**/` at a boundary as well.
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^\^/, '!');
        out += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) out += escapeChar(pattern[++i]);
    else out += escapeChar(c);
  }
  return new RegExp(`${out}$`);
}

function escapeChar(c: string): string {
  return /[.+^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]]/g, '\\$&');
}
