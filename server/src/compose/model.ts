// The parsed form of a Compose file that every provider (diagnostics, completion, hover, symbols ...) reads.
// Produced by parse.ts (`parseCompose(text, previous?)`), once per document version.
//
// Shape
// -----
// The tree is made of the `yaml` package's own node classes (YAMLMap, YAMLSeq, Pair, Scalar, Alias; test
// them with yaml's isMap/isSeq/isScalar/isAlias/isPair), exactly as `yaml`'s parseDocument builds them,
// with these differences:
// - The file is parsed in blocks (each top-level key, and each key directly under a top-level map such as
//   `services:`), so `root` and the maps directly under it are assembled from the blocks. Node `range`
//   offsets are relative to the node's block: never read `node.range` yourself, ask `model.rangeOf(node)`.
// - Aliases are not resolved in the tree (an `Alias` node stays where `*name` is written) and merge keys
//   (`<<`) stay ordinary pairs whose key is the plain scalar `<<`. `model.resolve(node)` follows an alias to
//   its anchored node, and `model.entries(map)` lists a map's effective keys with `<<` merges applied (what
//   Compose sees), each entry pointing at the pair where it is written.
// - `!reset` and `!override` are known tags: the node keeps `tag === '!reset'` / `'!override'`.
// - Nothing written after `key:` is, as in `yaml`, a Scalar whose value is null (`MapEntry.value` and
//   `NameDefinition.value` turn it into null). A map key may be a collection after a syntax error.
// - There is no yaml Document: do not call `toJS()` / `toJSON()` on nodes (aliases cannot resolve there,
//   and an alias bomb would explode); walk with `resolve` and `entries`, which never expand aliases.
// - Nodes of a block whose text did not change are the same objects in the next version's model.
// All positions are LSP positions: 0-based line, character = UTF-16 code unit offset in the line.
//
// Typical use: `model.names.services.get('web')` -> the service's definition; `model.get(map, 'image')`
// -> its effective `image` entry (merges applied); `model.rangeOf(entry.value)` -> where its value is;
// `model.pathAt(position)` -> e.g. { path: ['services', 'web', 'image'], kind: 'value', node }.
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isScalar } from './yamlKinds';
import type { Position, Range } from 'vscode-languageserver-types';

export type { Position, Range } from 'vscode-languageserver-types';

/** The top-level maps whose keys are names other parts of the file refer to. */
export type NameKind = 'services' | 'volumes' | 'networks' | 'secrets' | 'configs';

export const NAME_KINDS: readonly NameKind[] = ['services', 'volumes', 'networks', 'secrets', 'configs'];

/** One name defined under a top-level map, e.g. the service `web` of `services: { web: ... }`. */
export interface NameDefinition {
  name: string;
  kind: NameKind;
  /** The key scalar as written. */
  key: Scalar;
  /** The key's range: where "go to definition" lands. */
  range: Range;
  /** The definition's value with aliases resolved; null for an empty value (`db_data:`). */
  value: Node | null;
  pair: Pair;
}

/** A problem found while reading the YAML itself (not a Compose rule). */
export interface SyntaxProblem {
  /**
   * `yaml`'s error code (MULTILINE_IMPLICIT_KEY, MISSING_CHAR, TAB_AS_INDENT, BAD_INDENT, ...) or one of
   * ours: UNKNOWN_ANCHOR (an alias without an anchor before it), RECURSIVE_ALIAS (an alias inside the node
   * its anchor names), EXCESSIVE_ALIASING (aliases expand the file enormously), BAD_MERGE (`<<` whose value
   * is not a map or a list of maps); MULTIPLE_DOCS (yaml's) only when a document of several is not a map.
   */
  code: string;
  /** `yaml`'s message (first line only) or ours. */
  message: string;
  range: Range;
  /** Offset of the problem in the text (start of `range`). */
  offset: number;
  severity: 'error' | 'warning';
}

/** One effective key of a map (see `ComposeModel.entries`). */
export interface MapEntry {
  key: string;
  keyNode: Scalar;
  /** The value with aliases resolved; null when empty. */
  value: Node | null;
  /** The pair as written (for a merged entry: inside the anchored map it was merged from). */
  pair: Pair;
  /** True when the entry came through a `<<` merge rather than being written in the map itself. */
  merged: boolean;
  /** The value's tag when it is `!reset` or `!override`. A `!reset` entry means "no value". */
  tag?: '!reset' | '!override';
}

/** An `&name` anchor. */
export interface AnchorDefinition {
  name: string;
  /** The anchored node. */
  node: Node;
  /** Offset of the anchored node in the text. */
  offset: number;
}

/** A key written a second time in the same map. */
export interface DuplicateKey {
  key: string;
  /** The key where it is first written. */
  first: Scalar;
  /** The later key. */
  duplicate: Scalar;
}

/** Where a position is in the tree (see `ComposeModel.pathAt`). */
export interface PathAt {
  /**
   * Keys (strings) and sequence indexes (numbers) from the root to the location, e.g.
   * `['services', 'web', 'ports', 0]`. For `kind: 'key'` the path ends with that key; for `kind: 'newKey'`
   * and `kind: 'newItem'` it is the path of the map/sequence the new entry would go into.
   */
  path: (string | number)[];
  /**
   * - `key`: on a map key (`node` is the key scalar, `pair` its pair);
   * - `value`: on a scalar or alias value, or in the empty value right after `key:` on the same line
   *   (`node` undefined then; `pair` is the pair);
   * - `newKey`: on a blank spot or an unfinished word where a new key of the map at `path` would go
   *   (`node` is the unfinished scalar when there is one; `collection` the map when it exists);
   * - `newItem`: after `- ` where a new item of the sequence at `path` goes;
   * - `none`: outside of anything (before the first key, in a comment ...).
   */
  kind: 'key' | 'value' | 'newKey' | 'newItem' | 'none';
  node?: Node;
  pair?: Pair;
  /** The map or sequence that holds the location, when there is one. */
  collection?: Node;
}

export interface ComposeModel {
  readonly text: string;
  /** Number of lines (a final line without newline counts; an empty text has 1 line). */
  readonly lineCount: number;
  /** The document's top node: a YAMLMap for any sensible Compose file; null for an empty file. */
  readonly root: Node | null;
  /**
   * Set when the file holds several YAML documents (`---` between them), which Compose merges in order: each
   * document's lines [start, end) and its own top map. `root` is then the documents' roots merged (a top-level
   * map several documents write, such as `services`, holds the keys of all of them; `names` merges a name
   * several documents define, later documents first), and `pathAt` walks the document the position is in.
   */
  readonly documents?: readonly { readonly start: number; readonly end: number; readonly root: YAMLMap }[];
  /** YAML problems of the whole file, in text order. */
  readonly problems: readonly SyntaxProblem[];
  /**
   * Every name defined under `services`, `volumes`, `networks`, `secrets` and `configs` (merges applied), in
   * text order. Extension keys (`x-...`) are not names, except under `services` (compose-go runs a service named
   * `x-...` like any other); the implicit network `default` is not listed.
   */
  readonly names: Readonly<Record<NameKind, ReadonlyMap<string, NameDefinition>>>;
  /** Every `&anchor`, by name, in text order (a name may be anchored more than once). */
  readonly anchors: ReadonlyMap<string, readonly AnchorDefinition[]>;
  /** Keys written more than once in one map (merge keys `<<` aside), in no particular order. */
  readonly duplicateKeys: readonly DuplicateKey[];
  /** Every value scalar (not keys) whose text contains `$`: where interpolation happens. */
  readonly interpolated: readonly Scalar[];
  /** Every key scalar YAML reads as a number, a boolean or null (`1:`, `true:`, `~:`), in no particular order. */
  readonly nonTextKeys: readonly Scalar[];
  /** The range of a node of this model's tree, or of a pair (from its key to the end of its value). */
  rangeOf(node: Node | Pair): Range;
  /** Offset in `text` where a node of the tree (or a pair) starts and ends (end exclusive, no trailing blanks). */
  offsetsOf(node: Node | Pair): [number, number];
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  /** The text of one line, without its line break. */
  lineText(line: number): string;
  /** Follows aliases to the anchored node; null for null/undefined or an unknown anchor. */
  resolve(node: Node | null | undefined): Node | null;
  /**
   * The effective keys of a map as Compose sees them: its own keys first (the first of duplicated keys
   * wins), then keys merged by `<<: *anchor` / `<<: [*a, *b]` that the map does not set itself (earlier
   * merge sources win, merges nest). Keys that are not scalars are left out.
   */
  entries(map: YAMLMap): readonly MapEntry[];
  /** The effective entry for `key` in `map` (see `entries`), or undefined. */
  get(map: YAMLMap, key: string): MapEntry | undefined;
  /** Where a position is: the key path and the node there, found by walking the tree. */
  pathAt(position: Position): PathAt;
  /**
   * `compute()`, remembered for `node` under `kind` from one version of the document to the next: reused
   * while the text of the node's block is unchanged and every alias of that block (and of the blocks those
   * aliases lead to) names the same node. So `compute` may read the node's subtree, aliases and merges, but
   * nothing else of the model, and its result must hold nodes, not positions (ask `rangeOf` later: nodes of
   * an unchanged block are the same objects in the next version).
   */
  memo<T>(node: Node, kind: string, compute: () => T): T;
}

/** The text of a scalar node as Compose reads it (numbers and booleans as written), else undefined. */
export function scalarText(node: Node | null | undefined): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return node.source ?? String(value);
  }
  return undefined;
}

/** True for a scalar key that is exactly `<<` written plainly (a merge key). */
export function isMergeKey(node: unknown): boolean {
  return isScalar(node) && node.value === '<<' && (node.type === 'PLAIN' || node.type === undefined);
}
