// The `yaml` nodes the fast reader (parseSimple.ts) builds, made without their classes' constructors: each of those
// defines its node type (and a collection its schema) with Object.defineProperty on every node, which is a third of
// the time it takes to build the tens of thousands of nodes of a large file. Here the node type sits, as a
// non-enumerable property, on a prototype made once per class from the class's own prototype: the nodes are of the
// class (`instanceof`, `constructor`), `yaml`'s isScalar/isMap/isPair/isSeq know them (they read the property, own or
// inherited, by `yaml`'s registered symbols), and their own enumerable fields are those the constructors make.
// They are made by plain constructor functions, so that V8 sizes each object for the fields the reader and the
// model's block mark then set (Object.create would leave room for four and put the rest in an array of their own).
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** `yaml`'s own mark of a node's type (what its isScalar, isMap ... read), and the marks, registered by `yaml`. */
export const NODE_TYPE = Symbol.for('yaml.node.type');
export const SCALAR = Symbol.for('yaml.scalar');
export const PAIR = Symbol.for('yaml.pair');
export const MAP = Symbol.for('yaml.map');
export const SEQ = Symbol.for('yaml.seq');
export const ALIAS = Symbol.for('yaml.alias');

/** `proto` with the node type `type` (and, for a collection, an unset schema as the constructors leave it). */
function prototypeOf<T extends object>(proto: T, type: symbol, collection: boolean): T {
  return Object.create(proto, {
    [NODE_TYPE]: { value: type },
    ...(collection ? { schema: { value: undefined, configurable: true, writable: true } } : {}),
  }) as T;
}

/** A plain constructor function `init` whose objects have `proto` as prototype, typed as a class. */
function nodeClass<T, A extends unknown[]>(proto: T, init: (this: T, ...args: A) => void): new (...args: A) => T {
  (init as unknown as { prototype: T }).prototype = proto;
  return init as unknown as new (...args: A) => T;
}

const FastScalar = nodeClass(prototypeOf(Scalar.prototype, SCALAR, false), function (value: unknown) {
  this.value = value;
});
const FastPair = nodeClass(prototypeOf(Pair.prototype, PAIR, false), function (key: unknown, value: unknown) {
  this.key = key;
  this.value = value;
});
const FastMap = nodeClass(prototypeOf(YAMLMap.prototype, MAP, true), function () {
  this.items = [];
});
const FastSeq = nodeClass(prototypeOf(YAMLSeq.prototype, SEQ, true), function () {
  this.items = [];
});

/** As `new Scalar(value)`. */
export function newScalar(value: unknown): Scalar {
  return new FastScalar(value);
}

/** As `new Pair(key, value)`. */
export function newPair<K, V>(key: K, value: V): Pair<K, V> {
  return new FastPair(key, value) as Pair<K, V>;
}

/** As `new YAMLMap()`. */
export function newMap(): YAMLMap {
  return new FastMap();
}

/** As `new YAMLSeq()`. */
export function newSeq(): YAMLSeq {
  return new FastSeq();
}

/**
 * The items of a collection read to the end, in an array of their number: an array grown by push keeps room for
 * sixteen more, most of the memory of a small map of the model.
 */
export function fitted<T>(items: T[]): T[] {
  return items.length > 0 ? items.slice() : items;
}
