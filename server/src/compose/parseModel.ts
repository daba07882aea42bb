// The ComposeModel implementation: the assembled tree, where each block sits in this version of the text,
// anchors across blocks, effective map entries (merge keys), the index of names, and YAML problems.
import type { Alias, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import type {
  AnchorDefinition,
  ComposeModel,
  MapEntry,
  NameDefinition,
  NameKind,
  PathAt,
  SyntaxProblem,
} from './model';
import { isMergeKey } from './model';
import { type BlockParse, blockOf, type DuplicateKey, findDuplicates } from './parseBlock';
import type { LineIndex } from './parseLines';
import { type DocumentRoot, documentAt, mergeDefinitions } from './parseDocuments';
import { findPath } from './parsePath';
import { indexNames } from './parseNames';
import { collectProblems } from './parseProblems';

interface Entries {
  list: MapEntry[];
  /** Only for a map of more than SMALL_MAP entries; a smaller one is searched in `list`. */
  byKey?: Map<string, MapEntry>;
  /** The aliases followed to find the entries, with the node each named. */
  deps: [Alias, Node | null][];
}

/**
 * Up to this many entries a map's entries are found by looking through them: most maps of a compose file are small,
 * and a Map for each of thousands of them is memory the model keeps.
 */
const SMALL_MAP = 8;
/** The dependencies of the entries of a map that follows no alias (most maps): one shared array, never changed. */
const NO_DEPS: [Alias, Node | null][] = [];

/** How deep `<<` merges may nest before we stop following them. */
const MAX_MERGE_DEPTH = 32;

export type { DocumentRoot } from './parseDocuments';

export interface Placement {
  block: BlockParse;
  /** Offset of the block's first character in the text. */
  start: number;
}

export class ComposeDocument implements ComposeModel {
  readonly problems: SyntaxProblem[];
  readonly names: Record<NameKind, Map<string, NameDefinition>>;
  readonly anchors = new Map<string, AnchorDefinition[]>();
  readonly duplicateKeys: DuplicateKey[] = [];
  readonly interpolated: Scalar[] = [];
  private readonly startOf = new Map<BlockParse, number>();
  private readonly entryCache = new Map<YAMLMap, Entries>();
  /** blockDeps answers of this version. */
  private readonly depsCache = new Map<BlockParse, [Alias, Node | null][]>();
  /** `resolveAlias` answers of this version (the model does not change). */
  private readonly aliasCache = new Map<Alias, AnchorDefinition | undefined>();
  /** Identifies this model in memos without keeping it alive. */
  private readonly token = {};

  constructor(
    readonly text: string,
    private readonly lines: LineIndex,
    readonly root: Node | null,
    /** The blocks in text order, with their offsets. */
    readonly placements: readonly Placement[],
    /** Offsets of the nodes the model assembled itself (root and the maps of split groups). */
    private readonly synthetic: Map<object, [number, number]>,
    /** The documents, in text order, when the file holds several (`---` between them); else undefined. */
    readonly documents?: readonly DocumentRoot[],
    /** The maps that merge several documents' maps (not checked for duplicate keys: documents override). */
    merged: ReadonlySet<object> = new Set(),
  ) {
    for (const { block, start } of placements) {
      this.startOf.set(block, start);
      for (const anchor of block.anchors) {
        let list = this.anchors.get(anchor.name);
        if (!list) this.anchors.set(anchor.name, (list = []));
        list.push({ name: anchor.name, node: anchor.node, offset: start + nodeStart(anchor.node) });
      }
      this.duplicateKeys.push(...block.duplicateKeys);
      this.interpolated.push(...block.dollars);
    }
    for (const node of synthetic.keys()) if (isMap(node) && !merged.has(node)) findDuplicates(node, this.duplicateKeys);
    this.problems = collectProblems(this, placements, lines);
    // A section that several documents write: each name's definition merged across them.
    const starts = (documents ?? []).map((d) => d.start);
    this.names = indexNames(this, (section) => (merged.has(section) ? mergeDefinitions(this, section, starts, synthetic) : undefined));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  lineText(line: number): string {
    return this.lines.lineText(line);
  }

  offsetsOf(node: Node | Pair): [number, number] {
    if (isPair(node)) {
      const key = node.key as Node | null;
      const value = node.value as Node | null;
      const [start, keyEnd] = key ? this.offsetsOf(key) : value ? this.offsetsOf(value) : [0, 0];
      const end = value ? this.offsetsOf(value)[1] : keyEnd;
      return [start, Math.max(end, keyEnd)];
    }
    const own = this.synthetic.get(node);
    if (own) return own;
    const block = blockOf(node);
    const base = block ? this.startOf.get(block) : undefined;
    const range = (node as { range?: [number, number, number] }).range;
    if (base === undefined || !range) return [0, 0];
    let end = base + range[1];
    const start = base + range[0];
    if (isMap(node) || isSeq(node)) while (end > start && isBlank(this.text.charCodeAt(end - 1))) end--;
    return [start, end];
  }

  rangeOf(node: Node | Pair): Range {
    const [start, end] = this.offsetsOf(node);
    return { start: this.lines.positionAt(start), end: this.lines.positionAt(end) };
  }

  resolve(node: Node | null | undefined): Node | null {
    if (!node) return null;
    if (!isAlias(node)) return node;
    return this.resolveAlias(node)?.node ?? null;
  }

  /** The anchor an alias refers to: the last one of that name before it (the one YAML means). */
  resolveAlias(alias: Alias): AnchorDefinition | undefined {
    if (this.aliasCache.has(alias)) return this.aliasCache.get(alias);
    const at = this.offsetsOf(alias)[0];
    // Anchors do not cross documents: each document of a file is read on its own.
    const from = this.documents ? (this.documentAt(at)?.start ?? 0) : 0;
    let found: AnchorDefinition | undefined;
    for (const anchor of this.anchors.get(alias.source) ?? []) {
      if (anchor.offset >= at) break;
      if (anchor.offset >= from) found = anchor;
    }
    this.aliasCache.set(alias, found);
    return found;
  }

  entries(map: YAMLMap): readonly MapEntry[] {
    return this.cachedEntries(map).list;
  }

  get(map: YAMLMap, key: string): MapEntry | undefined {
    const entries = this.cachedEntries(map);
    if (entries.byKey) return entries.byKey.get(key);
    const list = entries.list;
    for (let i = 0; i < list.length; i++) if (list[i].key === key) return list[i];
    return undefined;
  }

  pathAt(position: Position): PathAt {
    const offset = this.lines.offsetAt(position);
    const document = this.documentAt(offset);
    if (!document) return findPath(this, offset);
    // In a file of several documents, the walk stays in the document the position is in.
    const host = { text: this.text, root: document.root, offsetsOf: (node: Node | Pair) => this.offsetsOf(node), positionAt: (at: number) => this.positionAt(at) };
    return findPath(host, offset);
  }

  /** The document that holds `offset` when the file has several. */
  private documentAt(offset: number): DocumentRoot | undefined {
    return this.documents ? documentAt(this.documents, offset) : undefined;
  }

  private cachedEntries(map: YAMLMap): Entries {
    let cached = this.entryCache.get(map);
    if (cached) return cached;
    // The block keeps a map's entries for the next versions; they stay valid while every alias they went
    // through still names the same anchored node.
    const block = blockOf(map);
    cached = block?.memo.get('entries')?.get(map) as Entries | undefined;
    if (!cached || !this.stillValid(cached.deps)) {
      const byKey = new Map<string, MapEntry>();
      const deps: [Alias, Node | null][] = [];
      this.collectEntries(map, false, byKey, deps, undefined, 0);
      const list = [...byKey.values()];
      cached = { list, byKey: list.length > SMALL_MAP ? byKey : undefined, deps: deps.length > 0 ? deps : NO_DEPS };
      if (block) memoSlot(block, 'entries').set(map, cached);
    }
    this.entryCache.set(map, cached);
    return cached;
  }

  memo<T>(node: Node, kind: string, compute: () => T): T {
    const block = blockOf(node);
    if (!block || !this.startOf.has(block)) return compute();
    const slot = memoSlot(block, kind);
    const hit = slot.get(node) as Memo<T> | undefined;
    if (hit && (hit.checkedBy === this.token || this.stillValid(hit.deps))) {
      hit.checkedBy = this.token;
      return hit.value;
    }
    const value = compute();
    slot.set(node, { value, deps: this.blockDeps(block), checkedBy: this.token } satisfies Memo<T>);
    return value;
  }

  /**
   * Every alias of the block, and of the blocks its aliases lead to, with the node each names now: the same for
   * every result of the block in this model, so made once (the memos share the array and never change it).
   */
  private blockDeps(block: BlockParse): [Alias, Node | null][] {
    let deps = this.depsCache.get(block);
    if (!deps) this.depsCache.set(block, (deps = this.collectBlockDeps(block)));
    return deps;
  }

  private collectBlockDeps(block: BlockParse): [Alias, Node | null][] {
    const deps: [Alias, Node | null][] = [];
    const seen = new Set<BlockParse>([block]);
    const queue = [block];
    while (queue.length > 0) {
      for (const alias of queue.pop()!.aliases) {
        const target = this.resolveAlias(alias)?.node ?? null;
        deps.push([alias, target]);
        const next = target ? blockOf(target) : undefined;
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return deps;
  }

  private stillValid(deps: readonly [Alias, Node | null][]): boolean {
    for (const [alias, target] of deps) if (this.aliasTarget(alias) !== target) return false;
    return true;
  }

  /** The node an alias of this model names; undefined for an alias that is not part of this model. */
  private aliasTarget(alias: Alias): Node | null | undefined {
    const block = blockOf(alias);
    if (!block || !this.startOf.has(block)) return undefined;
    return this.resolveAlias(alias)?.node ?? null;
  }

  /** Resolves an alias and remembers it among `deps`. */
  private follow(node: Node | null, deps: [Alias, Node | null][]): Node | null {
    if (!isAlias(node)) return node ?? null;
    const target = this.resolveAlias(node)?.node ?? null;
    deps.push([node, target]);
    return target;
  }

  /** Adds the map's entries (own keys first, then merged ones), noting every alias followed. */
  private collectEntries(map: YAMLMap, merged: boolean, into: Map<string, MapEntry>, deps: [Alias, Node | null][], seen: Set<YAMLMap> | undefined, depth: number): void {
    if (seen?.has(map) || depth > MAX_MERGE_DEPTH) return;
    let sources: Node[] | undefined;
    for (const pair of map.items as Pair[]) {
      const keyNode = pair.key;
      if (!isScalar(keyNode)) continue;
      if (isMergeKey(keyNode)) {
        sources ??= [];
        const value = this.follow(pair.value as Node | null, deps);
        if (value && isSeq(value)) for (const item of value.items) sources.push(item as Node);
        else if (value) sources.push(value);
        continue;
      }
      const key = typeof keyNode.source === 'string' ? keyNode.source : keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
      if (into.has(key)) continue;
      const raw = pair.value as Node | null;
      const entry: MapEntry = { key, keyNode: keyNode as Scalar, value: nonNull(this.follow(raw, deps)), pair, merged };
      if (raw && (raw.tag === '!reset' || raw.tag === '!override')) entry.tag = raw.tag;
      into.set(key, entry);
    }
    if (!sources) return;
    const visited = seen ?? new Set<YAMLMap>();
    visited.add(map);
    for (const source of sources) {
      const target = this.follow(source, deps);
      if (target && isMap(target)) this.collectEntries(target, true, into, deps, visited, depth + 1);
    }
  }
}

interface Memo<T> {
  value: T;
  deps: [Alias, Node | null][];
  /** The token of the last model that found it valid (no need to check again within that model). */
  checkedBy: object;
}

/** The block's results of one kind, by node. */
function memoSlot(block: BlockParse, kind: string): Map<object, unknown> {
  let slot = block.memo.get(kind);
  if (!slot) block.memo.set(kind, (slot = new Map()));
  return slot;
}

/** null for a null scalar (`key:`, `key: ~`, `key: null`), else the node. */
function nonNull(node: Node | null): Node | null {
  return node && isScalar(node) && (node.value === null || node.value === undefined) ? null : node;
}

function nodeStart(node: Node): number {
  return (node as { range?: [number, number, number] }).range?.[0] ?? 0;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
