// YAML details of the schema check: Compose's custom tags, merge keys, anchors and aliases.
import type { Alias, CollectionTag, Node, Pair, ScalarTag } from 'yaml';
import { isAlias, isCollection, isMap, isScalar, isSeq } from './yamlKinds';
import { MERGE_KEY } from './schema';

/** Compose's `!reset` and `!override` tags, for `parseDocument(text, { customTags: COMPOSE_CUSTOM_TAGS })`. */
export const COMPOSE_CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = ['!reset', '!override'].flatMap((tag) => [
  { tag, identify: () => false, resolve: (value: string) => value } as ScalarTag,
  { tag, collection: 'map', identify: () => false, resolve: (map: unknown) => map } as unknown as CollectionTag,
  { tag, collection: 'seq', identify: () => false, resolve: (seq: unknown) => seq } as unknown as CollectionTag,
]);

export function isNode(value: unknown): value is Node {
  return isScalar(value) || isCollection(value) || isAlias(value);
}

/** `<<` as a plain key: a Symbol with `merge: true`, the string `<<` without it (Compose merges either way). */
export function isMergeKey(node: unknown): boolean {
  if (!isScalar(node)) return false;
  const value = node.value;
  if (typeof value === 'symbol') return value.description === MERGE_KEY;
  return value === MERGE_KEY && (node.type === 'PLAIN' || node.type === undefined);
}

/** A `!reset` / `!override` value that says "nothing": null, an empty string, `null`, `~`, `[]` or `{}`. */
export function isResetToEmpty(node: Node): boolean {
  if (node.tag !== '!reset' && node.tag !== '!override') return false;
  if (isCollection(node)) return node.items.length === 0;
  if (!isScalar(node)) return false;
  const value = node.value;
  return value === null || value === '' || value === 'null' || value === '~';
}

/** Calls `visit` for every anchored node of a subtree, in document order; does not follow aliases. */
export function forEachAnchor(node: unknown, visit: (node: Node) => void): void {
  if (!isNode(node) || isAlias(node)) return;
  if (node.anchor) visit(node);
  if (isMap(node)) {
    for (const pair of node.items as Pair[]) {
      forEachAnchor(pair.key, visit);
      forEachAnchor(pair.value, visit);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) forEachAnchor(item, visit);
  }
}

/**
 * Every alias of a document with the node of the latest anchor of its name before it, as YAML defines it;
 * only needed when an anchor name is defined twice (otherwise a name -> node map answers the same).
 */
export function aliasTargets(contents: unknown): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  const visit = (node: unknown): void => {
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      return;
    }
    if (!isNode(node)) return;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(contents);
  return targets;
}
