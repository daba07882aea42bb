// The `yaml` nodes the fast reader (parseSimple.ts) builds, made without their classes' constructors: each of those
// defines its node type (and a collection its schema) with Object.defineProperty on every node, which is a third of
// the time it takes to build the tens of thousands of nodes of a large file. Here the node type sits, as a
// non-enumerable property, on a prototype made once per class from the class's own prototype: the nodes are of the
// class (`instanceof`, `constructor`), `yaml`'s isScalar/isMap/isPair/isSeq know them (they read the property, own or
// inherited, by `yaml`'s registered symbols), and their own enumerable fields are those the constructors make.
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');

/** `proto` with the node type `type` (and, for a collection, an unset schema as the constructors leave it). */
function prototypeOf<T extends object>(proto: T, type: string, collection: boolean): T {
  return Object.create(proto, {
    [NODE_TYPE]: { value: Symbol.for(type) },
    ...(collection ? { schema: { value: undefined, configurable: true, writable: true } } : {}),
  }) as T;
}

const SCALAR = prototypeOf(Scalar.prototype, 'yaml.scalar', false);
const PAIR = prototypeOf(Pair.prototype, 'yaml.pair', false);
const MAP = prototypeOf(YAMLMap.prototype, 'yaml.map', true);
const SEQ = prototypeOf(YAMLSeq.prototype, 'yaml.seq', true);

/** As `new Scalar(value)`. */
export function newScalar(value: unknown): Scalar {
  const scalar = Object.create(SCALAR) as Scalar;
  scalar.value = value;
  return scalar;
}

/** As `new Pair(key, value)`. */
export function newPair<K, V>(key: K, value: V): Pair<K, V> {
  const pair = Object.create(PAIR) as Pair<K, V>;
  pair.key = key;
  pair.value = value;
  return pair;
}

/** As `new YAMLMap()`. */
export function newMap(): YAMLMap {
  const map = Object.create(MAP) as YAMLMap;
  map.items = [];
  return map;
}

/** As `new YAMLSeq()`. */
export function newSeq(): YAMLSeq {
  const seq = Object.create(SEQ) as YAMLSeq;
  seq.items = [];
  return seq;
}
