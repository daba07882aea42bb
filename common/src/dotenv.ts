// Shared by the language server (interpolation) and the extension (the project name of the Compose CodeLens and tasks).
// The project's `.env` file as Compose reads it for interpolation: `NAME=value` lines, `export ` allowed,
// `#` comments, single quotes literal, double quotes with \n \t \" \\ escapes, unquoted values trimmed and
// cut at ` #`. Unquoted and double-quoted values may use the variables set above them (`B=${A}-x`): `expand`, when
// given, resolves those (undefined: leave the value as written, e.g. for a variable of the shell's environment).

/** Resolves the references of a value with the variables read so far; undefined when it cannot. */
export type DotenvExpand = (value: string, known: ReadonlyMap<string, string>) => string | undefined;

export function parseDotenv(text: string, expand?: DotenvExpand): Map<string, string> {
  const variables = new Map<string, string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const written = match[2];
    let read = value(written);
    // `\$` in double quotes is a literal dollar sign.
    if (expand && !written.startsWith("'") && read.includes('$') && !written.includes('\\$')) read = expand(read, variables) ?? read;
    variables.set(match[1], read);
  }
  return variables;
}

function value(text: string): string {
  if (text.startsWith("'")) {
    const end = text.indexOf("'", 1);
    return end < 0 ? text.slice(1) : text.slice(1, end);
  }
  if (text.startsWith('"')) {
    let out = '';
    for (let i = 1; i < text.length; i++) {
      const c = text[i];
      if (c === '"') break;
      if (c === '\\' && i + 1 < text.length) {
        const next = text[++i];
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
      } else out += c;
    }
    return out;
  }
  const comment = text.search(/\s#/);
  return (comment < 0 ? text : text.slice(0, comment)).trim();
}
