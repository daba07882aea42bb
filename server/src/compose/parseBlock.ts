// Parses one block of a Compose file (see parseBlocks.ts) with `yaml`, and records what the model needs
// from it without walking it again: its anchors and aliases, its node count, its problems, and on every
// node a hidden link back to the block (the block's position in the file changes from version to version;
// the node's own `range` stays relative to the block).
import type { Alias, CollectionTag, Node, Pair, Scalar, ScalarTag, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { type DuplicateKey, isMergeKey } from './model';
import { readSimpleBlock } from './parseSimple';

export type { DuplicateKey } from './model';

/** A problem with offsets relative to the block. */
export interface LocalProblem {
  code: string;
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface LocalAnchor {
  name: string;
  node: Node;
}

/** One parsed block. Shared between successive models of a document while its text is unchanged. */
export interface BlockParse {
  readonly text: string;
  /** The block document's top node (a YAMLMap for a block that starts with a key), or null. */
  readonly contents: Node | null;
  readonly problems: readonly LocalProblem[];
  /** Anchored nodes in text order. */
  readonly anchors: readonly LocalAnchor[];
  /** Alias nodes in text order. */
  readonly aliases: readonly Alias[];
  /** Pairs whose key is the merge key `<<`, in text order. */
  readonly merges: readonly Pair[];
  /** Keys written twice in one map of the block (merge keys aside). */
  readonly duplicateKeys: readonly DuplicateKey[];
  /** Value scalars whose text contains `$`, in text order. */
  readonly dollars: readonly Scalar[];
  /** Number of nodes written in the block (aliases count one each). */
  readonly nodeCount: number;
  /**
   * Results computed for nodes of this block (the entries of a map, what checks found in a service ...),
   * by node and kind of result, kept here so that the next versions of the document reuse them with the
   * block, as long as what they depend on is unchanged. Filled lazily.
   */
  readonly memo: Map<object, Map<string, unknown>>;
}

const BLOCK = Symbol('composeBlock');

/** The block a node of a parsed block belongs to; undefined for nodes the model assembled itself. */
export function blockOf(node: object): BlockParse | undefined {
  return (node as { [BLOCK]?: BlockParse })[BLOCK];
}

function tagsFor(name: string): (ScalarTag | CollectionTag)[] {
  return [
    { tag: name, resolve: (value: string) => value },
    { tag: name, collection: 'map', resolve: (map) => map },
    { tag: name, collection: 'seq', resolve: (seq) => seq },
  ] as (ScalarTag | CollectionTag)[];
}

/** Compose's own YAML tags, known so that they parse without "unresolved tag" warnings. */
const COMPOSE_TAGS = [...tagsFor('!reset'), ...tagsFor('!override')];

const OPTIONS = {
  uniqueKeys: false, // duplicate keys are reported by our own check, with both places
  prettyErrors: false,
  keepSourceTokens: false,
  customTags: COMPOSE_TAGS,
} as const;

/** `yaml`'s parse of a block, with the options the model needs. */
export function parseYamlBlock(text: string) {
  return parseDocument(text, OPTIONS);
}

export function parseBlock(text: string): BlockParse {
  // Most blocks of a large file are plain enough for our own reader (the same nodes, several times faster).
  const simple = readSimpleBlock(text);
  const problems: LocalProblem[] = [];
  let contents: Node | null = simple ?? null;
  if (simple === undefined) {
    const doc = parseYamlBlock(text);
    for (const error of doc.errors) {
      problems.push({ code: error.code, message: firstLine(error.message), start: error.pos[0], end: error.pos[1], severity: 'error' });
    }
    for (const warning of doc.warnings) {
      problems.push({ code: warning.code, message: firstLine(warning.message), start: warning.pos[0], end: warning.pos[1], severity: 'warning' });
    }
    contents = (doc.contents as Node | null) ?? null;
  }
  const block: MutableBlock = {
    text,
    contents,
    problems,
    anchors: [],
    aliases: [],
    merges: [],
    duplicateKeys: [],
    dollars: [],
    nodeCount: 0,
    memo: new Map(),
  };
  if (block.contents) walk(block.contents, block);
  return block;
}

function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  const line = newline < 0 ? message : message.slice(0, newline);
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function mark(node: object, block: BlockParse): void {
  Object.defineProperty(node, BLOCK, { value: block, enumerable: false, configurable: true, writable: true });
}

interface MutableBlock extends BlockParse {
  anchors: LocalAnchor[];
  aliases: Alias[];
  merges: Pair[];
  duplicateKeys: DuplicateKey[];
  dollars: Scalar[];
  nodeCount: number;
}

function walk(node: unknown, block: MutableBlock, isKey = false): void {
  if (node === null || node === undefined || typeof node !== 'object') return;
  if (isPair(node)) {
    mark(node, block);
    if (isMergeKey(node.key)) block.merges.push(node);
    walk(node.key, block, true);
    walk(node.value, block);
    return;
  }
  block.nodeCount++;
  mark(node, block);
  if (isAlias(node)) {
    block.aliases.push(node);
    return;
  }
  const anchored = node as Node;
  if (anchored.anchor) block.anchors.push({ name: anchored.anchor, node: anchored });
  if (isScalar(node)) {
    if (!isKey && typeof node.value === 'string' && node.value.includes('$')) block.dollars.push(node);
  } else if (isMap(node)) {
    findDuplicates(node, block.duplicateKeys);
    for (const item of node.items) walk(item, block);
  } else if (isSeq(node)) {
    for (const item of node.items) walk(item, block);
  }
}

/** Adds the keys of `map` written more than once (scalar keys; the merge key `<<` may repeat). */
export function findDuplicates(map: YAMLMap, into: DuplicateKey[]): void {
  if (map.items.length < 2) return;
  const seen = new Map<string, Scalar>();
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key) || isMergeKey(key)) continue;
    const name = key.value === null || key.value === undefined ? '' : String(key.source ?? key.value);
    const first = seen.get(name);
    if (first) into.push({ key: name, first, duplicate: key });
    else seen.set(name, key);
  }
}
