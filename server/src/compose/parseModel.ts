// The ComposeModel implementation: the assembled tree, where each block sits in this version of the text,
// anchors across blocks, effective map entries (merge keys, parseEntries.ts) kept with their blocks, the index of
// names, and YAML problems.
import type { Alias, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isSeq } from './yamlKinds';
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
import { type BlockParse, blockOf, type DuplicateKey, findDuplicates } from './parseBlock';
import type { LineIndex } from './parseLines';
import { type DocumentRoot, documentAt, mergeDefinitions } from './parseDocuments';
import { findPath } from './parsePath';
import { indexNames } from './parseNames';
import { collectProblems } from './parseProblems';
import { type Entries, entryOfKey, mapEntries } from './parseEntries';

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
  readonly nonTextKeys: Scalar[] = [];
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
      for (const key of block.nonTextKeys) this.nonTextKeys.push(key);
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
    return entryOfKey(this.cachedEntries(map), key);
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
    cached = block?.memo.get('entries', map) as Entries | undefined;
    if (!cached || !this.stillValid(cached.deps)) {
      cached = mapEntries(map, (alias) => this.resolveAlias(alias)?.node ?? null);
      if (block) block.memo.set('entries', map, cached);
    }
    this.entryCache.set(map, cached);
    return cached;
  }

  memo<T>(node: Node, kind: string, compute: () => T): T {
    const block = blockOf(node);
    if (!block || !this.startOf.has(block)) return compute();
    const hit = block.memo.get(kind, node) as Memo<T> | undefined;
    if (hit && (hit.checkedBy === this.token || this.stillValid(hit.deps))) {
      hit.checkedBy = this.token;
      return hit.value;
    }
    const value = compute();
    block.memo.set(kind, node, { value, deps: this.blockDeps(block), checkedBy: this.token } satisfies Memo<T>);
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

}

interface Memo<T> {
  value: T;
  deps: [Alias, Node | null][];
  /** The token of the last model that found it valid (no need to check again within that model). */
  checkedBy: object;
}

function nodeStart(node: Node): number {
  return (node as { range?: [number, number, number] }).range?.[0] ?? 0;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
