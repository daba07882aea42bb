// Shared by the language server (interpolation) and the extension (the project name of the Compose CodeLens and tasks).
// The project's `.env` file as Compose reads it for interpolation: `NAME=value` lines, `export ` allowed,
// `#` comments, single quotes literal, double quotes with \n \t \" \\ escapes, unquoted values trimmed and
// cut at ` #`.
export function parseDotenv(text: string): Map<string, string> {
  const variables = new Map<string, string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    variables.set(match[1], value(match[2]));
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
