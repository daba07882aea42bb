// Reading the occurrences of a Compose file (see occurrences.ts): declarations, what each top-level entry holds
// (the names a service refers to, the aliases), and the anchors. What an entry holds is remembered with its
// block (model.memo), with offsets relative to the entry: they hold while the block's text is unchanged, which
// is exactly when memo reuses them, so a new version of the document only adds the entry's offset again.
import type { Alias, Node, Pair, Scalar } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yamlKinds';
import type { ComposeModel, NameKind } from './model';
import { isMergeKey, scalarText } from './model';
import { serviceReferences } from './checks/refs';
import { entryOf, present, type ServiceView, valueRange } from './checks/services';
import type { Occurrence, OccurrenceKind } from './occurrences';

/** The in-file key of a name. */
export function nameKey(kind: NameKind, name: string): string {
  return `${kind}\n${name}`;
}

/** The in-file key of an alias that names no anchor. */
export function unboundAliasKey(name: string): string {
  return `anchor\n${name}\n-`;
}

/** A name a service refers to, as written (positions are read per version). */
export interface Written {
  kind: NameKind;
  name: string;
  key: string;
  node: Scalar;
  index: number;
  via: string;
  partial: boolean;
  file?: string;
  /** Where the name is, relative to the start of the entry that holds it, when it is written inside it. */
  at?: { start: number; end: number; exact: boolean };
}

/** An alias written inside a top-level entry, with the node it names and where it is relative to the entry. */
interface WrittenAlias {
  alias: Alias;
  target: Node | null;
  start: number;
  exact: boolean;
}

/** What a top-level entry holds (see `indexBlocks`). */
interface Held {
  names: Written[];
  aliases: WrittenAlias[];
}

/** The names a service refers to (see the top of the file); nodes only, kept with the service's block. */
function serviceNames(model: ComposeModel, service: ServiceView | undefined): Written[] {
  const out: Written[] = [];
  if (!service) return out;
  for (const reference of serviceReferences(model, service)) {
    const text = scalarText(reference.node) ?? '';
    if (text.includes('$')) continue; // interpolated: not a reference
    if (reference.kind === 'volumes' && isHostPath(reference.name)) continue; // long syntax `source: ./x`
    const { kind, name, node, index, via } = reference;
    out.push({ kind, name, key: nameKey(kind, name), node, index, via, partial: text !== name });
  }
  const value = service.get('extends')?.value;
  if (value && isMap(value)) {
    const file = scalarText(entryOf(model, value, 'file')?.value);
    const target = entryOf(model, value, 'service')?.value;
    const name = scalarText(target);
    if (file && name && isScalar(target) && !file.includes('$') && !name.includes('$')) {
      out.push({ kind: 'services', name, key: nameKey('services', name), node: target, index: 0, via: 'extends', partial: false, file });
    }
  }
  return out;
}

/** A volume source that is a path on the host rather than a volume name. */
export function isHostPath(source: string): boolean {
  return /^[./~\\]/.test(source) || source.includes('/') || source.includes('\\');
}

export function nameOccurrence(model: ComposeModel, written: Written, declaration: boolean, base = 0): Occurrence | undefined {
  if (written.name === '') return undefined;
  let start: number;
  let end: number;
  let exact: boolean;
  if (written.at) {
    start = base + written.at.start;
    end = base + written.at.end;
    exact = written.at.exact;
  } else {
    [start, end] = nameOffsets(model, written.node, written.index, written.name);
    exact = isExact(model, written.name, start, end);
  }
  return occurrence(written.kind, written.name, start, end, exact, written.node, written.via, declaration, written.key, written.partial, written.file);
}

function isExact(model: ComposeModel, name: string, start: number, end: number): boolean {
  return end - start === name.length && model.text.startsWith(name, start);
}

/**
 * Where the `name` written at `index` of a scalar's value is in the text: exact for plain and quoted scalars
 * written on one line without escapes before it; otherwise as found by valueRange (checks/services.ts).
 */
function nameOffsets(model: ComposeModel, scalar: Scalar, index: number, name: string): [number, number] {
  const [start] = model.offsetsOf(scalar);
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  if (scalar.type === 'PLAIN' || quoted) {
    const text = model.text;
    const at = start + index + (quoted ? 1 : 0);
    const before = index === 0 ? '' : text.slice(start, at);
    const escaped = scalar.type === 'QUOTE_DOUBLE' ? before.includes('\\') : scalar.type === 'QUOTE_SINGLE' && before.includes("''");
    if (!before.includes('\n') && !escaped && text.startsWith(name, at)) return [at, at + name.length];
  }
  const range = valueRange(model, scalar, index, name.length);
  return [model.offsetAt(range.start), model.offsetAt(range.end)];
}

function occurrence(
  kind: OccurrenceKind,
  name: string,
  start: number,
  end: number,
  exact: boolean,
  node: Node,
  via: string,
  declaration: boolean,
  key: string,
  partial = false,
  file?: string,
): Occurrence {
  // One object shape for every occurrence (`file` is always set, undefined but for extends.file).
  return { kind, name, start, end, declaration, exact, via, key, file, node, partial, plain: isScalar(node) ? node.type === 'PLAIN' : true };
}

/**
 * The references of every service and every alias of the file, and the anchors. What a top-level entry holds
 * (a service, a volume ...) is read once and remembered with its block (model.memo): a new version of the
 * document reads again only the entries that changed, and otherwise only looks up offsets.
 */
export function indexBlocks(model: ComposeModel, found: Occurrence[]): void {
  const anchorKeys = new Map<Node, string>();
  for (const [name, definitions] of model.anchors) {
    definitions.forEach((definition, n) => {
      const key = `anchor\n${name}\n${n}`;
      anchorKeys.set(definition.node, key);
      const at = anchorOffset(model.text, name, definition.offset);
      if (at !== undefined) found.push(occurrence('anchor', name, at + 1, at + 1 + name.length, isExact(model, name, at + 1, at + 1 + name.length), definition.node, 'anchor', true, key));
    });
  }
  const aliasOccurrence = (alias: WrittenAlias, base: number): void => {
    const name = alias.alias.source;
    const key = (alias.target && anchorKeys.get(alias.target)) ?? unboundAliasKey(name);
    const start = base + alias.start + 1;
    found.push(occurrence('anchor', name, start, start + name.length, alias.exact, alias.alias, 'alias', false, key));
  };
  const root = model.root;
  const loose: Alias[] = [];
  for (const pair of root && isMap(root) ? root.items : []) {
    collectInto(pair.key, loose);
    const value = pair.value as Node | null;
    if (!value || !isMap(value)) {
      collectInto(value, loose);
      continue;
    }
    const services = isScalar(pair.key) && pair.key.value === 'services';
    for (const child of value.items) {
      collectInto(child.key, loose);
      const node = child.value as Node | null;
      if (!node || isScalar(node)) continue;
      // Offsets relative to the entry hold while its block's text is unchanged, which is when memo reuses them;
      // whether the entry is a service depends on the section it is in, hence two kinds of memo.
      const kind = services ? 'navigation.service' : 'navigation.entry';
      const held = model.memo(node, kind, () => hold(model, node, services ? serviceOf(model, child as Pair<Scalar, Node>) : undefined));
      const [base] = model.offsetsOf(node);
      for (const written of held.names) {
        const o = nameOccurrence(model, written, false, base);
        if (o) found.push(o);
      }
      for (const alias of held.aliases) aliasOccurrence(alias, base);
    }
  }
  if (root && !isMap(root)) collectInto(root, loose);
  for (const alias of loose) aliasOccurrence(written(model, alias, 0), 0);
}

/** What the top-level entry `node` holds: the names its service refers to, and its aliases. */
function hold(model: ComposeModel, node: Node, service: ServiceView | undefined): Held {
  const [base, limit] = model.offsetsOf(node);
  const names = serviceNames(model, service);
  for (const name of names) {
    const [start, end] = nameOffsets(model, name.node, name.index, name.name);
    // A name merged from an anchor elsewhere is in another block: its offsets are read per version.
    if (start >= base && end <= limit) name.at = { start: start - base, end: end - base, exact: isExact(model, name.name, start, end) };
  }
  // An entry without a `*` holds no alias: no need to walk it.
  const aliases = model.text.slice(base, limit).includes('*') ? collectInto(node, []).map((alias) => written(model, alias, base)) : [];
  return { names, aliases };
}

function written(model: ComposeModel, alias: Alias, base: number): WrittenAlias {
  const [start] = model.offsetsOf(alias);
  return { alias, target: model.resolve(alias), start: start - base, exact: model.text[start] === '*' };
}

/** The service an entry of `services:` defines, read from the entry alone (for refs.ts). */
function serviceOf(model: ComposeModel, pair: Pair<Scalar, Node>): ServiceView | undefined {
  const name = scalarText(pair.key);
  const value = model.resolve(pair.value);
  if (name === undefined || name.startsWith('x-') || isMergeKey(pair.key) || !value || !isMap(value)) return undefined;
  const map = value;
  return {
    name,
    definition: { name, kind: 'services', key: pair.key, range: model.rangeOf(pair.key), value, pair },
    map,
    get: (key) => present(model.get(map, key)),
  };
}

function collectInto(node: unknown, out: Alias[]): Alias[] {
  // Scalars (most nodes) are never pushed: only collections and aliases are looked at.
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next || isScalar(next)) continue;
    if (isAlias(next)) {
      out.push(next);
    } else if (isMap(next)) {
      for (const pair of next.items) {
        if (pair.key && !isScalar(pair.key)) stack.push(pair.key);
        if (pair.value && !isScalar(pair.value)) stack.push(pair.value);
      }
    } else if (isSeq(next)) {
      for (const item of next.items) if (item && !isScalar(item)) stack.push(item);
    } else if (isPair(next)) {
      stack.push(next.key, next.value);
    }
  }
  return out;
}

/** How far before its node an anchor is looked for (tags, comments and line breaks may sit between). */
const ANCHOR_WINDOW = 4096;

/**
 * Offset of the `&` of `&name` that anchors the node starting at `nodeStart`: the last one before the node
 * (within ANCHOR_WINDOW) that is followed by a separator and is not in a comment.
 */
function anchorOffset(text: string, name: string, nodeStart: number): number | undefined {
  const needle = `&${name}`;
  const windowStart = Math.max(0, nodeStart - ANCHOR_WINDOW);
  const window = text.slice(windowStart, nodeStart);
  for (let at = window.lastIndexOf(needle); at >= 0; at = at > 0 ? window.lastIndexOf(needle, at - 1) : -1) {
    const after = window.charCodeAt(at + needle.length);
    const separated = Number.isNaN(after) || /[\s,[\]{}]/.test(String.fromCharCode(after));
    if (separated && !inComment(text, windowStart + at)) return windowStart + at;
  }
  return undefined;
}

/** True when `offset` is inside a `#` comment of its line (quoted scalars on the line taken into account). */
function inComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let quote = '';
  for (let i = lineStart; i < offset; i++) {
    const c = text[i];
    const tokenStart = i === lineStart || /[\s:,[{]/.test(text[i - 1]);
    if (quote) {
      if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && tokenStart) {
      quote = c;
    } else if (c === '#' && (i === lineStart || /\s/.test(text[i - 1]))) {
      return true;
    }
  }
  return false;
}
