// Where a compose file's services are: the line of the top-level `services:` key and of each key directly under it.
// A line scan, not a YAML parse: it runs on every keystroke's CodeLens request and on every burst of engine events,
// so it must stay linear and cheap on a 15k-line file. It reads block mappings as people write them (`services:`
// at column 0, one key per service at the first indentation below it, in every `---` document); a flow mapping
// (`services: {web: ...}`) gets no lenses. Free of the vscode API.

export interface ServiceLine {
  name: string;
  /** 0-based line of the service's key. */
  line: number;
}

export interface ComposeServiceLines {
  /** 0-based line of the first top-level `services:` key; undefined when the file has none. */
  servicesLine?: number;
  /** In file order; a service written in two documents comes twice. */
  services: ServiceLine[];
}

/** `services:` at column 0, optionally with an anchor, a tag or a comment after it, and nothing else. */
const SERVICES_KEY = /^(?:services|"services"|'services')[ \t]*:(?:[ \t]+(?:&\S+|!\S+))*[ \t]*(?:#.*)?$/;
/** A mapping key at the start of a line (after the indentation): double-quoted, single-quoted or plain. */
const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"&*!|>%@`{}[\],?:-][^#]*?|[-?:][^\s#][^#]*?))[ \t]*:(?:[ \t]|$)/;

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/** The key a service's line starts with (after its indentation), or undefined (a list item, a merge key, a tab ...). */
export function keyOfLine(rest: string): string | undefined {
  const match = KEY.exec(rest);
  if (!match) return undefined;
  if (match[1] !== undefined) {
    try {
      return JSON.parse(`"${match[1]}"`) as string;
    } catch {
      return match[1];
    }
  }
  if (match[2] !== undefined) return match[2].replace(/''/g, "'");
  const plain = match[3].trimEnd();
  return plain === '<<' ? undefined : plain;
}

export function composeServiceLines(text: string): ComposeServiceLines {
  const lines = text.split(/\r?\n/);
  const result: ComposeServiceLines = { services: [] };
  let i = 0;
  while (i < lines.length) {
    if (!SERVICES_KEY.test(lines[i])) {
      i++;
      continue;
    }
    result.servicesLine ??= i;
    i++;
    let indent = -1;
    for (; i < lines.length; i++) {
      const line = lines[i];
      if (isBlankOrComment(line)) continue;
      const own = indentOf(line);
      // Back at column 0 (the next top-level key, `---`, `...`), or a tab where spaces belong: the block ends.
      if (own === 0) break;
      if (indent < 0) indent = own;
      if (own < indent) break;
      if (own > indent) continue;
      const rest = line.slice(own);
      if (rest.startsWith('- ')) break; // a list, not a mapping of services
      const name = keyOfLine(rest);
      if (name !== undefined && name !== '') result.services.push({ name, line: i });
    }
  }
  return result;
}
