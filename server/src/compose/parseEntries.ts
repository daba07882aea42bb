// The effective entries of a YAML map as Compose reads them: its own keys first, then those its merge keys (`<<`)
// bring in, following aliases, with every alias followed noted so that a later version of the document can tell
// whether the entries still hold. Pure; the model (parseModel.ts) resolves aliases and keeps the results.
import type { Alias, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from './yamlKinds';
import { isMergeKey, type MapEntry } from './model';
import { SMALL_MAP } from './parseBlock';
import { fitted } from './parseNodes';

export interface Entries {
  list: MapEntry[];
  /** Only for a map of more than SMALL_MAP entries; a smaller one is searched in `list`. */
  byKey?: Map<string, MapEntry>;
  /** The aliases followed to find the entries, with the node each named. */
  deps: [Alias, Node | null][];
}

/** The node an alias names in the model, or null. */
export type AliasResolver = (alias: Alias) => Node | null;

/** The dependencies of the entries of a map that follows no alias (most maps): one shared array, never changed. */
const NO_DEPS: [Alias, Node | null][] = [];

/** How deep `<<` merges may nest before we stop following them. */
const MAX_MERGE_DEPTH = 32;

/**
 * The entries of `map`. Most maps of a compose file are small: up to SMALL_MAP entries they are found by looking
 * through them, as a Map for each of thousands of them is memory the model keeps.
 */
export function mapEntries(map: YAMLMap, resolve: AliasResolver): Entries {
  const found: Found = { list: [] };
  const deps: [Alias, Node | null][] = [];
  collect(map, false, found, deps, undefined, 0, resolve);
  return { list: fitted(found.list), byKey: found.byKey, deps: deps.length > 0 ? deps : NO_DEPS };
}

/** The entries found so far: a list, and once it is longer than SMALL_MAP, an index by key. */
interface Found {
  list: MapEntry[];
  byKey?: Map<string, MapEntry>;
}

function add(found: Found, entry: MapEntry): void {
  found.list.push(entry);
  if (found.byKey) found.byKey.set(entry.key, entry);
  else if (found.list.length > SMALL_MAP) found.byKey = new Map(found.list.map((e) => [e.key, e]));
}

/** The entry of `key` among `entries`. */
export function entryOfKey(entries: Pick<Entries, 'list' | 'byKey'>, key: string): MapEntry | undefined {
  if (entries.byKey) return entries.byKey.get(key);
  const list = entries.list;
  for (let i = 0; i < list.length; i++) if (list[i].key === key) return list[i];
  return undefined;
}

/** Resolves an alias and remembers it among `deps`. */
function follow(node: Node | null, deps: [Alias, Node | null][], resolve: AliasResolver): Node | null {
  if (!isAlias(node)) return node ?? null;
  const target = resolve(node);
  deps.push([node, target]);
  return target;
}

/** Adds the map's entries (own keys first, then merged ones), noting every alias followed. */
function collect(
  map: YAMLMap, merged: boolean, into: Found, deps: [Alias, Node | null][], seen: Set<YAMLMap> | undefined, depth: number,
  resolve: AliasResolver,
): void {
  if (seen?.has(map) || depth > MAX_MERGE_DEPTH) return;
  let sources: Node[] | undefined;
  for (const pair of map.items as Pair[]) {
    const keyNode = pair.key;
    if (!isScalar(keyNode)) continue;
    if (isMergeKey(keyNode)) {
      sources ??= [];
      const value = follow(pair.value as Node | null, deps, resolve);
      if (value && isSeq(value)) for (const item of value.items) sources.push(item as Node);
      else if (value) sources.push(value);
      continue;
    }
    const key = typeof keyNode.source === 'string' ? keyNode.source : keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
    if (entryOfKey(into, key)) continue;
    const raw = pair.value as Node | null;
    const entry: MapEntry = { key, keyNode: keyNode as Scalar, value: nonNull(follow(raw, deps, resolve)), pair, merged };
    if (raw && (raw.tag === '!reset' || raw.tag === '!override')) entry.tag = raw.tag;
    add(into, entry);
  }
  if (!sources) return;
  const visited = seen ?? new Set<YAMLMap>();
  visited.add(map);
  for (const source of sources) {
    const target = follow(source, deps, resolve);
    if (target && isMap(target)) collect(target, true, into, deps, visited, depth + 1, resolve);
  }
}

/** null for a null scalar (`key:`, `key: ~`, `key: null`), else the node. */
function nonNull(node: Node | null): Node | null {
  return node && isScalar(node) && (node.value === null || node.value === undefined) ? null : node;
}
