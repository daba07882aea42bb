// Shared by the language server (interpolation) and the extension (the project name of the Compose CodeLens and tasks).
// The project's `.env` file as Compose reads it for interpolation: `NAME=value` lines, `export ` allowed,
// `#` comments, single quotes literal, double quotes with \n \t \" \\ escapes (quoted values may go on over
// several lines), unquoted values trimmed and cut at ` #`. Unquoted and double-quoted values may use the variables
// set above them (`B=${A}-x`): `expand`, when given, resolves those (undefined: leave the value as written, e.g. for
// a variable of the shell's environment).

/** Resolves the references of a value with the variables read so far; undefined when it cannot. */
export type DotenvExpand = (value: string, known: ReadonlyMap<string, string>) => string | undefined;

export function parseDotenv(text: string, expand?: DotenvExpand): Map<string, string> {
  const variables = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let written = match[2];
    // A quoted value goes on over the next lines up to its closing quote (when there is one).
    const quote = written[0];
    if ((quote === '"' || quote === "'") && closingQuote(written, quote) < 0) {
      let joined = written;
      for (let j = i + 1; j < lines.length; j++) {
        joined += `\n${lines[j]}`;
        if (closingQuote(joined, quote) >= 0) {
          written = joined;
          i = j;
          break;
        }
      }
    }
    let read = value(written);
    // `\$` in double quotes is a literal dollar sign.
    if (expand && !written.startsWith("'") && read.includes('$') && !written.includes('\\$')) read = expand(read, variables) ?? read;
    variables.set(match[1], read);
  }
  return variables;
}

/** The index of the quote that closes `text`'s opening one (`"` ends at an unescaped `"`), or -1. */
function closingQuote(text: string, quote: string): number {
  for (let i = 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
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
