// The part of the Compose outline that does not depend on where a block sits in the file: for a service (or an
// `x-` extension) its detail, and for each of its keys the name, detail and where it starts and ends, as
// offsets from the start of the service's key. Computed once per block text through `model.memo` and reused
// by the next versions of the document while the block is unchanged (offsets inside a block do not move when
// lines above it change), so an outline after an edit reads the tree of the edited block only. Pure.
import type { Node, Pair, YAMLMap } from 'yaml';
import { isMap, isScalar } from './yamlKinds';
import { oneLine } from '../util/symbolText';
import type { ComposeModel } from './model';
import { scalarText } from './model';
import { childOf, type KeyDoc } from './schema';
import { valueDetail } from './symbolDetails';
import { contentEnd, isEmptyScalar, trimBlanksBack } from './symbolSpans';

/** The longest symbol name, in characters (keys are rarely longer than a few words). */
export const NAME_MAX = 100;

/** Where a pair is, as offsets relative to the start of the key that owns the shape. */
export interface Span {
  start: number;
  keyEnd: number;
  end: number;
}

export interface KeyShape extends Span {
  name: string;
  detail: string | undefined;
  /** Compose has made the key obsolete or deprecated. */
  retired: boolean;
}

export interface PairShape extends Span {
  detail: string | undefined;
  /** The keys of the pair's value when it is a map written in place (not an alias); undefined when none. */
  keys: KeyShape[] | undefined;
}

/**
 * The shape of a pair whose key is a scalar: `detail` computes its detail (it may read merges), `doc` marks
 * retired keys among the keys of its value. Remembered for the key node under `kind`.
 */
export function pairShape(model: ComposeModel, pair: Pair, kind: string, detail: () => string | undefined, doc?: KeyDoc): PairShape {
  return model.memo(pair.key as Node, kind, () => {
    const [base] = model.offsetsOf(pair.key as Node);
    const span = spanOf(model, pair, base);
    const value = pair.value as Node | null;
    return { ...span, detail: detail(), keys: isMap(value) ? keyShapes(model, value, base, doc) : undefined };
  });
}

function keyShapes(model: ComposeModel, map: YAMLMap, base: number, doc: KeyDoc | undefined): KeyShape[] | undefined {
  const keys: KeyShape[] = [];
  for (const pair of map.items as Pair[]) {
    const name = keyName(model, pair.key);
    if (name === undefined) continue;
    const span = spanOf(model, pair, base);
    const retired = doc !== undefined && isScalar(pair.key) && isRetired(childOf(doc, name));
    keys.push({ name, detail: valueDetail(model, pair.value as Node | null), retired, ...span });
  }
  return keys.length > 0 ? keys : undefined;
}

/** The pair's key start, key end and content end, relative to `base` (the pair must have a key). */
export function spanOf(model: ComposeModel, pair: Pair, base: number): Span {
  const key = pair.key as Node;
  const [start, rawKeyEnd] = model.offsetsOf(key);
  // A key is a scalar but for broken files, where it may be a collection (that ends with its content too).
  const keyEnd = isScalar(key) ? trimBlanksBack(model.text, start, rawKeyEnd) : Math.max(start, contentEnd(model, key));
  const value = pair.value as Node | null;
  const end = value && !isEmptyScalar(model, value) ? Math.max(keyEnd, contentEnd(model, value)) : keyEnd;
  return { start: start - base, keyEnd: keyEnd - base, end: end - base };
}

/** A key's name: its text as Compose reads it, or as written (`""`, `~`, a collection after a syntax error). */
export function keyName(model: ComposeModel, key: unknown): string | undefined {
  if (!key || typeof key !== 'object') return undefined;
  const node = key as Node;
  const text = isScalar(node) ? scalarText(node) : undefined;
  if (text) return displayName(text);
  const [start, end] = model.offsetsOf(node);
  return oneLine(model.text.slice(start, end), NAME_MAX) || undefined;
}

/** A name on one line and not too long (a client shows names in narrow places). */
export function displayName(name: string): string {
  if (name.length <= NAME_MAX && !/[\n\r\u2028\u2029]/.test(name)) return name;
  return oneLine(name, NAME_MAX) || name;
}

/** A key Compose has made obsolete or deprecated. */
export function isRetired(doc: KeyDoc | undefined): boolean {
  return !!doc && (doc.obsolete === true || doc.deprecated !== undefined);
}
