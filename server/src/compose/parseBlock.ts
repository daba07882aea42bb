// Parses one block of a Compose file (see parseBlocks.ts) with `yaml`, and records what the model needs
// from it without walking it again: its anchors and aliases, its node count, its problems, and on every
// node a hidden link back to the block (the block's position in the file changes from version to version;
// the node's own `range` stays relative to the block).
import type { Alias, CollectionTag, Node, Pair, Scalar, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';
import { parseDocument } from 'yaml';
import { isScalar } from './yamlKinds';
import { BlockMemo } from './blockMemo';
import { type DuplicateKey, isMergeKey } from './model';
import { ALIAS, MAP, NODE_TYPE, PAIR, SCALAR, SEQ } from './parseNodes';
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
  /** Key scalars YAML reads as a number, a boolean or null, in text order. */
  readonly nonTextKeys: readonly Scalar[];
  /**
   * Results computed for nodes of this block (the entries of a map, what checks found in a service ...), by kind
   * of result and node (blockMemo.ts), kept here so that the next versions of the document reuse them with the
   * block, as long as what they depend on is unchanged. Filled lazily.
   */
  readonly memo: BlockMemo;
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
    nonTextKeys: [],
    memo: new BlockMemo(),
  };
  if (block.contents) walk(block.contents, block);
  return block;
}

function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  const line = newline < 0 ? message : message.slice(0, newline);
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Links a node to its block: a plain store of a symbol-keyed property (invisible to Object.keys, for...in and JSON),
 * several times cheaper than Object.defineProperty on the tens of thousands of nodes of a large file.
 */
function mark(node: object, block: BlockParse): void {
  (node as { [BLOCK]?: BlockParse })[BLOCK] = block;
}

interface MutableBlock extends BlockParse {
  anchors: LocalAnchor[];
  aliases: Alias[];
  merges: Pair[];
  duplicateKeys: DuplicateKey[];
  dollars: Scalar[];
  nodeCount: number;
  nonTextKeys: Scalar[];
}

function walk(node: unknown, block: MutableBlock, isKey = false): void {
  if (node === null || node === undefined || typeof node !== 'object') return;
  // The node's type mark (parseNodes.ts) read once: this runs on every node of a large file while the server is cold.
  const type = (node as { [NODE_TYPE]?: symbol })[NODE_TYPE];
  if (type === PAIR) {
    const pair = node as Pair;
    mark(pair, block);
    if (isMergeKey(pair.key)) block.merges.push(pair);
    walk(pair.key, block, true);
    walk(pair.value, block);
    return;
  }
  block.nodeCount++;
  mark(node, block);
  if (type === ALIAS) {
    block.aliases.push(node as Alias);
    return;
  }
  const anchored = node as Node;
  if (anchored.anchor) block.anchors.push({ name: anchored.anchor, node: anchored });
  if (type === SCALAR) {
    const value = (node as Scalar).value;
    if (isKey) {
      if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') block.nonTextKeys.push(node as Scalar);
    } else if (typeof value === 'string' && value.includes('$')) block.dollars.push(node as Scalar);
  } else if (type === MAP || type === SEQ) {
    if (type === MAP) findDuplicates(node as YAMLMap, block.duplicateKeys);
    // Indexed loops: for...of makes an iterator result per element in cold code.
    const items = (node as YAMLMap | YAMLSeq).items as unknown[];
    for (let i = 0; i < items.length; i++) walk(items[i], block);
  }
}

/** Adds the keys of `map` written more than once (scalar keys; the merge key `<<` may repeat). */
export function findDuplicates(map: YAMLMap, into: DuplicateKey[]): void {
  const items = map.items;
  if (items.length < 2) return;
  if (items.length <= SMALL_MAP) {
    // A few keys (most maps): compared with the ones before, without a Map for each of thousands of maps.
    for (let i = 1; i < items.length; i++) {
      const name = keyName(items[i].key);
      if (name === undefined) continue;
      for (let j = 0; j < i; j++) {
        if (keyName(items[j].key) !== name) continue;
        into.push({ key: name, first: items[j].key as Scalar, duplicate: items[i].key as Scalar });
        break;
      }
    }
    return;
  }
  const seen = new Map<string, Scalar>();
  for (const pair of items) {
    const name = keyName(pair.key);
    if (name === undefined) continue;
    const first = seen.get(name);
    if (first) into.push({ key: name, first, duplicate: pair.key as Scalar });
    else seen.set(name, pair.key as Scalar);
  }
}

/**
 * A map of at most this many keys is small: its keys are compared or looked for one by one, without a Map of its own
 * (findDuplicates here, a map's entries in parseEntries.ts); most maps of a compose file are.
 */
export const SMALL_MAP = 8;

/** The name a duplicate key is reported by; undefined for a key that is not a scalar, and for the merge key. */
function keyName(key: unknown): string | undefined {
  if (!isScalar(key) || isMergeKey(key)) return undefined;
  return key.value === null || key.value === undefined ? '' : String(key.source ?? key.value);
}
