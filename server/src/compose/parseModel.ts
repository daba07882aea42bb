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
import { isMergeKey, NAME_KINDS } from './model';
import { type BlockParse, blockOf, type DuplicateKey, findDuplicates } from './parseBlock';
import type { LineIndex } from './parseLines';
import { findPath } from './parsePath';

interface Entries {
  list: MapEntry[];
  byKey: Map<string, MapEntry>;
}

/** How deep `<<` merges may nest before we stop following them. */
const MAX_MERGE_DEPTH = 32;

export interface Placement {
  block: BlockParse;
  /** Offset of the block's first character in the text. */
  start: number;
}

export class ComposeDocument implements ComposeModel {
  readonly problems: SyntaxProblem[] = [];
  readonly names: Record<NameKind, Map<string, NameDefinition>>;
  readonly anchors = new Map<string, AnchorDefinition[]>();
  readonly duplicateKeys: DuplicateKey[] = [];
  readonly interpolated: Scalar[] = [];
  private readonly startOf = new Map<BlockParse, number>();
  private readonly entryCache = new Map<YAMLMap, Entries>();

  constructor(
    readonly text: string,
    private readonly lines: LineIndex,
    readonly root: Node | null,
    /** The blocks in text order, with their offsets. */
    readonly placements: readonly Placement[],
    /** Offsets of the nodes the model assembled itself (root and the maps of split groups). */
    private readonly synthetic: Map<object, [number, number]>,
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
    for (const node of synthetic.keys()) if (isMap(node)) findDuplicates(node, this.duplicateKeys);
    this.collectProblems();
    this.names = this.indexNames();
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
    const list = this.anchors.get(alias.source);
    if (!list) return undefined;
    const at = this.offsetsOf(alias)[0];
    let found: AnchorDefinition | undefined;
    for (const anchor of list) {
      if (anchor.offset >= at) break;
      found = anchor;
    }
    return found;
  }

  entries(map: YAMLMap): readonly MapEntry[] {
    return this.cachedEntries(map).list;
  }

  get(map: YAMLMap, key: string): MapEntry | undefined {
    return this.cachedEntries(map).byKey.get(key);
  }

  pathAt(position: Position): PathAt {
    return findPath(this, this.lines.offsetAt(position));
  }

  private cachedEntries(map: YAMLMap): Entries {
    let cached = this.entryCache.get(map);
    if (cached) return cached;
    // A map without aliases and merge keys has the same entries in every version: its block keeps them.
    const block = blockOf(map);
    cached = block?.memo.get(map) as Entries | undefined;
    if (!cached) {
      const byKey = new Map<string, MapEntry>();
      const local = this.collectEntries(map, false, byKey, undefined, 0);
      cached = { list: [...byKey.values()], byKey };
      if (local && block) block.memo.set(map, cached);
    }
    this.entryCache.set(map, cached);
    return cached;
  }

  /** Adds the map's entries; true when they depend on the map alone (no alias, no merge key). */
  private collectEntries(map: YAMLMap, merged: boolean, into: Map<string, MapEntry>, seen: Set<YAMLMap> | undefined, depth: number): boolean {
    if (seen?.has(map) || depth > MAX_MERGE_DEPTH) return false;
    let sources: Node[] | undefined;
    let local = true;
    for (const pair of map.items as Pair[]) {
      const keyNode = pair.key;
      if (!isScalar(keyNode)) continue;
      if (isMergeKey(keyNode)) {
        sources ??= [];
        const value = this.resolve(pair.value as Node | null);
        if (value && isSeq(value)) for (const item of value.items) sources.push(item as Node);
        else if (value) sources.push(value);
        continue;
      }
      const key = typeof keyNode.source === 'string' ? keyNode.source : keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
      if (into.has(key)) continue;
      const raw = pair.value as Node | null;
      if (isAlias(raw)) local = false;
      const entry: MapEntry = { key, keyNode: keyNode as Scalar, value: nonNull(isAlias(raw) ? this.resolve(raw) : raw), pair, merged };
      if (raw && (raw.tag === '!reset' || raw.tag === '!override')) entry.tag = raw.tag;
      into.set(key, entry);
    }
    if (!sources) return local;
    const visited = seen ?? new Set<YAMLMap>();
    visited.add(map);
    for (const source of sources) {
      const target = this.resolve(source);
      if (target && isMap(target)) this.collectEntries(target, true, into, visited, depth + 1);
    }
    return false;
  }

  private indexNames(): Record<NameKind, Map<string, NameDefinition>> {
    const names = {} as Record<NameKind, Map<string, NameDefinition>>;
    const root = this.root && isMap(this.root) ? this.root : undefined;
    for (const kind of NAME_KINDS) {
      const defined = new Map<string, NameDefinition>();
      names[kind] = defined;
      const section = root ? this.get(root, kind) : undefined;
      if (!section || !section.value || !isMap(section.value)) continue;
      for (const entry of this.entries(section.value)) {
        if (entry.key.startsWith('x-')) continue; // an extension field (often an anchor holder), not a name
        defined.set(entry.key, {
          name: entry.key,
          kind,
          key: entry.keyNode,
          range: this.rangeOf(entry.keyNode),
          value: entry.value,
          pair: entry.pair,
        });
      }
    }
    return names;
  }

  private problem(code: string, message: string, start: number, end: number, severity: 'error' | 'warning'): void {
    this.problems.push({
      code,
      message,
      offset: start,
      range: { start: this.lines.positionAt(start), end: this.lines.positionAt(end) },
      severity,
    });
  }

  private collectProblems(): void {
    let literal = 0;
    let aliasCount = 0;
    for (const { block, start } of this.placements) {
      literal += block.nodeCount;
      aliasCount += block.aliases.length;
      for (const p of block.problems) this.problem(p.code, p.message, start + p.start, start + p.end, p.severity);
      for (const alias of block.aliases) this.checkAlias(alias);
      for (const pair of block.merges) this.checkMerge(pair);
    }
    if (aliasCount > 0) this.checkAliasExpansion(literal);
    this.problems.sort((a, b) => a.offset - b.offset);
  }

  private checkAlias(alias: Alias): void {
    const [start, end] = this.offsetsOf(alias);
    const anchor = this.resolveAlias(alias);
    if (!anchor) {
      this.problem('UNKNOWN_ANCHOR', `There is no anchor &${alias.source} before this alias.`, start, end, 'error');
      return;
    }
    const [anchorStart, anchorEnd] = this.offsetsOf(anchor.node);
    if (start >= anchorStart && end <= anchorEnd) {
      this.problem('RECURSIVE_ALIAS', `The alias *${alias.source} is inside the node its anchor names, so it would contain itself.`, start, end, 'error');
    }
  }

  /** `<<: value` must be a map, or a list of maps (aliases resolved): go-yaml refuses anything else. */
  private checkMerge(pair: Pair): void {
    const value = pair.value as Node | null;
    const target = this.resolve(value);
    if (!value || !target) return; // an empty merge is harmless; an unknown anchor is reported already
    const items = isSeq(target) ? (target.items as Node[]) : [value];
    for (const item of items) {
      const resolved = this.resolve(item);
      if (!resolved || isMap(resolved)) continue;
      const [start, end] = this.offsetsOf(item);
      const what = isAlias(item) ? `*${item.source} is not a map` : 'this value is not a map';
      this.problem('BAD_MERGE', `A merge key (<<) takes a map or a list of maps; ${what}.`, start, end, 'error');
    }
  }

  /**
   * Refuses "billion laughs" files: aliases that expand the document to more than a million nodes and more
   * than ten times what is written (go-yaml, which Compose uses, gives up on such documents). Sizes are
   * computed once per anchored node, so this is linear in the file however large the expansion.
   */
  private checkAliasExpansion(literal: number): void {
    const sizes = new Map<Node, number>();
    const sizeOf = (node: unknown): number => {
      if (!node || typeof node !== 'object') return 0;
      if (isPair(node)) return sizeOf(node.key) + sizeOf(node.value);
      if (isAlias(node)) {
        const target = this.resolveAlias(node)?.node;
        return target ? sizeOf(target) : 1;
      }
      const known = sizes.get(node as Node);
      if (known !== undefined) return known;
      sizes.set(node as Node, 1); // a node that contains itself counts once
      let size = 1;
      if (isMap(node) || isSeq(node)) for (const item of node.items) size = Math.min(1e15, size + sizeOf(item));
      sizes.set(node as Node, size);
      return size;
    };
    let expanded = literal;
    let worst: Alias | undefined;
    let worstSize = 0;
    for (const { block } of this.placements) {
      for (const alias of block.aliases) {
        const size = sizeOf(alias);
        expanded = Math.min(1e15, expanded + size - 1);
        if (size > worstSize) {
          worstSize = size;
          worst = alias;
        }
      }
    }
    if (worst && expanded > 1_000_000 && expanded > 10 * literal) {
      const [start, end] = this.offsetsOf(worst);
      this.problem(
        'EXCESSIVE_ALIASING',
        `Aliases expand this file to about ${formatCount(expanded)} nodes from ${literal} written: Compose refuses a document with such excessive aliasing.`,
        start,
        end,
        'error',
      );
    }
  }
}

/** null for a null scalar (`key:`, `key: ~`, `key: null`), else the node. */
function nonNull(node: Node | null): Node | null {
  return node && isScalar(node) && (node.value === null || node.value === undefined) ? null : node;
}

function formatCount(n: number): string {
  if (n >= 1e9) return `${Math.round(n / 1e8) / 10} billion`;
  return n >= 1e6 ? `${Math.round(n / 1e5) / 10} million` : String(Math.round(n));
}

function nodeStart(node: Node): number {
  return (node as { range?: [number, number, number] }).range?.[0] ?? 0;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
