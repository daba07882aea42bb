// The inlay hint of a service that `extends` another: at the end of its `extends:` line (or of the
// `service:` line of the long form), the keys it inherits and does not set itself, e.g. `inherits image,
// environment, ports`, with a tooltip that shows them as written. The extended service may be in the same
// file or in `extends.file` (relative to the folder of the file that names it), and may extend another in
// turn. As Compose does (compose-go since v2.32), `depends_on` and `volumes_from` are never inherited.
import * as path from 'path';
import { MarkupKind, type InlayHint, type Position, type Range } from 'vscode-languageserver-types';
import { type Node, type YAMLMap } from 'yaml';
import { isMap, isScalar } from './yamlKinds';
import { filePathOf } from '../util/filePath';
import { entryOf, present, serviceViews, textOf } from './checks/services';
import { scalarText, type ComposeModel, type MapEntry } from './model';
import type { ComposeProject } from './project';

/** Keys an extending service never gets from the service it extends. */
const NOT_INHERITED = new Set(['extends', 'depends_on', 'volumes_from']);
/**
 * Keys whose values are combined with the extended service's (Compose's merge rules: mappings, and these
 * sequences, in list or map syntax alike); any other key set here replaces the inherited one.
 */
const COMBINED = new Set([
  'annotations', 'environment', 'labels', 'extra_hosts', 'sysctls', 'storage_opt', 'ulimits', 'healthcheck', 'logging',
  'cap_add', 'cap_drop', 'configs', 'secrets', 'device_cgroup_rules', 'expose', 'external_links', 'ports', 'security_opt',
  'dns', 'dns_search', 'env_file', 'tmpfs', 'volumes', 'devices', 'blkio_config', 'build', 'deploy',
]);
/** Services followed through `extends` chains. */
const MAX_CHAIN = 10;
/** Keys named in the label; the others are counted. */
const LABEL_KEYS = 6;
/** Lines of the tooltip's YAML, per key and in all. */
const KEY_LINES = 6;
const TOOLTIP_LINES = 40;

type Load = (path: string) => ComposeModel | undefined;

/** A service definition and the file it is in. */
interface Located {
  name: string;
  map: YAMLMap;
  model: ComposeModel;
  /** The file's absolute path; undefined for a document that is not a file. */
  file: string | undefined;
}

interface Inherited {
  key: string;
  entry: MapEntry;
  from: Located;
}

export function extendsHints(project: ComposeProject, range: Range, loadFile: Load): InlayHint[] {
  const model = project.current.model;
  const current: Omit<Located, 'name' | 'map'> = { model, file: filePathOf(project.current.uri) };
  // The files read in this request, by path (many services may extend services of the same file).
  const loaded = new Map<string, ComposeModel | undefined>();
  const load: Load = (file) => {
    if (file === current.file) return model;
    if (!loaded.has(file)) {
      const open = project.related().find((related) => filePathOf(related.uri) === file);
      loaded.set(file, open ? open.model : loadFile(file));
    }
    return loaded.get(file);
  };
  const hints: InlayHint[] = [];
  for (const service of serviceViews(model)) {
    const entry = service.map ? service.get('extends') : undefined;
    if (!service.map || !entry || entry.merged) continue;
    const position = hintPosition(model, entry);
    if (!inRange(range, position)) continue;
    const self: Located = { ...current, name: service.name, map: service.map };
    const hint = extendsHint(self, position, load);
    if (hint) hints.push(hint);
  }
  return hints;
}

/** The end of the line of the extended service's name, or of the `extends:` key when the name is written elsewhere. */
function hintPosition(model: ComposeModel, entry: MapEntry): Position {
  const value = entry.value;
  const nameNode = value && isScalar(value) ? value : entryOf(model, value, 'service')?.value;
  const [pairStart, pairEnd] = model.offsetsOf(entry.pair);
  let line = model.rangeOf(entry.keyNode).start.line;
  if (nameNode) {
    const [start, end] = model.offsetsOf(nameNode);
    if (start >= pairStart && end <= pairEnd) line = model.positionAt(end).line;
  }
  return { line, character: model.lineText(line).trimEnd().length };
}

function extendsHint(self: Located, position: Position, load: Load): InlayHint | undefined {
  const own = new Map(self.model.entries(self.map).map((entry) => [entry.key, entry]));
  const decided = new Set(own.keys());
  const inherited: Inherited[] = [];
  const combined: string[] = [];
  const dropped = new Set<string>();
  const id = (service: Located) => `${service.file ?? ''}\n${service.name}`;
  const visited = new Set([id(self)]);
  let base = extended(self, load);
  const first = base;
  for (let depth = 0; base && depth < MAX_CHAIN; depth++) {
    if (visited.has(id(base))) break; // a cycle: Compose refuses it, the keys found so far are shown
    visited.add(id(base));
    for (const entry of base.model.entries(base.map)) {
      if (NOT_INHERITED.has(entry.key)) {
        if (entry.key !== 'extends' && present(entry)) dropped.add(entry.key);
        continue;
      }
      const mine = own.get(entry.key);
      if (mine && mine.tag !== '!reset' && mine.tag !== '!override' && combines(entry.key, mine.value, entry.value) && present(entry)) {
        if (!combined.includes(entry.key)) combined.push(entry.key);
      }
      if (decided.has(entry.key)) continue;
      decided.add(entry.key);
      if (present(entry)) inherited.push({ key: entry.key, entry, from: base });
    }
    base = extended(base, load);
  }
  if (!first || inherited.length === 0) return undefined;
  const keys = inherited.map((i) => i.key);
  const more = keys.length - LABEL_KEYS;
  const label = `inherits ${keys.slice(0, LABEL_KEYS).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return { position, label, paddingLeft: true, tooltip: { kind: MarkupKind.Markdown, value: tooltip(self, first, inherited, combined, dropped) } };
}

/** The values are combined rather than replaced: a combined key, or two mappings. */
function combines(key: string, mine: Node | null, theirs: Node | null): boolean {
  if (COMBINED.has(key)) return true;
  return !!mine && !!theirs && isMap(mine) && isMap(theirs);
}

/** The service `service` extends, found in its file or in `extends.file`; undefined when it cannot be found. */
function extended(service: Located, load: Load): Located | undefined {
  const { model } = service;
  const entry = present(model.get(service.map, 'extends'));
  if (!entry) return undefined;
  const value = entry.value;
  const name = isScalar(value) ? scalarText(value) : textOf(model, value, 'service');
  if (!name || name.includes('$')) return undefined;
  const fileText = isScalar(value) ? undefined : textOf(model, value, 'file');
  let target: Omit<Located, 'name' | 'map'> = service;
  if (fileText !== undefined) {
    if (fileText.includes('$') || fileText.length > 4096) return undefined;
    const folder = service.file ? path.dirname(service.file) : undefined;
    const file = path.isAbsolute(fileText) ? path.normalize(fileText) : folder ? path.resolve(folder, fileText) : undefined;
    const loaded = file ? load(file) : undefined;
    if (!loaded) return undefined;
    target = { model: loaded, file };
  }
  const definition = target.model.names.services.get(name);
  const map = definition && definition.value && isMap(definition.value) ? definition.value : undefined;
  return map ? { ...target, name, map } : undefined;
}

function tooltip(self: Located, first: Located, inherited: Inherited[], combined: string[], dropped: Set<string>): string {
  const where = first.file && first.file !== self.file ? ` in ${path.basename(first.file)}` : '';
  const lines: string[] = [];
  for (const { entry, from } of inherited) {
    if (lines.length >= TOOLTIP_LINES) {
      lines.push('# ...');
      break;
    }
    lines.push(...pairLines(from.model, entry));
  }
  const parts = [`Inherited from service \`${first.name}\`${where}, not set here:`, `\`\`\`yaml\n${lines.join('\n')}\n\`\`\``];
  if (combined.length > 0) parts.push(`Combined with this service's own: ${combined.join(', ')}.`);
  if (dropped.size > 0) parts.push(`Not inherited (Compose never shares them through \`extends\`): ${[...dropped].join(', ')}.`);
  return parts.join('\n\n');
}

/** The text of an entry as written, dedented, at most KEY_LINES lines; a merged entry is shown under its own key. */
function pairLines(model: ComposeModel, entry: MapEntry): string[] {
  const range = model.rangeOf(entry.pair);
  // A block scalar's range ends at the start of the next line: that line is not the entry's.
  const end = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  const last = Math.min(end, range.start.line + KEY_LINES - 1);
  const lines: string[] = [];
  for (let line = range.start.line; line <= last; line++) lines.push(model.lineText(line));
  const keyColumn = range.start.character;
  lines[0] = lines[0].slice(keyColumn);
  for (let i = 1; i < lines.length; i++) {
    const indent = lines[i].length - lines[i].trimStart().length;
    lines[i] = lines[i].slice(Math.min(indent, keyColumn));
  }
  if (end > last) lines.push('  # ...');
  return lines;
}

/** The position is inside the range, its ends included. */
export function inRange(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}
